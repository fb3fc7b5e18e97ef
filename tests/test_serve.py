"""`briefings serve` for real: a server thread, watchdog, HTTP and Server-Sent Events."""

from __future__ import annotations

import http.client
import os
import queue
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from briefings.config import load_config
from briefings.livereload import EVENTS_PATH
from briefings.serve import Server

from conftest import article, write_site

TIMEOUT = 10.0


def atomic_write(path: Path, text: str) -> None:
    """Save the way editors do: a temporary file in the same folder renamed over the original."""
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def get(server: Server, path: str) -> tuple[int, str]:
    """Status and body of a raw request path (sent as is, not normalised by the client)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


class EventStream:
    """An SSE client reading in a thread; `expect(name)` waits for the next event of that name."""

    def __init__(self, server: Server):
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        self.conn.request("GET", EVENTS_PATH)
        self.sock = self.conn.sock
        self.response = self.conn.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type") == "text/event-stream"
        assert self.response.readline().startswith(b"retry:")  # the server has registered this client
        self.events: queue.Queue[tuple[str, str]] = queue.Queue()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        name, data = "message", []
        try:
            for raw in self.response:
                line = raw.decode("utf-8").rstrip("\n")
                if not line:
                    if data:
                        self.events.put((name, "\n".join(data)))
                    name, data = "message", []
                elif line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
        except (OSError, ValueError):
            pass

    def expect(self, name: str, timeout: float = TIMEOUT) -> str:
        while True:
            got, data = self.events.get(timeout=timeout)
            if got == name:
                return data

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the reader thread
        except OSError:
            pass
        self.thread.join(TIMEOUT)
        self.response.close()


@pytest.fixture
def site(tmp_path: Path, shared_cache: Path) -> Path:
    root = write_site(
        tmp_path / "site",
        {
            "alpha.md": article(
                "Alpha story",
                "2026-11-02",
                "Alice Brown met Bob Green in Paris on Monday. They agreed on a new trade plan.",
            ),
            "beta.md": article(
                "Beta story", "2026-11-03", "Carol White said the plan was working well. Critics in London disagreed."
            ),
        },
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    return root


@pytest.fixture
def start(site: Path):
    servers: list[Server] = []

    def start(poll: bool = False) -> Server:
        server = Server(load_config(site / "config.yaml"), site / "config.yaml", port=0, poll=poll)
        servers.append(server)
        server.start()
        assert server.wait_for_build(1, TIMEOUT)
        assert server.error is None, server.error
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def server(start) -> Server:
    return start()


@pytest.fixture
def events(server: Server):
    stream = EventStream(server)
    yield stream
    stream.close()


def test_html_gets_the_reload_script_at_serve_time_only(server, site):
    status, body = get(server, "/")
    assert status == 200
    assert "EventSource" in body and EVENTS_PATH in body
    assert body.index("EventSource") < body.lower().rindex("</body>")
    on_disk = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert "EventSource" not in on_disk
    status, feed = get(server, "/feed.xml")
    assert status == 200 and "EventSource" not in feed


def test_nothing_outside_output_is_served(server, site):
    secret = site / "secret.txt"
    secret.write_text("top secret", encoding="utf-8")
    os.symlink(secret, site / "output" / "leak.txt")
    os.symlink(site, site / "output" / "leakdir")
    for path in (
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/articles/../../secret.txt",
        "//../secret.txt",
        "/leak.txt",
        "/leakdir/secret.txt",
        "/leakdir/",
        "/%00",
        "/../config.yaml",
    ):
        status, body = get(server, path)
        assert status in (400, 404), path
        assert "top secret" not in body and "base_url" not in body, path


@pytest.mark.parametrize("poll", [False, True], ids=["native", "polling"])
def test_atomic_save_rebuilds_and_reloads(start, site, poll):
    server = start(poll=poll)
    stream = EventStream(server)
    try:
        builds = server.builds
        atomic_write(
            site / "content" / "alpha.md",
            article("Alpha story revised", "2026-11-02", "Alice Brown met Bob Green in Paris on Monday."),
        )
        stream.expect("reload")
        assert server.builds == builds + 1
        status, body = get(server, "/articles/alpha.html")
        assert status == 200 and "Alpha story revised" in body
    finally:
        stream.close()


def test_a_burst_of_saves_gives_at_most_two_builds(server, site):
    path = site / "content" / "beta.md"
    builds = server.builds
    for n in range(20):
        path.write_text(
            article(f"Beta take {n}", "2026-11-03", "Carol White said the plan was working well."), encoding="utf-8"
        )
    assert server.wait_for_build(builds + 1, TIMEOUT)
    assert not server.wait_for_build(builds + 3, 1.5)  # quiet period and MAX_WAIT are long past
    assert "Beta take 19" in get(server, "/articles/beta.html")[1]


def test_a_save_reaching_an_idle_server_builds_without_the_quiet_period(server, site, monkeypatch):
    import briefings.serve as serve
    from briefings.build import Builder

    started: list[float] = []
    real_build = Builder.build

    def timed_build(self, *args, **kwargs):
        started.append(time.monotonic())
        return real_build(self, *args, **kwargs)

    monkeypatch.setattr(Builder, "build", timed_build)
    monkeypatch.setattr(serve, "QUIET", 1.0)
    monkeypatch.setattr(serve, "MAX_WAIT", 30.0)
    builds = server.builds  # idle: the start-up build does not count as the end of a burst
    saved = time.monotonic()
    atomic_write(site / "content" / "alpha.md", article("Alpha at once", "2026-11-02", "Alice Brown said so."))
    assert server.wait_for_build(builds + 1, TIMEOUT)
    assert started[0] - saved < 0.9  # SAVED after the save, not the quiet period
    assert "Alpha at once" in get(server, "/articles/alpha.html")[1]


@pytest.fixture
def held(server, monkeypatch) -> tuple[threading.Event, threading.Event]:
    """(started, release): the server's next builds wait at their start until `release` is
    set, so a test can act while one runs. After the server's start-up build."""
    from briefings.build import Builder

    started, release = threading.Event(), threading.Event()
    real_build = Builder.build

    def held_build(self, *args, **kwargs):
        started.set()
        release.wait(TIMEOUT)
        return real_build(self, *args, **kwargs)

    monkeypatch.setattr(Builder, "build", held_build)
    return started, release


