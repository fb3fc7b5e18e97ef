"""One `briefings fetch` run: article URLs and feeds in, new files in content/ out.

Feeds are read first (their entries become article jobs); then every article is fetched,
a few at a time and one at a time per host (download.py), read (webpage/reader.py) and
stored unless content/ already has it (store.py). A job that fails is reported as `URL: reason` and the
others go on; an entry whose page fails falls back to the text the feed carries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..webpage.reader import PageError, WebArticle, fragment_page, read_page
from .download import FEED_TYPES, Fetcher, FetchError, check_url
from .feeds import Entry, FeedError, read_feed, select
from .store import Store


@dataclass
class Outcome:
    """What became of one URL."""

    url: str
    status: str  # "written", "skipped" or "failed"
    detail: str = ""  # the file, or the reason
    note: str = ""  # e.g. that the feed's text was used

    def __str__(self) -> str:
        if self.status == "failed":
            return f"{self.url}: {self.detail}"
        verb = "wrote" if self.status == "written" else "skipped (already in"
        tail = ")" if self.status == "skipped" else ""
        note = f" ({self.note})" if self.note else ""
        return f"{self.url}: {verb} {self.detail}{tail}{note}"


@dataclass
class Job:
    url: str
    entry: Entry | None = None  # the feed entry it came from: the fallback


@dataclass
class Run:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


Progress = Callable[[int, int], None]  # (done, total)


def harvest(
    urls: list[str],
    feeds: list[str],
    content_dir: Path,
    cache_dir: Path | None = None,
    *,
    since: dt.date | None = None,
    limit: int | None = None,
    timeout: float = 20.0,
    robots: bool = True,
    workers: int = 4,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
) -> Run:
    """Fetch `urls` and the entries of `feeds` into content_dir; never raises for a bad URL."""
    fetcher = fetcher or Fetcher(timeout=timeout, robots=robots)
    store = Store(content_dir, cache_dir)
    run = Run()
    jobs = [Job(url) for url in dict.fromkeys(urls)]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for result in pool.map(lambda f: _feed_jobs(fetcher, f, since, limit), feeds):
            if isinstance(result, Outcome):
                run.outcomes.append(result)
            else:
                jobs.extend(result)
        jobs = _one_per_url(jobs)
        done, total = 0, len(jobs)
        if progress:
            progress(done, total)
        futures = [pool.submit(_article, fetcher, store, job) for job in jobs]
        for future in as_completed(futures):
            run.outcomes.append(future.result())
            done += 1
            if progress:
                progress(done, total)
    order = {job.url: i for i, job in enumerate(jobs)}
    run.outcomes.sort(key=lambda o: order.get(o.url, -1))  # feeds' failures first, then in the order asked
    return run


def _one_per_url(jobs: list[Job]) -> list[Job]:
    """The first job for each URL: a URL given and listed in a feed is fetched once."""
    seen: set[str] = set()
    return [job for job in jobs if not (job.url in seen or seen.add(job.url))]


def _feed_jobs(fetcher: Fetcher, url: str, since: dt.date | None, limit: int | None) -> list[Job] | Outcome:
    try:
        response = fetcher.get(url, accept=FEED_TYPES)
        entries = read_feed(response.body, response.final_url)
    except (FetchError, FeedError) as exc:
        return Outcome(url, "failed", str(exc))
    return [
        Job(entry.link or _no_link(url, number, entry), entry)
        for number, entry in enumerate(select(entries, since, limit), start=1)
    ]


def _no_link(feed_url: str, number: int, entry: Entry) -> str:
    """A name for an entry without a link, for messages: the feed's URL and the entry's place."""
    return f"{feed_url}#entry-{number}" + (f" ({entry.title})" if entry.title else "")


def _article(fetcher: Fetcher, store: Store, job: Job) -> Outcome:
    """Fetch, read and store one article; every failure becomes an Outcome, never an exception."""
    try:
        if job.entry is not None and not job.entry.link:
            return _from_entry(store, job, "the entry has no link")
        check_url(job.url)
        if already := store.known(job.url):
            return Outcome(job.url, "skipped", already)
        try:
            response = fetcher.get(job.url)
            article = read_page(response.body, response.final_url, hints=_hints(job.entry), charset=response.charset)
        except (FetchError, PageError) as exc:
            if job.entry is not None:
                return _from_entry(store, job, str(exc))
            return Outcome(job.url, "failed", str(exc))
        path, written = store.add(article, job.url)
        return Outcome(job.url, "written" if written else "skipped", path)
    except FetchError as exc:
        return Outcome(job.url, "failed", str(exc))
    except OSError as exc:
        return Outcome(job.url, "failed", f"cannot write to content/: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not lose the others
        return Outcome(job.url, "failed", f"unexpected error ({type(exc).__name__}: {exc})")


def _from_entry(store: Store, job: Job, why: str) -> Outcome:
    """The article from the text the feed carries, when its page could not be had."""
    entry = job.entry
    try:
        article = read_page(fragment_page(entry.content, entry.title), entry.link, hints=_hints(entry))
    except PageError:
        return Outcome(job.url, "failed", f"{why}, and the feed carries no article text")
    path, written = store.add(article, entry.link or job.url)
    return Outcome(job.url, "written" if written else "skipped", path, note=f"{why}; the feed's text was used")


def _hints(entry: Entry | None) -> WebArticle | None:
    if entry is None:
        return None
    return WebArticle(
        body="", title=entry.title, date=entry.date, source=entry.source, url=entry.link, author=entry.author
    )
