"""A digest's top points: near-duplicate points of articles on the same story merged, sources listed.

Real articles from ../shared/corpus/bbc, where the BBC ran the same story twice in other
words (politics/175 and 349: Gordon Brown's rallying cry; business/119 and 438: interest
rates held at 4.75%), and two different stories told in nearly the same words
(sport/417 and 418: two Ireland centres ruled out of the same match).
"""

from __future__ import annotations

import html
import re

import pytest

from briefings.build import build
from briefings.config import load_config
from briefings.content import read_article
from briefings.digest_points import _mentions, _Point, people_in, same_point, similarity, stems, top_points
from briefings.extract import extract_doc
from briefings.model import Entry, Extraction, KeyPoint, Participant

from conftest import CORPUS, article, write_site

BBC = CORPUS / "bbc"


@pytest.fixture(scope="module")
def entries(parse) -> dict[str, Entry]:
    found = {}
    for name in (
        "politics/175.txt",
        "politics/349.txt",
        "business/119.txt",
        "business/438.txt",
        "sport/417.txt",
        "sport/418.txt",
        "tech/254.txt",
    ):
        art, problems = read_article(BBC / name, name)
        assert not problems
        found[name] = Entry(article=art, extraction=extract_doc(parse(art.text), 3), url=f"{name[:-4]}.html")
    return found


def _point(entry: Entry, rank: int = 0) -> _Point:
    text = entry.extraction.key_points[rank].text
    return _Point(text, entry, 0, rank, stems(text), people_in(text, entry))


def test_the_same_story_from_two_articles_is_one_point_with_both_sources(entries):
    brown, brown2 = entries["politics/175.txt"], entries["politics/349.txt"]
    assert brown.extraction.key_points[0].text != brown2.extraction.key_points[0].text  # other words
    top = top_points([brown, brown2, entries["tech/254.txt"]], 5)
    first = top[0]
    assert first.text.startswith("Gordon Brown has issued a rallying cry")
    assert first.sources == [brown, brown2] and first.entry is brown
    # Each point appears once: nothing of Brown's speech is shown twice.
    assert sum("rallying cry" in p.text for p in top) == 1
    assert all(len({id(e) for e in p.sources}) == len(p.sources) for p in top)


def test_a_story_many_sources_cover_comes_before_a_lede_only_one_has(entries):
    rates, rates2, broadband = entries["business/119.txt"], entries["business/438.txt"], entries["tech/254.txt"]
    # The lone article first in digest order: only coverage can put the rates story ahead.
    top = top_points([broadband, rates, rates2], 2)
    assert top[0].text.startswith("The Bank of England has left interest rates on hold")
    assert top[0].sources == [rates, rates2] and top[0].score == 2.0
    assert top[1].sources == [broadband] and top[1].score == 1.0


def test_two_stories_in_nearly_the_same_words_stay_apart(entries):
    darcy, odriscoll = entries["sport/417.txt"], entries["sport/418.txt"]
    a, b = _point(darcy), _point(odriscoll)
    assert "ruled out" in a.text and "ruled out" in b.text
    assert similarity(a.stems, b.stems) > 0.35  # close in words...
    assert a.people and b.people and not a.people & b.people  # ...but about other men
    assert same_point(a, b) == 0.0
    top = top_points([darcy, odriscoll], 6)
    assert all(len(p.sources) == 1 for p in top)
    assert {p.text for p in top} == {k.text for e in (darcy, odriscoll) for k in e.extraction.key_points}


STORIES = {
    "politics/175.html": "brown",
    "politics/349.html": "brown",
    "business/119.html": "rates",
    "business/438.html": "rates",
    "sport/417.html": "darcy",
    "sport/418.html": "odriscoll",
    "tech/254.html": "broadband",
}


def test_only_points_of_the_same_story_are_merged(entries):
    top = top_points(list(entries.values()), 30)
    assert len(top) < sum(len(e.extraction.key_points) for e in entries.values())  # some were merged
    for point in top:
        assert len({STORIES[e.url] for e in point.sources}) == 1, (point.text, [e.url for e in point.sources])


def test_an_articles_own_points_are_never_merged_and_the_count_holds(entries):
    brown = entries["politics/175.txt"]
    assert len(top_points([brown], 5)) == len(brown.extraction.key_points)
    assert len(top_points(list(entries.values()), 4)) == 4
    assert top_points(list(entries.values()), 0) == []
    assert top_points([], 5) == []


