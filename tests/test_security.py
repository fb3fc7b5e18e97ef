"""Hostile content and hostile clients: text from articles is escaped everywhere it goes,
raw HTML is sanitised (or escaped, or kept, as config says; always sanitised in email),
nothing is written outside output/, and `briefings serve` serves only output/ to this
machine and outlives malformed requests."""

from __future__ import annotations

import email.policy
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from email import message_from_bytes
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefings.build import Builder, build
from briefings.config import load_config
from briefings.content import parse_article
from briefings.lock import site_lock
from briefings.serve import Server

from conftest import article, write_site

TIMEOUT = 10.0
PAYLOAD = "<script>window.pwned=1;alert(1)</script>"
TITLE = f'Ministers {PAYLOAD} & "friends" <img src=x onerror="window.pwned=2"> ]]> \x01done'
BODY = f"""The council met on Monday. Mayor Jane Smith said the budget was sound.

{PAYLOAD}

<img src="x" onerror="window.pwned=3"> and <a href="javascript:window.pwned=4">a link</a>.

<iframe src="https://evil.example/"></iframe><style>body {{ display: none }}</style>

[click me](javascript:window.pwned=5) and <b onclick="window.pwned=6">bold</b>.

"We will not {PAYLOAD} back down," said Jane Smith.
"""
HOSTILE = "\n".join(
    [
        "---",
        f"title: {TITLE!r}".replace("\\x01", "\x01"),
        "date: 2026-11-02",
        f"author: {'Eve <script>x</script>'!r}",
        f"source: {'The </title><script>alert(2)</script> Post'!r}",
        "tags: ['<b>bold</b>', '../../etc', 'javascript:alert(3)']",
        "url: javascript:alert(4)",
        "---",
        BODY,
    ]
)


THEME_SCRIPTS = {"search-index.js", "static/search.js"}  # on search.html only, relative to the site root


