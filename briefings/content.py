"""Read one article: Markdown or plain .txt, either with YAML front matter, or a saved web
page (.html, through briefings/webpage, which gives the Markdown article it holds);
reading.py finds them.

Each body goes through the clean stage (briefings/clean) as it is read, so everything
after reading (extraction, pages, feeds, search, email) has only the story; what the front
matter does not say (title, date, author, outlet) is taken from the text. Every problem is
a `Problem(path, message, line)`; a broken article is skipped and the rest still build.
"""

from __future__ import annotations

import datetime as dt
import re
import reprlib
import unicodedata
from functools import lru_cache
from pathlib import Path

from . import yamlsource
from .clean import clean_text
from .markup import (  # noqa: F401 - read from here too
    RAW_HTML_MODES,
    html_to_text,
    markdown_hazard,
    plain_to_html,
    render_markdown,
    render_markdown_safely,
    sanitize_html,
)
from .model import Article, Problem

FRONT_MATTER_KEYS = {"title", "date", "source", "url", "author", "tags", "draft", "slug", "key_points"}
_FENCE = re.compile(r"^(---|\.\.\.)\s*$")
# Control characters are invalid in XML (the feed) and in header values (email); a scraped
# article sometimes carries a few. Tab and newline stay.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a long report is ~100 KB; past this it is not an article
MAX_PAGE_BYTES = 5 * 1024 * 1024  # a saved page carries its scripts and styles (webpage/reader.py says the same)
PAGE_SUFFIXES = (".html", ".htm")  # a saved web page: its main text and metadata become the article
MAX_EXTRACT_CHARS = 100_000  # what the extractor reads of one article (spaCy's time grows with it)
MAX_PUNCTUATION_RUN = 16


