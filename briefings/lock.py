"""One writer per output directory: `briefings build` and `briefings serve` take an flock.

A second build waits for the first; a build while `serve` runs (which holds the lock as
long as it lives, since it rebuilds on every change) is refused with a message that
says who holds it. The kernel drops the lock when its holder dies, even by kill -9, so
there is never a stale lock to delete by hand. One SiteLock object is re-entrant (serve
hands its own to its builders); two objects exclude each other even in one process.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config


class Busy(Exception):
    """The site is locked by a holder we do not wait for."""


def holder(path: Path) -> dict:
    """Who holds (or last held) the lock: {"pid": …, "command": …}, or {} if unknown."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8") or "{}")
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def describe(info: dict) -> str:
    command = info.get("command", "another build")
    return f"`briefings {command}` (pid {info['pid']})" if "pid" in info else "another build"


class SiteLock:
    """An exclusive lock on `path` for `command` ("build" or "serve")."""

    def __init__(self, path: Path, command: str):
        self.path, self.command = Path(path), command
        self._fd: int | None = None
        self._depth = 0

    def acquire(self, wait: bool = True, on_wait: Callable[[str], None] | None = None) -> None:
        """Take the lock. A build holder is waited for when `wait`; a serve holder never
        is (it does not finish): raises Busy with a message for the user."""
        if self._depth:
            self._depth += 1
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                info = holder(self.path)
                if not wait or info.get("command") == "serve":
                    raise Busy(
                        f"the site is in use by {describe(info)}; "
                        + (
                            "stop it first (it rebuilds on every change anyway)"
                            if info.get("command") == "serve"
                            else "try again when it has finished"
                        )
                    ) from None
                if on_wait:
                    on_wait(f"waiting for {describe(info)} to finish…")
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": self.command}).encode(), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd, self._depth = fd, 1

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if not self._depth and self._fd is not None:
            os.close(self._fd)  # closing drops the flock; the file stays (deleting it would race a waiter)
            self._fd = None

    def __enter__(self) -> SiteLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def site_lock(
    config: Config, output: Path | None = None, command: str = "build", held: SiteLock | None = None
) -> SiteLock:
    """The lock that `build` and `serve` take on one output directory: `held` (a lock the
    caller already holds, serve's) when it is that lock, else a new one."""
    output = (output or config.output_path).absolute()
    path = config.cache_path / f"build-{output_key(output)}.lock"
    return held if held is not None and held.path == path else SiteLock(path, command)


def output_key(output: Path) -> str:
    """How the cache directory tells output directories apart: their lock and build state."""
    return hashlib.sha256(str(output).encode("utf-8", "surrogateescape")).hexdigest()[:12]
