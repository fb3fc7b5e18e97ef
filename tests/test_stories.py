"""Stories: a period's articles grouped by the event they tell, and shown once with every source.

Texts from the story gold (tests/data/stories/stories.json), copied into
tests/data/stories/texts so that these tests run without ../shared: the AirAsia QZ8501
reports of three outlets, and three Tony Blair stories of the BBC that must stay apart
(politics/189, his congratulations to Bush; 324, the Iraq legal advice row; 218 and 252,
one story: Robert Peston's book on Blair and Brown).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefings import mail
from briefings.build import build
from briefings.cli import main
from briefings.config import load_config
from briefings.stories import Evidence, Weights, cluster, group
from briefings.stories.evidence import evidence_of

from conftest import REPO, article, write_site

TEXTS = REPO / "tests" / "data" / "stories" / "texts"
AIRASIA = ["news_reuters_airasia.txt", "news_reuters_qz8501.txt", "news_telegraph_airasia.txt"]
GLOBE = "news_globeandmail_airliner.txt"
BLAIR = {
    "bush": "bbc_politics_189.txt",
    "iraq-advice": "bbc_politics_324.txt",
    "peston-a": "bbc_politics_218.txt",
    "peston-b": "bbc_politics_252.txt",
}


# -- the grouping itself, on made-up evidence -------------------------------------------------


def test_average_linkage_never_chains_two_stories_through_one_article():
    # 0-1 and 1-2 are strong links, 0-2 none: a chain, not a story.
    links = {(0, 1): 0.9, (1, 2): 0.9}
    assert cluster(3, links, 0.5) == [[0, 1], [2]]
    assert cluster(3, {**links, (0, 2): 0.6}, 0.5) == [[0, 1, 2]]
    assert cluster(3, {}, 0.5) == [[0], [1], [2]]


def test_every_article_is_in_exactly_one_story_whatever_the_order():
    words = [
        "airasia search plane java sea",
        "airasia plane wreckage java sea bodies",
        "budget chancellor tax",
        "chancellor budget tax rise",
        "tennis final",
    ]
    evidence = [evidence_of(w, w, [], None) for w in words]
    stories = group(evidence)
    assert sorted(i for s in stories for i in s) == list(range(len(words)))
    assert stories == [[0, 1], [2, 3], [4]]
    reversed_stories = group(evidence[::-1])
    assert sorted(sorted(len(words) - 1 - i for i in s) for s in reversed_stories) == stories


def test_dates_far_apart_are_never_one_story():
    text = "airasia search plane java sea wreckage"
    day = dt.date(2026, 11, 5)
    near = [evidence_of(text, text, [], day), evidence_of(text, text, [], day + dt.timedelta(days=6))]
    far = [evidence_of(text, text, [], day), evidence_of(text, text, [], day + dt.timedelta(days=60))]
    assert group(near) == [[0, 1]]
    assert group(far) == [[0], [1]]


def test_rare_words_weigh_more_than_common_ones():
    found = evidence_of("", "The search for the AirAsia plane", [], None)
    assert found.terms["airasia"] > found.terms["search"]


def test_shared_participants_raise_a_link_but_never_make_one():
    a = Evidence({"budget": 1.0, "tax": 1.0}, frozenset({"gordon brown"}), None)
    b = Evidence({"budget": 1.0, "rise": 1.0}, frozenset({"gordon brown"}), None)
    c = Evidence({"tennis": 1.0}, frozenset({"gordon brown"}), None)
    d = Evidence({"golf": 1.0}, frozenset({"someone else"}), None)
    from briefings.stories import similarities

    with_people = similarities([a, b, c, d])
    without = similarities([a, b, c, d], Weights(participants=0.0))
    assert with_people[(0, 1)] > without[(0, 1)] > 0
    assert (0, 2) not in with_people  # the same man, no shared words: two stories


# -- real articles, through `briefings stories` -----------------------------------------------


def stories_json(files: list[Path], cache: Path) -> dict:
    config = cache / "config.yaml"
    config.write_text(f"cache_dir: {cache}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["stories", "--format", "json", "--config", str(config), *map(str, files)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def grouped(shared_cache) -> dict[str, list[str]]:
    """Every text of tests/data/stories/texts grouped as one period: file name → its story's."""
    files = sorted(TEXTS.glob("*.txt"))
    payload = stories_json(files, shared_cache)
    found = {}
    for story in payload["stories"]:
        names = sorted(Path(a).name for a in story["articles"])
        for name in names:
            found[name] = names
    assert sorted(found) == sorted(f.name for f in files)  # each file in exactly one story
    return found


def test_the_airasia_reports_form_one_story(grouped):
    assert grouped[AIRASIA[0]] == sorted(AIRASIA)


