"""A web page → an article: main text as Markdown, metadata from the page, no markup of the
page ever passed on; content/*.html read like any article."""

import datetime as dt
import gzip

import pytest

from briefings.content import ContentError, parse_article, render_markdown
from briefings.fetch.feeds import FeedError, read_feed, select
from briefings.webpage.reader import PageError, WebArticle, fragment_page, page_title, read_page

from webserver import DATA, HOME, PAGES

PARAGRAPH = (
    "The committee heard evidence from three engineers who had inspected the bridge in the spring, "
    "and all three said the supports had worn faster than the council had been told."
)
SECOND = (
    "Councillors asked why the last inspection, in 2016, had found nothing, and were told that the "
    "cracks had been hidden under paint that nobody had thought to remove before looking."
)


def page(body: str, head: str = "<title>Bridge report - The Gazette</title>") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    )


def saved(name: str) -> bytes:
    return gzip.decompress((DATA / name).read_bytes())


@pytest.mark.parametrize("path", list(PAGES))
def test_saved_pages_give_title_date_outlet_and_url_from_their_metadata(path):
    name, title, date, outlet = PAGES[path]
    found = read_page(saved(name))
    assert (found.title, str(found.date), found.source) == (title, date, outlet)
    assert found.url.startswith("https://")
    assert title not in found.body.split("\n\n")[0], "the headline is the title, not the first paragraph"


def test_page_chrome_stays_out_of_the_text():
    body = read_page(saved("venturebeat-wework.html.gz")).body
    assert "investigating WeWork" in body
    for chrome in ("Follow VentureBeat on Facebook", "Support independent journalism", "Clumio raises"):
        assert chrome not in body


def test_quotes_lists_headings_and_emphasis_are_kept_as_markdown():
    found = read_page(
        page(
            f"<h1>Bridge report</h1><p>{PARAGRAPH}</p><h2>What the engineers said</h2>"
            f"<blockquote><p>The steel is tired.</p><p>It cannot be mended.</p></blockquote>"
            f"<ul><li>Close it to cars</li><li>Build a <b>new</b> one</li></ul>"
            f"<ol><li>First</li><li>Second</li></ol><p>{SECOND}</p>"
        )
    )
    assert "## What the engineers said" in found.body
    assert "> The steel is tired.\n>\n> It cannot be mended." in found.body
    assert "- Close it to cars\n- Build a **new** one" in found.body
    assert "1. First\n2. Second" in found.body
    html = render_markdown(found.body)
    assert "<blockquote>" in html and "<ul>" in html and "<ol>" in html and "<strong>new</strong>" in html


def test_the_pages_markup_can_never_reach_the_site():
    hostile = (
        "<p>Write &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; in a "
        "paragraph, or *stars*, [brackets](javascript:alert(1)) and `ticks` and a # sign. " + PARAGRAPH + "</p>"
        "<script>alert('real')</script><p onclick='alert(2)'>" + SECOND + "</p>"
        "<p>1. not a list, &amp; an ampersand &amp;lt; and an entity</p>"
    )
    found = read_page(page(hostile))
    html = render_markdown(found.body, "keep")  # even a site that trusts raw HTML gets none from a page
    assert "<script" not in html and "<img" not in html and "onclick" not in html and "href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "*stars*" in html and "[brackets](javascript:alert(1))" in html and "`ticks`" in html
    assert "<ol>" not in html and "1. not a list, &amp; an ampersand &amp;lt; and an entity" in html


def test_hidden_markup_is_not_text():
    found = read_page(
        page(
            f"<p>{PARAGRAPH}</p><div style='display: none'>2019-11-19T08:57:40+01:00 hidden copy</div>"
            f"<p hidden>Also hidden</p><p>{SECOND}</p>"
        )
    )
    assert "hidden copy" not in found.body and "Also hidden" not in found.body


def test_a_short_link_block_is_navigation_but_a_long_one_is_text():
    from lxml import etree

    from briefings.webpage.prune import drop_link_blocks

    body = etree.fromstring(
        f"<body><p>{PARAGRAPH} <ref target='/x'>a link</ref> in prose</p>"
        "<p><ref target='https://example.org/other'>Another story you may like</ref></p>"
        f"<head rend='h3'><ref target='/more'>More from the Gazette</ref></head>"
        f"<p><ref target='/review'>A card that links to the whole review: {SECOND}</ref></p>"
        "<p><ref target='#notes'>Jump to the notes</ref></p>"
        "<p><ref target='/pictures/bridge.jpg'>The bridge in 1950</ref></p></body>"
    )
    drop_link_blocks(body)
    text = " ".join("".join(body.itertext()).split())
    assert "Another story" not in text and "More from the Gazette" not in text
    assert "a link in prose" in text and "A card that links" in text
    assert "Jump to the notes" in text and "The bridge in 1950" in text, "anchors and pictures are not elsewhere"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty page"),
        (b"   \n  ", "empty page"),
        (b"%PDF-1.4\x00\x01binary", "not HTML"),
        (b"just some words, no markup at all", "not HTML"),
        (HOME.encode(), "no article text found"),
        (page("<p>Too short.</p>").encode(), "no article text found"),
        (b"<html><body>" + b"<p>x</p>" * 10 + b"</body>" + b" " * (6 * 2**20) + b"</html>", "too big"),
    ],
)
def test_a_page_without_an_article_says_why(data, reason):
    with pytest.raises(PageError, match=reason):
        read_page(data)


