"""Download web pages and feeds as a good network citizen.

http(s) only; a timeout on every request and on the whole download; at most 5 MB and
5 redirects (each hop checked again); only the content types asked for; a User-Agent that
says who we are; one request at a time per host (with robots.txt's Crawl-delay, capped);
robots.txt obeyed unless told otherwise. Every failure is a FetchError whose message is the
reason a user reads after the URL.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import urllib3

from .. import __version__

USER_AGENT = (
    f"briefings/{__version__} (static-site generator for briefing digests; fetches articles its user asked for)"
)
ROBOTS_AGENT = "briefings"  # the product token robots.txt rules name
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_CRAWL_DELAY = 10.0  # seconds; a robots.txt asking for more is obeyed only this far
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "text/plain",
    "application/octet-stream",
)


class FetchError(Exception):
    """Why a URL gave nothing: the text after `URL: `; `status` when the server answered."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class Response:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # the media type, lower case, without parameters
    body: bytes
    charset: str | None = None  # as the Content-Type header names it


class Fetcher:
    """Shared by the threads of one run: a connection pool, robots.txt per host, a lock per host."""

    def __init__(
        self, timeout: float = 20.0, robots: bool = True, user_agent: str = USER_AGENT, max_bytes: int = MAX_BYTES
    ):
        self.timeout, self.robots, self.max_bytes, self.user_agent = timeout, robots, max_bytes, user_agent
        self.pool = urllib3.PoolManager(
            num_pools=20, retries=False, timeout=urllib3.Timeout(connect=timeout, read=timeout)
        )
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._rules: dict[str, urllib.robotparser.RobotFileParser | str | None] = {}  # None: no rules; str: unreadable
        self._last: dict[str, float] = {}  # when each host was last asked, for Crawl-delay
        self._delay: dict[str, float] = {}  # each host's Crawl-delay, from its robots.txt

    def get(self, url: str, accept: tuple[str, ...] = HTML_TYPES) -> Response:
        """The body of `url`, following at most MAX_REDIRECTS redirects. Raises FetchError."""
        return self._follow(url, accept, self.robots)

    def _follow(self, url: str, accept: tuple[str, ...], robots: bool) -> Response:
        seen, current = [url], url
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current)
            if robots and not self.allowed(current):
                raise FetchError("robots.txt disallows fetching it" + (f" ({current})" if current != url else ""))
            status, headers, body = self._request(current, accept)
            if status in (301, 302, 303, 307, 308):
                target = headers.get("Location")
                if not target:
                    raise FetchError(f"HTTP {status} redirect without a Location")
                current = urljoin(current, target.strip())
                if current in seen:
                    raise FetchError(f"redirect loop ({' → '.join(seen + [current])})")
                seen.append(current)
                continue
            if status >= 400:
                raise FetchError(f"HTTP {status} {_reason(status)}".rstrip(), status)
            if status != 200:
                raise FetchError(f"HTTP {status}: nothing to read", status)
            content_type = headers.get("Content-Type", "")
            return Response(url, current, media_type(content_type), body, header_charset(content_type))
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, accept: tuple[str, ...]) -> tuple[int, dict, bytes]:
        """One request, alone on its host; the body only of a 200 of an accepted type."""
        host = urlsplit(url).netloc.lower()
        with self._host_lock(host):
            self._wait_for_turn(host)
            try:
                return self._send(url, accept)
            finally:
                self._last[host] = time.monotonic()

    def _send(self, url: str, accept: tuple[str, ...]) -> tuple[int, dict, bytes]:
        deadline = time.monotonic() + self.timeout
        try:
            response = self.pool.request(
                "GET",
                url,
                redirect=False,
                preload_content=False,
                headers={"User-Agent": self.user_agent, "Accept": ", ".join(accept) + ", */*;q=0.1"},
            )
        except urllib3.exceptions.MaxRetryError as exc:
            raise FetchError(_network_reason(exc.reason or exc, self.timeout)) from None
        except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
            raise FetchError(_network_reason(exc, self.timeout)) from None
        try:
            if response.status != 200:
                return response.status, dict(response.headers), b""
            kind = media_type(response.headers.get("Content-Type", ""))
            if kind and kind not in accept:
                wanted = "an HTML page" if accept == HTML_TYPES else "a feed"
                raise FetchError(f"not {wanted} (Content-Type {kind})")
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > self.max_bytes:
                raise FetchError(f"too big ({int(length) / 2**20:.1f} MB; at most {self.max_bytes // 2**20} MB)")
            chunks, size = [], 0
            for chunk in response.stream(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"too big (over {self.max_bytes // 2**20} MB)")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {self.timeout:g} s")
                chunks.append(chunk)
            return 200, dict(response.headers), b"".join(chunks)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(_network_reason(exc, self.timeout)) from None
        finally:
            response.release_conn()

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says of `url` for us (read once per site). Raises
        FetchError when the robots.txt cannot be read: RFC 9309 says to fetch nothing then."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        with self._host_lock(origin + "/robots"):
            if origin not in self._rules:
                self._rules[origin] = self._read_robots(origin)
        rules = self._rules[origin]
        if isinstance(rules, str):
            raise FetchError(f"robots.txt could not be read ({rules}), so nothing of the site is fetched")
        return rules is None or rules.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str | None:
        """The rules; None when there are none (a missing robots.txt, a 4xx, allows
        everything); why not, when it cannot be read (a 5xx, no answer)."""
        try:
            response = self._follow(origin + "/robots.txt", ("text/plain",), robots=False)
        except FetchError as exc:
            if exc.status is not None and exc.status < 500 or "Content-Type" in str(exc) or "too big" in str(exc):
                return None  # missing, or an HTML error page or a huge file: no robots.txt
            return str(exc)
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        rules.parse(response.body.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._delay[urlsplit(origin).netloc] = min(float(delay), MAX_CRAWL_DELAY)
        return rules

    def _wait_for_turn(self, host: str) -> None:
        """Crawl-delay between two requests to one host (held under the host's lock)."""
        delay = self._delay.get(host)
        if delay and host in self._last:
            time.sleep(max(0.0, delay - (time.monotonic() - self._last[host])))

    def _host_lock(self, key: str) -> threading.Lock:
        with self._lock:
            return self._hosts.setdefault(key, threading.Lock())


def check_url(url: str) -> None:
    """Only http(s) URLs with a host: no file:, ftp:, data: or javascript:."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise FetchError("not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"not an http(s) URL ({parts.scheme or 'no'} scheme)")
    if not parts.hostname or any(c.isspace() for c in url):
        raise FetchError("not a valid URL")


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def header_charset(content_type: str) -> str | None:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _network_reason(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, urllib3.exceptions.SSLError):
        return f"TLS error ({exc})"
    if isinstance(exc, urllib3.exceptions.NameResolutionError):
        return "host not found"
    if isinstance(exc, (urllib3.exceptions.NewConnectionError, ConnectionRefusedError)):
        return "cannot connect"
    if isinstance(exc, urllib3.exceptions.LocationParseError):
        return "not a valid URL"
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return "connection broken"
    return f"network error ({type(exc).__name__}: {exc})"
