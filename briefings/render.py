"""Render the site model into pages with Jinja: a site's templates/ over the packaged theme."""
from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterator
from pathlib import Path

import jinja2

from .config import Config
from .model import Participant, Problem, SiteModel


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
    env.globals["absolute"] = lambda url: config.base_url + url
    return env


def format_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else "Undated"


def rfc3339(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return "1970-01-01T00:00:00Z"
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def relative(target: str, page_url: str) -> str:
    """Link from one output file to another, relative so output/ works anywhere."""
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return target
    base = posixpath.dirname(page_url) or "."
    rel = posixpath.relpath(target or ".", base)
    return rel + "/" if target.endswith("/") and not rel.endswith("/") else rel


class TemplateProblem(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class Renderer:
    """Pages of one site model: `pages()` yields (output path, bytes)."""

    def __init__(self, site: SiteModel, config: Config, env: jinja2.Environment | None = None):
        self.site, self.config = site, config
        self.env = env or make_environment(config)
        self._participant_urls = {p.key: p.url for p in site.participants}
        self._speaker_urls: dict[str, str] = {}
        for page in site.participants:
            if page.type in ("PERSON", "ORG"):
                self._speaker_urls.setdefault(page.name, page.url)

    def participant_url(self, participant: Participant) -> str | None:
        return self._participant_urls.get(f"{participant.type}:{participant.name}")

    def speaker_url(self, name: str | None) -> str | None:
        return self._speaker_urls.get(name) if name else None

    def render(self, template: str, page_url: str, **context) -> bytes:
        try:
            html = self.env.get_template(template).render(
                site=self.site,
                config=self.config,
                page_url=page_url,
                rel=lambda target: relative(target, page_url),
                participant_url=self.participant_url,
                speaker_url=self.speaker_url,
                **context,
            )
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(Problem(exc.filename or exc.name or template, exc.message or str(exc), exc.lineno)) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(Problem(template, f"template not found: {exc.name}")) from None
        except jinja2.TemplateError as exc:
            raise TemplateProblem(_runtime_problem(exc, template)) from None
        return html.encode("utf-8")

    def pages(self) -> Iterator[tuple[str, bytes]]:
        site = self.site
        if site.digests:
            yield "index.html", self.render("digest.html", "index.html", digest=site.digests[0], is_index=True)
        else:
            yield "index.html", self.render("empty.html", "index.html")
        for digest in site.digests:
            yield digest.url, self.render("digest.html", digest.url, digest=digest, is_index=False)
        yield "digests/index.html", self.render("archive.html", "digests/index.html")
        for entry in site.entries:
            yield entry.url, self.render("article.html", entry.url, entry=entry)
        yield "participants/index.html", self.render("participants.html", "participants/index.html")
        for page in site.participants:
            yield page.url, self.render("participant.html", page.url, participant=page)
        yield "tags/index.html", self.render("tags.html", "tags/index.html")
        for tag in site.tags:
            yield tag.url, self.render("tag.html", tag.url, tag=tag)
        yield "quotes/index.html", self.render("quotes.html", "quotes/index.html")
        yield "feed.xml", self.render("atom.xml", "feed.xml")
        yield "sitemap.xml", self.render("sitemap.xml", "sitemap.xml")
        yield from self.static_files()

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
                    seen.add(name)
                    yield name, path.read_bytes()


def _runtime_problem(exc: jinja2.TemplateError, template: str) -> Problem:
    """Name the template file and line of a runtime error from Jinja's traceback frames."""
    import traceback

    filename, line = template, None
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            filename, line = frame.filename, frame.lineno
            break
    return Problem(filename, str(exc) or type(exc).__name__, line)
