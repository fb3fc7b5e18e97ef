"""Feeds (Atom, RSS 2.0, JSON Feed 1.1; the site's and each tag's), sitemap.xml, robots.txt,
canonical and social meta, and drafts, on a real build of the sample site.

Atom and RSS are parsed by feedparser (pinned in the test extra); feedparser 6 does not read
JSON Feed, so that one is checked field by field against the 1.1 spec."""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from briefings.build import build
from briefings.config import load_config
from briefings.serve import Server

from conftest import article, write_site

pytestmark = pytest.mark.slow  # needs the spaCy model

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEEDS = ("feed.xml", "rss.xml", "feed.json")


@pytest.fixture(scope="module")
def config(sample_config):
    return sample_config


@pytest.fixture(scope="module")
def built(built_sample):
    out, result = built_sample
    return out, result.site


def key_points(entry) -> str:
    return " ".join(p.text for p in entry.key_points_in_order)


def sources(site):
    """(folder, entries) of every feed set: the site's, then each tag's."""
    return [("", site.entries)] + [(f"tags/{t.slug}/", t.entries) for t in site.tags]


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def parse_xml_feed(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    return feed


@pytest.mark.parametrize("name, version", [("feed.xml", "atom10"), ("rss.xml", "rss20")])
def test_atom_and_rss_parse_and_carry_key_points(built, config, name, version):
    out, site = built
    assert site.tags, "the sample site has tags"
    for folder, entries in sources(site):
        feed = parse_xml_feed(out / folder / name)
        assert feed.version == version, folder + name
        assert feed.feed.title.startswith(site.title)
        expected = entries[:50]
        assert [e.link for e in feed.entries] == [config.base_url + e.url for e in expected]
        for got, entry in zip(feed.entries, expected):
            assert got.title == entry.article.title
            assert (out / got.link[len(config.base_url) :]).is_file()
            assert got.summary == key_points(entry), "the summary is the key points"
            assert got.get("published_parsed") or got.get("updated_parsed")
            # The content is the card as HTML: key points, quotes, a link to the briefing.
            content = got.content[0].value
            assert "<li>" in content and config.base_url + entry.url in content
            assert all(p.text in text_of(content) for p in entry.key_points_in_order)


def test_rss_links_itself_and_the_site(built, config):
    out, _ = built
    channel = ET.parse(out / "rss.xml").getroot().find("channel")
    assert channel.findtext("link") == config.base_url + "index.html"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == config.base_url + "rss.xml"
    for item in channel.findall("item"):
        assert item.find("guid").get("isPermaLink") == "true"
        dt.datetime.strptime(item.findtext("pubDate"), "%a, %d %b %Y %H:%M:%S %z")  # RFC 822


def _rfc3339(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.tzinfo is not None, value
    return parsed


def check_json_feed(data: dict, feed_url: str) -> None:
    """JSON Feed 1.1: required and typed fields (https://jsonfeed.org/version/1.1)."""
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(data["title"], str) and data["title"]
    assert data["feed_url"] == feed_url
    assert data["home_page_url"].startswith("http")
    assert all(isinstance(a, dict) and a.get("name") for a in data.get("authors", []))
    assert isinstance(data["items"], list)
    known = {
        "version",
        "title",
        "home_page_url",
        "feed_url",
        "description",
        "user_comment",
        "next_url",
        "icon",
        "favicon",
        "authors",
        "language",
        "expired",
        "hubs",
        "items",
    }
    assert set(data) <= known, set(data) - known
    ids = set()
    for item in data["items"]:
        assert isinstance(item["id"], str) and item["id"] not in ids
        ids.add(item["id"])
        assert "content_html" in item or "content_text" in item, "an item has content"
        for key in ("url", "external_url", "title", "summary", "content_html"):
            assert key not in item or isinstance(item[key], str), key
        _rfc3339(item["date_published"])
        assert all(isinstance(t, str) for t in item.get("tags", []))


def test_json_feeds_follow_json_feed_1_1(built, config):
    out, site = built
    for folder, entries in sources(site):
        data = json.loads((out / folder / "feed.json").read_text(encoding="utf-8"))
        check_json_feed(data, config.base_url + folder + "feed.json")
        expected = entries[:50]
        assert [i["url"] for i in data["items"]] == [config.base_url + e.url for e in expected]
        for item, entry in zip(data["items"], expected):
            assert item["title"] == entry.article.title
            assert item["summary"] == key_points(entry)
            assert item.get("external_url") == entry.article.url or not entry.article.url


def test_tag_feeds_hold_only_their_tag(built):
    out, site = built
    for tag in site.tags:
        feed = parse_xml_feed(out / "tags" / tag.slug / "feed.xml")
        titles = {e.title for e in feed.entries}
        assert titles == {e.article.title for e in tag.entries[:50]}
        assert all(tag.name in [t.term for t in e.get("tags", [])] for e in feed.entries)


def test_pages_link_their_feeds(built):
    out, site = built
    index = (out / "index.html").read_text(encoding="utf-8")
    for kind, name in (
        ("application/atom+xml", "feed.xml"),
        ("application/rss+xml", "rss.xml"),
        ("application/feed+json", "feed.json"),
    ):
        assert f'type="{kind}"' in index and f'href="{name}"' in index
    tag = site.tags[0]
    page = (out / tag.url).read_text(encoding="utf-8")
    linked = {posixpath.normpath(posixpath.join("tags", href)) for href in re.findall(r'href="([^"#]+)"', page)}
    assert {f"tags/{tag.slug}/{name}" for name in FEEDS} <= linked


# -- sitemap, robots, canonical, social meta ---------------------------------------------


def test_sitemap_lists_every_page_but_search(built, config):
    out, _ = built
    root = ET.parse(out / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    locs = [u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")]
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(config.base_url) for loc in locs)
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    assert {loc[len(config.base_url) :] for loc in locs} == pages - {"search.html"}
    for url in root.findall(f"{SITEMAP}url"):
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        if lastmod:
            dt.date.fromisoformat(lastmod[:10])


def test_robots_points_at_the_sitemap(built, config):
    out, _ = built
    lines = (out / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {config.base_url}sitemap.xml" in lines


class Meta(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs["href"]


def meta_of(path: Path) -> Meta:
    parser = Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_has_canonical_open_graph_and_twitter_meta(built, config):
    out, _ = built
    for path in sorted(out.rglob("*.html")):
        name = path.relative_to(out).as_posix()
        page = meta_of(path)
        assert page.canonical == config.base_url + name, name
        assert page.meta["og:url"] == page.canonical, name
        assert page.meta["og:title"] and page.meta["twitter:title"] == page.meta["og:title"], name
        assert page.meta["og:site_name"] == "Briefings"
        assert page.meta["twitter:card"] == "summary"


def test_social_meta_of_articles_and_digests_is_title_and_first_key_point(built):
    out, site = built
    for entry in site.entries:
        page = meta_of(out / entry.url)
        assert page.meta["og:type"] == "article"
        assert page.meta["og:title"] == entry.article.title
        first = entry.key_points_in_order[0].text
        shown = page.meta["og:description"]
        assert shown == first or (shown.endswith("...") and first.startswith(shown[:-3]) and len(shown) <= 205)
        assert page.meta["twitter:description"] == shown == page.meta["description"]
    digest = site.digests[0]
    page = meta_of(out / digest.url)
    assert page.meta["og:title"] == digest.title
    assert page.meta["og:description"][:100] == digest.entries[0].key_points_in_order[0].text[:100]


# -- drafts --------------------------------------------------------------------------------

DRAFT_SITE = {
    "a.md": article("Published story", "2026-11-02", "The council met on Monday and agreed the budget.", tags="[uk]"),
    "d.md": article(
        "Secret plan", "2026-11-03", "The council will meet on Friday to agree the plan.", tags="[uk]", draft="true"
    ),
}


def test_drafts_only_with_the_flag_and_never_in_feeds_or_sitemap(tmp_path, shared_cache):
    site = write_site(tmp_path, DRAFT_SITE, f"base_url: https://example.org/\ncache_dir: {shared_cache}\n")
    config = load_config(site / "config.yaml")
    assert not build(config).errors
    out = config.output_path
    assert not (out / "articles" / "d.html").exists()
    assert "Secret plan" not in (out / "search.json").read_text(encoding="utf-8")
    assert not build(config, drafts=True).errors
    page = (out / "articles" / "d.html").read_text(encoding="utf-8")
    assert 'class="draft-badge">Draft<' in page and '<meta name="robots" content="noindex">' in page
    assert "noindex" not in (out / "articles" / "a.html").read_text(encoding="utf-8")
    assert "Secret plan" in (out / "index.html").read_text(encoding="utf-8")
    for name in (
        "feed.xml",
        "rss.xml",
        "feed.json",
        "tags/uk/feed.xml",
        "tags/uk/rss.xml",
        "tags/uk/feed.json",
        "sitemap.xml",
    ):
        text = (out / name).read_text(encoding="utf-8")
        assert "Published story" in text or "articles/a.html" in text, name
        assert "Secret plan" not in text and "articles/d.html" not in text, name


def test_serve_shows_drafts(tmp_path, shared_cache):
    site = write_site(tmp_path, DRAFT_SITE, f"base_url: http://localhost/\ncache_dir: {shared_cache}\n")
    server = Server(load_config(site / "config.yaml"), site / "config.yaml", port=0)
    try:
        server.start()
        assert server.wait_for_build(1, 30) and server.error is None, server.error
        assert (site / "output" / "articles" / "d.html").is_file()
    finally:
        server.stop()


def test_search_index_from_remembered_records_is_the_same_json(built):
    from briefings.search import search_index, search_index_json

    _, site = built
    whole = json.dumps(search_index(site), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    memo: dict = {}
    assert search_index_json(site, memo) == whole
    assert len(memo) == len(site.entries) + len(site.participants)
    entry = site.entries[0]
    memo[("article", entry.fingerprint, entry.url)] = '{"remembered":true}'  # what an edit would not change
    assert '{"remembered":true}' in search_index_json(site, memo)
    memo.clear()
    assert search_index_json(site, memo) == whole
