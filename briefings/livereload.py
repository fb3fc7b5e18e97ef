"""Live reload: serve a folder over HTTP, and tell the pages open from it when to reload.

HTML responses get a script, injected at serve time (the files on disk are never changed),
that listens over Server-Sent Events: "reload" when the folder holds a new site, "error"
with text to show over the page (why it holds no new site, or what the new one left out).
This server knows nothing of builds: whoever changes the folder says what to show (serve.py).
"""

from __future__ import annotations

import io
import os
import queue
import threading
import urllib.parse
from collections.abc import Callable, Collection
from http.server import DEFAULT_ERROR_MESSAGE, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

EVENTS_PATH = "/__briefings__/events"
KEEPALIVE = 15.0

# "error" is also EventSource's own connection-error event, which has no data: skip those.
RELOAD_SCRIPT = """<script>(function () {
  var events = new EventSource("%s?generation=%d&page=" + encodeURIComponent(location.pathname)), box = null;
  events.addEventListener("reload", function () { events.close(); location.reload(); });
  events.addEventListener("error", function (e) {
    if (typeof e.data !== "string") return;
    if (!box) {
      box = document.createElement("pre");
      box.id = "briefings-build-error";
      box.style.cssText = "position:fixed;top:0;left:0;right:0;max-height:70vh;overflow:auto;margin:0;" +
        "padding:1em;z-index:2147483647;background:#fff0f0;color:#900;border-bottom:3px solid #c00;" +
        "font:14px/1.4 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = e.data;
  });
})();</script>
"""