@pytest.mark.xfail(
    strict=True,
    reason="The Globe and Mail's analysis links to the three reports at 0.37 on "
    "average, under the 0.425 tuned on the (all BBC) dev stories",
)
def test_the_airasia_analysis_joins_the_reports(grouped):
    assert grouped[GLOBE] == sorted(AIRASIA + [GLOBE])


def test_three_blair_stories_stay_apart(grouped):
    assert grouped[BLAIR["peston-a"]] == sorted([BLAIR["peston-a"], BLAIR["peston-b"]])
    assert grouped[BLAIR["bush"]] == [BLAIR["bush"]]
    assert grouped[BLAIR["iraq-advice"]] == [BLAIR["iraq-advice"]]


def test_stories_json_shape(shared_cache):
    payload = stories_json([TEXTS / AIRASIA[0], TEXTS / AIRASIA[1], TEXTS / BLAIR["bush"]], shared_cache)
    stories = payload["stories"]
    assert [len(s["articles"]) for s in stories] == [2, 1]
    story = stories[0]
    assert set(story) == {"id", "title", "articles", "points", "quote"}
    assert 1 <= len(story["points"]) <= 3
    assert all(set(p) == {"text", "sources"} and set(p["sources"]) <= set(story["articles"]) for p in story["points"])
    assert story["quote"] is None or story["quote"]["speaker"] and len(story["quote"]["text"].split()) >= 4
    assert len({s["id"] for s in stories}) == len(stories)


# -- the site: digest, story page, email and JSON agree ------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory, shared_cache) -> Path:
    """The AirAsia reports and two Blair stories in one week, each from its outlet."""
    root = tmp_path_factory.mktemp("stories-site")
    outlets = {AIRASIA[0]: "Reuters", AIRASIA[1]: "Reuters", AIRASIA[2]: "The Telegraph"}
    files = {}
    for day, name in enumerate([*AIRASIA, BLAIR["bush"], BLAIR["peston-a"], BLAIR["peston-b"]]):
        text = (TEXTS / name).read_text(encoding="utf-8")
        title, body = text.split("\n", 1) if name.startswith("bbc") else (name[5:-4].replace("_", " "), text)
        files[name.replace("_", "-").replace(".txt", ".md")] = article(
            title.strip(),
            f"2026-11-{16 + day % 5}",
            body.replace("{", "(").replace("}", ")"),
            source=outlets.get(name, "BBC News"),
        )
    return write_site(
        root,
        files,
        f"title: Test news\nbase_url: https://example.org/\ncache_dir: {shared_cache}\n"
        "email:\n  from: news@example.org\n  to: [reader@example.org]\n",
    )


@pytest.fixture(scope="module")
def built(site):
    config = load_config(site / "config.yaml")
    result = build(config)
    assert not result.errors, result.errors
    return config, result.site


def test_digest_story_page_email_and_json_agree(site, built, shared_cache):
    config, model = built
    digest = model.digests[0]
    assert [len(s.entries) for s in digest.top_stories] == [3, 2]
    airasia = digest.top_stories[0]
    slugs = sorted(e.article.slug for e in airasia.entries)
    assert slugs == sorted(n.replace("_", "-")[:-4] for n in AIRASIA)
    assert digest.cards == [e for e in digest.entries if len(e.story.entries) == 1]

    index = (config.output_path / "index.html").read_text(encoding="utf-8")
    section = index[index.index('class="top-stories"') : index.index("</section>")]
    for story in digest.top_stories:
        assert f'href="{story.url}"' in section
        assert all(f'href="{e.url}"' in section for e in story.entries)
        assert all(_text(p.text) in _text(section) for p in story.points)
    assert "(Reuters)" in section and "(The Telegraph)" in section
    cards = index[index.index('class="cards"') :]
    assert all(_text(p.text) not in _text(cards) for s in digest.top_stories for p in s.points)

    page = (config.output_path / airasia.url).read_text(encoding="utf-8")
    assert all(f'href="../{e.url}"' in page for e in airasia.entries)
    assert "Timeline" in page and "Who said what" in page
    article_page = (config.output_path / airasia.entries[0].url).read_text(encoding="utf-8")
    assert f'href="../{airasia.url}"' in article_page

    message = mail.digest_message(config)
    text = message.get_body(preferencelist=("plain",)).get_content()
    html_part = message.get_body(preferencelist=("html",)).get_content()
    assert text.index("TOP STORIES") < text.index(airasia.title[:30]) < text.index("------")
    for story in digest.top_stories:
        assert config.base_url + story.url in html_part and config.base_url + story.url in text
        assert all(config.base_url + e.url in html_part for e in story.entries)

    payload = stories_json(sorted((site / "content").glob("*.md")), shared_cache)
    by_title = {s["title"]: s for s in payload["stories"]}
    for story in digest.stories:
        found = by_title[story.title]
        assert sorted(Path(a).stem for a in found["articles"]) == sorted(e.article.slug for e in story.entries)
        assert [p["text"] for p in found["points"]] == [p.text for p in story.points]
        assert (found["quote"] or {}).get("text") == (story.quote.quote.text if story.quote else None)


