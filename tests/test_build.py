"""Whole builds of real sites: byte-identical output, atomic swap, problems reported."""

import os
from pathlib import Path

from briefings.build import build
from briefings.config import load_config

from conftest import article, write_site


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_of_the_sample_site_are_byte_identical(sample_site, tmp_path):
    config = load_config(sample_site / "config.yaml")
    first = build(config, output=tmp_path / "one")
    second = build(config, output=tmp_path / "two")
    assert not first.problems and not second.problems
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two
    assert {
        "index.html",
        "feed.xml",
        "sitemap.xml",
        "quotes/index.html",
        "articles/japan-uk-security-dialogue.html",
        "participants/william-hague.html",
    } <= set(one)
    assert second.parsed == 0, "the second build takes every extraction from the cache"


def test_source_date_epoch_sets_the_feed_timestamp(sample_site, tmp_path, monkeypatch):
    config = load_config(sample_site / "config.yaml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(config, output=tmp_path / "out")
    assert b"2023-11-14T22:13:20Z" in (tmp_path / "out" / "feed.xml").read_bytes()


def test_seed_facts_in_the_built_html(sample_site):
    config = load_config(sample_site / "config.yaml")
    assert not build(config).problems
    out = config.output_path
    page = (out / "articles" / "japan-uk-security-dialogue.html").read_text(encoding="utf-8")
    for fact in (
        "William Hague",
        "Fumio Kishida",
        "Shinzo Abe",
        "United Kingdom",
        "British Foreign Secretary",
        "Foreign Minister",
        "Prime Minister",
        "I personally believe there is huge space",
    ):
        assert fact in page
    assert "participants/hague.html" not in page
    hague = (out / "participants" / "william-hague.html").read_text(encoding="utf-8")
    assert "We welcome a more active role of Japan" in hague
    assert not (out / "participants" / "hague.html").exists()
    assert not (out / "participants" / "british.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Week of 16 November 2026" in index
    assert "By subscribing" not in index


def test_deleted_article_pages_disappear_and_undated_is_built(tmp_path):
    site = write_site(
        tmp_path,
        {
            "a.md": article("Alpha story", "2026-11-02", "Alice Brown met Bob Green in Paris on Monday."),
            "b.md": article("Beta story", None, "Carol White said the plan was working well."),
        },
    )
    config = load_config(site / "config.yaml")
    assert not build(config).problems
    out = config.output_path
    assert (out / "articles" / "b.html").exists()
    assert "Undated" in (out / "digests" / "undated.html").read_text(encoding="utf-8")
    (site / "content" / "b.md").unlink()
    assert not build(config).problems
    assert not (out / "articles" / "b.html").exists()
    assert not (out / "digests" / "undated.html").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output")], "no staging left behind"


def test_broken_article_is_reported_and_the_rest_still_built(tmp_path):
    site = write_site(
        tmp_path,
        {
            "good.md": article("Good story", "2026-11-02", "The council met on Monday."),
            "bad.md": "---\ntitle: Bad\ndate: 2026-13-45\n---\nText.\n",
        },
    )
    config = load_config(site / "config.yaml")
    result = build(config)
    assert [str(p) for p in result.errors] == [
        "content/bad.md:3: error: 'date' must be an ISO date like 2026-11-18, got '2026-13-45'"
    ]
    assert result.failed()
    assert (config.output_path / "articles" / "good.html").exists()


def test_template_error_names_file_and_line_and_keeps_old_output(tmp_path):
    site = write_site(tmp_path, {"a.md": article("A story", "2026-11-02", "The council met on Monday.")})
    config = load_config(site / "config.yaml")
    assert not build(config).problems
    before = tree(config.output_path)
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("line one\n{{ entry.nope() }}\n", encoding="utf-8")
    result = build(config)
    assert len(result.errors) == 1
    problem = result.errors[0]
    assert problem.path.endswith("templates/article.html") and problem.line == 2
    assert tree(config.output_path) == before
    (site / "templates" / "article.html").write_text("{% if %}\n", encoding="utf-8")
    problem = build(config).errors[0]
    assert problem.path.endswith("article.html") and problem.line == 1


def test_site_template_overrides_theme_by_file_name(tmp_path):
    site = write_site(tmp_path, {"a.md": article("A story", "2026-11-02", "The council met on Monday.")})
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("<p>custom {{ entry.article.title }}</p>\n", encoding="utf-8")
    config = load_config(site / "config.yaml")
    assert not build(config).problems
    assert (config.output_path / "articles" / "a.html").read_text() == "<p>custom A story</p>\n"
    assert "<html" in (config.output_path / "index.html").read_text()


def test_drafts_are_left_out_unless_asked(tmp_path):
    site = write_site(
        tmp_path,
        {
            "a.md": article("Published", "2026-11-02", "The council met on Monday."),
            "d.md": article("Draft", "2026-11-02", "Not yet.", draft="true"),
        },
    )
    config = load_config(site / "config.yaml")
    build(config)
    assert not (config.output_path / "articles" / "d.html").exists()
    build(config, drafts=True)
    assert (config.output_path / "articles" / "d.html").exists()


def test_changed_pages_are_replaced_whole_and_unchanged_ones_left_alone(tmp_path):
    """A page is never rewritten in place (a new inode each time it changes: readers see it
    old or new, never torn), and a page whose inputs did not change is not written at all."""
    site = write_site(tmp_path, {"a.md": article("A story", "2026-11-02", "The council met on Monday.")})
    config = load_config(site / "config.yaml")
    build(config)
    out = config.output_path
    index, css = out / "index.html", out / "static" / "style.css"
    before = os.stat(index).st_ino, os.stat(css).st_ino, os.stat(css).st_mtime_ns
    (site / "content" / "a.md").write_text(article("A new title", "2026-11-02", "The council met on Monday."))
    result = build(config)
    assert not result.full and 0 < result.written < result.pages
    assert os.stat(index).st_ino != before[0] and "A new title" in index.read_text()
    assert (os.stat(css).st_ino, os.stat(css).st_mtime_ns) == before[1:]


def test_participant_pages_never_share_a_url():
    from briefings.model import Article, Entry, Extraction, Participant
    from briefings.site import build_participants

    def entry(slug: str, name: str, kind: str) -> Entry:
        art = Article(source=slug, slug=slug, title=slug, text="", body_html="")
        return Entry(art, Extraction(participants=[Participant(name, kind)]), f"articles/{slug}.html")

    pages = build_participants(
        [
            entry("a", "Jordan", "GPE"),
            entry("b", "Jordan", "PERSON"),
            entry("c", "Jordan Person", "PERSON"),
            entry("d", "Jordan", "ORG"),
        ]
    )
    assert len(pages) == 4 and len({p.url for p in pages}) == 4


def test_spelling_variants_share_one_page():
    from briefings.site import build_participants

    pages = build_participants(
        [_entry("a", "Robert De Niro"), _entry("b", "Robert de Niro"), _entry("c", "Robert De Niro")]
    )
    assert [(p.name, len(p.entries)) for p in pages] == [("Robert De Niro", 3)]


def _entry(slug: str, *people: str, date=None):
    from briefings.model import Article, Entry, Extraction, Participant

    art = Article(source=slug, slug=slug, title=slug, text="", body_html="", date=date)
    return Entry(art, Extraction(participants=[Participant(n, "PERSON") for n in people]), f"articles/{slug}.html")


def test_a_bare_surname_joins_the_one_full_name_in_the_site():
    from briefings.site import build_participants

    pages = build_participants([_entry("a", "Tony Blair"), _entry("b", "Blair"), _entry("c", "Gordon Brown")])
    blair = next(p for p in pages if p.name == "Tony Blair")
    assert [e.url for e in blair.entries] == ["articles/a.html", "articles/b.html"]
    assert blair.keys == ["PERSON:Blair", "PERSON:Tony Blair"]
    assert not any(p.name == "Blair" for p in pages)


def test_a_surname_shared_by_two_people_is_never_merged():
    from briefings.site import build_participants

    pages = build_participants([_entry("a", "Bill Clinton"), _entry("b", "Hillary Clinton"), _entry("c", "Clinton")])
    assert sorted(p.name for p in pages) == ["Bill Clinton", "Clinton", "Hillary Clinton"]


def test_participants_in_the_latest_digest_come_first():
    from briefings.site import build_participants

    old, new = _entry("old", "Ann Lee", "Ann Lee"), _entry("new", "Bob Ray")
    pages = build_participants([old, _entry("old2", "Ann Lee"), new], current=[new])
    assert [(p.name, p.current) for p in pages] == [("Bob Ray", 1), ("Ann Lee", 0)]


def test_quotes_listing_is_paged_by_whole_speaker_groups():
    from briefings.model import Quote, QuoteRef
    from briefings.site import build_quote_pages

    entry = _entry("a", "Ann Lee")
    groups = [
        (f"Speaker {n}", [QuoteRef(Quote(f"q{n}-{i}", f"Speaker {n}"), entry) for i in range(n % 4 + 1)])
        for n in range(30)
    ]
    pages = build_quote_pages(groups, 10)
    assert [g for p in pages for g in p.groups] == groups, "every group once, in order"
    assert all(sum(len(r) for _, r in p.groups) <= 10 for p in pages)
    assert [p.url for p in pages[:2]] == ["quotes/index.html", "quotes/page-2.html"]
    assert pages[0].next is pages[1] and pages[1].previous is pages[0]


def test_long_sites_get_quote_pages_with_working_links(sample_site):
    text = (sample_site / "config.yaml").read_text()
    (sample_site / "config.yaml").write_text(text + "page_size: 10\n")
    config = load_config(sample_site / "config.yaml")
    assert not build(config).errors
    out = config.output_path
    pages = sorted((out / "quotes").glob("*.html"))
    assert len(pages) > 2
    assert 'href="page-2.html"' in (out / "quotes" / "index.html").read_text()
    assert "quotes/page-2.html" in (out / "sitemap.xml").read_text()


def test_extraction_to_dict_is_what_asdict_gives():
    from dataclasses import asdict

    from briefings.model import Extraction, KeyPoint, Participant, Quote

    extraction = Extraction(
        [KeyPoint("Point.", 2, 0.5)],
        [Quote("Words", "Ann Lee", "said", 3, 9, 1), Quote("More", None)],
        [Participant("Ann Lee", "PERSON", "minister", "British", ["Lee", "Ms Lee"], 4), Participant("Japan", "GPE")],
    )
    assert extraction.to_dict() == asdict(extraction)
    assert extraction.to_dict()["participants"][0]["aliases"] is not extraction.participants[0].aliases
    assert Extraction.from_dict(extraction.to_dict()) == extraction