def is_within(path: str, folder: str | Path) -> bool:
    """`path` is `folder` or inside it (both absolute, as given: no symlink is resolved)."""
    folder = os.fspath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class Clients:
    """Server-Sent Events fan-out: one queue per connected page, with the page's path in the
    folder ("articles/x.html") and the generation it was served with."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: dict[queue.Queue, tuple[str, int]] = {}

    def add(self, page: str = "", seen: int = -1) -> queue.Queue:
        q: queue.Queue = queue.Queue()
        with self._lock:
            self._queues[q] = (page, seen)
        return q

    def remove(self, q: queue.Queue) -> None:
        with self._lock:
            self._queues.pop(q, None)

    def send(self, event: str | None, data: str = "", to: Callable[[str, int], bool] | None = None) -> None:
        """Queue an event for every client (`to`: those it accepts, by page and generation);
        None tells the streams to end."""
        with self._lock:
            for q, (page, seen) in self._queues.items():
                if to is None or to(page, seen):
                    q.put((event, data))


class Handler(SimpleHTTPRequestHandler):
    server: LiveReloadServer
    timeout = 30  # a client that sends half a request and stalls does not hold a thread for ever

    def __init__(self, request, client_address, server: LiveReloadServer):
        # The folder is replaced by every build: look its path up afresh for each request.
        super().__init__(request, client_address, server, directory=str(server.folder))

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - one line per request is noise
        pass

    def end_headers(self) -> None:
        # Builds can land within the same second, which Last-Modified cannot tell apart.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code, message=None, explain=None) -> None:
        # Error pages reload too: a page that is missing now may come back with the next build.
        script = inject(b"</body>", self.server.generation).decode().replace("%", "%%")
        self.error_message_format = DEFAULT_ERROR_MESSAGE.replace("</body>", script)
        super().send_error(code, message, explain)

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] == EVENTS_PATH:
            self.stream_events()
        else:
            super().do_GET()

    def send_head(self):
        del self.headers["If-Modified-Since"]  # see end_headers
        generation = self.server.generation  # read before the file: an extra reload, never a missed one
        try:
            path = self.translate_path(self.path)
            root = os.path.realpath(self.directory)
            if not is_within(os.path.realpath(path), root):
                self.send_error(404, "File not found")  # e.g. a symlink in output/ pointing elsewhere
                return None
            if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
                path = os.path.join(path, "index.html")
            if not (
                path.endswith((".html", ".htm")) and os.path.isfile(path) and is_within(os.path.realpath(path), root)
            ):
                return super().send_head()
            with open(path, "rb") as handle:
                page = handle.read()
        except (OSError, ValueError):  # ValueError: a NUL byte in the path
            self.send_error(404, "File not found")
            return None
        page = inject(page, generation)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        return io.BytesIO(page)

    def stream_events(self) -> None:
        server = self.server
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        seen = query.get("generation", [""])[0]
        seen_generation = int(seen) if seen.isdigit() and len(seen) < 20 else -1
        q = server.clients.add(page_path(query.get("page", [""])[0]), seen_generation)
        try:
            # The page may predate a build that finished while it loaded, or the build may be broken now.
            if 0 <= seen_generation < server.generation:
                q.put(("reload", ""))
            elif server.error:
                q.put(("error", server.error))
            self.wfile.write(b"retry: 1000\n\n")
            while True:
                try:
                    event, data = q.get(timeout=KEEPALIVE)
                except queue.Empty:
                    self.wfile.write(b": keep-alive\n\n")
                    continue
                if event is None:
                    return
                lines = "".join(f"data: {line}\n" for line in data.split("\n"))
                self.wfile.write(f"event: {event}\n{lines}\n".encode())
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the page went away
        finally:
            server.clients.remove(q)
            self.close_connection = True


def page_path(location: str) -> str:
    """A page's path in the folder from its URL path: "/articles/x.html" → "articles/x.html",
    "/" → "index.html"; "" for none."""
    if not location.startswith("/"):
        return ""
    path = location.lstrip("/")
    return path + "index.html" if not path or path.endswith("/") else path


def inject(page: bytes, generation: int) -> bytes:
    script = (RELOAD_SCRIPT % (EVENTS_PATH, generation)).encode()
    end = page.lower().rfind(b"</body>")
    return page + script if end < 0 else page[:end] + script + page[end:]


class LiveReloadServer(ThreadingHTTPServer):
    """Serves `folder` over HTTP (in threads: `serve_forever`) and tells the pages open from it
    when to reload."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], folder: Path):
        self.folder = folder
        self.clients = Clients()
        self.generation = 0  # new sites in the folder: a page loaded before the latest reloads
        self.error: str | None = None  # shown over every page: why there is no new site, or what it lacks
        super().__init__(address, Handler)

    def serve_folder(self, folder: Path) -> None:
        self.folder = folder

    def changed(self) -> None:
        """The folder holds a new site: pages loaded before it are out of date."""
        self.generation += 1

    def reload(self, notice: str | None = None, fresh: tuple[Collection[str], int] | None = None) -> None:
        """Every open page loads itself again, dropping what was shown over it; `notice`, if
        any, is shown over every page from now until the next reload. `fresh`: (pages,
        generation) of a reload_pages since the last reload: pages open on those files that
        were served at that generation or later are new already and stay as they are."""
        self.error = notice
        if fresh is None:
            self.clients.send("reload")
        else:
            pages, generation = fresh
            self.clients.send("reload", to=lambda page, seen: page not in pages or seen < generation)
        if notice is not None:
            self.clients.send("error", notice)  # a reloaded page hears it on connecting; others now

    def reload_pages(self, pages: Collection[str]) -> int:
        """These files of the folder ("articles/x.html") are new, ahead of the rest of the new
        site: pages open on them load themselves again now. Gives the generation to pass to
        the next reload (see `reload`), which the rest of the site needs."""
        self.generation += 1
        pages = set(pages)
        self.clients.send("reload", to=lambda page, seen: page in pages)
        return self.generation

    def show_error(self, text: str) -> None:
        """Show `text` over every open page, and over every page opened, until the next reload.
        The pages stay as they are."""
        self.error = text
        self.clients.send("error", text)

    def close_streams(self) -> None:
        self.clients.send(None)
