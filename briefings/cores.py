"""The one way work is spread over cores: forked worker processes.

Reading a big site's files, parsing uncached articles and rendering a big site's pages
all fan out through `fan_out`. Workers are forked, so they start with what the parent
holds in memory (the site model, the templates, a loaded model): the work function is
never pickled, only each job and its result cross between processes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fan_out(
    work: Callable[[Job], Result],
    jobs: Iterable[Job],
    workers: int,
    *,
    chunksize: int = 1,
    setup: Callable[[], object] | None = None,
) -> Iterator[Result]:
    """work(job) for each job, in order, computed by `workers` forked processes; `setup`
    runs once in each of them first. With fewer than two workers, or where processes
    cannot fork, the work runs here, one job after the other, without `setup`. An
    exception in a worker is raised here, at its job."""
    if workers < 2 or not can_fork():
        yield from map(work, jobs)
        return
    context = multiprocessing.get_context("fork")
    # A forked worker inherits the initializer's arguments as they are in memory: nothing is pickled.
    with context.Pool(workers, initializer=_become_worker, initargs=(work, setup)) as pool:
        yield from pool.imap(_work, jobs, chunksize)


_WORK: Callable | None = None  # in a worker: what fan_out asked it to do


def _become_worker(work: Callable, setup: Callable[[], object] | None) -> None:
    global _WORK
    _WORK = work
    if setup is not None:
        setup()


def _work(job):
    assert _WORK is not None
    return _WORK(job)