def test_outlet_name_is_cut_from_the_title():
    assert page_title("Bridge report - The Gazette", "The Gazette") == "Bridge report"
    assert page_title("Bridge report | The Gazette", "the gazette") == "Bridge report"
    assert page_title("Opinion | Bridge report", "The Gazette") == "Opinion | Bridge report"


def test_hints_fill_in_what_the_page_leaves_out():
    hints = WebArticle(
        body="",
        title="From the feed",
        date=dt.date(2019, 11, 21),
        source="Example Wire",
        author="Jo Bloggs",
        url="https://example.org/a",
    )
    found = read_page(fragment_page(f"{PARAGRAPH}\n\n{SECOND}"), None, hints=hints)
    assert (found.title, found.date, found.source, found.author, found.url) == (
        "From the feed",
        dt.date(2019, 11, 21),
        "Example Wire",
        "Jo Bloggs",
        "https://example.org/a",
    )
    assert "The committee heard" in found.body and "Councillors asked" in found.body


def test_to_markdown_is_an_article_file_that_reads_back():
    found = read_page(saved("slashgear-vw.html.gz"))
    article, problems = parse_article(found.to_markdown().encode(), "x.md", "content/x.md")
    assert not problems
    assert (article.title, article.date, article.source_name, article.author) == (
        found.title,
        found.date,
        found.source,
        found.author,
    )


def test_content_html_is_read_as_an_article():
    article, problems = parse_article(saved("cbsdetroit-eee.html.gz"), "eee.html", "content/eee.html", "keep")
    assert not problems
    assert article.title.startswith("Michigan Officials: 6th Fatality")
    assert (article.date, article.source_name) == (dt.date(2019, 11, 19), "CBS Detroit")
    assert article.slug == "eee"
    assert "Berrien County Health Department" in article.text
    assert "<script" not in article.body_html and "Latest Headlines" not in article.body_html


def test_content_html_problems_are_content_errors():
    with pytest.raises(ContentError, match="no article text found"):
        parse_article(HOME.encode(), "home.html", "content/home.html")
    with pytest.raises(ContentError, match="empty page"):
        parse_article(b"", "blank.htm", "content/blank.htm")


def test_rss_atom_and_json_feed_entries():
    base = "http://example.org"
    from webserver import atom, json_feed, rss

    entries = read_feed(rss(base).encode(), base + "/feed.xml")
    assert [e.date for e in entries][:2] == [dt.date(2019, 11, 21), dt.date(2019, 11, 20)], "newest first"
    assert entries[0].link == base + "/missing.html" and "harbour bridge" in entries[0].content
    assert entries[-1].link is None and entries[-1].title == "An entry without a link"
    assert {e.source for e in entries} == {"Example Wire"}
    assert [e.link for e in select(entries, since=dt.date(2019, 11, 19), limit=2)] == [
        base + "/missing.html",
        base + "/news/vw-wagon.html",
    ]
    (entry,) = read_feed(atom(base).encode(), base + "/atom.xml")
    assert (entry.link, entry.date) == (base + "/news/wework.html", dt.date(2019, 11, 18))
    (entry,) = read_feed(json_feed(base).encode(), base + "/feed.json")
    assert (entry.link, entry.date, entry.source) == (
        base + "/news/vw-wagon.html",
        dt.date(2019, 11, 20),
        "Example JSON",
    )


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"this is { not XML < at all", "not a feed"),
        (HOME.encode(), "not a feed"),
        (b"", "empty feed"),
        (b'{"items": []}', "not a JSON Feed"),
        (b"{broken json", "JSON that does not parse"),
    ],
)
def test_what_is_not_a_feed_says_so(data, reason):
    with pytest.raises(FeedError, match=reason):
        read_feed(data, "http://example.org/feed")


def test_a_page_not_in_utf8_is_read_in_the_charset_it_names():
    text = page(
        f"<p>Le café de la gare a fermé ses portes après quatre-vingts ans. {PARAGRAPH}</p><p>{SECOND}</p>",
        "<meta charset='iso-8859-1'><title>Café</title>",
    )
    assert "Le café de la gare a fermé" in read_page(text.encode("iso-8859-1")).body
    bare = text.replace("<meta charset='iso-8859-1'>", "")
    assert "Le café de la gare a fermé" in read_page(bare.encode("cp1252"), charset="windows-1252").body


def test_a_body_split_into_chunks_is_read_whole():
    # WIRED cuts its body into chunks with ads and promos between: trafilatura alone keeps the first
    body = read_page(saved("wired-instagram.html.gz")).body
    first, later = "I learned that over a dozen people", "In addition to behavior metrics, Instagram provides"
    assert first in body and later in body and body.index(first) < body.index(later)


def test_only_chunks_of_prose_are_joined():
    from lxml import html

    from briefings.webpage.merge import join_split_bodies

    tree = html.fromstring(
        f"<html><body><main><div class='body'><p>{PARAGRAPH}</p></div><div class='ad'>Buy now</div>"
        f"<div class='body'><p>{SECOND}</p></div><div class='card'><p>Short teaser</p></div>"
        f"<div class='card'><p>Another teaser</p></div></main></body></html>"
    )
    join_split_bodies(tree)
    (main,) = tree.iter("main")
    assert [(c.get("class"), len(c)) for c in main] == [("body", 2), ("ad", 0), ("card", 1), ("card", 1)]