def test_a_rebuilt_site_model_gets_equal_stories(site, built):
    config, first = built
    again = build(load_config(site / "config.yaml"), clean=True).site

    def show(m):
        return [
            (s.id, s.url, [e.url for e in s.entries], [p.text for p in s.points], s.score)
            for d in m.digests
            for s in d.stories
        ]

    assert show(again) == show(first)
    assert all(e.story is not None and e in e.story.entries for e in again.entries)


def _text(markup: str) -> str:
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_an_edit_regroups_only_its_own_period(tmp_path, shared_cache, monkeypatch):
    # As serve keeps one Builder: after an edit, one article's evidence is read again and one
    # period grouped again; the other periods' stories are restored from memory.
    import briefings.stories as stories_module
    from briefings.build import Builder

    bodies = [(TEXTS / name).read_text(encoding="utf-8").split("\n", 1)[1] for name in BLAIR.values()]
    files = {
        f"w{week}-{n}.md": article(
            f"Week {week} story {n}", f"2026-11-{2 + 7 * week + n:02d}", bodies[n].replace("{", "(").replace("}", ")")
        )
        for week in range(3)
        for n in range(len(bodies))
    }
    site = write_site(tmp_path, files, f"base_url: https://example.org/\ncache_dir: {shared_cache}\n")
    builder = Builder(load_config(site / "config.yaml"))
    builder.build()
    grouped, read = [], []
    find, evidence = stories_module._find_stories, stories_module._evidence
    monkeypatch.setattr(
        stories_module, "_find_stories", lambda entries, *a: grouped.append(len(entries)) or find(entries, *a)
    )
    monkeypatch.setattr(stories_module, "_evidence", lambda entry: read.append(entry.article.slug) or evidence(entry))
    edited = site / "content" / "w1-2.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more sentence about the book.\n", encoding="utf-8")
    result = builder.build()
    assert not result.errors
    assert grouped == [len(bodies)] and read == ["w1-2"]
    story = next(s for s in result.site.digests[1].stories if len(s.entries) > 1)
    assert sorted(e.article.slug for e in story.entries) == ["w1-2", "w1-3"]  # the Peston book, still one story


def test_a_fresh_process_reads_the_evidence_the_last_build_saved(tmp_path, shared_cache, monkeypatch):
    # A build in a new process (memos empty) takes each article's evidence from the saved
    # build state instead of reading every text again, and groups exactly as afresh.
    import briefings.stories as stories_module
    from briefings.build import Builder
    from briefings.stories import memo

    files = {
        f"b{n}.md": article(
            f"Blair {n}", f"2026-11-{16 + n:02d}", (TEXTS / name).read_text(encoding="utf-8").split("\n", 1)[1]
        )
        for n, name in enumerate(BLAIR.values())
    }
    site = write_site(tmp_path / "site", files, f"base_url: https://example.org/\ncache_dir: {tmp_path / 'cache'}\n")
    config = load_config(site / "config.yaml")
    Builder(config).build()
    memo.forget()
    read = []
    evidence = stories_module._evidence
    monkeypatch.setattr(stories_module, "_evidence", lambda entry: read.append(entry) or evidence(entry))
    Builder(config).build(clean=True)
    assert read == []
    memo.forget()
    Builder(config, output=tmp_path / "afresh", persist=False).build(clean=True)
    assert len(read) == len(files)
    tree = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}  # noqa: E731
    assert tree(config.output_path) == tree(tmp_path / "afresh")
    assert (config.output_path / "stories" / "b2.html").is_file()  # the Peston book: a story


def test_evidence_saved_by_other_code_is_not_restored():
    from briefings.stories import memo

    item = evidence_of("Budget", "The chancellor's budget raised tax", ["Gordon Brown"], dt.date(2026, 11, 2))
    memo.forget()
    memo._EVIDENCE["f1"] = item
    saved = json.loads(json.dumps(memo.saved_evidence(["f1", "missing"])))
    memo.forget()
    assert memo.restore_evidence({**saved, "version": "another"}) == set() and not memo._EVIDENCE
    assert memo.restore_evidence(saved) == {"f1"} and memo._EVIDENCE["f1"] == item
    memo.forget()