class ContentError(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


def is_page(name: str) -> bool:
    return name.lower().endswith(PAGE_SUFFIXES)


def max_bytes(name: str) -> int:
    return MAX_PAGE_BYTES if is_page(name) else MAX_ARTICLE_BYTES


def too_big(size: int, name: str = "") -> str:
    kind = "a saved page" if is_page(name) else "an article"
    return f"{size / 2**20:.1f} MB is too big for {kind} (at most {max_bytes(name) // 2**20} MB)"


def read_article(path: Path, shown: str | None = None, raw_html: str = "sanitize") -> tuple[Article, list[Problem]]:
    """One article from disk. Raises ContentError for what stops it being built."""
    return parse_article(path.read_bytes(), path.name, shown or str(path), raw_html)


def parse_article(data: bytes, name: str, shown: str, raw_html: str = "sanitize") -> tuple[Article, list[Problem]]:
    """One article from its bytes. Raises ContentError for what stops it being built;
    returns warnings for what was repaired."""
    path = Path(name)
    if len(data) > max_bytes(name):
        raise ContentError(too_big(len(data), name))
    if is_page(name):
        data, raw_html = page_to_markdown(data), "sanitize"  # whatever the site trusts, never a page's markup
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
        warnings.append(
            Problem(
                shown,
                f"{count} control character(s) removed (the first is U+{ord(first.group()):04X})",
                text.count("\n", 0, first.start()) + 1,
                "warning",
            )
        )
        text = _CONTROL.sub("", text)
    if path.suffix.lower() == ".txt":
        article, more = parse_text(text, path.stem, shown)
    else:
        article, more = parse_markdown(text, path.stem, shown, raw_html)
    return article, warnings + more


def page_to_markdown(data: bytes) -> bytes:
    """A saved web page as the Markdown article it holds (front matter from the page's
    metadata, then its main text), so it is read, cleaned and shown like any article and its
    HTML never reaches the site."""
    from .webpage.reader import PageError, read_page  # trafilatura takes a quarter second to import

    try:
        return read_page(data).to_markdown().encode("utf-8")
    except PageError as exc:
        raise ContentError(str(exc)) from None


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
    return text[:cut], [
        Problem(
            shown,
            f"{len(text):,} characters of text: key points, quotes and participants come from the first {cut:,}",
            None,
            "warning",
        )
    ]


def parse_text(text: str, stem: str, shown: str) -> tuple[Article, list[Problem]]:
    """A plain article: paragraphs separated by blank lines (or one a line), YAML front
    matter optional; what it lacks (title, date, author, outlet) is read from the text."""
    if not text.strip():
        raise ContentError("empty article")
    # A scraped text may open with a rule: front matter only when the '---' is closed.
    fenced = text.startswith("---") and any(_FENCE.match(line) for line in text.split("\n")[1:])
    return _parse(text, stem, shown, markdown=False, front=fenced)


def parse_markdown(text: str, stem: str, shown: str, raw_html: str = "sanitize") -> tuple[Article, list[Problem]]:
    """A Markdown article with YAML front matter; the body is cleaned as Markdown source."""
    return _parse(text, stem, shown, markdown=True, raw_html=raw_html)


def _parse(
    text: str, stem: str, shown: str, markdown: bool, raw_html: str = "sanitize", front: bool = True
) -> tuple[Article, list[Problem]]:
    meta, body, body_line, node = split_front_matter(text) if front else ({}, text, 1, None)
    fields, warnings = front_matter(meta, node, shown)
    if not body.strip() and not meta:
        raise ContentError("empty article")
    title = fields["title"]
    if markdown and not title and (heading := first_heading(body)):
        title = heading  # shown once, as the title: its line leaves the body, the others keep their numbers
        body = re.sub(r"^\s*#[^\n]*", "", body, count=1)
    cleaned = clean_text(body, body_line, markdown=markdown)
    headline, found = cleaned.headline, cleaned.meta
    # The headline line is the title; under a different title of its own it stays story.
    keep_headline = headline is not None and title is not None and one_line(headline.text) != title
    if markdown:
        cut = [(c.start, c.end) for c in cleaned.cuts]
        if headline is not None and not keep_headline:
            cut.append((headline.start, headline.end))
        body_html, problem = render_markdown_safely(cut_out(body, cut), raw_html)
        if problem:
            warnings.append(
                Problem(
                    shown, f"Markdown not rendered ({problem}); the body is shown as plain text", body_line, "warning"
                )
            )
        story = html_to_text(body_html)
    else:
        story = "\n\n".join(p for p in (headline.text if keep_headline else "", cleaned.text) if p)
        body_html = plain_to_html(story)
    text, capped = cap_for_extraction(story, shown)
    return Article(
        source=shown,
        slug=fields["slug"] or slugify(stem) or "article",
        title=(title or one_line(found.title) or humanise(stem)).strip(),
        title_cut=not title and found.title_from == "first sentence" and (found.title or "").endswith("…"),
        text=text,
        body_html=body_html,
        date=fields["date"] or found.date,
        source_name=fields["source"] or found.source,
        url=fields["url"],
        author=fields["author"] or one_line(found.author),
        tags=fields["tags"],
        draft=fields["draft"],
        key_points=fields["key_points"],
        dateline=found.dateline,
        cuts=tuple((c.kind, c.line, " ".join(c.text.split())) for c in cleaned.cuts),
    ), warnings + capped


def front_matter(meta: dict, node: object, shown: str) -> tuple[dict, list[Problem]]:
    """The known keys of front matter, checked; unknown keys are warnings."""
    warnings = [
        Problem(
            shown,
            f"unknown front matter key '{key}' (known: {', '.join(sorted(FRONT_MATTER_KEYS))})",
            yamlsource.line_of(node, (str(key),), 2),
            "warning",
        )
        for key in meta
        if key not in FRONT_MATTER_KEYS
    ]

    def field(key: str, kind: type, default=None):
        value = meta.get(key, default)
        if value is None or isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise ContentError(
            f"'{key}' must be {kind.__name__}, got {short_repr(value)}", yamlsource.line_of(node, (key,), 2)
        )

    slug_value = field("slug", str)
    slug = slugify(slug_value) if slug_value is not None else None
    if slug_value is not None and (not slug or "/" in slug_value or ".." in slug_value or "\\" in slug_value):
        raise ContentError(
            f"slug {slug_value!r} must be a plain name (letters, digits, hyphens)",
            yamlsource.line_of(node, ("slug",), 2),
        )
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
        warnings.append(
            Problem(
                shown,
                f"'url' must start with http:// or https://, got {short_repr(url)}; not linked",
                yamlsource.line_of(node, ("url",), 2),
                "warning",
            )
        )
        url = None
    return {
        "title": one_line(field("title", str)) or None,
        "slug": slug,
        "tags": tuple(dict.fromkeys(one_line(str(t)) for t in tags if str(t).strip())),
        "key_points": key_points,
        "date": date,
        "url": url,
        "source": one_line(field("source", str)),
        "author": one_line(field("author", str)),
        "draft": bool(field("draft", bool, False)),
    }, warnings


def cut_out(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the given character spans (a cut paragraph leaves its blank line)."""
    kept, at = [], 0
    for start, end in sorted(spans):
        if start >= at:
            kept.append(text[at:start])
            at = end
    kept.append(text[at:])
    return "".join(kept)


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
    return meta, "\n".join(lines[end + 1 :]), end + 2, node


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
