"""A real HTTP server on 127.0.0.1 for the fetch tests: saved article pages from
tests/data/web/, feeds listing them, and every way a download can go wrong. No network."""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "web"
PAGES = {  # served path → saved page, with what its own metadata says
    "/news/wework.html": (
        "venturebeat-wework.html.gz",
        "New York State Attorney General investigating WeWork and former CEO",
        "2019-11-18",
        "VentureBeat",
    ),
    "/news/vw-wagon.html": (
        "slashgear-vw.html.gz",
        "The VW ID. SPACE VIZZION is a weird EV sports wagon with a secret message",
        "2019-11-20",
        "SlashGear",
    ),
    "/news/eee.html": (
        "cbsdetroit-eee.html.gz",
        "Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported",
        "2019-11-19",
        "CBS Detroit",
    ),
}
HOME = (
    """<!DOCTYPE html><html><head><title>The Daily Example</title></head><body>
<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></nav><main><ul>
"""
    + "".join(
        f'<li><a href="/story/{i}.html">Headline number {i} about a thing that happened somewhere today</a></li>\n'
        for i in range(40)
    )
    + "</ul></main><footer>© The Daily Example</footer></body></html>"
)
FEED_TEXT = (
    "The council voted on Tuesday to close the old harbour bridge to cars from next spring. "
    "Engineers said the steel had corroded faster than expected "
    "and repairs would cost more than a new bridge. "
) * 4


def rss(base: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><pubDate>{_rfc822(date)}</pubDate>"
        f"<description>Summary of {title}</description></item>"
        for path, (_, title, date, _) in PAGES.items()
    )
    # an entry whose page is gone but whose text is in the feed, and one without a link
    items += (
        f"<item><title>Harbour bridge to close</title><link>{base}/missing.html</link>"
        f"<pubDate>{_rfc822('2019-11-21')}</pubDate><content:encoded><![CDATA[<p>{FEED_TEXT}</p>"
        f"<p>{FEED_TEXT}</p>]]></content:encoded></item>"
    )
    items += (
        f"<item><title>An entry without a link</title><pubDate>{_rfc822('2019-11-10')}</pubDate>"
        "<description>Short.</description></item>"
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Example Wire</title><link>{base}/</link>{items}</channel></rss>"
    )


def atom(base: str) -> str:
    path, (_, title, date, _) = next(iter(PAGES.items()))
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Example Atom</title>"
        f"<id>{base}/atom</id><updated>{date}T00:00:00Z</updated><entry><title>{title}</title>"
        f'<link href="{base}{path}"/><id>{base}{path}</id><updated>{date}T10:00:00Z</updated></entry></feed>'
    )


def json_feed(base: str) -> str:
    path, (_, title, date, _) = list(PAGES.items())[1]
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Example JSON",
            "items": [{"id": "1", "url": f"{base}{path}", "title": title, "date_published": f"{date}T08:00:00Z"}],
        }
    )


def _rfc822(date: str) -> str:
    return time.strftime("%a, %d %b %Y 12:00:00 +0000", time.strptime(date, "%Y-%m-%d"))


class Server:
    """Serves until stopped; `hits` counts requests per path, `agents` the User-Agents seen."""

    def __init__(self, slow_seconds: float = 3.0, think_seconds: float = 0.0, robots: str = "plain"):
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.busy: Counter[str] = Counter()  # requests in flight per host, and the most seen at once
        self.most_at_once = 0
        self.slow_seconds = slow_seconds
        self.think_seconds = think_seconds  # each request waits this long before its answer
        self.robots = robots  # "plain", "redirect" (to /rules.txt) or "error" (a 503)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                server.hits[self.path] += 1
                server.agents.add(self.headers.get("User-Agent", ""))
                # Requests thinking at the same time overlap for certain: counted before answering,
                # since a client may send its next request before this thread has quite finished.
                with server.lock:
                    server.busy["h"] += 1
                    server.most_at_once = max(server.most_at_once, server.busy["h"])
                time.sleep(server.think_seconds)
                with server.lock:
                    server.busy["h"] -= 1
                server.respond(self)

        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def respond(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        if path in PAGES or path.startswith("/private/") and "/news/" + path.rsplit("/", 1)[-1] in PAGES:
            name = PAGES[path if path in PAGES else "/news/" + path.rsplit("/", 1)[-1]][0]
            return _send(handler, 200, "text/html; charset=utf-8", gzip.decompress((DATA / name).read_bytes()))
        rules = b"User-agent: *\nDisallow: /private/\n"
        if path == "/robots.txt" and self.robots == "redirect":
            return _redirect(handler, "/rules.txt")
        if path == "/robots.txt" and self.robots == "error":
            return _send(handler, 503, "text/html", b"<html><body>Down for maintenance</body></html>")
        routes = {
            "/robots.txt": (200, "text/plain", rules),
            "/rules.txt": (200, "text/plain", rules),
            "/feed.xml": (200, "application/rss+xml", rss(self.base).encode()),
            "/atom.xml": (200, "application/atom+xml", atom(self.base).encode()),
            "/feed.json": (200, "application/feed+json", json_feed(self.base).encode()),
            "/not-a-feed.xml": (200, "application/xml", b"this is { not XML < at all"),
            "/home.html": (200, "text/html", HOME.encode()),
            "/empty.html": (200, "text/html", b""),
            "/report.pdf": (200, "application/pdf", b"%PDF-1.4 binary"),
        }
        if path in routes:
            return _send(handler, *routes[path])
        if path == "/slow.html":
            time.sleep(self.slow_seconds)
            return _send(handler, 200, "text/html", HOME.encode())
        if path.startswith("/loop-"):  # /loop-a → /loop-b → /loop-a
            return _redirect(handler, "/loop-b" if path == "/loop-a" else "/loop-a")
        if path.startswith("/hop/"):  # /hop/N → /hop/N-1 → … → /hop/0 → an article
            n = int(path.rsplit("/", 1)[1])
            return _redirect(handler, f"/hop/{n - 1}" if n > 0 else "/news/eee.html")
        if path == "/huge.html":  # a page that never ends: the size cap stops it
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            try:
                chunk = b"<p>" + b"x" * 65_530 + b"</p>"
                for _ in range(200):  # 13 MB
                    handler.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        return _send(handler, 404, "text/html", b"<html><body><h1>Not found</h1></body></html>")


def _send(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes) -> None:
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass


def _redirect(handler: BaseHTTPRequestHandler, location: str) -> None:
    handler.send_response(302)
    handler.send_header("Location", location)
    handler.send_header("Content-Length", "0")
    handler.end_headers()
