"""One web page → one article: its main text as Markdown, and its title, date, author,
outlet and URL from the page's own metadata.

Saved pages (content/*.html) and fetched URLs both come through here, so both give the
same article. The main text is trafilatura's (the field's reference extractor); the
metadata is what the page declares about itself (Open Graph, JSON-LD, <meta>, <time>).
The page's HTML is never passed on: only text, rewritten as Markdown in which no raw
HTML can survive.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import trafilatura
import yaml

from .markdown import tree_to_markdown
from .merge import join_split_bodies
from .meta import page_meta
from .prune import drop_link_blocks, drop_title

MAX_PAGE_BYTES = 5 * 1024 * 1024  # a long article page with its scripts is ~1.5 MB
MIN_ARTICLE_CHARS = 250  # less running text than this (some 40 words) is not an article
# Markup the page itself hides from readers: schema.org copies of the headline and dates,
# collapsed menus, templates.
HIDDEN = ["//*[contains(translate(@style, ' ', ''), 'display:none')]", "//*[@hidden]"]
# Links are kept only to tell link text from prose (prune.py); Markdown gets their text.
# The metadata is read by meta.py.
EXTRACTION = dict(
    include_comments=False, include_tables=True, include_formatting=True, include_links=True, prune_xpath=HIDDEN
)
MAX_LINK_SHARE = 0.8  # a page whose text is mostly links is a home page or an index (a deals list: 0.6)


class PageError(Exception):
    """Why a page gives no article: not HTML, empty, no article text."""


@dataclass(frozen=True)
class WebArticle:
    """What a page says about itself, and its main text as Markdown."""

    body: str  # Markdown: paragraphs, headings, lists, quotes; no raw HTML
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None  # the outlet
    url: str | None = None  # canonical when the page names one
    author: str | None = None

    def front_matter(self) -> dict:
        """The keys content/*.md takes, for the fields the page had."""
        fields = {"title": self.title, "date": self.date, "source": self.source, "url": self.url, "author": self.author}
        return {key: value for key, value in fields.items() if value}

    def to_markdown(self) -> str:
        """A content/*.md file: front matter, then the body."""
        meta = yaml.safe_dump(self.front_matter(), sort_keys=False, allow_unicode=True, width=10_000)
        return f"---\n{meta}---\n\n{self.body.strip()}\n"


def read_page(
    data: bytes | str, url: str | None = None, hints: WebArticle | None = None, charset: str | None = None
) -> WebArticle:
    """The article on a page. Raises PageError when there is none. `hints` (what a feed
    says of the article) fill in what the page's own metadata leaves out; `charset` is the
    one the server named, if any."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(f"{len(data) / 2**20:.1f} MB is too big for a page (at most {MAX_PAGE_BYTES // 2**20} MB)")
    if not data.strip():
        raise PageError("empty page")
    if not looks_like_html(data):
        raise PageError("not HTML")
    tree = trafilatura.load_html(decode(data, charset))
    if tree is None:
        raise PageError("not HTML")
    join_split_bodies(tree)
    anchors = anchor_texts(tree)
    found = trafilatura.bare_extraction(tree, url=url, favor_precision=True, **EXTRACTION)
    if found is None or not is_article(found.body, anchors):
        # Precision can leave too little of a short article: trafilatura's balanced mode decides.
        found = trafilatura.bare_extraction(tree, url=url, **EXTRACTION)
    if found is None or not is_article(found.body, anchors):
        raise PageError("no article text found (a home page or a list of links?)")
    meta = page_meta(tree, url)
    hints = hints or WebArticle(body="")
    source = meta.outlet or hints.source or host_name(meta.url or url)
    title = page_title(meta.title, source) or hints.title
    drop_title(found.body, title)
    drop_link_blocks(found.body)
    return WebArticle(
        body=tree_to_markdown(found.body),
        title=title,
        date=meta.date or hints.date,
        source=source,
        url=http_url(meta.url) or http_url(url) or hints.url,
        author=meta.author or hints.author,
    )


def fragment_page(content: str, title: str | None = None) -> str:
    """A feed entry's content (an HTML fragment or plain text) as a page read_page takes."""
    if not re.search(r"<(p|div|br|article|section|blockquote|ul|ol|h[1-6])\b", content, re.I):
        content = "".join(f"<p>{html.escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", content) if p.strip())
    head = f"<title>{html.escape(title)}</title>" if title else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
        f"<body><article>{content}</article></body></html>"
    )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def decode(data: bytes, charset: str | None = None) -> bytes | str:
    """The page as text when its encoding is known: UTF-8 if it is valid UTF-8, else the
    server's charset, else the page's own <meta charset>. Otherwise the bytes, and trafilatura
    guesses (it would guess even when the page says)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    for name in (charset, declared.group(1).decode("ascii", "ignore") if declared else None):
        if name:
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return data


def looks_like_html(data: bytes) -> bool:
    """Markup in the first few KB, and no NUL bytes (a binary file or UTF-16 text)."""
    head = data[:4096]
    if b"\x00" in head:
        return False
    return re.search(rb"(?i)<(!doctype\s+html|html|head|body|meta|title|div|p|article)\b", head) is not None


def is_article(body, anchors: set[str]) -> bool:
    """Running text enough for an article, and not mostly the text of the page's links (a
    home page's headlines, which trafilatura's last-resort extraction returns as lines).
    Counted in characters, not words: Japanese or Chinese text has no spaces."""
    total = linked = 0
    for block in body.iter("p", "item", "cell", "quote"):
        if block.getparent() is not None and block.getparent().tag in ("item", "cell", "quote"):
            continue  # counted with its container
        for line in "".join(block.itertext()).split("\n"):
            size = len("".join(line.split()))
            total += size
            linked += size if " ".join(line.split()) in anchors else 0
    return total - linked >= MIN_ARTICLE_CHARS and linked <= MAX_LINK_SHARE * total


def anchor_texts(tree) -> set[str]:
    """The text of every link on the page, as is_article compares it."""
    return {" ".join(a.text_content().split()) for a in tree.iter("a")} - {""}


def page_title(title: str | None, source: str | None) -> str | None:
    """The headline without the outlet's name the <title> often adds ("… - News Nation")."""
    if not title:
        return None
    title = " ".join(title.split())
    if source:
        for separator in (" - ", " | ", " – ", " — ", " :: ", " · "):
            head, sep, tail = title.rpartition(separator)
            if sep and head and tail.strip().lower() == source.lower():
                return head.strip()
    return title


def http_url(url: str | None) -> str | None:
    return url if url and re.match(r"https?://", url, re.I) else None


def host_name(url: str | None) -> str | None:
    """The outlet when the page does not name itself: the host without www."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
