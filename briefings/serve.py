"""`briefings serve`: build, serve output/, rebuild on changes, reload open pages.

The rebuild scheduler: it watches content/, templates/ and config.yaml, waits for a burst
of saves to end (`Debounce`), and rebuilds with one Builder that lives as long as the
server, so each rebuild renders only the pages whose inputs changed and replaces them one
by one, each atomically. A broken article is left out, as `briefings build` leaves it out,
and the others keep updating, with the problem shown over every page until it is fixed; a
broken config or template stops the build, and the last good site stays on screen.
Serving output/ and reloading open pages is livereload.py's job: this module tells it
when a build has landed or failed, and what to show.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
import webbrowser
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from rich.markup import escape
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from .build import Builder
from .config import Config, ConfigError, load_config
from .console import err as console
from .console import report
from .livereload import LiveReloadServer, is_within
from .lock import Busy, site_lock
from .reading import is_ignored_name

# An editor's save is a few events within a millisecond or two (a temp file written, then
# renamed over the article). A save reaching an idle server builds as soon as it is
# complete (renamed into place, or closed after writing): SAVED later, or SETTLE after
# any other event. Events that arrive while a build runs, or just after one, wait for
# QUIET without events, so a burst of saves (a formatter, `git checkout`, a script)
# costs one more build, not one build per save.
SAVED = 0.005
SETTLE = 0.03
QUIET = 0.15
MAX_WAIT = 1.0  # ...but never wait longer than this after the first event of a burst
IDLE_AFTER = 2.0  # seconds without a build before the idle work (garbage, model): see _when_idle
FROZEN_BUILDS = 10  # builds whose garbage may wait for an idle moment (see _build)
# attrib: `touch` forces a build; closed: a file written and closed (inotify only)
WATCHED_EVENTS = {"created", "modified", "deleted", "moved", "attrib", "closed"}

# Over every page: why the site did not change, or what the new one leaves out.
FAILED = "Build failed — still showing the last good build.\n\n"
LEFT_OUT = "Built, leaving out what these errors name until they are fixed.\n\n"


class _Watcher(FileSystemEventHandler):
    def __init__(self, site: Server):
        self.site = site

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in WATCHED_EVENTS or (
            event.is_directory and event.event_type in ("modified", "attrib")
        ):
            return  # a folder's own modified event only echoes a change to a file inside it
        source = self.site.relevant(os.path.abspath(os.fsdecode(event.src_path)))
        target = event.event_type == "moved" and self.site.relevant(os.path.abspath(os.fsdecode(event.dest_path)))
        if source or target:
            # Complete: renamed into place, or written and closed. Not a rename away from the
            # article (vim's backup): the new file is still to come.
            self.site.request_build(complete=bool(target or event.event_type == "closed"))


class Debounce:
    """When to build: events of a burst of saves come in from the watcher's thread; the
    build loop waits until the burst is over (see SAVED, SETTLE, QUIET, MAX_WAIT)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._first: float | None = None  # first event of the pending burst
        self._last = 0.0
        self._quiet = QUIET  # the pending burst's quiet period
        self._idle = False  # the pending burst reached an idle server
        self._building = False
        self._finished = float("-inf")  # when the last build of a burst ended
        self._stopping = False
        self.builds = 0  # builds finished, good or bad
        self.waited = 0.0  # from the first event of the latest burst to its build's start

    def event(self, complete: bool = False) -> None:
        """A relevant file changed; `complete`: the event ends a save (see SAVED)."""
        with self._cond:
            now = time.monotonic()
            if self._first is None:
                self._first = now
                self._idle = not self._building and now - self._finished >= QUIET
            self._last = now
            self._quiet = (SAVED if complete else SETTLE) if self._idle else QUIET
            self._cond.notify_all()

    def wait_for_event(self, timeout: float | None) -> bool:
        """True once an event is pending or the server stops; False after `timeout` seconds without."""
        with self._cond:
            return self._cond.wait_for(lambda: self._first is not None or self._stopping, timeout=timeout)

    def wait_for_burst_end(self) -> bool:
        """Wait until the pending burst has been quiet long enough (or MAX_WAIT is past), and
        start its build: True. False when the server stops."""
        with self._cond:
            while not self._stopping:
                wait = min(self._last + self._quiet, self._first + MAX_WAIT) - time.monotonic()
                if wait <= 0:
                    break
                self._cond.wait(wait)
            if self._stopping:
                return False
            self.waited = time.monotonic() - self._first
            self._first = None  # an event from now on schedules one more build
            self._building = True
            return True

    def build_done(self, ends_burst: bool = True) -> None:
        """A build finished. The start-up build ends no burst: the first save builds at once."""
        with self._cond:
            self.builds += 1
            self._building = False
            if ends_burst:
                self._finished = time.monotonic()
            self._cond.notify_all()

    def wait_for_builds(self, n: int, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self.builds >= n, timeout)

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()


