"""Write pages into a fresh directory beside output/ and swap it into place.

The one writer of output/, for both kinds of build. A full build (`write_site`) writes
every page into a staging directory, on every core for a big site, and swaps it in at
once: readers (a browser, `briefings serve`, rsync) never see a half-written site, and
pages of deleted articles disappear with the old directory. An incremental build
(`update_site`) stages only its changed pages and commits them through a journal: a build
killed at any moment leaves the old site, or a journal that the next build finishes (`recover`).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import json
import os
import posixpath
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from .cores import fan_out

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class UnsafePath(ValueError):
    pass


def safe_join(root: Path, relative: str) -> Path:
    """root/relative, refusing anything that would land outside root."""
    normal = posixpath.normpath(relative)
    if normal.startswith(("/", "../")) or normal in ("..", ".") or "\\" in relative or "\0" in relative:
        raise UnsafePath(f"refusing to write outside the output directory: {relative!r}")
    return root / normal


def write_site(shares: Callable[[int, int], Iterable[tuple[str, bytes]]], output: Path, workers: int = 1) -> int:
    """Write every page into a staging directory, then swap it with `output`. Returns the count.
    `shares(k, n)` gives the k-th of n shares of the pages: with several workers each writes
    one share in a forked process (rendering a big site on every core), else one share is all."""
    workers = max(1, workers)
    staging = make_staging(output)
    try:
        write_share = partial(_write_share, shares, staging, workers)
        count = sum(fan_out(write_share, range(workers), workers, setup=_collect_own_garbage))
        swap_into_place(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _write_share(shares: Callable[[int, int], Iterable[tuple[str, bytes]]], staging: Path, workers: int, k: int) -> int:
    return write_pages(shares(k, workers), staging)


def _collect_own_garbage() -> None:
    """In a worker: collect the garbage that rendering makes, even when the build that forked
    it paused the collector; what the worker inherited is never garbage, so it is frozen."""
    gc.freeze()
    gc.enable()


def make_staging(output: Path) -> Path:
    """A fresh directory beside output/, on the same file system so the swap is a rename."""
    output = output.absolute()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    os.chmod(staging, 0o755)
    return staging


def write_pages(pages: Iterable[tuple[str, bytes]], root: Path) -> int:
    """Write pages under a fresh root. Thousands of small files: os.open/os.write and one
    mkdir per folder cost a third of Path.write_bytes and a mkdir per page."""
    count = 0
    made: set[Path] = set()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
    for relative, data in pages:
        path = safe_join(root, relative)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        fd = os.open(path, flags, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        count += 1
    return count


def atomic_write(path: Path, data: bytes, prefix: str = ".tmp-") -> None:
    """Write a file whole or not at all: a temp file beside it, renamed over it. A crash
    mid-write leaves the old file (or none), never a torn one."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix)
    except FileNotFoundError:  # the folder first (not on every call: a thousand cache entries)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def journal_path(output: Path) -> Path:
    output = output.absolute()
    return output.parent / f".{output.name}.journal"


def update_site(pages: Iterable[tuple[str, bytes]], removed: Iterable[str], output: Path) -> None:
    """Replace changed pages and delete those that are gone, as one commit: every page is
    written whole into a staging directory first, then a journal naming every change is
    written (atomically), then the changes are applied by renames. Killed before the
    journal exists, output/ is the old site; after, `recover` finishes the commit. Cheap
    for a one-article edit: only the changed pages are written, nothing is copied."""
    output = output.absolute()
    staging = make_staging(output)
    try:
        pages = list(pages)
        write_pages(pages, staging)
        journal = {
            "staging": staging.name,
            "pages": [relative for relative, _ in pages],
            "removed": [relative for relative in removed],
        }
        for relative in journal["removed"]:
            safe_join(output, relative)  # refuse before anything is committed
        atomic_write(journal_path(output), json.dumps(journal).encode("utf-8"), prefix=f".{output.name}.new-journal-")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    recover(output)


def recover(output: Path) -> bool:
    """Finish a commit that a killed build left half done, then remove what killed builds
    left beside output/ (staging directories, old sites, temp files). Idempotent: a
    staged page is moved once, so running it again after a crash is safe. True when a
    journal was applied."""
    output = output.absolute()
    path = journal_path(output)
    applied = False
    try:
        journal = json.loads(path.read_bytes())
        staging = output.parent / journal["staging"]
        pages, removed = list(journal["pages"]), list(journal["removed"])
    except FileNotFoundError:
        journal = None
    except (OSError, ValueError, KeyError, TypeError):
        journal = None  # atomic_write never leaves a torn journal; a foreign file is not ours to apply
    if journal is not None and staging.is_dir():
        made: set[Path] = set()
        for relative in pages:
            source, target = safe_join(staging, relative), safe_join(output, relative)
            if not source.exists():
                continue  # moved before the crash
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(source, target)
        _remove_pages(removed, output)
        applied = True
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    remove_stale(output)
    return applied


def remove_stale(output: Path) -> None:
    """Staging directories, old sites and temp files of builds that were killed."""
    output = output.absolute()
    if not output.parent.is_dir():
        return
    for entry in os.scandir(output.parent):
        if entry.name.startswith((f".{output.name}.new-", f".{output.name}.old-")):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)  # a journal that atomic_write never renamed


STALE_TEMP_SECONDS = 3600  # a live writer's temp file exists for milliseconds


def remove_stale_temp(folder: Path, prefix: str = ".tmp-") -> None:
    """Temp files that a killed atomic_write left in `folder` (only old ones: another
    process may be writing here right now)."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if (
                entry.name.startswith(prefix)
                and entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < cutoff
            ):
                os.unlink(entry.path)
        except OSError:
            pass


def _remove_pages(removed: Iterable[str], output: Path) -> None:
    folders = set()
    for relative in removed:
        path = safe_join(output, relative)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        folders.add(path.parent)
    for folder in sorted(folders, key=lambda p: -len(p.parts)):
        while folder != output and folder.is_relative_to(output):
            try:
                folder.rmdir()  # only when empty, as a clean build would leave it
            except OSError:
                break
            folder = folder.parent


def swap_into_place(staging: Path, output: Path) -> None:
    if output.is_dir() and not output.is_symlink() and _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
        return
    # No atomic exchange here (not Linux, or output/ is new): two renames, a moment apart.
    old = None
    if output.exists() or output.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
        os.rmdir(old)
        os.rename(output, old)
    os.rename(staging, output)
    if old is not None:
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink()


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories with Linux renameat2(RENAME_EXCHANGE)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
