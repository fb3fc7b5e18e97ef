"""Builds: content → extraction (cached) → site model → page plan → output/.

A `Builder` runs these stages again and again for one site, doing only what changed: its
`BuildState` (state.py) remembers, between builds and processes, what each file parsed to,
each extraction and each page's fingerprint (pages.py). The first build of an output
directory, `--clean`, or a change touching most pages renders everything into a staging
directory swapped in at once; any other build re-renders only the pages whose fingerprint
changed and replaces each atomically, deleting pages that no longer exist (write.py). Both
give the same bytes.
"""

from __future__ import annotations

import functools
import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .extract.batch import extract_texts
from .lock import Busy, SiteLock, site_lock
from .model import Article, Entry, Problem, SiteModel
from .pages import PagePlanner, PageSpec, article_page
from .render import Renderer, TemplateProblem
from .site import build_site_model
from .state import BuildState
from .write import UnsafePath, recover, safe_join, update_site, write_site

FULL_REBUILD_SHARE = 0.5  # past this share of pages changed, a staged full build is cheaper
PREVIEW_MAX = 3  # edited articles whose pages may go ahead of the rest (a save, not a checkout)
PAGES_PER_RENDER_PROCESS = 1500  # below this, forking costs more than it saves


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    site: SiteModel | None = None
    articles: int = 0
    pages: int = 0  # pages in the site
    written: int = 0  # pages rendered and written by this build
    removed: int = 0
    parsed: int = 0  # articles that needed a parse (not in the cache)
    full: bool = False  # rendered everything into a fresh directory
    # Stopped before writing (a template, the content directory, the disk): output/ is the last
    # site. A broken article never stops a build: it is left out and reported.
    stopped: bool = False
    previewed: list[str] = field(default_factory=list)  # pages written ahead of the rest (undone if stopped)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def _gc_paused(method):
    """Run a build without Python's cyclic garbage collector. A build allocates millions of
    small objects over a heap of thousands of extractions, and each full collection scans that
    whole heap: at N = 1,000 they were half of a one-article rebuild. Builds make little cyclic
    garbage; what they make is collected after, by the usual thresholds or when serve is idle."""

    @functools.wraps(method)
    def paused(*args, **kwargs):
        enabled = gc.isenabled()
        gc.disable()
        try:
            return method(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused


class Builder:
    """Builds one site again and again, doing only what changed since the last build."""

    def __init__(
        self,
        config: Config,
        *,
        drafts: bool = False,
        output: Path | None = None,
        processes: int | None = None,
        persist: bool = True,
        save_every_build: bool = True,
        command: str = "build",
        on_wait: Callable[[str], None] | None = None,
        lock: SiteLock | None = None,
    ):
        """`lock`: one the caller holds (serve's), used when it is the lock of this output."""
        self.config = config
        self.drafts = drafts
        self.output = (output or config.output_path).absolute()
        self.processes = processes or os.cpu_count() or 1
        # A long-lived builder (serve) saves its state on close() instead of after every build,
        # trusts stat() to tell unchanged files, and trusts output/ as it left it instead of
        # checking every page on disk.
        self.save_every_build = save_every_build
        self.state = BuildState(config, self.output, drafts=drafts, persist=persist, trust_stat=not save_every_build)
        self.lock = site_lock(config, self.output, command, held=lock)  # one writer per output/
        self.on_wait = on_wait
        self._pages = PagePlanner(config)
        self._site: SiteModel | None = None
        self._wrote_output = False  # this builder wrote output/, and nothing else writes there
        self._built: set[str] = set()  # the entries (fingerprints) of the site in output/, when it wrote it

    def successor(self, config: Config) -> Builder:
        """The builder that takes over when the config changes (serve reloads config.yaml).
        This one saves what it knows; the new one starts from the files it read and the
        extractions it holds, and keeps its lock when it writes to the same output/."""
        self.close()
        builder = Builder(
            config,
            drafts=self.drafts,
            processes=self.processes,
            persist=self.state.path is not None,
            save_every_build=self.save_every_build,
            command=self.lock.command,
            on_wait=self.on_wait,
            lock=self.lock,
        )
        builder.state.take_over(self.state)
        return builder

    # -- one build ---------------------------------------------------------------------

    def load_site(self, progress: Callable[[int, int], None] | None = None) -> BuildResult:
        """Read and extract every article into a site model, writing nothing. `progress`:
        called with (articles parsed so far, articles) as uncached articles are parsed."""
        started = time.perf_counter()
        self.state.load()
        result = BuildResult()
        content = self.config.content_path
        if not content.is_dir():
            result.problems.append(Problem(str(content), "content directory not found"))
            result.stopped = True  # an empty site would replace every page
            articles: list[Article] = []
        else:
            processes = self.processes if self._site is None else 1  # a first read parses on every core
            articles, result.problems = self.state.files.read(
                content, self.config.root, self.config.markdown.raw_html, processes
            )
            if not self.drafts:
                articles = [a for a in articles if not a.draft]
        result.timings["read"] = time.perf_counter() - started
        counts = [a.key_points if a.key_points is not None else self.config.key_points for a in articles]
        mark = time.perf_counter()
        extracted = extract_texts(
            [a.text for a in articles],
            self.config.model,
            counts,
            self.state.extractions,
            processes=self.processes,
            progress=progress,
        )
        result.parsed = extracted.parsed
        result.problems += [
            Problem(
                articles[i].source, f"extraction failed ({error}); built without key points, quotes and participants"
            )
            for i, error in extracted.failures.items()
        ]
        result.timings["extract"] = time.perf_counter() - mark
        mark = time.perf_counter()
        result.site = self._site = build_site_model(articles, extracted, self.config)
        result.articles = len(articles)
        result.timings["model"] = time.perf_counter() - mark
        result.seconds = time.perf_counter() - started
        return result

    @_gc_paused
    def build(
        self,
        *,
        clean: bool = False,
        progress: Callable[[int, int], None] | None = None,
        preview: Callable[[list[str]], None] | None = None,
    ) -> BuildResult:
        """Build into the output directory. User errors come back as problems, never raised:
        a broken article is left out and the rest is built; a template error, a missing
        content directory or a failed write stops the build (`stopped`) and leaves output/
        as it was. `preview`: called with the URLs of the pages of the articles this build
        found edited, once they are written, before the rest of the site (see Preview)."""
        started = time.perf_counter()
        try:
            self.lock.acquire(wait=True, on_wait=self.on_wait)
        except Busy as exc:
            return BuildResult(
                problems=[Problem(str(self.output), str(exc))], seconds=time.perf_counter() - started, stopped=True
            )
        try:
            if not self._wrote_output:
                recover(self.output)  # finish or discard what a killed build left
                if self.state.interrupted():
                    clean = True  # output/ may not be what the saved state says
            return self._build(started, clean, progress, preview)
        finally:
            self.lock.release()

    def _build(
        self,
        started: float,
        clean: bool,
        progress: Callable[[int, int], None] | None,
        preview: Callable[[list[str]], None] | None,
    ) -> BuildResult:
        state = self.state
        signature = "" if self._wrote_output else state.input_signature()
        if (
            signature
            and not clean
            and signature == state.last_build().get("signature")
            and state.output_matches(self._wrote_output)
        ):
            return self._unchanged(started)  # nothing read, extracted or rendered
        result = self.load_site(progress)
        if result.stopped:
            result.seconds = time.perf_counter() - started
            return result
        mark = time.perf_counter()
        early: Preview | None = None
        marked = False
        try:
            renderer = self._pages.renderer(result.site)
            edited = [e for e in result.site.entries if e.fingerprint not in self._built]
            if preview is not None and self._built and not clean and 0 < len(edited) <= PREVIEW_MAX:
                marked = state.mark_dirty()  # output/ differs from the saved state from here on
                early = Preview.write(renderer, edited, self.output)
                if early is not None and early.pages:
                    result.previewed = list(early.pages)
                    preview(result.previewed)
                result.timings["preview"] = time.perf_counter() - mark
                mark = time.perf_counter()
            renderer, plan, fingerprints = self._pages.plan(result.site, renderer)
        except OSError as exc:  # a static file deleted or unreadable while the plan read it
            result.problems.append(
                Problem(exc.filename or str(self.config.templates_path), f"cannot read: {exc.strerror or exc}")
            )
            return self._stopped(result, early, marked, started)
        result.pages = len(plan)
        result.timings["plan"] = time.perf_counter() - mark
        mark = time.perf_counter()
        try:
            marked = state.mark_dirty() or marked
            known = None if clean or not state.output_matches(self._wrote_output) else state.fingerprints
            result.written, result.removed, result.full = _write(
                renderer, plan, fingerprints, known, self.output, self.processes, early.pages if early else {}
            )
        except (TemplateProblem, UnsafePath) as exc:  # raised before anything was committed
            result.problems.append(
                exc.problem if isinstance(exc, TemplateProblem) else Problem(str(self.output), str(exc))
            )
            return self._stopped(result, early, marked, started)
        except OSError as exc:  # disk full, no permission, a template file deleted mid-build
            result.problems.append(
                Problem(exc.filename or str(self.output), f"cannot write the site: {exc.strerror or exc}")
            )
            return self._stopped(result, early, False, started)
        state.built(signature, result.site, fingerprints, result.problems)
        self._wrote_output = True
        self._built = {e.fingerprint for e in result.site.entries}
        if self.save_every_build:
            self.close()
        result.timings["render+write"] = time.perf_counter() - mark
        result.seconds = time.perf_counter() - started
        return result

    def _stopped(self, result: BuildResult, early: Preview | None, marked: bool, started: float) -> BuildResult:
        """A build that stops leaves output/ as it was: pages written ahead are put back."""
        result.stopped = True
        undone = True
        if early is not None:
            try:
                early.undo(self.output)
            except (OSError, UnsafePath):
                undone = False  # the dirty mark stays: the next build is a full one
        if marked and undone:
            self.state.unmark_dirty()
        result.seconds = time.perf_counter() - started
        return result

    def _unchanged(self, started: float) -> BuildResult:
        last = self.state.last_build()
        return BuildResult(
            problems=[Problem(**p) for p in last["problems"]],
            articles=last["articles"],
            pages=len(last["pages"]),
            seconds=time.perf_counter() - started,
        )

    # -- between builds ----------------------------------------------------------------

    def warm(self) -> None:
        """Load what the last build knew (pages, articles, extractions) and compile the
        templates ahead of the next build, so that the first edit after `serve` starts is as
        quick as the rest."""
        self.state.load()
        if self._site is None:
            self.load_site()
        if not self._wrote_output and self.state.output_matches(trusted=False):
            self._wrote_output = True
        self._pages.warm(self._site)

    def load_model(self) -> None:
        """Load the spaCy model ahead of need (serve, while idle), so that the first edit of an
        article's text costs one parse rather than a model load."""
        try:
            from .extract import nlp

            nlp.load(self.config.model)
        except Exception:  # noqa: BLE001 - a missing model is reported by the build that needs it
            pass

    def close(self) -> None:
        """Save what the last build knows, so the next process builds incrementally."""
        self.state.save()


class Preview:
    """The pages of the articles an edit changed, rendered from the new site model and written
    ahead of the rest, so that `serve` reloads them first. The plan would render the same
    bytes (the same renderer, entry and template), so the build does not write them again;
    a build that then stops puts the old pages back (`undo`)."""

    def __init__(self, pages: dict[str, bytes], old: dict[str, bytes | None]):
        self.pages = pages  # url → bytes written
        self._old = old  # url → what output/ held there before (None: nothing)

    @classmethod
    def write(cls, renderer: Renderer, entries: list[Entry], output: Path) -> Preview | None:
        """None when a page cannot be rendered: the build itself then reports why."""
        try:
            pages = {e.url: _render(renderer, article_page(e)) for e in entries}
        except TemplateProblem:
            return None
        old = {url: _read(output, url) for url in pages}
        try:
            update_site(pages.items(), [], output)
        except (OSError, UnsafePath):  # perhaps partly written: undone if the build stops, else rewritten
            return cls({}, old)
        return cls(pages, old)

    def undo(self, output: Path) -> None:
        update_site(
            [(url, data) for url, data in self._old.items() if data is not None],
            [url for url, data in self._old.items() if data is None],
            output,
        )


def _read(output: Path, url: str) -> bytes | None:
    try:
        return safe_join(output, url).read_bytes()
    except FileNotFoundError:
        return None


def _render(renderer: Renderer, page: PageSpec) -> bytes:
    if page.template is None:
        return page.data or b""
    return renderer.render(page.template, page.url, **page.context)


def _write(
    renderer: Renderer,
    plan: list[PageSpec],
    fingerprints: dict[str, str],
    known: dict[str, str] | None,
    output: Path,
    processes: int,
    written: dict[str, bytes],
) -> tuple[int, int, bool]:
    """Write the pages whose fingerprint is not the `known` one of the page in output/, and
    delete the pages that are gone; or, without `known` or past FULL_REBUILD_SHARE, every
    page into a fresh output/. `written`: pages already written (a Preview), as the plan
    would render them. Gives (pages written, pages removed, whether in full)."""
    if known is not None:
        dirty = [p for p in plan if known.get(p.url) != fingerprints[p.url]]
        removed = sorted(set(known) - set(fingerprints))
        if len(dirty) <= FULL_REBUILD_SHARE * len(plan):
            rendered = [(p.url, written.get(p.url) or _render(renderer, p)) for p in dirty]  # all or nothing
            update_site([page for page in rendered if page[0] not in written], removed, output)
            return len(rendered), len(removed), False
    return _write_full(renderer, plan, output, processes), 0, True


def _render_all(renderer: Renderer, plan: list[PageSpec]):
    for page in plan:
        yield page.url, _render(renderer, page)


def _write_full(renderer: Renderer, plan: list[PageSpec], output: Path, processes: int) -> int:
    """Render every page into a fresh output/; a big site renders on every core, each worker its share."""
    workers = min(processes, len(plan) // PAGES_PER_RENDER_PROCESS)
    return write_site(lambda k, n: _render_all(renderer, plan[k::n]), output, workers)


# -- one-shot helpers for commands and tests ----------------------------------------------


def load_site(
    config: Config,
    *,
    drafts: bool = False,
    processes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    return Builder(config, drafts=drafts, processes=processes, persist=False).load_site(progress)


def build(
    config: Config,
    *,
    drafts: bool = False,
    output: Path | None = None,
    clean: bool = False,
    processes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    return Builder(config, drafts=drafts, output=output, processes=processes).build(clean=clean, progress=progress)