class _Garbage:
    """When serve collects garbage: never between a build and its reload. A collection of a
    build's objects, at the first allocation after it, took 30-100 ms (a full one 0.7 s at
    N = 1,000) and delayed the reload or the page's request. So a build runs without the
    collector and its objects are frozen after it, to be collected when idle, or by the
    collector itself after FROZEN_BUILDS builds with no idle moment."""

    def __init__(self) -> None:
        self.frozen = 0  # builds frozen since the last collection of everything

    def before_build(self) -> None:
        gc.disable()

    def after_build(self) -> None:
        self.frozen += 1
        if self.frozen > FROZEN_BUILDS:  # saves never idle: the collector has it all back
            gc.unfreeze()
            self.frozen = 0
        else:
            gc.freeze()
        gc.enable()

    def idle(self, work: Callable[[], None]) -> None:
        """`work`, then collect everything; what is left is long-lived, and frozen."""
        gc.unfreeze()
        work()
        gc.collect()
        gc.freeze()
        self.frozen = 0


def _print_stages(stamp: str, timings: dict[str, float]) -> None:
    console.print(
        f"{stamp} " + "  ".join(f"{stage} {seconds:.3f}s" for stage, seconds in timings.items()),
        markup=False,
        highlight=False,
    )


class Server:
    """The dev server: start() builds once and serves; stop() ends everything."""

    def __init__(
        self,
        config: Config,
        config_path: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        poll: bool = False,
        drafts: bool = True,
        verbose: bool = False,
    ):
        self.config, self.config_path = config, Path(config_path).absolute()
        self.verbose = verbose  # print each build's time per stage
        self.host, self.port = host, port
        self.debounce = Debounce()
        # Held for the server's life: a `briefings build` meanwhile would change output/
        # behind the back of this server's builder, whose builds go through this lock.
        self._lock = site_lock(config, command="serve")
        self.builder = Builder(config, drafts=drafts, save_every_build=False, command="serve", lock=self._lock)
        self._observer = PollingObserver(timeout=0.5) if poll else Observer()
        self._watched: tuple[Path, ...] = ()
        self._httpd: LiveReloadServer | None = None
        self._threads: list[threading.Thread] = []
        self._garbage = _Garbage()

    @property
    def output_path(self) -> Path:
        return self.config.output_path

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def builds(self) -> int:
        """Builds finished, good or bad."""
        return self.debounce.builds

    @property
    def error(self) -> str | None:
        """The problems of the latest build, if it failed."""
        return self._httpd.error if self._httpd is not None else None

    def start(self, on_wait=None) -> None:
        """Raises Busy when another serve has the site, OSError when the port is taken."""
        self._lock.acquire(wait=True, on_wait=on_wait)  # a running build is waited for
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self) -> None:
        self._httpd = LiveReloadServer((self.host, self.port), self.config.output_path)  # bind first: fail fast
        self.port = self._httpd.server_address[1]
        self._watch()
        self._observer.start()  # before the first build, so edits made during it are not lost
        self._build(ends_burst=False)
        httpd = self._httpd
        self._threads = [
            threading.Thread(target=lambda: httpd.serve_forever(poll_interval=0.1), daemon=True),
            threading.Thread(target=self._build_loop, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self.debounce.stop()
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join()
        if self._httpd is not None:
            self._httpd.close_streams()
            if self._threads:  # shutdown() waits for serve_forever(), so only if it ever ran
                self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:
            thread.join()
        self.builder.close()  # the next start builds incrementally
        gc.unfreeze()  # the builds' garbage goes back to the collector
        self._threads.clear()
        self._lock.release()

    def wait_for_build(self, n: int, timeout: float) -> bool:
        """True once `n` builds (counting the first) have finished."""
        return self.debounce.wait_for_builds(n, timeout)

    # Watching

    def _watch(self) -> None:
        """Watch content/, templates/ and the config file's folder (editors replace the file itself)."""
        config = self.config
        folders = tuple(p.absolute() for p in (config.content_path, config.templates_path) if p.is_dir())
        if folders + (self.config_path.parent,) == self._watched:
            return
        self._observer.unschedule_all()
        watcher = _Watcher(self)
        for folder in folders:
            self._observer.schedule(watcher, str(folder), recursive=True)
        self._observer.schedule(watcher, str(self.config_path.parent), recursive=False)
        self._watched = folders + (self.config_path.parent,)

    def relevant(self, path: str) -> bool:
        config = self.config
        if path == str(self.config_path):
            return True
        if any(is_within(path, p.absolute()) for p in (config.output_path, config.cache_path)):
            return False
        for folder in (config.content_path.absolute(), config.templates_path.absolute()):
            if is_within(path, folder):
                parts = Path(os.path.relpath(path, folder)).parts
                return not any(is_ignored_name(part) for part in parts if part != ".")
        return False

    def request_build(self, complete: bool = False) -> None:
        """A relevant file changed; `complete`: the event ends a save (see SAVED)."""
        self.debounce.event(complete)

    # Building

    def _build_loop(self) -> None:
        idle_work = True  # after a build, once nothing happens for IDLE_AFTER: see _when_idle
        while True:
            if not self.debounce.wait_for_event(IDLE_AFTER if idle_work else None):
                idle_work = False
                self._when_idle()
                continue
            if not self.debounce.wait_for_burst_end():
                return
            self._build()
            idle_work = True

    def _when_idle(self) -> None:
        """Work that would otherwise slow the next edit's build, done while nobody waits:
        load the spaCy model, so the first edit of an article's text costs one parse rather
        than a model load, and collect the builds' garbage. In this thread, never beside a build."""
        self._garbage.idle(self.builder.load_model)

    def _build(self, ends_burst: bool = True) -> None:
        self._garbage.before_build()
        try:
            self._build_once()
        except Exception as exc:  # the server outlives any bug in a build
            console.print(f"[red]error:[/red] the build crashed: {escape(repr(exc))}")
            console.print_exception()
            self._httpd.show_error(f"{FAILED}The build crashed: {exc!r}")
        finally:
            self._garbage.after_build()
            self.debounce.build_done(ends_burst)

    def _build_once(self) -> None:
        started = time.perf_counter()
        try:
            config = load_config(self.config_path)
        except ConfigError as exc:
            report(exc.problems)
            self._httpd.show_error(FAILED + "\n".join(str(p) for p in exc.problems))
            return
        self._apply_config(config)
        builder = self.builder
        fresh: list[tuple[list[str], int]] = []  # the pages of edited articles, reloaded ahead of the rest

        def preview(pages: list[str]) -> None:
            fresh.append((pages, self._httpd.reload_pages(pages)))

        with console.status("Building…") if self.builds == 0 else nullcontext():
            result = builder.build(preview=preview)  # pages are replaced one by one, each atomically
        built = time.perf_counter()
        report(result.problems)
        problems = "\n".join(str(p) for p in result.problems)
        stamp = time.strftime("%H:%M:%S")
        if result.stopped:  # a template, the content folder, the disk: nothing was written
            kept = builder.output.is_dir()
            console.print(
                f"[dim]{stamp}[/dim] [red]Build failed[/red] with {len(result.errors)} error(s)"
                + ("; serving the last good build" if kept else "")
            )
            for pages, _ in fresh:  # put back as they were: load them again
                self._httpd.reload_pages(pages)
            self._httpd.show_error(FAILED + problems)
            return
        self._httpd.changed()
        if self.builds == 0:
            builder.warm()
        errors = len(result.errors)
        console.print(
            f"[dim]{stamp}[/dim] Built: {result.written} of {result.pages} pages written"
            f" in {result.seconds:.2f}s" + (f"; [red]{errors} error(s)[/red], left out until fixed" if errors else "")
        )
        # Broken articles were left out, as `briefings build` leaves them out: every page says so.
        self._httpd.reload(LEFT_OUT + problems if errors else None, fresh[0] if fresh else None)
        if self.verbose:  # after the reload, which it would delay
            _print_stages(
                stamp,
                {
                    "wait": self.debounce.waited,
                    "config": built - started - result.seconds,
                    **result.timings,
                    "reload": time.perf_counter() - built,
                },
            )

    def _apply_config(self, config: Config) -> None:
        """config.yaml as just read takes effect: what is watched and served, and the builder
        (kept while the config stays the same; else its successor, which keeps what it read)."""
        self.config = config
        self._watch()
        self._httpd.serve_folder(config.output_path)
        if config != self.builder.config:
            self.builder = self.builder.successor(config)


def serve(
    config: Config,
    config_path: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    poll: bool = False,
    open_browser: bool = False,
    drafts: bool = True,
    verbose: bool = False,
) -> int:
    """The CLI command: run until Ctrl-C. Returns the exit code. Drafts are shown: the
    preview is where a draft is read before it is published."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        console.print(
            f"[yellow]warning:[/yellow] serving on {escape(host)}: the preview is reachable from other "
            "machines; it is meant for local use"
        )
    server = Server(config, config_path, host=host, port=port, poll=poll, drafts=drafts, verbose=verbose)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # `kill` stops as cleanly as Ctrl-C
    try:
        try:
            server.start(on_wait=lambda message: console.print(escape(message)))
        except Busy as exc:
            console.print(f"[red]error:[/red] {escape(str(exc))}")
            return 1
        except OSError as exc:  # the port is taken, or no more inotify watches
            console.print(f"[red]error:[/red] cannot serve on {host}:{port}: {escape(str(exc))}")
            return 1
        console.print(f"Serving {escape(str(server.output_path))} at {server.url} — Ctrl-C to stop")
        if open_browser:
            webbrowser.open(server.url)
        threading.Event().wait()
    except KeyboardInterrupt:
        console.print("Stopping…")
    finally:
        server.stop()
    return 0
