"""The default theme, checked on a real build of the sample site (real model, no mocks).

The sample site is built once per module into a temporary folder; every test reads that output.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from briefings.build import build
from briefings.config import load_config

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EXTERNAL = ("http://", "https://", "mailto:")

pytestmark = pytest.mark.slow  # needs the spaCy model


class Page(HTMLParser):
    """What the tests need from one HTML file: its links, ids, headings, landmarks, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, href or src)
        self.ids: set[str] = set()
        self.tags: dict[str, int] = {}
        self.lang: str | None = None
        self.title = ""
        self.text: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "title":
            self._in_title = True
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) is not None:
                self.links.append((tag, attrs[name]))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


def parse_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


@pytest.fixture(scope="module")
def config(sample_config):
    return sample_config


@pytest.fixture(scope="module")
def built(built_sample):
    return built_sample


@pytest.fixture(scope="module")
def pages(built):
    out, _ = built
    parsed = {p.relative_to(out).as_posix(): parse_page(p) for p in sorted(out.rglob("*.html"))}
    assert parsed, "the build wrote no HTML"
    return parsed


def resolve(page_name: str, link: str) -> tuple[str, str]:
    """(output-relative file, fragment) that a relative link on `page_name` points to."""
    parts = urlsplit(link)
    target = unquote(parts.path)
    if not target:
        return page_name, parts.fragment
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_name), target))
    if target.endswith("/"):
        joined = posixpath.join(joined, "index.html")
    return joined, parts.fragment


def test_expected_pages_exist(built):
    out, result = built
    site = result.site
    assert site.entries and site.digests, "the sample site should have articles"
    expected = [
        "index.html",
        "digests/index.html",
        "participants/index.html",
        "tags/index.html",
        "quotes/index.html",
        "feed.xml",
        "sitemap.xml",
        "static/style.css",
    ]
    expected += [d.url for d in site.digests] + [e.url for e in site.entries]
    expected += [p.url for p in site.participants] + [t.url for t in site.tags]
    missing = [name for name in expected if not (out / name).is_file()]
    assert not missing


def test_feed_is_atom(built, config):
    out, result = built
    root = ET.parse(out / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for child in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{child}") is not None, child
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(50, len(result.site.entries))
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith(config.base_url)
        assert entry.findtext(f"{ATOM}title").strip()
        assert entry.findtext(f"{ATOM}updated").endswith("Z")
        assert entry.find(f"{ATOM}link").get("href").startswith(config.base_url)
    # The first entry carries its key points (escaped HTML that must itself parse).
    first = result.site.entries[0]
    content = entries[0].find(f"{ATOM}content")
    assert content is not None and content.get("type") == "html"
    shown = "".join(ET.fromstring(f"<div>{content.text}</div>").itertext())
    for point in first.extraction.key_points:
        assert point.text in shown


def test_sitemap_lists_absolute_urls_of_real_pages(built, config):
    out, result = built
    root = ET.parse(out / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locs = [u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")]
    assert locs and all(loc.startswith(config.base_url) for loc in locs)
    assert len(locs) == len(set(locs)), "duplicate URLs in the sitemap"
    for loc in locs:
        assert (out / loc[len(config.base_url) :]).is_file(), loc
    for entry in result.site.entries:
        assert config.base_url + entry.url in locs


def test_every_local_link_resolves(built, pages):
    out, _ = built
    broken = []
    for name, page in pages.items():
        for tag, link in page.links:
            if link.startswith(EXTERNAL) or link.startswith("#"):
                continue
            target, _ = resolve(name, link)
            if target.startswith("../") or not (out / target).is_file():
                broken.append(f"{name}: <{tag}> {link}")
    assert not broken, "\n".join(broken[:20])


def test_fragments_point_at_ids(pages):
    missing = []
    for name, page in pages.items():
        for _tag, link in page.links:
            if link.startswith(EXTERNAL):
                continue
            target, fragment = resolve(name, link)
            if fragment and target in pages and fragment not in pages[target].ids:
                missing.append(f"{name}: {link}")
    assert not missing, "\n".join(missing[:20])


def test_no_root_relative_links(pages):
    rooted = [f"{name}: {link}" for name, page in pages.items() for _, link in page.links if link.startswith("/")]
    assert not rooted, "\n".join(rooted[:20])


def test_pages_have_one_h1_a_main_and_a_title(pages):
    for name, page in pages.items():
        assert page.tags.get("h1") == 1, f"{name}: {page.tags.get('h1', 0)} <h1>"
        assert page.tags.get("main") == 1, f"{name}: no single <main>"
        assert page.lang == "en", name
        assert page.title.strip(), f"{name}: empty <title>"


def test_index_shows_the_latest_digest(built, pages):
    _, result = built
    latest = result.site.digests[0]
    text = " ".join(" ".join(pages["index.html"].text).split())
    assert latest.title in text
    assert "Latest" in text
    for entry in latest.entries:
        assert entry.article.title in text


def test_article_page_shows_extraction(pages, built):
    _, result = built
    entry = next(e for e in result.site.entries if e.extraction.quotes and e.extraction.participants)
    page = pages[entry.url]
    text = " ".join(" ".join(page.text).split())
    for heading in ("Key points", "Quotes", "Participants"):
        assert heading in text
    hrefs = {resolve(entry.url, link)[0] for _, link in page.links}
    linked = [p for p in result.site.participants if entry in p.entries]
    assert all(p.url in hrefs for p in linked)


def test_no_external_requests(pages, built, config):
    """The theme loads nothing from elsewhere: no fonts, only local stylesheets, and scripts
    only on the search page, from the site itself. (<link rel=canonical> names the page's
    own public URL, which is not a request.)"""
    out, _ = built
    for name, page in pages.items():
        if name == "search.html":
            scripts = [src for tag, src in page.links if tag == "script"]
            assert scripts == ["search-index.js", "static/search.js"], scripts
            assert page.tags["script"] == len(scripts), "no inline scripts"
        else:
            assert "script" not in page.tags, name
        fetched = [
            src
            for tag, src in page.links
            if tag in ("link", "img", "script") and src.startswith(EXTERNAL) and not src.startswith(config.base_url)
        ]
        assert not fetched, name
    css = (out / "static" / "style.css").read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css


def test_build_is_deterministic(built, config, tmp_path):
    out, _ = built
    again = build(config, output=tmp_path / "again")
    assert not again.errors
    first = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {
        p.relative_to(tmp_path / "again").as_posix(): p.read_bytes()
        for p in (tmp_path / "again").rglob("*")
        if p.is_file()
    }
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_empty_site_gets_the_empty_page(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "config.yaml").write_text("title: Empty\nbase_url: https://example.org/sub/\n", encoding="utf-8")
    config = load_config(tmp_path / "config.yaml")
    result = build(config, output=tmp_path / "out")
    assert not result.errors, result.errors
    index = parse_page(tmp_path / "out" / "index.html")
    text = " ".join(index.text)
    assert index.tags.get("h1") == 1 and ".md" in text and ".txt" in text
    for _, link in index.links:
        if not link.startswith(EXTERNAL + ("#",)):
            assert (tmp_path / "out" / resolve("index.html", link)[0]).is_file(), link
    ET.parse(tmp_path / "out" / "feed.xml")
    ET.parse(tmp_path / "out" / "sitemap.xml")
