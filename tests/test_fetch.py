"""`briefings fetch` against a real HTTP server on 127.0.0.1 (tests/webserver.py): one fetch,
a re-fetch that skips everything, an edited file left alone, feeds, every failure reported,
an interrupted run completed, and fetch → build with clean article pages."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefings.content import split_front_matter
from briefings.fetch.store import Store, normal_url
from briefings.webpage.reader import WebArticle

from webserver import PAGES, Server

ARTICLES = ["/news/wework.html", "/news/vw-wagon.html", "/news/eee.html"]
CHROME = [
    "Follow VentureBeat on Facebook",
    "Support independent journalism",
    "Clumio raises",  # venturebeat
    "Must Read Bits &amp; Bytes",
    "Editorial Standards",
    "2005-2019 SlashGear",  # slashgear
    "Latest Headlines",
    "Customers Leave Without Paying",
    "First Forecast Weather",
]  # cbs detroit


@pytest.fixture
def server():
    with Server(slow_seconds=3, think_seconds=0.05) as running:
        yield running


def site(root: Path, extra: str = "") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "config.yaml").write_text(f"title: Fetched\nfetch:\n  timeout: 1\n{extra}", encoding="utf-8")
    return root


def fetch(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "briefings", "fetch", *args], cwd=root, capture_output=True, text=True, timeout=120
    )


def files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "content").iterdir())} if (root / "content").is_dir() else {}


def meta(path: Path) -> dict:
    return split_front_matter(path.read_text(encoding="utf-8"))[0]


def test_one_fetch_writes_each_article_with_its_metadata(tmp_path, server):
    root = site(tmp_path / "site")
    result = fetch(root, *map(server.url, ARTICLES))
    assert result.returncode == 0, result.stderr
    written = sorted((root / "content").glob("*.md"))
    assert len(written) == 3 and not [p for p in (root / "content").iterdir() if p.suffix != ".md"]
    by_title = {meta(p)["title"]: p for p in written}
    for path in ARTICLES:
        _, title, date, outlet = PAGES[path]
        front = meta(by_title[title])
        assert (str(front["date"]), front["source"]) == (date, outlet)
        assert front["url"].startswith("https://"), "the page's canonical URL"
        assert f"{server.url(path)}: wrote content/{by_title[title].name}" in result.stderr
    wework = by_title[PAGES["/news/wework.html"][1]]
    assert wework.name == "new-york-state-attorney-general-investigating-wework-and-former-ceo.md"
    assert meta(wework)["author"] == "Reuters"
    text = wework.read_text(encoding="utf-8")
    assert "The New York State Attorney General (NYAG) is investigating WeWork" in text
    assert not any(chrome in text for chrome in CHROME)
    assert server.agents == {next(iter(server.agents))} and next(iter(server.agents)).startswith("briefings/")
    assert server.most_at_once == 1, "never two requests at once to one host"
    assert "3 written, 0 already in content/, 0 failed" in result.stderr


def test_a_refetch_skips_everything_without_downloading_again(tmp_path, server):
    root = site(tmp_path / "site")
    assert fetch(root, *map(server.url, ARTICLES)).returncode == 0
    before, hits = files(root), dict(server.hits)
    again = fetch(root, *map(server.url, ARTICLES))
    assert again.returncode == 0, again.stderr
    assert files(root) == before
    assert all(server.hits[path] == hits[path] for path in ARTICLES), "known URLs are not downloaded again"
    assert again.stderr.count("skipped (already in content/") == 3
    assert "0 written, 3 already in content/, 0 failed" in again.stderr


def test_an_edited_file_is_left_alone(tmp_path, server):
    root = site(tmp_path / "site")
    assert fetch(root, server.url("/news/wework.html")).returncode == 0
    (path,) = (root / "content").glob("*.md")
    edited = path.read_text(encoding="utf-8").replace("investigating WeWork", "looking into WeWork")
    edited = edited.replace("title: New York State", "title: My own title for New York State")
    path.write_text(edited, encoding="utf-8")
    (root / ".briefings-cache" / "fetched-urls.json").unlink()  # forces a download: the canonical URL decides
    again = fetch(root, server.url("/news/wework.html"))
    assert again.returncode == 0, again.stderr
    assert files(root) == {path.name: edited.encode("utf-8")}
    assert f"skipped (already in content/{path.name})" in again.stderr


def test_the_same_text_under_another_url_is_not_written_twice(tmp_path):
    store = Store(tmp_path / "content")
    article = WebArticle(
        body="The council voted to close the bridge.\n\nIt will shut in May.",
        title="Bridge",
        url="https://one.example/bridge",
    )
    assert store.add(article, "https://one.example/bridge") == ("content/bridge.md", True)
    copy = WebArticle(
        body="The council *voted* to close the bridge.\n\nIt will shut in May.",
        title="Bridge shut",
        url="https://two.example/b?utm_source=feed",
    )
    assert store.add(copy, "https://two.example/b") == ("content/bridge.md", False)
    assert Store(tmp_path / "content").known("HTTPS://ONE.example:443/bridge/#top") == "content/bridge.md"
    assert normal_url("https://x.org/a?utm_medium=rss&id=3") == "https://x.org/a?id=3"


def test_a_new_article_never_takes_an_existing_name(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "bridge.txt").write_text("Bridge\n\nSomething else entirely.\n", encoding="utf-8")
    store = Store(content)
    path, written = store.add(WebArticle(body="A new text about the bridge.", title="Bridge"), "https://x.org/b")
    assert (path, written) == ("content/bridge-2.md", True)
    assert (content / "bridge.txt").read_text(encoding="utf-8") == "Bridge\n\nSomething else entirely.\n"


def test_a_feed_is_fetched_with_fallback_since_and_limit(tmp_path, server):
    root = site(tmp_path / "site")
    result = fetch(root, "--feed", server.url("/feed.xml"), "--since", "2019-11-19", "--limit", "3")
    assert result.returncode == 0, result.stderr  # the entry without a link is older than --since
    names = sorted(p.name for p in (root / "content").glob("*.md"))
    assert names == [
        "harbour-bridge-to-close.md",
        "michigan-officials-6th-fatality-linked-to-eastern-equine-encephalitis.md",
        "the-vw-id-space-vizzion-is-a-weird-ev-sports-wagon-with-a-secret.md",
    ]
    harbour = meta(root / "content" / "harbour-bridge-to-close.md")
    assert (harbour["source"], str(harbour["date"])) == ("Example Wire", "2019-11-21")
    assert "HTTP 404 Not Found; the feed's text was used" in result.stderr
    assert server.hits["/news/wework.html"] == 0, "older than --since"


def test_an_entry_without_a_link_is_reported(tmp_path, server):
    root = site(tmp_path / "site")
    result = fetch(root, "--feed", server.url("/feed.xml"))
    assert result.returncode == 1
    assert (
        f"{server.url('/feed.xml')}#entry-5 (An entry without a link): the entry has no link, and the feed "
        "carries no article text" in result.stderr
    )
    assert len(list((root / "content").glob("*.md"))) == 4, "the other entries are written"


def test_fetch_alone_refreshes_the_feeds_in_config(tmp_path, server):
    root = site(tmp_path / "site", f"feeds:\n  - {server.url('/atom.xml')}\n  - {server.url('/feed.json')}\n")
    result = fetch(root)
    assert result.returncode == 0, result.stderr
    assert {meta(p)["source"] for p in (root / "content").glob("*.md")} == {"VentureBeat", "SlashGear"}


def test_fetch_with_nothing_to_fetch_is_a_usage_error(tmp_path):
    result = fetch(site(tmp_path / "site"))
    assert result.returncode == 2 and "give article URLs, --feed FEED_URL" in result.stderr


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/slow.html", "timed out after 1 s"),
        ("/loop-a", "redirect loop"),
        ("/hop/5", "more than 5 redirects"),
        ("/huge.html", "too big (over 5 MB)"),
        ("/report.pdf", "not an HTML page (Content-Type application/pdf)"),
        ("/empty.html", "empty page"),
        ("/home.html", "no article text found (a home page or a list of links?)"),
        ("/private/wework.html", "robots.txt disallows fetching it"),
        ("--feed /not-a-feed.xml", "not a feed (not RSS, Atom or JSON Feed"),
        ("--feed /news/eee.html", "not a feed (Content-Type text/html)"),
        ("--feed /missing", "HTTP 404 Not Found"),
        ("ftp://127.0.0.1/x.html", "not an http(s) URL (ftp scheme)"),
        ("http://127.0.0.1:notaport/x", "not a valid URL"),
    ],
)
def test_every_failure_is_reported_and_the_others_complete(tmp_path, server, path, reason):
    root = site(tmp_path / "site")
    args = (
        ["--feed", server.url(path.split()[1])]
        if path.startswith("--feed")
        else [server.url(path) if path.startswith("/") else path]
    )
    result = fetch(root, server.url("/news/eee.html"), *args)
    assert result.returncode == 1
    failed = args[-1]
    assert f"{failed}: {reason}" in result.stderr
    assert [p.name for p in (root / "content").iterdir()] == [
        "michigan-officials-6th-fatality-linked-to-eastern-equine-encephalitis.md"
    ], "nothing half-written"


def test_a_five_hop_redirect_is_followed(tmp_path, server):
    root = site(tmp_path / "site")
    result = fetch(root, server.url("/hop/4"))
    assert result.returncode == 0, result.stderr
    assert server.hits["/news/eee.html"] == 1


def test_robots_txt_can_be_ignored_when_asked(tmp_path, server):
    root = site(tmp_path / "site")
    result = fetch(root, "--ignore-robots", server.url("/private/wework.html"))
    assert result.returncode == 0, result.stderr
    assert server.hits["/robots.txt"] == 0


def test_a_redirected_robots_txt_is_followed_and_an_unreadable_one_stops_the_site(tmp_path):
    with Server(robots="redirect") as moved:
        result = fetch(site(tmp_path / "one"), moved.url("/private/wework.html"), moved.url("/news/eee.html"))
        assert result.returncode == 1 and f"{moved.url('/private/wework.html')}: robots.txt disallows" in result.stderr
        assert moved.hits["/rules.txt"] == 1 and moved.hits["/news/eee.html"] == 1
    with Server(robots="error") as down:
        result = fetch(site(tmp_path / "two"), down.url("/news/eee.html"))
        assert result.returncode == 1
        assert (
            f"{down.url('/news/eee.html')}: robots.txt could not be read (HTTP 503 Service Unavailable), so "
            "nothing of the site is fetched" in result.stderr
        )
        assert down.hits["/news/eee.html"] == 0


def test_an_interrupted_run_is_completed_by_the_next(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "config.yaml").write_text("title: Fetched\nfetch:\n  timeout: 30\n  workers: 1\n", encoding="utf-8")
    with Server(think_seconds=0.6) as slow:
        urls = list(map(slow.url, ARTICLES))
        process = subprocess.Popen(
            [sys.executable, "-m", "briefings", "fetch", *urls],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while not list((root / "content").glob("*.md")) and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        first = list((root / "content").glob("*.md"))
        assert 1 <= len(first) < 3, "killed in the middle"
        for path in first:  # whatever was written is whole
            assert meta(path)["title"] and path.read_text(encoding="utf-8").rstrip().endswith((".", ")", "”", "*"))
        result = fetch(root, *urls)
        assert result.returncode == 0, result.stderr
    assert len(list((root / "content").glob("*.md"))) == 3
    assert result.stderr.count("wrote ") == 3 - len(first)


@pytest.mark.slow
def test_fetch_then_build_shows_titles_dates_outlets_and_no_page_chrome(tmp_path, server, shared_cache):
    from briefings.build import Builder
    from briefings.config import load_config

    root = site(tmp_path / "site", f"cache_dir: {shared_cache}\n")
    assert fetch(root, server.url(ARTICLES[0])).returncode == 0
    config = load_config(root / "config.yaml")
    builder = Builder(config, drafts=True)  # as `serve` keeps one, and rebuilds after each change
    assert not builder.build().errors
    assert fetch(root, *map(server.url, ARTICLES[1:]), "--feed", server.url("/feed.xml")).returncode == 1
    result = builder.build()
    assert not result.errors, result.errors
    pages = {p.name: p.read_text(encoding="utf-8") for p in (config.output_path / "articles").glob("*.html")}
    assert len(pages) == 4
    for path in ARTICLES:
        _, title, date, outlet = PAGES[path]
        (page,) = [text for text in pages.values() if f"<h1>{title.replace('&', '&amp;')}" in text]
        assert f'datetime="{date}' in page
        assert f"Read the original at {outlet}</a>" in page
        article = page[page.index("<article") : page.index("</article>")]
        assert not [chrome for chrome in CHROME if chrome in article]
        assert "<script" not in article and "<iframe" not in article and "<img" not in article
    assert "Read the original at Example Wire" in pages["harbour-bridge-to-close.html"]


@pytest.mark.slow
def test_a_saved_page_in_content_builds_as_an_article(tmp_path, shared_cache):
    import gzip

    from briefings.build import build
    from briefings.config import load_config

    from webserver import DATA

    root = site(tmp_path / "site", f"cache_dir: {shared_cache}\n")
    (root / "content").mkdir()
    (root / "content" / "eee.html").write_bytes(gzip.decompress((DATA / "cbsdetroit-eee.html.gz").read_bytes()))
    config = load_config(root / "config.yaml")
    result = build(config)
    assert not result.errors, result.errors
    page = (config.output_path / "articles" / "eee.html").read_text(encoding="utf-8")
    assert "<h1>Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported" in page
    assert 'datetime="2019-11-19' in page and "Read the original at CBS Detroit</a>" in page
    article = page[page.index("<article") : page.index("</article>")]
    assert "Berrien County Health Department" in article
    assert not [chrome for chrome in CHROME if chrome in article] and "<script" not in article
    everything = b"".join(p.read_bytes() for p in config.output_path.rglob("*") if p.is_file())
    assert b"Customers Leave Without Paying" not in everything, "nothing of the page but its article"
