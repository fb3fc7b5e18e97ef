"""Render the site model into pages with Jinja: a site's templates/ over the packaged theme."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import meta

from .config import Config
from .model import SPEAKER_TYPES, Participant, Problem, SiteModel
from .search import search_index_json, to_json


def theme_dir() -> Path:
    """The default theme: packaged in the wheel as briefings/templates, top-level in a checkout."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


def template_dirs(config: Config) -> list[Path]:
    dirs = [config.templates_path] if config.templates_path.is_dir() else []
    theme = theme_dir()
    return dirs if theme.resolve() in (d.resolve() for d in dirs) else dirs + [theme]


def make_environment(config: Config) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(config)]),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,  # a typo in a template is an error, not a blank
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    env.filters["rfc3339"] = rfc3339
    env.filters["rfc822"] = rfc822
    env.filters["json"] = to_json
    env.globals["absolute"] = lambda url: config.base_url + url
    return env


def format_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "Undated"


def rfc3339(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "1970-01-01T00:00:00Z"
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def rfc822(value: dt.date | dt.datetime | None) -> str:
    """RSS 2.0 dates: "Wed, 18 Nov 2026 00:00:00 +0000" (English names whatever the locale)."""
    return email.utils.format_datetime(
        dt.datetime.strptime(rfc3339(value), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    )


def relative(target: str, page_url: str) -> str:
    """Link from one output file to another, relative so output/ works from disk and under
    any sub-path. Every URL in the site is a file path from the site root, so climbing to
    the root and down again is exact (and far cheaper than posixpath.relpath)."""
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return target
    depth = page_url.count("/")
    if depth == 0:
        return target or "index.html"
    if target.startswith(page_url.rsplit("/", 1)[0] + "/") and target.count("/") == depth:
        return target.rsplit("/", 1)[1]  # a sibling in the same folder
    return "../" * depth + (target or "index.html")


def template_hashes(env: jinja2.Environment, names: set[str]) -> dict[str, str]:
    """For each template, a hash of its source and of every template it extends, includes
    or imports: what decides whether its pages must be rendered again."""
    sources: dict[str, str] = {}

    def source(name: str) -> str:
        if name not in sources:
            try:
                sources[name] = env.loader.get_source(env, name)[0]
            except jinja2.TemplateNotFound:
                sources[name] = f"\0missing {name}"
        return sources[name]

    def closure(name: str) -> set[str]:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            todo.extend(_references(source(current)))
        return seen

    hashes = {}
    for name in names:
        digest = hashlib.sha256()
        for part in sorted(closure(name)):
            digest.update(part.encode() + b"\0" + source(part).encode("utf-8", "surrogatepass") + b"\0")
        hashes[name] = digest.hexdigest()
    return hashes


@lru_cache(maxsize=256)
def _references(source: str) -> tuple[str, ...]:
    """Templates a template's source extends, includes or imports (by literal name)."""
    try:
        ast = _PARSER.parse(source)
    except jinja2.TemplateSyntaxError:
        return ()  # rendering reports it with file and line
    return tuple(t for t in meta.find_referenced_templates(ast) if isinstance(t, str))


_PARSER = jinja2.Environment()


class TemplateProblem(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem

    def __reduce__(self):  # raised in a rendering worker, it reaches the build whole
        return TemplateProblem, (self.problem,)


class Renderer:
    """Pages of one site model: `pages()` yields (output path, bytes)."""

    def __init__(
        self, site: SiteModel, config: Config, env: jinja2.Environment | None = None, search_memo: dict | None = None
    ):
        self.site, self.config = site, config
        self.search_memo = search_memo  # kept by a long-lived builder: see search_index_json
        self.env = env or make_environment(config)
        self._participant_urls = {key: p.url for p in site.participants for key in p.keys or [p.key]}
        self._speaker_urls: dict[str, str] = {}
        self._search_index: str | None = None
        for page in site.participants:
            if page.type in SPEAKER_TYPES:
                for key in page.keys or [page.key]:
                    self._speaker_urls.setdefault(key.split(":", 1)[1], page.url)

    def participant_url(self, participant: Participant) -> str | None:
        return self._participant_urls.get(f"{participant.type}:{participant.name}")

    def speaker_url(self, name: str | None) -> str | None:
        return self._speaker_urls.get(name) if name else None

    def entry_link_targets(self, entry) -> list[str]:
        """Participant and speaker pages an entry's card and page link to (page deps)."""
        participants, speakers = self._participant_urls, self._speaker_urls
        return [participants.get(key, "") for key in entry.extraction.participant_keys] + [
            speakers.get(q.speaker, "") if q.speaker else "" for q in entry.extraction.quotes
        ]

    def search_index(self) -> str:
        """The search index as JSON, made once: search.json and search-index.js both hold it."""
        if self._search_index is None:
            self._search_index = search_index_json(self.site, self.search_memo)
        return self._search_index

    def render(self, template: str, page_url: str, **context) -> bytes:
        try:
            html = self.env.get_template(template).render(
                site=self.site,
                config=self.config,
                page_url=page_url,
                rel=lambda target: relative(target, page_url),
                participant_url=self.participant_url,
                speaker_url=self.speaker_url,
                search_index=self.search_index,
                **context,
            )
        except jinja2.TemplateSyntaxError as exc:
            problem = Problem(exc.filename or exc.name or template, exc.message or str(exc), exc.lineno)
            raise TemplateProblem(problem) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(Problem(template, f"template not found: {exc.name}")) from None
        except jinja2.TemplateError as exc:
            raise TemplateProblem(_runtime_problem(exc, template)) from None
        return html.encode("utf-8")

    def static_files(self) -> Iterator[tuple[str, bytes]]:
        """templates/static/* copied to output/static/, a site's file over the theme's."""
        seen: set[str] = set()
        for folder in template_dirs(self.config):
            static = folder / "static"
            if not static.is_dir():
                continue
            for path in sorted(p for p in static.rglob("*") if p.is_file()):
                name = "static/" + path.relative_to(static).as_posix()
                if name not in seen:
                    try:
                        data = path.read_bytes()
                    except FileNotFoundError:
                        continue  # deleted since the folder was listed
                    seen.add(name)
                    yield name, data


def _runtime_problem(exc: jinja2.TemplateError, template: str) -> Problem:
    """Name the template file and line of a runtime error from Jinja's traceback frames."""
    import traceback

    filename, line = template, None
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            filename, line = frame.filename, frame.lineno
            break
    return Problem(filename, str(exc) or type(exc).__name__, line)
