"""Command line: init, build, serve, extract, stories, email."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .config import Config, ConfigError, load_config
from .console import err, report
from .model import Problem

def load_or_exit(path: str) -> Config:
    try:
        return load_config(Path(path))
    except ConfigError as exc:
        report(exc.problems)
        sys.exit(1)


config_option = click.option("--config", "config_path", default="config.yaml", show_default=True,
                             type=click.Path(dir_okay=False), help="Site configuration file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefings")
def main() -> None:
    """Briefing digests from news articles: key points, quotes and participants."""


@main.command()
@config_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--clean", is_flag=True, help="Render every page, not only what changed since the last build.")
@click.option("-v", "--verbose", is_flag=True, help="Print the time each stage took.")
def build(config_path: str, strict: bool, drafts: bool, clean: bool, verbose: bool) -> None:
    """Build the site from content/ into output/."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from .build import Builder

    config = load_or_exit(config_path)
    with Progress("Extracting", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = None

        def progress(done: int, total: int) -> None:
            nonlocal task
            if task is None and total > 5:  # a bar only where there is something to wait for
                task = bar.add_task("extract", total=total)
            if task is not None:
                bar.update(task, completed=done)

        result = Builder(config, drafts=drafts, on_wait=lambda message: err.print(message, markup=False)).build(
            clean=clean, progress=progress)
    report(result.problems)
    summary = (f"{result.articles} articles ({result.parsed} parsed), {result.written} of {result.pages} pages written"
               f"{' (full)' if result.full else ''} in {result.seconds:.2f}s → {config.output_path}")
    if verbose:
        err.print("  ".join(f"{stage} {seconds:.3f}s" for stage, seconds in result.timings.items()), markup=False)
    if result.failed(strict):
        err.print(f"Build failed: {len(result.errors)} error(s), {len(result.warnings)} warning(s); {summary}",
                  style="red", markup=False, soft_wrap=True)
        sys.exit(1)
    err.print(f"Built {summary}", markup=False, soft_wrap=True)


@main.command()
@config_option
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (local only by default).")
@click.option("--poll", is_flag=True, help="Poll for changes (network file systems).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.option("--drafts/--no-drafts", default=True, show_default=True, help="Include articles marked draft: true.")
def serve(config_path: str, port: int, host: str, poll: bool, open_browser: bool, drafts: bool) -> None:
    """Build, serve output/ and rebuild on every change; open pages reload themselves.
    Drafts are included (they are marked Draft and kept out of feeds and the sitemap)."""
    from .serve import serve as run_serve

    config = load_or_exit(config_path)
    sys.exit(run_serve(config, Path(config_path), host=host, port=port, poll=poll, open_browser=open_browser,
                       drafts=drafts))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="Take model and key-point count from this config (default: ./config.yaml if present).")
@click.option("--key-points", type=click.IntRange(0, 20), default=None, help="Key points per article.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def extract(fmt: str, config_path: str | None, key_points: int | None, files: tuple[str, ...]) -> None:
    """Print key points, quotes and participants of FILES (.md or .txt) as JSON."""
    from .output import extraction_json

    articles, extractions, problems = _read_and_extract(files, config_path, key_points)
    payload = {"articles": [extraction_json(a, e) for a, e in zip(articles, extractions)]}
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--config", "config_path", default=None, type=click.Path(dir_okay=False),
              help="Take model and key-point count from this config (default: ./config.yaml if present).")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def stories(fmt: str, config_path: str | None, files: tuple[str, ...]) -> None:
    """Group FILES (.md or .txt) into stories, as one period, and print them as JSON:
    each file in exactly one story, best stories first."""
    from .model import Entry
    from .site import article_url
    from .stories import find_stories
    from .stories.as_json import story_json

    articles, extractions, problems = _read_and_extract(files, config_path, None)
    entries = [Entry(article=a, extraction=e, url=article_url(a.slug)) for a, e in zip(articles, extractions)]
    payload = {"stories": [story_json(s) for s in find_stories(entries)]}
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


def _read_and_extract(files: tuple[str, ...], config_path: str | None, key_points: int | None):
    """Read FILES and extract each (through the cache of the config, when one is given):
    (articles, extractions, problems), the problems already reported."""
    from .cache import ExtractionCache
    from .content import ContentError, read_article
    from .extraction import extract_texts

    if config_path is None and Path("config.yaml").is_file():
        config_path = "config.yaml"
    config = load_or_exit(config_path) if config_path else Config()
    cache = ExtractionCache(config.cache_path if config_path else None)
    articles, problems = [], []
    for name in files:
        path = Path(name)
        try:
            article, warnings = read_article(path, name, config.markdown.raw_html)
        except ContentError as exc:
            problems.append(Problem(name, exc.message, exc.line))
            continue
        except OSError as exc:
            problems.append(Problem(name, exc.strerror or str(exc)))
            continue
        problems.extend(warnings)
        articles.append(article)
    counts = [key_points if key_points is not None else a.key_points if a.key_points is not None else config.key_points
              for a in articles]
    failures: dict[int, str] = {}
    extractions = extract_texts([a.text for a in articles], config.model, counts, cache, processes=os.cpu_count() or 1,
                                failures=failures)
    problems += [Problem(articles[i].source, f"extraction failed ({message})") for i, message in failures.items()]
    report(problems)
    return articles, [e for _, e in extractions], problems


@main.command()
@config_option
@click.option("--digest", "digest_id", default=None, help="Digest ID, e.g. 2026-11-16 (default: the latest).")
@click.option("--article", "article_slug", default=None, metavar="SLUG", help="Email one article instead of a digest.")
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None, help="Write the message to FILE.eml.")
@click.option("--send", is_flag=True, help="Send over the SMTP server in config.yaml.")
@click.option("--to", "recipients", multiple=True, help="Recipient (repeatable); default: email.to in config.")
@click.option("--dry-run", is_flag=True, help="With --send: show what would be sent, send nothing.")
def email(config_path: str, digest_id: str | None, article_slug: str | None, out: str | None, send: bool,
          recipients: tuple[str, ...], dry_run: bool) -> None:
    """Turn a digest (or one article) into an email: write it as .eml, send it, or both.

    The HTML part is kept under 100 KB (Gmail clips longer messages): a digest that would
    be larger shows fewer quotes, key points, participants and then articles, each linking
    to its full briefing, and the command says so. Exit status 1 when any recipient was
    refused or nothing could be built or sent."""
    from . import email as mail

    if digest_id and article_slug:
        raise click.UsageError("give --digest or --article, not both")
    if not out and not send:
        raise click.UsageError("give --out FILE.eml, --send, or both")
    if dry_run and not send:
        raise click.UsageError("--dry-run goes with --send")
    config = load_or_exit(config_path)
    log = lambda line: err.print(line, markup=False, soft_wrap=True, highlight=False)  # noqa: E731 - addresses may hold "[...]"
    try:
        composed = mail.compose(config, digest_id=digest_id, article_slug=article_slug, recipients=list(recipients))
        for line in composed.notes():
            log(line)
        message = composed.message
        if out:
            data = bytes(message)
            try:
                Path(out).write_bytes(data)
            except OSError as exc:
                raise mail.EmailError(f"cannot write {out}: {exc.strerror or exc}") from None
            log(f"Wrote {out} ({len(data) / 1024:.0f} KB; HTML part {composed.html_size / 1024:.0f} KB)")
        if send and not mail.send(config, message, dry_run=dry_run, log=log):
            sys.exit(1)
    except mail.EmailError as exc:
        log(f"error: {exc}")
        sys.exit(1)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
def init(directory: str) -> None:
    """Create a new site in DIRECTORY: config.yaml, content/ with two articles, templates/."""
    from .scaffold import ScaffoldError, create_site

    try:
        create_site(Path(directory))
    except ScaffoldError as exc:
        err.print(f"error: {exc}", style="red", markup=False)
        sys.exit(1)
    err.print(f"Created a site in {directory}. Next: cd {directory} && briefings build")