class Dangerous(HTMLParser):
    """Collects what would run in a browser: scripts, on* handlers, javascript: URLs, frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("src") in THEME_SCRIPTS:
            pass  # the search page's own index and script, files of the theme and the build
        elif tag in ("script", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}={value}")
            if (
                name in ("href", "src", "action", "formaction")
                and value
                and value.strip().lower().startswith(("javascript:", "data:text/html"))
            ):
                self.found.append(f"{tag} {name}={value}")


def dangerous(html_text: str) -> list[str]:
    parser = Dangerous()
    parser.feed(html_text)
    parser.close()
    return parser.found


def hostile_site(tmp_path: Path, shared_cache: Path, raw_html: str | None = None) -> Path:
    config = f"title: Test\nbase_url: https://example.org/\ncache_dir: {shared_cache}\n"
    if raw_html:
        config += f"markdown:\n  raw_html: {raw_html}\n"
    config += "email:\n  from: Briefings <b@example.org>\n  to: [r@example.org]\n"
    return write_site(tmp_path / "site", {"hostile.md": HOSTILE}, config)


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_hostile_text_is_escaped_in_every_page_and_feed(tmp_path, shared_cache):
    site = hostile_site(tmp_path, shared_cache)
    config = load_config(site / "config.yaml")
    result = build(config)
    assert not result.errors, result.errors
    assert [str(p) for p in result.warnings] == [
        "content/hostile.md:2: warning: 1 control character(s) removed (the first is U+0001)",
        "content/hostile.md:7: warning: 'url' must start with http:// or https://, got 'javascript:alert(4)'; "
        "not linked",
    ]
    output = files(config.output_path)
    pages = {name: data.decode("utf-8") for name, data in output.items() if name.endswith(".html")}
    assert "articles/hostile.html" in pages
    for name, page in pages.items():
        assert dangerous(page) == [], name
        assert "\x01" not in page
    # The search index is data: valid JSON holding the title as text, and as a script it
    # never closes its own element.
    index = json.loads(output["search.json"])
    assert TITLE.replace("\x01", "") in [a["title"] for a in index["articles"]]
    assert b"</script" not in output["search-index.js"].lower()
    article_page = pages["articles/hostile.html"]
    assert "&lt;script&gt;window.pwned=1;alert(1)&lt;/script&gt;" in article_page  # the title, shown as text
    assert "click me" in article_page and "bold" in article_page  # the harmless part of the body stays
    for name in ("feed.xml", "sitemap.xml"):
        ET.fromstring(output[name])  # well-formed XML, whatever the titles hold
    feed = ET.fromstring(output["feed.xml"])
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert TITLE.replace("\x01", "") in titles
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [link.get("href") for link in feed.iterfind(".//a:entry/a:link", ns)]
    assert links and not any(link.lower().startswith("javascript:") for link in links)


def test_raw_html_escaped_on_request(tmp_path, shared_cache):
    site = hostile_site(tmp_path, shared_cache, "escape")
    config = load_config(site / "config.yaml")
    assert not build(config).errors
    page = (config.output_path / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert dangerous(page) == []
    assert "&lt;iframe src=" in page and "&lt;img src=" in page  # shown, as text


def test_raw_html_kept_on_request_but_never_in_email(tmp_path, shared_cache):
    from briefings import mail

    site = hostile_site(tmp_path, shared_cache, "keep")
    config = load_config(site / "config.yaml")
    assert not build(config).errors
    page = (config.output_path / "articles" / "hostile.html").read_text(encoding="utf-8")
    assert "<iframe" in dangerous(page)[0] or "<script>" in dangerous(page)  # the site asked for it
    # An email template that shows the body gets the sanitised one.
    (site / "templates" / "email").mkdir(parents=True)
    theme = Path(mail.__file__).parent.parent / "templates" / "email" / "digest.html"
    if not theme.exists():
        theme = Path(mail.__file__).parent / "templates" / "email" / "digest.html"
    text = theme.read_text(encoding="utf-8")
    (site / "templates" / "email" / "digest.html").write_text(
        text.replace("</body>", "{% for card in cards %}{{ card.article.body_html | safe }}{% endfor %}</body>"),
        encoding="utf-8",
    )
    (site / "content" / "hostile.md").write_text(
        HOSTILE.replace('<img src="x" onerror="window.pwned=3">', ""), encoding="utf-8"
    )  # the email's own lint refuses relative images
    composed = mail.compose(load_config(site / "config.yaml"))
    html_part = composed.message.get_body(preferencelist=("html",)).get_content()
    assert "a link" in html_part, "the body is in the email"
    assert dangerous(html_part) == []


def test_email_headers_and_parts_escape_hostile_text(tmp_path, shared_cache):
    from briefings import mail

    site = hostile_site(tmp_path, shared_cache)
    (site / "content" / "newline.md").write_text(
        '---\ntitle: "Line one\\nBcc: victim@example.org"\ndate: 2026-11-03\n---\nThe council met.\n', encoding="utf-8"
    )
    config = load_config(site / "config.yaml")
    composed = mail.compose(config, article_slug="newline")
    raw = bytes(composed.message)
    parsed = message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Bcc"] is None and "Line one Bcc: victim@example.org" in parsed["Subject"]
    composed = mail.compose(config, article_slug="hostile")
    html_part = composed.message.get_body(preferencelist=("html",)).get_content()
    assert dangerous(html_part) == []
    assert "&lt;script&gt;" in html_part


def test_no_content_path_writes_outside_output(tmp_path, shared_cache):
    site = hostile_site(tmp_path, shared_cache)
    (site / "content" / "names.md").write_text(
        article(
            "Names",
            "2026-11-03",
            "Jean ../../../Etc Passwd said the plan was sound. Officials at ..\\..\\Windows agreed.",
            tags="['../../../../tmp/x', '/etc/passwd', '..', '.', '%2e%2e']",
        ),
        encoding="utf-8",
    )
    before = {p for p in tmp_path.rglob("*")}
    config = load_config(site / "config.yaml")
    assert not build(config).errors
    after = {p for p in tmp_path.rglob("*")}
    allowed = (config.output_path, Path(shared_cache))
    outside = [p for p in after - before if not any(p == a or a in p.parents for a in allowed)]
    assert outside == []
    output = config.output_path.resolve()
    for path in config.output_path.rglob("*"):
        assert path.resolve().is_relative_to(output)


def test_parse_article_keeps_titles_on_one_line():
    art, _ = parse_article(
        b'---\ntitle: "a\\nb\\u2028c\\rd"\nauthor: "x\\ny"\ntags: ["p\\nq"]\n---\nText.\n', "a.md", "a.md"
    )
    assert (art.title, art.author, art.tags) == ("a b c d", "x y", ("p q",))


# -- the browser ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_script_in_a_title_never_runs_in_a_browser(tmp_path, shared_cache):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    site = hostile_site(tmp_path, shared_cache)
    config = load_config(site / "config.yaml")
    assert not build(config).errors
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            for name in ("articles/hostile.html", "index.html", "digests/2026-11-02.html"):
                target = config.output_path / name
                if not target.exists():
                    continue
                page.goto(target.as_uri())
                page.wait_for_load_state("load")
                page.evaluate("""document.querySelectorAll('*').forEach(function (e) {
                    ['mouseover', 'focus', 'error', 'load'].forEach(function (t) { e.dispatchEvent(new Event(t)); });
                })""")
                assert page.evaluate("window.pwned") is None, name
                assert page.locator("text=window.pwned=1").count() >= 1 or name != "articles/hostile.html"
            assert dialogs == []
        finally:
            browser.close()


# -- serve ---------------------------------------------------------------------------------


@pytest.fixture
def server(tmp_path, shared_cache):
    site = write_site(
        tmp_path / "site",
        {"a.md": article("Alpha", "2026-11-02", "The council met on Monday.")},
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    (site / "secret.txt").write_text("top secret", encoding="utf-8")
    server = Server(load_config(site / "config.yaml"), site / "config.yaml", port=0)
    server.start()
    assert server.wait_for_build(1, TIMEOUT) and server.error is None
    yield server
    server.stop()


def raw_request(server: Server, data: bytes, read: bool = True) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as sock:
        try:
            sock.sendall(data)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            return b""  # the server closed on us: fine
        chunks = []
        while read:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def get(server: Server, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_serve_binds_this_machine_only_by_default(server):
    assert server.host == "127.0.0.1"
    assert server._httpd.socket.getsockname()[0] == "127.0.0.1"


def test_serve_serves_nothing_outside_output(server):
    site = server.config.root
    os.symlink(site / "secret.txt", server.output_path / "leak.txt")
    os.symlink("/etc", server.output_path / "etc")
    requests = [
        b"GET /../secret.txt",
        b"GET /%2e%2e/secret.txt",
        b"GET /%2E%2E/%2E%2E/etc/passwd",
        b"GET /..%5csecret.txt",
        b"GET /..\\secret.txt",
        b"GET http://127.0.0.1/../secret.txt",
        b"GET //etc/passwd",
        b"GET /etc/passwd",
        b"GET /etc/hostname",
        b"GET /leak.txt",
        b"GET /%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        b"GET /articles/%252e%252e/%252e%252e/secret.txt",
        b"GET /..;/secret.txt",
        b"GET /%00/../secret.txt",
        b"GET /" + b"../" * 50 + b"etc/passwd",
    ]
    for line in requests:
        response = raw_request(server, line + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        status = response.split(b" ", 2)[1] if response.startswith(b"HTTP/") else b""
        assert status in (b"400", b"404"), (line, response[:80])
        assert b"top secret" not in response and b"root:" not in response, line


def test_serve_survives_malformed_requests(server):
    garbage = [
        b"\x00\xff\xfe garbage \r\n\r\n",
        bytes(range(256)) * 64,
        b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
        b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(500)) + b"\r\n",
        b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\n\r\n",
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"BREW /pot HTTP/1.1\r\n\r\n",
        b"GET /\xc3\x28\xa0\xa1 HTTP/1.1\r\nHost: \xff\r\n\r\n",
        b"GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        b"POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\nshort",
        b"GET /__briefings__/events?generation=" + b"9" * 5000 + b" HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\n",  # never finished
        b"",
    ]
    errors = []
    server._httpd.handle_error = lambda request, address: errors.append(sys.exc_info()[1])
    for data in garbage:
        raw_request(server, data, read=not data.startswith(b"GET /__briefings__"))
        status, body = get(server, "/")
        assert status == 200 and b"Alpha" in body, data[:40]
    time.sleep(0.2)
    assert errors == [], "no request ends in an exception in the handler"


# -- one writer at a time ----------------------------------------------------------------------


def run_build(site: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefings", "build", "--config", str(site / "config.yaml")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )


def test_a_build_while_serve_runs_is_refused(server):
    proc = run_build(server.config.root)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert f"the site is in use by `briefings serve` (pid {os.getpid()}); stop it first" in stderr
    assert "Traceback" not in stderr


def test_a_second_build_waits_for_the_first(tmp_path, shared_cache):
    site = write_site(
        tmp_path / "site",
        {"a.md": article("Alpha", "2026-11-02", "The council met on Monday.")},
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    lock = site_lock(config)
    lock.acquire()  # this process plays the first build
    try:
        proc = run_build(site)
        deadline = time.monotonic() + 30
        lines = []
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "waiting for" in line or not line:
                break
        assert f"waiting for `briefings build` (pid {os.getpid()}) to finish…" in lines[-1], lines
        time.sleep(0.5)
        assert proc.poll() is None, "still waiting"
        assert not config.output_path.exists(), "nothing written while the other build holds the site"
    finally:
        lock.release()
    _, rest = proc.communicate(timeout=60)
    assert proc.returncode == 0, rest
    assert (config.output_path / "articles" / "a.html").is_file()


def test_two_builds_started_at_once_give_one_clean_site(tmp_path, shared_cache):
    site = write_site(
        tmp_path / "site",
        {
            "a.md": article("Alpha", "2026-11-02", "The council met on Monday."),
            "b.md": article("Beta", "2026-11-03", "Carol White said the plan was working well."),
        },
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    procs = [run_build(site) for _ in range(2)]
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
    config = load_config(site / "config.yaml")
    reference = tmp_path / "reference"
    Builder(config, output=reference, persist=False).build(clean=True)
    assert files(config.output_path) == files(reference)
    assert sorted(p.name for p in site.iterdir()) == ["config.yaml", "content", "output"], "nothing left over"


def test_a_second_serve_of_the_same_site_is_refused(server):
    from briefings.lock import Busy

    second = Server(load_config(server.config_path), server.config_path, port=0)
    with pytest.raises(Busy, match=r"in use by `briefings serve` \(pid \d+\); stop it first"):
        second.start()
    status, _ = get(server, "/")
    assert status == 200, "the first one keeps serving"
