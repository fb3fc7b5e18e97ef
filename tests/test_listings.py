"""Long listings in pages of `page_size`: the archive, each tag, the participants index (by
coverage and by name). The site model is made from hand-built extractions (no model
needed); the incremental test at the end builds for real."""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import pytest

from briefings import pages as page_plan
from briefings.build import Builder
from briefings.config import Config, load_config
from briefings.model import Article, Extraction, KeyPoint, Participant, Quote
from briefings.render import Renderer
from briefings.site import build_site_model

from conftest import article, write_site
from test_incremental import BODIES, tree

N = 25


def make_site(n: int = N, page_size: int = 10, extra_people: tuple[str, ...] = (), tags=("all",)):
    config = Config(page_size=page_size, period="day", base_url="https://example.org/")
    articles, extracted = [], []
    for i in range(n):
        date = dt.date(2026, 1, 1) + dt.timedelta(days=i)
        articles.append(
            Article(
                source=f"content/a{i}.md",
                slug=f"a{i}",
                title=f"Story {i}",
                text="t",
                body_html="<p>t</p>",
                date=date,
                tags=tuple(tags) + ((f"t{i % 3}",)),
                checksum=f"c{i}",
            )
        )
        people = [Participant("Common Person", "PERSON"), Participant(f"Person Number{i}", "PERSON")]
        people += [Participant(name, "PERSON") for name in extra_people]
        people += [Participant("Westland", "GPE")] if i % 2 else []
        extracted.append(
            (f"k{i}", Extraction([KeyPoint(f"Point {i}.", 0)], [Quote(f"Quote {i}", "Common Person")], people))
        )
    return build_site_model(articles, extracted, config), config


def render_all(site, config) -> dict[str, str]:
    renderer = Renderer(site, config)
    plan = page_plan.plan(site, renderer.entry_link_targets, [])
    urls = [p.url for p in plan]
    assert len(urls) == len(set(urls)), "two pages share a URL"
    return {p.url: renderer.render(p.template, p.url, **p.context).decode() for p in plan if p.template}


def links(pages: dict[str, str], url: str, rel: str | None = None) -> list[str]:
    """Site-root URLs the page links to (only rel=prev/next links when `rel` is given)."""
    found = []
    for attrs in re.findall(r"<a\b([^>]*)>", pages[url]):
        href = re.search(r'href="([^"#]+)"', attrs)
        if href and not href.group(1).startswith("http") and (rel is None or f'rel="{rel}"' in attrs):
            found.append(posixpath.normpath(posixpath.join(posixpath.dirname(url), href.group(1))))
    return found


def walk(pages: dict[str, str], first: str) -> list[str]:
    """Follow rel=next links from the first page of a listing; every page's rel=prev goes back."""
    chain = [first]
    while nxt := links(pages, chain[-1], "next"):
        assert links(pages, nxt[0], "prev") == [chain[-1]]
        chain.append(nxt[0])
    return chain


def test_paginate_splits_and_links():
    from briefings.site import paginate

    pages = paginate(list(range(23)), 10, lambda n: f"p{n}")
    assert [p.items for p in pages] == [list(range(10)), list(range(10, 20)), [20, 21, 22]]
    assert [p.count for p in pages] == [3, 3, 3]
    assert pages[0].previous is None and pages[0].next is pages[1] and pages[2].previous is pages[1]
    assert [p.items for p in paginate([], 10, str)] == [[]], "an empty listing has its first page"


def test_archive_in_pages_linked_both_ways():
    site, config = make_site()
    pages = render_all(site, config)
    chain = walk(pages, "digests/index.html")
    assert chain == ["digests/index.html", "digests/page-2.html", "digests/page-3.html"]
    listed = [u for url in chain for u in links(pages, url) if u.startswith("digests/20")]
    assert listed == [d.url for d in site.digests], "every digest once, newest first"
    assert "Page 2 of 3" in pages["digests/page-2.html"]


def test_tag_pages_in_pages():
    site, config = make_site()
    pages = render_all(site, config)
    chain = walk(pages, "tags/all.html")
    assert chain == ["tags/all.html", "tags/all/page-2.html", "tags/all/page-3.html"]
    listed = [u for url in chain for u in links(pages, url) if u.startswith("articles/")]
    assert listed == [e.url for e in site.entries]
    small = walk(pages, "tags/t0.html")
    assert small == ["tags/t0.html"], "a tag that fits one page has no pager"
    assert 'class="pager"' not in pages["tags/t0.html"]


