"""A golden test of the sample site's HTML structure: for one page of each kind, a normalised
outline of its landmarks, headings, lists, figures, forms, tables and the kinds of page
its links lead to, compared with tests/data/golden/<kind>.txt.

The outline is about the theme, not the news: heading texts are left out, link targets
are reduced to their kind ("participants/*"), and sibling elements of the same kind are
merged into one (their children and links united), so the number of cards, quotes or
participants does not matter, only which structures appear. To accept a change on purpose:

    BRIEFINGS_UPDATE_GOLDEN=1 PYTHONPATH=$PWD .venv/bin/python -m pytest tests/test_golden.py

and review the diff of tests/data/golden/ (see its README.md)."""

from __future__ import annotations

import os
import posixpath
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow  # needs the spaCy model

GOLDEN = REPO / "tests" / "data" / "golden"
UPDATE = os.environ.get("BRIEFINGS_UPDATE_GOLDEN") == "1"

CONTAINERS = {
    "header",
    "nav",
    "main",
    "footer",
    "aside",
    "section",
    "article",
    "form",
    "figure",
    "ul",
    "ol",
    "table",
    "thead",
    "tbody",
    "noscript",
    "blockquote",
}
LEAVES = {"h1", "h2", "h3", "h4", "h5", "h6", "label", "input", "button", "script", "caption"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Path segments that name a page kind rather than one article, person, tag or digest.
FIXED = {
    "articles",
    "participants",
    "digests",
    "stories",
    "tags",
    "quotes",
    "static",
    "by-name",
    "index.html",
    "feed.xml",
    "rss.xml",
    "feed.json",
    "style.css",
    "search.html",
    "search-index.js",
    "search.js",
    "sitemap.xml",
}


def _data_id(value: str) -> str:
    """Ids made from data ("card-some-slug", "story-some-slug", "q-3") as their pattern."""
    return re.sub(r"^(q|card|story)-.*", r"\1-*", value)


def link_kind(href: str, page_url: str) -> str:
    if href.startswith(("http://", "https://", "mailto:")):
        return "external"
    parts = urlsplit(href)
    fragment = "#" + _data_id(parts.fragment) if parts.fragment else ""
    if not parts.path:
        return fragment
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))
    segments = [
        s if s in FIXED else "page-*.html" if re.fullmatch(r"page-\d+\.html", s) else "*" for s in path.split("/")
    ]
    return "/".join(segments) + fragment


class Node:
    def __init__(self, line: str):
        self.line = line
        self.children: dict[str, Node] = {}  # by line: siblings of one kind merge
        self.links: set[str] = set()

    def add(self, child: Node) -> Node:
        return self.children.setdefault(child.line, child)

    def render(self, depth: int = 0) -> list[str]:
        out = ["  " * depth + self.line + (f"  → {', '.join(sorted(self.links))}" if self.links else "")]
        for child in self.children.values():
            out.extend(child.render(depth + 1))
        return out