def test_saves_during_a_build_wait_for_the_quiet_period(server, site, held, monkeypatch):
    import briefings.serve as serve

    started, release = held
    path = site / "content" / "beta.md"
    builds = server.builds
    path.write_text(article("Beta take 0", "2026-11-03", "Carol White said so."), encoding="utf-8")
    assert started.wait(TIMEOUT)
    monkeypatch.setattr(serve, "QUIET", 1.0)
    path.write_text(article("Beta take 1", "2026-11-03", "Carol White said so."), encoding="utf-8")
    release.set()
    assert server.wait_for_build(builds + 1, TIMEOUT)
    assert not server.wait_for_build(builds + 2, 0.5)  # the second save waits out QUIET, not SETTLE
    assert server.wait_for_build(builds + 2, TIMEOUT)
    assert "Beta take 1" in get(server, "/articles/beta.html")[1]


def test_an_idle_server_loads_the_model_before_the_first_text_edit(server, site, monkeypatch):
    import briefings.serve as serve
    from briefings.extract import nlp

    loaded = threading.Event()
    monkeypatch.setattr(nlp, "load", lambda name: loaded.set())
    monkeypatch.setattr(serve, "IDLE_AFTER", 0.05)
    atomic_write(site / "content" / "alpha.md", article("Alpha again", "2026-11-02", "Alice Brown said so."))
    assert loaded.wait(TIMEOUT)


def test_an_event_during_a_build_gives_exactly_one_more_build(server, site, held):
    started, release = held
    path = site / "content" / "beta.md"
    builds = server.builds
    path.write_text(article("Beta take 0", "2026-11-03", "Carol White said so."), encoding="utf-8")
    assert started.wait(TIMEOUT)
    for n in (1, 2, 3):  # all while the first build runs
        path.write_text(article(f"Beta take {n}", "2026-11-03", "Carol White said so."), encoding="utf-8")
    release.set()
    assert server.wait_for_build(builds + 2, TIMEOUT)
    assert not server.wait_for_build(builds + 3, 1.0)
    assert "Beta take 3" in get(server, "/articles/beta.html")[1]


def test_a_broken_article_is_left_out_and_the_others_keep_updating(server, site, events):
    """As `briefings build` does it: the broken article is skipped, the rest is built, and
    every page shows the problem (file and line) until it is fixed."""
    path = site / "content" / "alpha.md"
    good = path.read_text(encoding="utf-8")
    atomic_write(path, "---\ntitle: [unclosed\ndate: 2026-11-02\n---\n\nAlice Brown met Bob Green.\n")
    events.expect("reload")  # the site changed: the broken article's page is gone
    message = events.expect("error")
    assert "content/alpha.md:2: error: front matter is not valid YAML" in message
    assert server.error == message
    assert get(server, "/articles/alpha.html")[0] == 404  # left out, as build leaves it out
    # A page opened now learns of the error at once.
    late = EventStream(server)
    try:
        assert late.expect("error") == message
    finally:
        late.close()
    # An edit to another article shows, and the broken one is still named over every page.
    beta = site / "content" / "beta.md"
    atomic_write(beta, beta.read_text(encoding="utf-8").replace("Beta story", "Beta edited"))
    events.expect("reload")
    assert events.expect("error") == message
    assert "Beta edited" in get(server, "/articles/beta.html")[1]
    assert "Beta edited" in get(server, "/")[1]
    assert server.error == message
    atomic_write(path, good.replace("Alpha story", "Alpha story fixed"))
    events.expect("reload")
    assert server.error is None
    assert "Alpha story fixed" in get(server, "/articles/alpha.html")[1]


