"""Command line: init, new, build, serve, extract, stories, email, fetch, theme copy."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

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


def site_or_exit(path: str, *, content_needed: bool = True) -> Config:
    """The config of the site to build, serve or add to. Where there is no site, refuse
    before anything (output/, the cache) is written, and say how to start one."""
    config = load_or_exit(path)
    if not config.content_path.is_dir():
        if Path(path).exists() and not content_needed:
            return config
        if Path(path).exists():
            problem = Problem(
                str(config.content_path),
                f"content directory not found (content_dir in {path}): create it and put articles in it",
            )
        else:
            problem = Problem(
                str(config.root),
                f"no site here: no {path} and no {config.content_dir}/ folder. Start "
                "a site with `briefings init DIR`, or run this in a site's folder",
            )
        report([problem])
        sys.exit(1)
    return config


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")  # a base_url there is nobody else's site

config_option = click.option(
    "--config",
    "config_path",
    default="config.yaml",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Site configuration file.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefings")
def main() -> None:
    """Briefing digests from news articles: key points, quotes and participants."""


@main.command()
@config_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--drafts", is_flag=True, help="Include articles marked draft: true.")
@click.option("--clean", is_flag=True, help="Render every page, not only what changed since the last build.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Print the time each stage took and what cleaning cut from each article."
)
def build(config_path: str, strict: bool, drafts: bool, clean: bool, verbose: bool) -> None:
    """Build the site from content/ into output/."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from .build import Builder

    config = site_or_exit(config_path)
    with Progress(
        "Extracting",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = None

        def progress(done: int, total: int) -> None:
            nonlocal task
            if task is None and total > 5:  # a bar only where there is something to wait for
                task = bar.add_task("extract", total=total)
            if task is not None:
                bar.update(task, completed=done)

        builder = Builder(config, drafts=drafts, on_wait=lambda message: err.print(message, markup=False))
        result = builder.build(clean=clean, progress=progress)
    report(result.problems)
    if verbose:
        site = result.site or builder.load_site().site  # an unchanged build read nothing: read now
        for line in cleaning_report([e.article for e in site.entries] if site else []):
            err.print(line, markup=False, highlight=False, soft_wrap=True)
    summary = (
        f"{result.articles} articles ({result.parsed} parsed), {result.written} of {result.pages} pages written"
        f"{' (full)' if result.full else ''} in {result.seconds:.2f}s → {config.output_path}"
    )
    if verbose:
        err.print("  ".join(f"{stage} {seconds:.3f}s" for stage, seconds in result.timings.items()), markup=False)
    if result.failed(strict):
        err.print(
            f"Build failed: {len(result.errors)} error(s), {len(result.warnings)} warning(s); {summary}",
            style="red",
            markup=False,
            soft_wrap=True,
        )
        sys.exit(1)
    err.print(f"Built {summary}", markup=False, soft_wrap=True)


def cleaning_report(articles: list) -> list[str]:
    """One line per article the clean stage cut something from: how much, and of what kind."""
    lines, lost_total, kept_total = [], 0, 0
    for article in sorted(articles, key=lambda a: a.source):
        lost = sum(len("".join(text.split())) for _, _, text in article.cuts)
        kept = len("".join(article.text.split()))
        lost_total, kept_total = lost_total + lost, kept_total + kept
        if article.cuts:
            kinds = Counter(kind for kind, _, _ in article.cuts)
            lines.append(
                f"{article.source}: cleaning cut {lost:,} of {lost + kept:,} characters "
                f"({100 * lost / max(1, lost + kept):.0f}%): " + ", ".join(f"{k} {n}" for k, n in kinds.items())
            )
    if articles:
        total = lost_total + kept_total
        lines.append(
            f"cleaning: {len(lines)} of {len(articles)} articles lost {lost_total:,} of {total:,} "
            f"characters ({100 * lost_total / max(1, total):.1f}%)"
        )
    return lines


@main.command()
@config_option
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (local only by default).")
@click.option("--poll", is_flag=True, help="Poll for changes (network file systems).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@click.option("--drafts/--no-drafts", default=True, show_default=True, help="Include articles marked draft: true.")
@click.option("-v", "--verbose", is_flag=True, help="Print the time each stage of each build took.")
def serve(config_path: str, port: int, host: str, poll: bool, open_browser: bool, drafts: bool, verbose: bool) -> None:
    """Build, serve output/ and rebuild on every change; open pages reload themselves.
    Drafts are included (they are marked Draft and kept out of feeds and the sitemap)."""
    from .serve import serve as run_serve

    config = site_or_exit(config_path)
    sys.exit(
        run_serve(
            config,
            Path(config_path),
            host=host,
            port=port,
            poll=poll,
            open_browser=open_browser,
            drafts=drafts,
            verbose=verbose,
        )
    )


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option(
    "--config",
    "config_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="Take model and key-point count from this config (default: ./config.yaml if present).",
)
@click.option("--key-points", type=click.IntRange(0, 20), default=None, help="Key points per article.")
@click.option(
    "--explain",
    is_flag=True,
    help="List what cleaning cut from each file (path:line: kind: text) "
    "and what the text said of itself, instead of the JSON.",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def extract(fmt: str, config_path: str | None, key_points: int | None, explain: bool, files: tuple[str, ...]) -> None:
    """Print key points, quotes and participants of FILES (.md, .txt or saved .html pages) as JSON."""
    from .extract.as_json import extraction_json

    config, cache, articles, problems = _read_files(files, config_path)
    if explain:
        report(problems)
        for article in articles:
            click.echo(explanation(article))
        sys.exit(1 if any(p.severity == "error" for p in problems) else 0)
    extractions = _extract(config, cache, articles, key_points, problems)
    payload = {"articles": [extraction_json(a, e) for a, e in zip(articles, extractions)]}
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option(
    "--config",
    "config_path",
    default=None,
    type=click.Path(dir_okay=False),
    help="Take model and key-point count from this config (default: ./config.yaml if present).",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def stories(fmt: str, config_path: str | None, files: tuple[str, ...]) -> None:
    """Group FILES (.md, .txt or saved .html pages) into stories, as one period, and print them as JSON:
    each file in exactly one story, best stories first."""
    from .model import Entry, titled
    from .site import article_url
    from .stories import find_stories
    from .stories.as_json import story_json

    config, cache, articles, problems = _read_files(files, config_path)
    extractions = _extract(config, cache, articles, None, problems)
    entries = [
        Entry(article=titled(a, e), extraction=e, url=article_url(a.slug)) for a, e in zip(articles, extractions)
    ]
    payload = {"stories": [story_json(s) for s in find_stories(entries, config.top_points)]}
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


def _read_files(files: tuple[str, ...], config_path: str | None):
    """(config, extraction cache, articles, problems) for FILES: the config given, else
    ./config.yaml (and its cache), else the defaults (and no cache on disk); a file that
    cannot be read is a problem, not an article."""
    from .cache import ExtractionCache
    from .content import ContentError, read_article

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
    return config, cache, articles, problems


def _extract(config: Config, cache, articles: list, key_points: int | None, problems: list[Problem]) -> list:
    """Each article's extraction, through `cache`; failures join `problems`, which are then
    reported."""
    from .extract.batch import extract_texts

    counts = [
        key_points if key_points is not None else a.key_points if a.key_points is not None else config.key_points
        for a in articles
    ]
    extracted = extract_texts([a.text for a in articles], config.model, counts, cache, processes=os.cpu_count() or 1)
    problems += [Problem(articles[i].source, f"extraction failed ({error})") for i, error in extracted.failures.items()]
    report(problems)
    return [e for _, e in extracted]


def explanation(article) -> str:
    """Every cut as `path:line: kind: text`, then what the article reads as."""
    lines = [
        f"{article.source}:{line}: {kind}: {text if len(text) <= 160 else text[:159] + '…'}"
        for kind, line, text in article.cuts
    ]
    facts = [
        f"title {article.title!r}",
        f"date {article.date or '-'}",
        f"author {article.author or '-'}",
        f"source {article.source_name or '-'}",
        f"dateline {article.dateline or '-'}",
    ]
    lost = sum(len("".join(text.split())) for _, _, text in article.cuts)
    kept = len("".join(article.text.split()))
    lines.append(
        f"{article.source}: {len(article.cuts)} cut(s), {lost:,} of {lost + kept:,} characters; " + "; ".join(facts)
    )
    return "\n".join(lines)


@main.command()
@config_option
@click.option("--digest", "digest_id", default=None, help="Digest ID, e.g. 2026-11-16 (default: the latest).")
@click.option("--article", "article_slug", default=None, metavar="SLUG", help="Email one article instead of a digest.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the message to FILE.eml (needs no recipient).",
)
@click.option("--send", is_flag=True, help="Send over the SMTP server in config.yaml (needs --to or email.to).")
@click.option("--to", "recipients", multiple=True, help="Recipient (repeatable); default: email.to in config.")
@click.option("--dry-run", is_flag=True, help="With --send: show what would be sent, send nothing.")
def email(
    config_path: str,
    digest_id: str | None,
    article_slug: str | None,
    out: str | None,
    send: bool,
    recipients: tuple[str, ...],
    dry_run: bool,
) -> None:
    """Turn a digest (or one article) into an email: write it as .eml, send it, or both.

    The HTML part is kept under 100 KB (Gmail clips longer messages): a digest that would
    be larger shows fewer quotes, key points, participants and then articles, each linking
    to its full briefing, and the command says so. Exit status 1 when any recipient was
    refused or nothing could be built or sent."""
    from . import mail, smtp

    if digest_id and article_slug:
        raise click.UsageError("give --digest or --article, not both")
    if not out and not send:
        raise click.UsageError("give --out FILE.eml, --send, or both")
    if dry_run and not send:
        raise click.UsageError("--dry-run goes with --send")
    config = load_or_exit(config_path)
    if send and not (recipients or config.email.to):
        raise click.UsageError(
            "--send needs a recipient: give --to ADDRESS or set email.to in config.yaml (--out alone needs none)"
        )
    log = lambda line: err.print(line, markup=False, soft_wrap=True, highlight=False)  # noqa: E731 - addresses may hold "[...]"
    if urlsplit(config.base_url).hostname in LOCAL_HOSTS:
        log(
            f"warning: base_url is still {config.base_url}: the email's links would point at the reader's own "
            "machine. Set base_url in config.yaml to the address where the site is published."
        )
    try:
        composed = mail.compose(
            config, digest_id=digest_id, article_slug=article_slug, recipients=list(recipients), need_recipients=send
        )
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
        if send and not smtp.send(config, message, dry_run=dry_run, log=log):
            sys.exit(1)
    except mail.EmailError as exc:
        log(f"error: {exc}")
        sys.exit(1)


@main.command()
@config_option
@click.argument("title")
def new(config_path: str, title: str) -> None:
    """Start an article: content/<slug>.md with its title, today's date and draft: true.
    Prints its path; never overwrites a file."""
    import datetime as dt

    from .scaffold import ScaffoldError, new_article

    config = site_or_exit(config_path, content_needed=False)
    try:
        path = new_article(config.content_path, title, dt.date.today())
    except ScaffoldError as exc:
        err.print(f"error: {exc}", style="red", markup=False)
        sys.exit(1)
    shown = os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)
    click.echo(shown)  # stdout, alone: `$EDITOR "$(briefings new 'Title')"`
    err.print("A draft: `briefings serve` shows it; delete its `draft: true` line to publish it.", markup=False)


@main.command()
@config_option
@click.argument("urls", nargs=-1, metavar="[URL]...")
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="FEED_URL",
    help="An RSS, Atom or JSON Feed whose entries are fetched (repeatable).",
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="Only feed entries published on or after DATE (YYYY-MM-DD).",
)
@click.option(
    "--limit", type=click.IntRange(1), default=None, metavar="N", help="At most N entries per feed, newest first."
)
@click.option("--ignore-robots", is_flag=True, help="Fetch what robots.txt disallows (only for sites you may).")
@click.option(
    "--timeout",
    type=click.FloatRange(0, 300, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Per request and per download (default: fetch.timeout in config, 20).",
)
def fetch(
    config_path: str,
    urls: tuple[str, ...],
    feeds: tuple[str, ...],
    since,
    limit: int | None,
    ignore_robots: bool,
    timeout: float | None,
) -> None:
    """Download article pages into content/ as Markdown files (front matter, then the main text).

    With --feed, every entry of the feed; with neither URLs nor --feed, the feeds listed in
    config.yaml. Articles already in content/ (same canonical URL or same text) are skipped
    and no file is ever overwritten. Each failure is printed as `URL: reason`; the exit
    status is 1 if any URL or feed failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress

    from .fetch.run import harvest

    config = load_or_exit(config_path)
    feed_list = list(feeds) or ([] if urls else list(config.feeds))
    if not urls and not feed_list:
        raise click.UsageError("give article URLs, --feed FEED_URL, or list feeds under 'feeds:' in config.yaml")
    with Progress(
        "Fetching", BarColumn(), MofNCompleteColumn(), console=err, transient=True, disable=not err.is_terminal
    ) as bar:
        task = bar.add_task("fetch", total=None)
        run = harvest(
            list(urls),
            feed_list,
            config.content_path,
            config.cache_path,
            since=since.date() if since else None,
            limit=limit or config.fetch.limit,
            timeout=timeout or config.fetch.timeout,
            robots=config.fetch.robots_txt and not ignore_robots,
            workers=config.fetch.workers,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    for outcome in run.outcomes:
        err.print(
            str(outcome),
            markup=False,
            soft_wrap=True,
            highlight=False,
            style="red" if outcome.status == "failed" else None,
        )
    summary = (
        f"{run.count('written')} written, {run.count('skipped')} already in {config.content_dir}/, "
        f"{len(run.failed)} failed"
    )
    err.print(
        ("Fetch failed for some: " if run.failed else "Fetched: ") + summary,
        markup=False,
        style="red" if run.failed else None,
    )
    if run.failed:
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


@main.group()
def theme() -> None:
    """The default theme: copy its templates into the site to change them (docs/theming.md)."""


@theme.command("copy")
@config_option
@click.option("--force", is_flag=True, help="Replace files the site's templates/ already has.")
@click.argument("templates", nargs=-1)
def theme_copy(config_path: str, force: bool, templates: tuple[str, ...]) -> None:
    """Copy the default theme's TEMPLATES (all of them if none is named; e.g. article.html,
    email/digest.html, static/style.css, or a folder: email, static) into the site's
    templates/, ready to edit. An existing file is never replaced without --force."""
    from .theme import ThemeError, copy_theme

    config = site_or_exit(config_path, content_needed=False)
    try:
        copies = copy_theme(config.templates_path, templates, force=force)
    except ThemeError as exc:
        err.print(f"error: {exc}", style="red", markup=False)
        sys.exit(1)
    for path in copies:
        click.echo(os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path))
    err.print(
        f"Copied {len(copies)} file(s) into {config.templates_path}: the site's copies now override the "
        "theme's. See docs/theming.md.",
        markup=False,
    )
