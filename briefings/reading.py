"""The content directory: find the article files in it and read them all, each file once.

What a file gave (an article, or why not) is remembered by the checksum of its path, bytes
and raw-HTML mode, so a build reads again only files that changed; a long-lived builder
(serve) also remembers each file's size, mtime and inode, and does not even read an
unchanged one. One article's format is content.py's.
"""

from __future__ import annotations

import hashlib
import os
import stat as statmodule
from dataclasses import replace
from pathlib import Path

from . import clean, webpage
from .content import PAGE_SUFFIXES, ContentError, is_page, max_bytes, parse_article, too_big
from .cores import fan_out
from .model import Article, Problem

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt") + PAGE_SUFFIXES


def is_ignored_name(name: str) -> bool:
    """Hidden files and editors' temporary files (vim's 4913 probe, backups, swaps)."""
    return name.startswith((".", "#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp", ".bak")) or name == "4913"


def find_articles(content_dir: Path) -> list[Path]:
    """Article files under content_dir, sorted; symlinked folders are not followed (no loops)."""
    found = []
    for folder, dirs, files in os.walk(content_dir):
        dirs[:] = sorted(d for d in dirs if not is_ignored_name(d))
        for name in sorted(files):
            if not is_ignored_name(name) and name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(Path(os.path.join(folder, name)))
    return found


Parsed = tuple[Article, list[Problem]] | Problem  # what one file gave: an article, or why not


def load_articles(
    content_dir: Path,
    root: Path | None = None,
    memo: dict[str, Parsed] | None = None,
    fresh: dict[str, Parsed] | None = None,
    stats: dict[str, tuple[tuple, str]] | None = None,
    raw_html: str = "sanitize",
) -> tuple[list[Article], list[Problem]]:
    """Read every article; duplicates by slug are errors (the first in path order wins).
    `memo` maps a file's checksum to what it gave, so an unchanged file is not parsed again;
    `fresh` receives the entries of this read only (the memo without deleted files);
    `stats` (path → (stat, checksum)) lets a long-lived caller skip reading unchanged files."""
    articles: list[Article] = []
    problems: list[Problem] = []
    by_slug: dict[str, Article] = {}
    site = (root or content_dir.parent).resolve()
    for path in find_articles(content_dir):
        shown = display_path(path, root or content_dir.parent)
        try:
            st: os.stat_result | None = os.lstat(path)  # one stat call per file: serve reads a thousand per edit
        except FileNotFoundError:
            continue  # deleted since the folder was listed: it is no longer part of the site
        except OSError:
            st = None  # read_article_memo reports it
        if st is not None and statmodule.S_ISLNK(st.st_mode):
            if not path.resolve().is_relative_to(site):
                problems.append(Problem(shown, "a link to a file outside the site; not read"))
                continue
            st = None  # the link's target's: read_article_memo follows it
        parsed = read_article_memo(path, shown, memo, fresh, stats, raw_html, st)
        if parsed is None:
            continue  # deleted since the folder was listed: it is no longer part of the site
        if isinstance(parsed, Problem):
            problems.append(parsed)
            continue
        article, warnings = parsed
        problems.extend(warnings)
        if article.slug in by_slug:
            first = by_slug[article.slug].source
            problems.append(Problem(shown, f"slug '{article.slug}' is already used by {first}"))
            continue
        by_slug[article.slug] = article
        articles.append(article)
    return articles, problems


def display_path(path: Path, root: Path) -> str:
    text, base = str(path), str(root)
    if text.startswith(base.rstrip(os.sep) + os.sep) and base not in ("", "."):
        return text[len(base.rstrip(os.sep)) + 1 :]  # the usual case, without pathlib's parsing
    try:
        return str(path.relative_to(root))
    except ValueError:
        return text


def file_checksum(shown: str, data: bytes, raw_html: str = "sanitize") -> str:
    """What an article was read from: its path as shown, its bytes, how raw HTML is treated
    and the clean stage's rules (a changed rule reads every article anew); for a saved page,
    the page reader's code too."""
    reader = webpage.reader_version().encode() if is_page(shown) else b""
    return hashlib.sha256(
        shown.encode("utf-8", "surrogateescape")
        + b"\0"
        + raw_html.encode()
        + b"\0"
        + clean.version().encode()
        + b"\0"
        + reader
        + data
    ).hexdigest()


