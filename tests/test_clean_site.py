"""The clean stage end to end: scraped .txt articles through `briefings build`, `email`,
`extract --explain` and `build -v`. The two articles are tests/data/clean/reuters_*.txt,
shortened copies of ../shared/corpus/news/reuters_airasia.txt and reuters_gmail.txt."""

from __future__ import annotations

import email
import email.policy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHARED, write_site

DATA = REPO / "tests" / "data" / "clean"
# Pieces of the airasia credit (90 words, cut whatever its length) and of the gmail caption.
CREDIT = [
    "Additional reporting by",
    "Wilda Asmarini",
    "Writing by Dean Yates",
    "Editing by Michael Perry",
    "Lesley Wroughton",
    "Tim Hepher",
]
CAPTION = ["silhouetted", "picture illustration", "Zenica"]
PROMO = ["Bollywood"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefings", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def site(tmp_path_factory, shared_cache) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("clean-site"),
        {},
        config=f"""\
        title: Scraped
        base_url: https://example.org/
        cache_dir: {shared_cache}
        email:
          from: news@example.org
          to: [reader@example.org]
        """,
    )
    for name in ("reuters_airasia.txt", "reuters_gmail.txt"):
        shutil.copy(DATA / name, root / "content" / name)
    result = run("build", "-v", cwd=root)
    assert result.returncode == 0, result.stderr
    (root / "build.log").write_text(result.stderr, encoding="utf-8")
    return root


def published(site: Path) -> dict[str, str]:
    """Every file of the built site, as text."""
    return {
        str(p.relative_to(site / "output")): p.read_text(encoding="utf-8", errors="replace")
        for p in (site / "output").rglob("*")
        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".js")
    }


def test_no_credit_caption_or_promo_on_any_page_feed_or_search_record(site):
    files = published(site)
    assert any(name.startswith("articles/") for name in files)
    assert {"feed.xml", "rss.xml", "feed.json", "search.json"} <= set(files)
    for name, text in files.items():
        for piece in CREDIT + CAPTION + PROMO:
            assert piece not in text, (name, piece)
    search = json.loads(files["search.json"])
    assert "PARIS" not in json.dumps(search) and "Dean Yates" not in json.dumps(search)


def test_credit_names_are_no_participants(site):
    pages = {p.stem for p in (site / "output" / "participants").glob("*.html")}
    assert not pages & {"paris", "dean-yates", "michael-perry", "wilda-asmarini", "tim-hepher"}, pages


def test_article_pages_show_the_cleaned_text_and_a_title_from_the_text(site):
    page = (site / "output" / "articles" / "reuters-airasia.html").read_text(encoding="utf-8")
    assert "Countries around Asia on Tuesday stepped up the search" in page
    assert "JAKARTA (Reuters)" not in page and "Filed from Jakarta" in page
    assert "<title>Countries around Asia" in page  # the first sentence, not "Reuters airasia"
    gmail = (site / "output" / "articles" / "reuters-gmail.html").read_text(encoding="utf-8")
    assert '<meta property="og:description" content="Large numbers of Gmail' in gmail


def test_no_credit_or_caption_in_any_email(site):
    for args in (["--article", "reuters-airasia"], ["--article", "reuters-gmail"], []):
        out = site / "message.eml"
        result = run("email", *args, "--out", str(out), cwd=site)
        assert result.returncode == 0, result.stderr
        message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
        text = "".join(part.get_content() for part in message.walk() if part.get_content_maintype() == "text")
        assert "Countries around Asia" in text or "Gmail" in text
        for piece in CREDIT + CAPTION + PROMO:
            assert piece not in text, (args, piece)


def test_build_verbose_reports_what_each_article_lost(site):
    log = (site / "build.log").read_text(encoding="utf-8")
    assert "content/reuters_airasia.txt: cleaning cut" in log and "credit 1" in log and "caption 1" in log
    assert "content/reuters_gmail.txt: cleaning cut" in log
    assert "cleaning: 2 of 2 articles lost" in log


def test_extract_explain_lists_every_cut_with_path_and_line(site):
    result = run("extract", "--explain", "content/reuters_airasia.txt", cwd=site)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "content/reuters_airasia.txt:1: caption: 1 of 4. Authorities monitor progress in the search "
        "for AirAsia Flight QZ8501 in the Mission Control Center inside the National Search and "
        "Rescue Agency in Jaka…",
        "content/reuters_airasia.txt:3: promo: The best and worst of Bollywood in 2014.",
        "content/reuters_airasia.txt:5: dateline: JAKARTA (Reuters) -",
    ]
    credit_line = (
        (DATA / "reuters_airasia.txt")
        .read_text(encoding="utf-8")
        .split("\n")
        .index(
            next(
                line
                for line in (DATA / "reuters_airasia.txt").read_text().split("\n")
                if line.startswith("(Additional")
            )
        )
    )
    assert lines[3].startswith(f"content/reuters_airasia.txt:{credit_line + 1}: credit: (Additional reporting by")
    assert "source Reuters" in lines[-1] and "dateline JAKARTA" in lines[-1]


def test_front_matter_in_a_txt_wins_over_the_text(tmp_path):
    body = (DATA / "reuters_gmail.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "---\ntitle: Gmail blocked in China\ndate: 2014-12-29\nsource: Reuters\n---\n" + body, encoding="utf-8"
    )
    result = run("extract", "--explain", "a.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("a.txt:6: caption: People are silhouetted")  # lines count from the file's top
    assert "title 'Gmail blocked in China'; date 2014-12-29" in result.stdout


def test_markdown_bodies_are_cleaned_as_source(tmp_path):
    from briefings.content import read_article

    (tmp_path / "a.md").write_text(
        "---\ntitle: Budget\n---\n\nBy Jane Smith\n\nThe *budget* was cut.\n\n* * *\n\n"
        "Follow us on Twitter\n\n- one\n- two\n",
        encoding="utf-8",
    )
    art, _ = read_article(tmp_path / "a.md")
    assert art.cuts == (("byline", 5, "By Jane Smith"), ("share", 11, "Follow us on Twitter"))
    assert "<em>budget</em>" in art.body_html and "<hr" in art.body_html and "<li>one</li>" in art.body_html
    assert "Jane Smith" not in art.body_html and "Twitter" not in art.text


def test_the_cache_key_and_the_reader_change_when_cleaning_does(monkeypatch):
    from briefings import cache, clean, reading

    key, checksum = cache.extractor_version.__wrapped__(), reading.file_checksum("a.txt", b"x")
    monkeypatch.setattr(clean, "version", lambda: "another rule")
    assert cache.extractor_version.__wrapped__() != key
    assert reading.file_checksum("a.txt", b"x") != checksum


@pytest.mark.skipif(not (SHARED / "corpus" / "news").is_dir(), reason="needs ../shared/corpus/news")
def test_every_corpus_title_is_read_from_the_text():
    # issue 15: no title is a byline, a label, a date or the file name
    from briefings.clean.stage import paragraph_kind
    from briefings.content import humanise, read_article

    for path in sorted((SHARED / "corpus" / "news").glob("*.txt")):
        art, _ = read_article(path, path.name)
        assert art.title != humanise(path.stem), path.name
        assert art.title not in ("By", "Sports", "Investing") and paragraph_kind(art.title) is None, (
            path.name,
            art.title,
        )