class Outline(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.root = Node(page_url.split("?")[0])
        self.head = Node("head")
        self.stack: list[tuple[str, Node | None]] = [("", self.root)]  # open elements, with their node if kept
        self.in_head = False

    def line(self, tag: str, attrs: dict) -> str:
        head = tag + ("." + ".".join(sorted(attrs["class"].split())) if attrs.get("class") else "")
        bits = [head]
        if attrs.get("id"):
            bits.append("#" + _data_id(attrs["id"]))
        for name in ("role", "type", "scope", "aria-sort", "aria-current", "aria-live", "rel", "for", "tabindex"):
            if attrs.get(name) is not None:
                bits.append(f"[{name}={attrs[name]}]")
        if attrs.get("aria-labelledby"):
            bits.append(f"[labelledby={_data_id(attrs['aria-labelledby'])}]")
        if attrs.get("aria-label") and tag != "section":  # a section's label names a speaker: data
            bits.append('"' + re.sub(r"“[^”]*”", "“*”", attrs["aria-label"]) + '"')
        if tag == "script" and attrs.get("src"):
            bits.append(f"src={link_kind(attrs['src'], self.page_url)}")
        return " ".join(bits)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        if self.in_head:
            if tag == "meta" and (attrs.get("property") or attrs.get("name")):
                self.head.add(Node(f"meta {attrs.get('property') or attrs.get('name')}"))
            elif tag == "link":
                self.head.add(Node(f"link {attrs.get('rel')} {attrs.get('type') or ''}".strip()))
            return
        parent = next(node for _, node in reversed(self.stack) if node is not None)
        if tag == "a" and attrs.get("href") is not None:
            parent.links.add(link_kind(attrs["href"], self.page_url))
        recorded = tag in CONTAINERS or (attrs.get("role") is not None and tag not in VOID)
        node = parent.add(Node(self.line(tag, attrs))) if recorded or tag in LEAVES else None
        if tag not in VOID:
            self.stack.append((tag, node if recorded else None))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def text(self) -> str:
        return "\n".join(self.head.render() + self.root.render()) + "\n"


def outline(html: str, page_url: str) -> str:
    parser = Outline(page_url)
    parser.feed(html)
    parser.close()
    return parser.text()


@pytest.fixture(scope="module")
def built(built_sample):
    out, result = built_sample
    return out, result.site


def kinds(site) -> dict[str, str]:
    # A digest between two others that opens with a story (the sample's AirAsia week); the
    # index, the latest digest, has none: both layouts are covered.
    middle = [d for d in site.digests if d.previous and d.next]
    digest = next((d for d in middle if d.top_stories), middle[0] if middle else site.digests[0])
    story = next(s for d in site.digests for s in d.stories_with_pages)
    entry = next(e for e in site.entries if e.extraction.quotes and e.extraction.participants and e.tags)
    person = next(p for p in site.participant_index["count"][0].items if p.type == "PERSON" and p.quotes)
    return {
        "index": "index.html",
        "digest": digest.url,
        "archive": "digests/index.html",
        "article": entry.url,
        "participant": person.url,
        "participants": "participants/index.html",
        "participants-by-name": "participants/by-name/index.html",
        "tags": "tags/index.html",
        "tag": site.tags[0].url,
        "quotes": "quotes/index.html",
        "search": "search.html",
        "story": story.url,
    }


KINDS = [
    "index",
    "digest",
    "archive",
    "article",
    "participant",
    "participants",
    "participants-by-name",
    "tags",
    "tag",
    "quotes",
    "search",
    "story",
]


@pytest.mark.parametrize("kind", KINDS)
def test_page_structure_matches_golden(built, kind):
    out, site = built
    url = kinds(site)[kind]
    got = outline((out / url).read_text(encoding="utf-8"), url)
    path = GOLDEN / f"{kind}.txt"
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: run with BRIEFINGS_UPDATE_GOLDEN=1 to make it"
    want = path.read_text(encoding="utf-8")
    assert got == want, (
        f"{kind} ({url}) differs from {path.relative_to(REPO)}; if intended, regenerate it "
        "(BRIEFINGS_UPDATE_GOLDEN=1) and review the diff"
    )


def test_outline_reduces_data_to_kinds():
    html = """<html><head><meta property="og:title" content="x"></head><body><main id="main">
      <article class="card" aria-labelledby="card-a"><h2 id="card-a"><a href="articles/a.html">A</a></h2>
        <ul class="chips"><li><a href="participants/x.html">X</a></li></ul></article>
      <article class="card" aria-labelledby="card-b"><h2 id="card-b"><a href="articles/b.html">B</a></h2>
        <figure class="quote"><figcaption><a href="participants/y.html">Y</a></figcaption></figure></article>
      <a href="https://example.org/">out</a> <a href="digests/page-2.html" rel="next">2</a></main></body></html>"""
    text = outline(html, "index.html")
    assert text.count("article.card") == 1, "two cards, one pattern"
    assert "h2 #card-*" in text and "figure.quote" in text and "ul.chips" in text
    assert "articles/*" in text and "participants/*" in text and "digests/page-*.html" in text
    assert "external" in text and "meta og:title" in text
    assert "articles/a.html" not in text and "participants/x.html" not in text and "card-a" not in text