@pytest.mark.parametrize(
    "order, first", [("count", "participants/index.html"), ("name", "participants/by-name/index.html")]
)
def test_participants_index_sorted_and_paged(order, first):
    site, config = make_site()
    pages = render_all(site, config)
    chain = walk(pages, first)
    assert len(chain) == 3  # 25 + "Common Person" + "Westland" = 27 participants
    rows = [m for url in chain for m in re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a>', pages[url])]
    names = [name for _, name in rows]
    assert sorted(names) == sorted(p.name for p in site.participants), "everyone exactly once"
    if order == "name":
        assert names == sorted(names, key=str.lower)
    else:
        counts = [len(next(p for p in site.participants if p.name == n).entries) for n in names]
        assert counts == sorted(counts, reverse=True)
        assert names[:2] == ["Common Person", "Westland"]
    # Each order links to the other; the current one is marked.
    other = "participants/by-name/index.html" if order == "count" else "participants/index.html"
    assert other in links(pages, first)
    assert 'aria-current="page"' in pages[first] and "aria-sort=" in pages[first]


def test_participant_pages_in_pages_with_their_quotes():
    site, config = make_site()
    pages = render_all(site, config)
    person = next(p for p in site.participants if p.name == "Common Person")
    chain = walk(pages, person.url)
    assert chain == [person.url] + [f"participants/{person.slug}/page-{n}.html" for n in (2, 3)]
    listed = [u for url in chain for u in links(pages, url) if u.startswith("articles/") and "#" not in u]
    assert sorted(set(listed)) == sorted(e.url for e in person.entries)
    quoted = [q for url in chain for q in re.findall(r"<blockquote><p>(Quote \d+)</p>", pages[url])]
    assert sorted(quoted) == sorted(f"Quote {i}" for i in range(N)), "every quote once, across the pages"
    single = next(p for p in site.participants if len(p.entries) == 1)
    assert walk(pages, single.url) == [single.url]


def test_index_urls_are_never_a_participant_or_tag_page():
    site, config = make_site(n=12, extra_people=("Index", "Page 2", "By Name"), tags=("index", "all"))
    pages = render_all(site, config)  # render_all asserts the URLs are distinct
    urls = {p.name: p.url for p in site.participants}
    assert urls["Index"] != "participants/index.html" and urls["Page 2"] != "participants/page-2.html"
    assert urls["By Name"] != "participants/by-name.html", "its page 2 would be the index's"
    assert {t.name: t.url for t in site.tags}["index"] != "tags/index.html"
    assert "<h1>Participants</h1>" in pages["participants/index.html"]
    assert "<h1>Tags</h1>" in pages["tags/index.html"]


def test_page_size_is_validated():
    with pytest.raises(ValueError):
        Config(page_size=3)


@pytest.mark.slow
def test_incremental_equals_clean_across_pages(tmp_path, shared_cache):
    """With page_size 10 and a dozen daily digests, edits move items between pages."""
    files = {f"a{i}.md": article(f"Story {i}", f"2026-11-{i + 1:02d}", BODIES[i % 4], tags="[uk]") for i in range(12)}
    site = write_site(
        tmp_path / "site",
        files,
        f"base_url: https://example.org/\nperiod: day\npage_size: 10\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    builder = Builder(config)
    builder.build()
    assert (config.output_path / "tags" / "uk" / "page-2.html").is_file()
    edits = [
        lambda: (site / "content" / "a11.md").unlink(),
        lambda: (site / "content" / "a3.md").write_text(article("Story 3", "2026-12-20", BODIES[3], tags="[uk, x]")),
        lambda: (site / "content" / "a12.md").write_text(article("Story 12", "2026-10-01", BODIES[2], tags="[uk]")),
        lambda: (site / "content" / "a0.md").write_text(article("Story 0", "2026-11-01", BODIES[0], tags="[]")),
    ]
    for n, edit in enumerate(edits):
        edit()
        incremental = builder.build()
        assert not incremental.full, "an edit re-renders only what changed"
        clean = tmp_path / f"clean{n}"
        Builder(config, output=clean, persist=False).build(clean=True)
        assert tree(config.output_path) == tree(clean), f"after edit {n}"
