"""Read articles from content/: Markdown with YAML front matter, or plain .txt.

Every problem is a `Problem(path, message, line)`; a broken article is skipped and
the rest still build.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import multiprocessing
import os
import re
import reprlib
import stat as statmodule
import threading
import unicodedata
from dataclasses import replace
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3

from . import yamlsource
from .model import Article, Problem

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
FRONT_MATTER_KEYS = {"title", "date", "source", "url", "author", "tags", "draft", "slug", "key_points"}
_FENCE = re.compile(r"^(---|\.\.\.)\s*$")
# Control characters are invalid in XML (the feed) and in header values (email); a scraped
# article sometimes carries a few. Tab and newline stay.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a long report is ~100 KB; past this it is not an article
MAX_EXTRACT_CHARS = 100_000  # what the extractor reads of one article (spaCy's time grows with it)
MAX_PUNCTUATION_RUN = 16
# Python-Markdown scans from every '[' to its ']' (or the end of the paragraph), and from
# every '<' to its '>': thousands of unbalanced brackets take minutes. Past this many
# characters scanned, or this deep a nesting, the body is shown as plain text instead.
MARKDOWN_SCAN_BUDGET = 300_000
MARKDOWN_INLINE_BUDGET = 100_000_000
MARKDOWN_MAX_NESTING = 100
RAW_HTML_MODES = ("sanitize", "escape", "keep")


class ContentError(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def is_ignored_name(name: str) -> bool:
    """Hidden files and editors' temporary files (vim's 4913 probe, backups, swaps)."""
    return (
        name.startswith((".", "#", "~"))
        or name.endswith(("~", ".swp", ".swx", ".tmp", ".bak"))
        or name == "4913"
    )


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


def load_articles(content_dir: Path, root: Path | None = None, memo: dict[str, Parsed] | None = None,
                  fresh: dict[str, Parsed] | None = None,
                  stats: dict[str, tuple[tuple, str]] | None = None,
                  raw_html: str = "sanitize") -> tuple[list[Article], list[Problem]]:
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
        return text[len(base.rstrip(os.sep)) + 1:]  # the usual case, without pathlib's parsing
    try:
        return str(path.relative_to(root))
    except ValueError:
        return text


def file_checksum(shown: str, data: bytes, raw_html: str = "sanitize") -> str:
    """What an article was read from: its path as shown, its bytes and how raw HTML is treated."""
    return hashlib.sha256(shown.encode("utf-8", "surrogateescape") + b"\0" + raw_html.encode() + b"\0"
                          + data).hexdigest()


def parse_many(paths: list[tuple[Path, str]], memo: dict[str, Parsed], processes: int,
               raw_html: str = "sanitize") -> None:
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
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for checksum, parsed in pool.imap(_parse_one, todo, chunksize=16):
            memo[checksum] = parsed


def _parse_one(job: tuple[str, bytes, str, str, str]) -> tuple[str, Parsed]:
    checksum, data, name, shown, raw_html = job
    try:
        article, warnings = parse_article(data, name, shown, raw_html)
        return checksum, (replace(article, checksum=checksum), warnings)
    except ContentError as exc:
        return checksum, Problem(shown, exc.message, exc.line)


def read_article_memo(path: Path, shown: str, memo: dict[str, Parsed] | None,
                      fresh: dict[str, Parsed] | None = None,
                      stats: dict[str, tuple[tuple, str]] | None = None,
                      raw_html: str = "sanitize", st: os.stat_result | None = None) -> Parsed | None:
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
            if st.st_size > MAX_ARTICLE_BYTES:  # not even read into memory
                return Problem(shown, f"{too_big(st.st_size)}; not read")
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


def too_big(size: int) -> str:
    return f"{size / 2**20:.1f} MB is too big for an article (at most {MAX_ARTICLE_BYTES // 2**20} MB)"


def read_article(path: Path, shown: str | None = None, raw_html: str = "sanitize") -> tuple[Article, list[Problem]]:
    """One article from disk. Raises ContentError for what stops it being built."""
    return parse_article(path.read_bytes(), path.name, shown or str(path), raw_html)


def parse_article(data: bytes, name: str, shown: str, raw_html: str = "sanitize") -> tuple[Article, list[Problem]]:
    """One article from its bytes. Raises ContentError for what stops it being built;
    returns warnings for what was repaired."""
    path = Path(name)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ContentError(too_big(len(data)))
    if b"\x00" in data[:8192]:
        raise ContentError("binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    warnings = []
    if first := _CONTROL.search(text):
        count = len(_CONTROL.findall(text))
        warnings.append(Problem(shown, f"{count} control character(s) removed (the first is "
                                       f"U+{ord(first.group()):04X})", text.count("\n", 0, first.start()) + 1,
                                "warning"))
        text = _CONTROL.sub("", text)
    if path.suffix.lower() == ".txt":
        article, more = parse_text(text, path.stem, shown)
    else:
        article, more = parse_markdown(text, path.stem, shown, raw_html)
    return article, warnings + more


def one_line(value: str | None) -> str | None:
    """A title, name or tag as one line: line breaks and runs of spaces become one space
    (a title ends up in an email Subject, where a line break would start a new header)."""
    return " ".join(value.split()) if value is not None else None


# spaCy's tokenizer splits punctuation off a word one character at a time, rescanning the
# rest each time: a run of 30,000 brackets takes minutes. No text needs runs this long.
_PUNCTUATION_RUN = re.compile(r"([^\w\s])[^\w\s]{%d,}" % MAX_PUNCTUATION_RUN)


def cap_for_extraction(text: str, shown: str) -> tuple[str, list[Problem]]:
    """The text the extractor reads: runs of punctuation cut short, at most
    MAX_EXTRACT_CHARS, cut at a paragraph end."""
    text = _PUNCTUATION_RUN.sub(lambda m: m.group()[:MAX_PUNCTUATION_RUN], text)
    if len(text) <= MAX_EXTRACT_CHARS:
        return text, []
    cut = text.rfind("\n\n", 0, MAX_EXTRACT_CHARS)
    cut = cut if cut > MAX_EXTRACT_CHARS // 2 else MAX_EXTRACT_CHARS
    return text[:cut], [Problem(shown, f"{len(text):,} characters of text: key points, quotes and participants "
                                       f"come from the first {cut:,}", None, "warning")]


def parse_text(text: str, stem: str, shown: str) -> tuple[Article, list[Problem]]:
    """A plain article: the first line is the title when it reads as a headline."""
    lines = text.strip().split("\n")
    if not lines or not lines[0].strip():
        raise ContentError("empty article")
    first = lines[0].strip()
    if looks_like_headline(first) and len(lines) > 1:
        title, body = first, "\n".join(lines[1:]).strip()
    else:
        title, body = humanise(stem), text.strip()
    body = paragraphs_of_text(body)
    text, warnings = cap_for_extraction(body, shown)
    return Article(
        source=shown,
        slug=slugify(stem) or "article",
        title=one_line(title) or humanise(stem),
        text=text,
        body_html=plain_to_html(body),
    ), warnings


# A line break a scraper left inside a sentence: a space beside it and no sentence end before it
# (Daily Mail: "‘I’ve gone to sleep with it plugged in\n before,’ she said", "Philip\n Le Shirley").
_SCRAPED_BREAK = re.compile(r"(?<=[^\s.!?:”\"’'])(?:[ \t]+\n[ \t]*|\n[ \t]+)(?=\S)")


def paragraphs_of_text(body: str) -> str:
    """One paragraph per line, as scraped text has it; only hard-wrapped text (most lines
    of a similar, e-mail-like width) is joined back into blank-line separated paragraphs, and
    a scraped break inside a sentence is no line break at all."""
    body = _SCRAPED_BREAK.sub(" ", body)
    lines = [line.strip() for line in body.split("\n")]
    filled = [line for line in lines if line]
    wrapped = sum(1 for line in filled if 55 <= len(line) <= 80 and not line.endswith((".", "”", '"', "?", "!")))
    if filled and wrapped >= 0.6 * len(filled):
        blocks = re.split(r"\n\s*\n", body)
        return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())
    return "\n\n".join(" ".join(line.split()) for line in filled)


def looks_like_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not line.endswith((".", ",", ";", ":")) and not line.startswith(('"', "“"))


def parse_markdown(text: str, stem: str, shown: str, raw_html: str = "sanitize") -> tuple[Article, list[Problem]]:
    meta, body, body_line, node = split_front_matter(text)
    warnings = [
        Problem(shown, f"unknown front matter key '{key}' (known: {', '.join(sorted(FRONT_MATTER_KEYS))})",
                yamlsource.line_of(node, (str(key),), 2), "warning")
        for key in meta
        if key not in FRONT_MATTER_KEYS
    ]

    def field(key: str, kind: type, default=None):
        value = meta.get(key, default)
        if value is None or isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise ContentError(f"'{key}' must be {kind.__name__}, got {short_repr(value)}",
                           yamlsource.line_of(node, (key,), 2))

    body = body.strip()
    if not body and not meta:
        raise ContentError("empty article")
    title = one_line(field("title", str))
    if not title and (heading := first_heading(body)):
        title, body = heading, body.split("\n", 1)[1].strip() if "\n" in body else ""  # shown once, as the title
    title = title or humanise(stem)
    slug_value = field("slug", str)
    slug = slugify(slug_value if slug_value is not None else stem)
    if slug_value is not None and (not slug or "/" in slug_value or ".." in slug_value or "\\" in slug_value):
        raise ContentError(f"slug {slug_value!r} must be a plain name (letters, digits, hyphens)",
                           yamlsource.line_of(node, ("slug",), 2))
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    if not isinstance(tags, list) or not all(isinstance(t, (str, int, float)) for t in tags):
        raise ContentError("'tags' must be a list of words", yamlsource.line_of(node, ("tags",), 2))
    key_points = field("key_points", int)
    if key_points is not None and not 0 <= key_points <= 20:
        raise ContentError("'key_points' must be between 0 and 20", yamlsource.line_of(node, ("key_points",), 2))
    date = parse_date(meta.get("date"), yamlsource.line_of(node, ("date",), 2))
    url = one_line(field("url", str))
    if url and not re.match(r"https?://", url, re.I):  # a javascript: or data: link would run on click
        warnings.append(Problem(shown, f"'url' must start with http:// or https://, got {short_repr(url)}; "
                                       "not linked", yamlsource.line_of(node, ("url",), 2), "warning"))
        url = None
    body_html, problem = render_markdown_safely(body, raw_html)
    if problem:
        warnings.append(Problem(shown, f"Markdown not rendered ({problem}); the body is shown as plain text",
                                body_line, "warning"))
    text, capped = cap_for_extraction(html_to_text(body_html), shown)
    article = Article(
        source=shown,
        slug=slug or "article",
        title=title.strip(),
        text=text,
        body_html=body_html,
        date=date,
        source_name=one_line(field("source", str)),
        url=url,
        author=one_line(field("author", str)),
        tags=tuple(dict.fromkeys(one_line(str(t)) for t in tags if str(t).strip())),
        draft=bool(field("draft", bool, False)),
        key_points=key_points,
    )
    return article, warnings + capped


def split_front_matter(text: str) -> tuple[dict, str, int, object]:
    """(metadata, body, line where the body starts, YAML node tree)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1, None
    for end in range(1, len(lines)):
        if _FENCE.match(lines[end]):
            break
    else:
        raise ContentError("front matter starts with '---' but never ends (add a closing '---' line)", 1)
    try:
        meta, node = yamlsource.load("\n".join(lines[1:end]), first_line=2)
    except yamlsource.YamlError as exc:
        raise ContentError(f"front matter is {exc.message}", exc.line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ContentError("front matter must be a mapping of keys to values (title: …, date: …)", 2)
    return meta, "\n".join(lines[end + 1:]), end + 2, node


def short_repr(value: object) -> str:
    """A value for a message, cut short: YAML aliases can make a tiny file a huge structure."""
    return _SHORT.repr(value)


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 2, 60, 60


def parse_date(value: object, line: int | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ContentError(f"'date' must be an ISO date like 2026-11-18, got {short_repr(value)}", line)
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) <= 10 else dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ContentError(f"'date' must be an ISO date like 2026-11-18, got {text!r}", line) from None


@lru_cache(maxsize=1 << 16)  # called for every participant on every build; names repeat
@lru_cache(maxsize=1 << 16)  # every build slugs every participant's name again
def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


def humanise(stem: str) -> str:
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def first_heading(body: str) -> str | None:
    match = re.match(r"\s*#\s+(.+)", body)
    return match.group(1).strip() if match else None


def render_markdown(body: str, raw_html: str = "sanitize") -> str:
    """Markdown to HTML. Raw HTML in the body is sanitised (the default), escaped or kept."""
    if raw_html not in RAW_HTML_MODES:
        raise ValueError(f"raw_html must be one of {RAW_HTML_MODES}")
    html_text = _markdown(raw_html).reset().convert(body)
    # Escaping leaves Markdown's own links, which may still say javascript:.
    return html_text if raw_html == "keep" else sanitize_html(html_text)


_converters = threading.local()  # a Markdown instance is reused (after reset), never shared by threads


def _markdown(raw_html: str) -> markdown.Markdown:
    """This thread's converter for a raw_html mode: building one costs as much as converting
    an article."""
    converters = _converters.__dict__
    md = converters.get(raw_html)
    if md is None:
        md = converters[raw_html] = markdown.Markdown(
            extensions=["extra", "sane_lists"], output_format="html",
            extension_configs={"tables": {"use_align_attribute": True}})  # style= is not kept
        if raw_html == "escape":
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
    return md


# Footnotes and code blocks need id and class on any tag; the rest is nh3's safe default.
_ATTRIBUTES = {**{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
               "*": {"lang", "title", "id", "class", "dir"}}


def sanitize_html(html_text: str) -> str:
    """Safe HTML only: no script or style, no event handlers, no javascript: URLs (nh3/ammonia)."""
    return nh3.clean(html_text, attributes=_ATTRIBUTES)


def markdown_hazard(body: str) -> str | None:
    """Why Python-Markdown would take too long (or recurse too deep) on this body, or None.
    Linear: counts what the link and HTML scanners would read from each '[' and '<'."""
    scanned = inline = 0
    for block in re.split(r"\n[ \t]*\n", body):
        brackets: list[int] = []  # open '[' and '(', innermost last
        angles: list[int] = []  # '<' waiting for the next '>'
        for match in re.finditer(r"[\[\]()<>]", block):
            char, at = match.group(), match.start()
            if char in "[(":
                brackets.append(at)
            elif char in "])" and brackets:
                scanned += at - brackets.pop()
            elif char == "<":
                angles.append(at)
            elif char == ">":
                scanned += sum(at - start for start in angles)
                angles.clear()
        scanned += sum(len(block) - start for start in brackets + angles)
        if scanned > MARKDOWN_SCAN_BUDGET:
            return "too many unbalanced brackets"
        # Each inline element found re-slices its whole paragraph: markup x length.
        inline += len(block) * sum(block.count(c) for c in "*_`<[!&")
        if inline > MARKDOWN_INLINE_BUDGET:
            return "too much inline markup in one paragraph"
    deepest = max((len(m.group()) for m in re.finditer(r"(?m)^[ \t>*+-]+", body)), default=0)
    if deepest > MARKDOWN_MAX_NESTING:
        return "quotes or lists nested too deep"
    return None


def render_markdown_safely(body: str, raw_html: str = "sanitize") -> tuple[str, str | None]:
    """(HTML, None), or (the body as escaped plain paragraphs, why) when Markdown would hang or fail."""
    problem = markdown_hazard(body)
    if problem is None:
        try:
            return render_markdown(body, raw_html), None
        except RecursionError:
            problem = "nested too deep"
    return plain_to_html(body), problem


def plain_to_html(body: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


class _TextCollector(HTMLParser):
    """Rendered Markdown back to plain paragraphs: block elements become blank lines."""

    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br", "hr",
              "table", "ul", "ol", "dd", "dt", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html_text: str) -> str:
    """Rendered Markdown as plain paragraphs, the text the extractor reads."""
    collector = _TextCollector()
    collector.feed(html_text)
    collector.close()
    text = "".join(collector.parts)
    paragraphs = [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