def parse_many(
    paths: list[tuple[Path, str]], memo: dict[str, Parsed], processes: int, raw_html: str = "sanitize"
) -> None:
    """Fill `memo` for files it does not know yet, on every core when there are many:
    Markdown rendering is the costly part of reading a big site cold."""
    todo = []
    for path, shown in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue  # read_article_memo reports it
        checksum = file_checksum(shown, data, raw_html)
        if checksum not in memo:
            todo.append((checksum, data, path.name, shown, raw_html))
    workers = min(processes, len(todo) // 100)
    if workers < 2:
        return  # read_article_memo parses them, one by one
    for checksum, parsed in fan_out(_parse_one, todo, workers, chunksize=16):
        memo[checksum] = parsed


def _parse_one(job: tuple[str, bytes, str, str, str]) -> tuple[str, Parsed]:
    checksum, data, name, shown, raw_html = job
    try:
        article, warnings = parse_article(data, name, shown, raw_html)
        return checksum, (replace(article, checksum=checksum), warnings)
    except ContentError as exc:
        return checksum, Problem(shown, exc.message, exc.line)


def read_article_memo(
    path: Path,
    shown: str,
    memo: dict[str, Parsed] | None,
    fresh: dict[str, Parsed] | None = None,
    stats: dict[str, tuple[tuple, str]] | None = None,
    raw_html: str = "sanitize",
    st: os.stat_result | None = None,
) -> Parsed | None:
    """What one file gives, from the memo when its checksum (or, with `stats`, its size,
    mtime and inode) says it has not changed; None when the file is gone. `st`: the
    file's stat, when the caller already has it."""
    memo = {} if memo is None else memo
    try:
        st = st or path.stat()
        stat_key = (st.st_mtime_ns, st.st_size, st.st_ino)
        known = stats.get(shown) if stats is not None else None
        if known and known[0] == stat_key and known[1] in memo:
            checksum = known[1]  # unchanged since it was read: not even read again
        else:
            if st.st_size > max_bytes(path.name):  # not even read into memory
                return Problem(shown, f"{too_big(st.st_size, path.name)}; not read")
            data = path.read_bytes()
            checksum = file_checksum(shown, data, raw_html)
            if stats is not None:
                stats[shown] = (stat_key, checksum)
            if checksum not in memo:
                memo[checksum] = _parse_one((checksum, data, path.name, shown, raw_html))[1]
    except FileNotFoundError:
        return None
    except OSError as exc:
        return Problem(shown, f"cannot read: {exc.strerror or exc}")
    if fresh is not None:
        fresh[checksum] = memo[checksum]
    return memo[checksum]


class ArticleFiles:
    """What each article file gave, kept between builds: by checksum (`parsed`) and, for a
    long-lived builder that trusts stat() (serve), by path with its size, mtime and inode,
    so that an unchanged file is not even read again."""

    def __init__(self, trust_stat: bool = False):
        self.parsed: dict[str, Parsed] = {}  # file checksum → article or problem
        self._stats: dict[str, tuple[tuple, str]] | None = {} if trust_stat else None

    def read(
        self, content_dir: Path, root: Path, raw_html: str, processes: int = 1
    ) -> tuple[list[Article], list[Problem]]:
        """Every article in content_dir (see load_articles). With several processes, the files
        not known yet are parsed on every core first. Then only this read's files are kept."""
        if processes > 1:
            paths = [(path, display_path(path, root)) for path in find_articles(content_dir)]
            parse_many(paths, self.parsed, processes, raw_html)
        fresh: dict[str, Parsed] = {}
        articles, problems = load_articles(content_dir, root, self.parsed, fresh, self._stats, raw_html)
        self.parsed = fresh
        return articles, problems

    def restore(self, parsed: dict[str, Parsed]) -> None:
        """Start from what the build state saved."""
        self.parsed = parsed

    def take_over(self, previous: ArticleFiles) -> None:
        """Start from what another builder of the site read before a config change. Not its
        stat() memo: under a new raw-HTML mode the same unchanged file is parsed anew."""
        self.parsed = previous.parsed