def test_a_broken_template_stops_the_build_and_keeps_the_last_site(server, site, events):
    template = site / "templates" / "article.html"
    template.parent.mkdir(exist_ok=True)
    beta = site / "content" / "beta.md"
    atomic_write(template, "{% extends 'base.html' %}\n{% block content %}{{ entry.nope( }}{% endblock %}\n")
    message = events.expect("error")
    assert "templates/article.html:2" in message and message.startswith("Build failed")
    atomic_write(beta, beta.read_text(encoding="utf-8").replace("Beta story", "Beta edited"))
    assert events.expect("error") == message  # still failing: nothing new is served
    status, body = get(server, "/articles/beta.html")
    assert status == 200 and "Beta story" in body and "Beta edited" not in body
    template.unlink()
    events.expect("reload")
    assert server.error is None and "Beta edited" in get(server, "/articles/beta.html")[1]


def test_deleting_an_article_removes_its_page(server, site, events):
    assert get(server, "/articles/beta.html")[0] == 200
    (site / "content" / "beta.md").unlink()
    events.expect("reload")
    assert get(server, "/articles/beta.html")[0] == 404
    assert get(server, "/articles/alpha.html")[0] == 200


def test_a_crashing_build_is_reported_and_the_server_keeps_going(server, site, events):
    config = site / "config.yaml"
    good = config.read_text(encoding="utf-8")
    atomic_write(config, good + "model: no_such_spacy_model\n")  # every article needs a parse: the load raises
    assert "no_such_spacy_model" in events.expect("error")
    assert get(server, "/")[0] == 200
    atomic_write(config, good)
    events.expect("reload")
    assert server.error is None


def test_an_invalid_config_is_an_error_event(server, site, events):
    config = site / "config.yaml"
    good = config.read_text(encoding="utf-8")
    atomic_write(config, good + "perod: day\n")
    assert "unknown key 'perod'" in events.expect("error")
    atomic_write(config, good + "title: Renamed site\n")
    events.expect("reload")
    assert "Renamed site" in get(server, "/")[1]


def test_temporary_files_and_output_changes_are_ignored(server, site):
    builds = server.builds
    content = site / "content"
    for name in (".alpha.md.swp", "alpha.md~", "4913", "notes.tmp", "#alpha.md#", ".hidden.md"):
        (content / name).write_text("scratch", encoding="utf-8")
    (site / "output" / "stray.html").write_text("stray", encoding="utf-8")
    assert not server.wait_for_build(builds + 1, 1.0)


def test_relevant_paths(server, site):
    content = site / "content"
    assert server.relevant(str(content / "alpha.md"))
    assert server.relevant(str(content / "folder" / "new.md"))
    assert server.relevant(str(site / "config.yaml"))
    assert not server.relevant(str(content / ".drafts" / "x.md"))
    assert not server.relevant(str(content / "alpha.md.swp"))
    assert not server.relevant(str(site / "output" / "index.html"))
    assert not server.relevant(str(site / "other.yaml"))


def test_stop_ends_open_event_streams(start):
    server = start()
    stream = EventStream(server)
    server.stop()
    stream.thread.join(TIMEOUT)
    assert not stream.thread.is_alive()
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        urllib.request.urlopen(server.url, timeout=2)