def test_ranked_by_weight_then_newest_article_and_deterministic():
    def entry(slug: str, points: list[str]) -> Entry:
        extraction = Extraction(
            key_points=[KeyPoint(t, i) for i, t in enumerate(points)], participants=[Participant("Jim Mann", "PERSON")]
        )
        return Entry(article=read_stub(slug), extraction=extraction, url=f"{slug}.html")

    newer = entry(
        "newer",
        [
            "Kilmarnock confirmed Gary Locke as their permanent manager on Friday.",
            "The club went unbeaten during his first six games in charge.",
        ],
    )
    older = entry("older", ["Greece says it will repay a £330million loan to the IMF on Thursday."])
    top = top_points([newer, older], 3)
    assert [p.entry.article.slug for p in top] == ["newer", "older", "newer"]
    assert [p.score for p in top] == [1.0, 1.0, 0.5]
    assert top_points([newer, older], 3) == top


def read_stub(slug: str):
    from briefings.model import Article

    return Article(source=f"{slug}.md", slug=slug, title=slug.title(), text="", body_html="")


def test_stems_meet_across_word_forms():
    assert stems("Gordon Brown rallies supporters") & stems("a rallying cry to his supporter") == {"ralli", "support"}
    assert stems("Rates were held at 4.75% on Thursday") == {"rate", "held", "4.75%"}


def test_the_digest_page_opens_with_merged_top_points(tmp_path):
    # The two Brown articles are one story: it opens the digest, its point made by both shown
    # once with both sources; the rates article is a card of its own.
    bodies = {
        name: (BBC / f"politics/{name}.txt").read_text(encoding="utf-8").split("\n", 1)[1] for name in ("175", "349")
    }
    site = write_site(
        tmp_path,
        {
            "brown-a.md": article("Chancellor rallies Labour voters", "2026-11-18", bodies["175"], source="BBC News"),
            "brown-b.md": article(
                "Brown warns stakes are too high", "2026-11-19", bodies["349"], source="Other Outlet"
            ),
            "rates.md": article(
                "Bank opts to leave rates on hold",
                "2026-11-17",
                (BBC / "business/119.txt").read_text(encoding="utf-8").split("\n", 1)[1],
            ),
        },
        "title: Test site\nbase_url: https://example.org/\ntop_points: 2\n",
    )
    config = load_config(site / "config.yaml")
    assert not build(config).problems
    page = (config.output_path / "index.html").read_text(encoding="utf-8")
    section = page[page.index('<section class="top-stories"') : page.index("</section>")]
    assert section.index("Top stories") < section.index("<li>")
    points = section[section.index('<ul class="key-points">') :]
    items = re.findall(r"<li>(.*?)</li>", points[: points.index("</ul>")], re.S)
    assert len(items) == 2
    assert html.unescape(items[0]).lstrip().startswith("Gordon Brown has issued a rallying cry")
    assert 'href="articles/brown-a.html"' in items[0] and 'href="articles/brown-b.html"' in items[0]
    assert "(BBC News)" in items[0] and "(Other Outlet)" in items[0]
    assert "rates" not in section and 'id="card-rates"' in page
    assert page.index('class="top-stories"') < page.index('class="cards"')
    # The weekly digest page shows the same block.
    digest = (config.output_path / "digests" / "2026-11-16.html").read_text(encoding="utf-8")
    assert section in digest.replace('href="../', 'href="')

    (site / "config.yaml").write_text("title: Test site\nbase_url: https://example.org/\ntop_stories: 0\n")
    assert not build(load_config(site / "config.yaml")).problems
    assert "top-stories" not in (config.output_path / "index.html").read_text(encoding="utf-8")


def test_a_rebuilt_site_model_gets_the_remembered_points_on_its_own_entries(entries):
    # serve rebuilds the site model on every edit: unchanged digests reuse their top points.
    def copies() -> list[Entry]:
        return [
            Entry(article=e.article, extraction=e.extraction, url=e.url, fingerprint=f"fp-{e.url}")
            for e in (entries["politics/175.txt"], entries["politics/349.txt"], entries["tech/254.txt"])
        ]

    first, second = copies(), copies()
    a, b = top_points(first, 3), top_points(second, 3)
    assert [(p.text, p.score, [e.url for e in p.sources]) for p in a] == [
        (p.text, p.score, [e.url for e in p.sources]) for p in b
    ]
    assert all(e in second for p in b for e in p.sources) and b[0].sources[0] is second[0]
    assert len(b[0].sources) == 2


def test_people_are_found_as_whole_words():
    assert _mentions("Ed Balls said on Monday.", "Ed Balls") and _mentions("said Ed.", "Ed")
    assert not _mentions("Edward said.", "Ed") and not _mentions("TedEd said.", "Ed")