@pytest.mark.slow
def test_a_browser_shows_a_broken_article_over_every_page_while_others_update(server, site):
    """A broken article in the real server: the page reloads with the other articles' edits
    and names the broken file and line over every page, until it is fixed."""
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    path = site / "content" / "alpha.md"
    good = path.read_text(encoding="utf-8")
    beta = site / "content" / "beta.md"
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        except sync_api.Error as exc:
            pytest.skip(f"no browser: {exc}")
        try:
            page = browser.new_page()
            page.goto(server.url + "articles/beta.html")
            page.evaluate("window.notReloaded = true")
            atomic_write(path, good.replace("title: 'Alpha story'", "title: [<b>broken</b>"))
            page.wait_for_function("!window.notReloaded", timeout=TIMEOUT * 1000)
            page.wait_for_selector("#briefings-build-error", timeout=TIMEOUT * 1000)
            assert "content/alpha.md:2: error:" in page.inner_text("#briefings-build-error")
            assert page.locator("#briefings-build-error b").count() == 0  # shown as text, never parsed
            page.evaluate("window.notReloaded = true")
            atomic_write(beta, beta.read_text(encoding="utf-8").replace("Beta story", "Beta edited"))
            page.wait_for_function("!window.notReloaded", timeout=TIMEOUT * 1000)
            page.wait_for_selector("text=Beta edited", timeout=TIMEOUT * 1000)
            page.wait_for_selector("#briefings-build-error", timeout=TIMEOUT * 1000)
            assert "content/alpha.md:2: error:" in page.inner_text("#briefings-build-error")
            for other in ("", "quotes/index.html", "articles/alpha.html"):  # every page, even the missing one
                page.goto(server.url + other)
                page.wait_for_selector("#briefings-build-error", timeout=TIMEOUT * 1000)
                assert "content/alpha.md:2" in page.inner_text("#briefings-build-error")
            page.goto(server.url + "articles/beta.html")
            page.evaluate("window.notReloaded = true")
            atomic_write(path, good.replace("Alpha story", "Alpha fixed"))
            page.wait_for_function("!window.notReloaded", timeout=TIMEOUT * 1000)
            page.wait_for_selector("text=Beta edited", timeout=TIMEOUT * 1000)
            assert page.locator("#briefings-build-error").count() == 0
            assert "Alpha fixed" in get(server, "/articles/alpha.html")[1]
        finally:
            browser.close()


BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.mark.slow
def test_a_browser_on_the_digest_reloads_on_an_edit_and_shows_a_template_error(server, site):
    """The served digest page reloads itself after an article edit; a broken template shows
    the overlay with file and line; fixing it recovers without a restart."""
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(server.url)
            assert page.locator("text=Alpha story").count() >= 1
            page.evaluate("window.notReloaded = true")
            path = site / "content" / "alpha.md"
            atomic_write(path, path.read_text(encoding="utf-8").replace("Alpha story", "Alpha edited"))
            page.wait_for_function("!window.notReloaded", timeout=TIMEOUT * 1000)
            page.wait_for_selector("text=Alpha edited", timeout=TIMEOUT * 1000)

            template = site / "templates" / "digest.html"
            template.parent.mkdir(exist_ok=True)
            page.evaluate("window.notReloaded = true")
            atomic_write(template, "{% extends 'base.html' %}\n{% block content %}{{ digest.nope( }}{% endblock %}\n")
            page.wait_for_selector("#briefings-build-error", timeout=TIMEOUT * 1000)
            overlay = page.inner_text("#briefings-build-error")
            assert "templates/digest.html:2" in overlay
            assert page.evaluate("window.notReloaded"), "the last good page stays"
            template.unlink()
            page.wait_for_function("!window.notReloaded", timeout=TIMEOUT * 1000)
            page.wait_for_selector("text=Alpha edited", timeout=TIMEOUT * 1000)
            assert page.locator("#briefings-build-error").count() == 0
        finally:
            browser.close()


def test_the_quiet_period_follows_the_server_and_the_save(site):
    import briefings.serve as serve

    server = Server(load_config(site / "config.yaml"), site / "config.yaml", port=0)  # never started: no builds
    server.request_build()
    assert server.debounce._quiet == serve.SETTLE  # an idle server; the save may still be being written
    server.request_build(complete=True)
    assert server.debounce._quiet == serve.SAVED  # now it is complete: build at once
    server.debounce._first, server.debounce._building = None, True  # a build runs: wait for the burst to end
    server.request_build(complete=True)
    assert server.debounce._quiet == serve.QUIET


def test_which_events_complete_a_save():
    from watchdog.events import FileClosedEvent, FileModifiedEvent, FileMovedEvent

    from briefings.serve import _Watcher

    class Site:
        requests: list[bool] = []

        def relevant(self, path: str) -> bool:  # as Server.relevant: editor temp names are not
            return path.endswith(".md") and not path.rsplit("/", 1)[1].startswith(".")

        def request_build(self, complete: bool = False) -> None:
            self.requests.append(complete)

    site = Site()
    watcher = _Watcher(site)
    for event in (
        FileMovedEvent("/s/content/.a.md.tmp", "/s/content/a.md"),  # an atomic save
        FileClosedEvent("/s/content/a.md"),  # written in place and closed
        FileModifiedEvent("/s/content/a.md"),  # being written
        FileMovedEvent("/s/content/a.md", "/s/content/a.md~"),
    ):  # vim's backup: the new file is to come
        watcher.on_any_event(event)
    assert site.requests == [True, True, False, False]
