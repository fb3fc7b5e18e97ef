"""Builds: content → extraction (cached) → site model → page plan → output/.

A `Builder` remembers, between builds, what each file parsed to and each page's
fingerprint (pages.py). The first build of an output directory, `--clean`, or a change
touching most pages renders everything into a staging directory swapped in at once; any
other build re-renders only the pages whose fingerprint changed and replaces each
atomically, deleting pages that no longer exist. Both give the same bytes. The state is
saved in the cache directory, so a warm `briefings build` is incremental too.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from . import pages as page_plan
from .cache import ExtractionCache, extractor_version, model_version
from .config import Config
from .content import Parsed, display_path, find_articles, load_articles, parse_many
from .extraction import extract_texts
from .model import Article, Extraction, Problem, SiteModel, article_from_dict, article_to_dict
from .render import Renderer, TemplateProblem, make_environment, template_dirs, template_hashes
from .site import build_site_model
from .lock import Busy, SiteLock
from .write import (UnsafePath, atomic_write, make_staging, recover, remove_stale_temp, swap_into_place, update_site,
                    write_pages, write_site)

STATE_VERSION = 1
FULL_REBUILD_SHARE = 0.5  # past this share of pages changed, a staged full build is cheaper
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

    def __init__(self, config: Config, *, drafts: bool = False, output: Path | None = None,
                 processes: int | None = None, persist: bool = True, save_every_build: bool = True,
                 command: str = "build", on_wait: Callable[[str], None] | None = None,
                 lock: SiteLock | None = None):
        self.config = config
        self.drafts = drafts
        self.output = (output or config.output_path).absolute()
        self.processes = processes or os.cpu_count() or 1
        self.parsed_files: dict[str, Parsed] = {}  # file checksum → article or problem
        self.extractions: dict[str, Extraction] = {}  # extraction key → extraction
        self.fingerprints: dict[str, str] = {}  # page url → fingerprint in output/
        self._site: SiteModel | None = None
        self._extraction_data: dict[str, dict] = {}  # extractions as stored, so saving skips asdict
        self._saved: tuple | None = None  # (files, extraction keys, fingerprints) as on disk
        self._signature: dict | None = None  # the last build's input signature and summary
        # A long-lived builder (serve) saves its state on close() instead of after every build,
        # and trusts output/ as it left it instead of checking every page on disk.
        self.save_every_build = save_every_build
        self._wrote_output = False
        self._pending: tuple[str, BuildResult] | None = None
        self._stats: dict[str, tuple[tuple, str]] = {}
        self.state_path = config.cache_path / f"build-{_path_key(self.output)}.json" if persist else None
        # While output/ may differ from what the saved state describes (a build between
        # writing pages and saving its state, or a serve session), this marker exists: a
        # build that finds it (the last one was killed) builds in full.
        self._dirty_path = self.state_path.with_suffix(".dirty") if self.state_path else None
        self._loaded = False
        self._env = None
        self._search_records: dict = {}  # the search index's records as JSON, by what they show
        self._page_inputs: dict = {}  # each page's inputs and fingerprint in the last plan
        self.lock = lock or site_lock(config, self.output, command)  # one writer per output/
        self.on_wait = on_wait

    # -- one build ---------------------------------------------------------------------

    def load_site(self, progress: Callable[[int, int], None] | None = None) -> BuildResult:
        """Read and extract every article into a site model, writing nothing."""
        started = time.perf_counter()
        self._load_state()
        result = BuildResult()
        content = self.config.content_path
        if not content.is_dir():
            result.problems.append(Problem(str(content), "content directory not found"))
            articles: list[Article] = []
        else:
            fresh: dict[str, Parsed] = {}
            if not self._site:  # a first read: parse what the memo lacks on every core
                paths = [(path, display_path(path, self.config.root)) for path in find_articles(content)]
                parse_many(paths, self.parsed_files, self.processes, self.config.markdown.raw_html)
            stats = self._stats if not self.save_every_build else None  # long-lived: trust stat()
            articles, result.problems = load_articles(content, self.config.root, self.parsed_files, fresh, stats,
                                                      self.config.markdown.raw_html)
            self.parsed_files = fresh
            if not self.drafts:
                articles = [a for a in articles if not a.draft]
        result.timings["read"] = time.perf_counter() - started
        counts = [a.key_points if a.key_points is not None else self.config.key_points for a in articles]

        def step(n: int) -> None:
            result.parsed += n
            if progress:
                progress(result.parsed, len(articles))

        mark = time.perf_counter()
        failures: dict[int, str] = {}
        extracted = extract_texts([a.text for a in articles], self.config.model, counts,
                                  ExtractionCache(self.config.cache_path), processes=self.processes,
                                  progress=step, memo=self.extractions, failures=failures,
                                  data=self._extraction_data)
        result.problems += [Problem(articles[i].source, f"extraction failed ({message}); built without key points, "
                                                        "quotes and participants") for i, message in failures.items()]
        result.timings["extract"] = time.perf_counter() - mark
        mark = time.perf_counter()
        result.site = self._site = build_site_model(articles, extracted, self.config)
        result.articles = len(articles)
        result.timings["model"] = time.perf_counter() - mark
        result.seconds = time.perf_counter() - started
        return result

    @_gc_paused
    def build(self, *, clean: bool = False, write_on_errors: bool = True,
              progress: Callable[[int, int], None] | None = None) -> BuildResult:
        """Build into the output directory. User errors come back as problems, never raised;
        a template error leaves output/ as it was. With write_on_errors=False (serve), a
        build with any error writes nothing, so the last good site stays."""
        started = time.perf_counter()
        try:
            self.lock.acquire(wait=True, on_wait=self.on_wait)
        except Busy as exc:
            return BuildResult(problems=[Problem(str(self.output), str(exc))], seconds=time.perf_counter() - started)
        try:
            if not self._wrote_output:
                recover(self.output)  # finish or discard what a killed build left
                if self._dirty_path is not None and self._dirty_path.exists():
                    clean = True  # output/ may not be what the saved state says
            return self._build(started, clean, write_on_errors, progress)
        finally:
            self.lock.release()

    def _build(self, started: float, clean: bool, write_on_errors: bool,
               progress: Callable[[int, int], None] | None) -> BuildResult:
        signature = "" if self._wrote_output else self._input_signature()
        if signature and not clean and signature == self._load_signature().get("signature") \
                and self._output_matches_state():
            return self._unchanged(started)  # nothing read, extracted or rendered
        result = self.load_site(progress)
        if result.errors and not write_on_errors:
            result.seconds = time.perf_counter() - started
            return result
        mark = time.perf_counter()
        try:
            renderer, plan, fingerprints = self._plan(result.site)
        except OSError as exc:  # a static file deleted or unreadable while the plan read it
            result.problems.append(Problem(exc.filename or str(self.config.templates_path),
                                           f"cannot read: {exc.strerror or exc}"))
            result.seconds = time.perf_counter() - started
            return result
        result.pages = len(plan)
        result.timings["plan"] = time.perf_counter() - mark
        mark = time.perf_counter()
        marked = False
        try:
            if self._dirty_path is not None and not self._dirty_path.exists():
                self._dirty_path.parent.mkdir(parents=True, exist_ok=True)
                self._dirty_path.touch()
                marked = True
            if clean or not self._output_matches_state():
                result.written = _write_full(renderer, plan, self.output, self.processes)
                result.full = True
            else:
                dirty = [p for p in plan if self.fingerprints.get(p.url) != fingerprints[p.url]]
                removed = sorted(set(self.fingerprints) - set(fingerprints))
                if len(dirty) > FULL_REBUILD_SHARE * len(plan):
                    result.written = _write_full(renderer, plan, self.output, self.processes)
                    result.full = True
                else:
                    rendered = [(p.url, _render(renderer, p)) for p in dirty]  # all or nothing
                    update_site(rendered, removed, self.output)
                    result.written, result.removed = len(rendered), len(removed)
        except (TemplateProblem, UnsafePath) as exc:  # raised before anything was committed
            result.problems.append(exc.problem if isinstance(exc, TemplateProblem)
                                   else Problem(str(self.output), str(exc)))
            if marked:
                self._dirty_path.unlink(missing_ok=True)
        except OSError as exc:  # disk full, no permission, a template file deleted mid-build
            result.problems.append(Problem(exc.filename or str(self.output), f"cannot write the site: "
                                                                               f"{exc.strerror or exc}"))
        else:
            self.fingerprints = fingerprints
            self._wrote_output = True
            self._pending = (signature, result)
            if self.save_every_build:
                self.close()
        result.timings["render+write"] = time.perf_counter() - mark
        result.seconds = time.perf_counter() - started
        return result

    def _plan(self, site: SiteModel) -> tuple[Renderer, list[page_plan.PageSpec], dict[str, str]]:
        """Every page of the site and its fingerprint."""
        env = self._environment()
        renderer = Renderer(site, self.config, env, self._search_records)
        plan = page_plan.plan(site, renderer.entry_link_targets, renderer.static_files())
        hashes = template_hashes(env, {p.template for p in plan if p.template})
        return renderer, plan, page_plan.fingerprints(plan, hashes, _config_hash(self.config), self._page_inputs)

    # -- state between runs ------------------------------------------------------------

    def _input_signature(self) -> str:
        """Everything a build reads: article files, templates, config, extractor and model.
        Equal signatures and an intact output/ mean there is nothing to do."""
        digest = hashlib.sha256()
        for part in (_config_hash(self.config), str(self.drafts), extractor_version(), self.config.model,
                     model_version(self.config.model)):
            digest.update(part.encode() + b"\0")
        folders = [self.config.content_path] + template_dirs(self.config)
        for folder in folders:
            paths = find_articles(folder) if folder == self.config.content_path else \
                sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
            for path in paths:
                try:
                    data = path.read_bytes()
                except OSError:
                    data = b"\0unreadable"
                digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
        return digest.hexdigest()

    def _signature_path(self) -> Path | None:
        return self.state_path.with_suffix(".sig.json") if self.state_path else None

    def _load_signature(self) -> dict:
        if self._signature is None:
            self._signature = {}
            path = self._signature_path()
            try:
                if path is not None:
                    self._signature = json.loads(path.read_text(encoding="utf-8"))
                    if not self.fingerprints:
                        self.fingerprints = dict.fromkeys(self._signature["pages"], "")
            except (OSError, ValueError, KeyError, TypeError):
                self._signature = {}
        return self._signature

    def _save_signature(self, signature: str, result: BuildResult) -> None:
        self._signature = {"signature": signature, "articles": result.articles, "pages": sorted(self.fingerprints),
                           "problems": [_problem_dict(p) for p in result.problems]}
        path = self._signature_path()
        if path is not None:
            atomic_write(path, json.dumps(self._signature, ensure_ascii=False).encode("utf-8"))

    def _unchanged(self, started: float) -> BuildResult:
        saved = self._load_signature()
        return BuildResult(problems=[Problem(**p) for p in saved["problems"]], articles=saved["articles"],
                           pages=len(saved["pages"]), seconds=time.perf_counter() - started)

    def _environment(self):
        """The Jinja environment, kept between builds: Jinja recompiles only changed templates.
        A new one when the template files themselves come or go: Jinja notices a changed
        file, but not a new one in a site's templates/ that now hides the theme's."""
        dirs = template_dirs(self.config)  # a site's templates/ may appear while serving
        files = (dirs, [sorted(os.path.relpath(os.path.join(folder, name), d) for folder, _, names in os.walk(d)
                               for name in names) for d in dirs])
        if self._env is None or self._env[0] != files:
            self._env = (files, make_environment(self.config))
        return self._env[1]

    def warm(self) -> None:
        """Load what the last build knew (pages, articles, extractions) ahead of the next
        build, so that the first edit after `serve` starts is as quick as the rest."""
        self._load_state()
        if self._site is None:
            self.load_site()
        if not self._wrote_output and self._output_matches_state():
            self._wrote_output = True
        env = self._environment()
        names = env.list_templates(filter_func=lambda n: not n.startswith("static/"))
        for name in names:
            try:
                env.get_template(name)  # compiled now, not on the first edit
            except (TemplateError, OSError, UnicodeDecodeError):
                pass  # reported by the build that uses it
        template_hashes(env, set(names))  # and what each includes, parsed once
        if self._site is not None and not (self._page_inputs and self._search_records):
            # Fill the memos an edit's build reads (each page's inputs and fingerprint, the
            # search index's records), so it hashes and serialises only what it changes.
            with contextlib.suppress(OSError, TemplateError):
                renderer = self._plan(self._site)[0]
                renderer.search_index()

    def close(self) -> None:
        """Save what the last build knows, so the next process builds incrementally."""
        if self._pending is None:
            return
        signature, result = self._pending
        self._pending = None
        self._save_state()
        self._save_signature(signature or self._input_signature(), result)
        if self._dirty_path is not None:
            self._dirty_path.unlink(missing_ok=True)  # state and output/ agree again
            remove_stale_temp(self._dirty_path.parent)  # state files a killed build was writing

    def _output_matches_state(self) -> bool:
        """Incremental only when output/ is what the last build left: every page there."""
        if not self.fingerprints or not self.output.is_dir():
            return False
        if self._wrote_output:
            return True  # this builder wrote it, and nothing else writes there
        return all(os.path.isfile(self.output / url) for url in self.fingerprints)

    def _load_state(self) -> None:
        if self._loaded or self.state_path is None:
            self._loaded = True
            return
        self._loaded = True
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
            if state.get("version") != STATE_VERSION or state.get("output") != str(self.output):
                return
            files = {}
            for checksum, item in state["files"].items():
                if "problem" in item:
                    files[checksum] = Problem(**item["problem"])
                else:
                    files[checksum] = (article_from_dict(item["article"]), [Problem(**w) for w in item["warnings"]])
            self.extractions = {key: Extraction.from_dict(data) for key, data in state["extractions"].items()}
            self._extraction_data = dict(state["extractions"])
            self.parsed_files, self.fingerprints = files, dict(state["pages"])
            self._saved = (set(files), set(self._extraction_data), dict(self.fingerprints))
        except (OSError, ValueError, KeyError, TypeError):
            self.parsed_files, self.fingerprints = {}, {}  # missing or damaged: build in full

    def _save_state(self) -> None:
        if self.state_path is None or not self._site:
            return
        keys = [e.fingerprint.split(":", 1)[1] for e in self._site.entries]
        if self._saved == (set(self.parsed_files), set(keys), self.fingerprints):
            return  # nothing changed since the state on disk: skip a multi-megabyte write
        for key, entry in zip(keys, self._site.entries):
            if key not in self._extraction_data:
                self._extraction_data[key] = entry.extraction.to_dict()
        # Only this build's extractions: those of deleted or edited articles drop out here
        # (they stay in the extraction cache itself).
        extractions = {key: self._extraction_data[key] for key in keys}
        self._extraction_data = extractions
        files = {}
        for checksum, parsed in self.parsed_files.items():
            if isinstance(parsed, Problem):
                files[checksum] = {"problem": _problem_dict(parsed)}
            else:
                files[checksum] = {"article": article_to_dict(parsed[0]),
                                   "warnings": [_problem_dict(w) for w in parsed[1]]}
        state = {"version": STATE_VERSION, "output": str(self.output), "files": files, "pages": self.fingerprints,
                 "extractions": extractions}
        atomic_write(self.state_path, json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        self._saved = (set(self.parsed_files), set(extractions), dict(self.fingerprints))


def _render(renderer: Renderer, page: page_plan.PageSpec) -> bytes:
    if page.template is None:
        return page.data or b""
    return renderer.render(page.template, page.url, **page.context)


def _render_all(renderer: Renderer, plan: list[page_plan.PageSpec]):
    for page in plan:
        yield page.url, _render(renderer, page)


def _write_full(renderer: Renderer, plan: list[page_plan.PageSpec], output: Path, processes: int) -> int:
    """Render every page into a staging directory and swap it in. Big sites render on every
    core: forked children share the site model and templates, each writes its share."""
    workers = min(processes, len(plan) // PAGES_PER_RENDER_PROCESS)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return write_site(_render_all(renderer, plan), output)
    staging = make_staging(output)
    try:
        context = multiprocessing.get_context("fork")
        results = context.SimpleQueue()
        children = [context.Process(target=_render_share, args=(renderer, plan[k::workers], staging, results))
                    for k in range(workers)]
        for child in children:
            child.start()
        outcomes = [results.get() for _ in children]
        for child in children:
            child.join()
        for outcome in outcomes:
            if isinstance(outcome, Problem):
                raise TemplateProblem(outcome)
            if isinstance(outcome, str):
                raise UnsafePath(outcome)
        swap_into_place(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(plan)


def _render_share(renderer: Renderer, share: list[page_plan.PageSpec], staging: Path, results) -> None:
    """In a forked child: render and write a share of the pages; report how it went."""
    gc.freeze()  # the inherited site model is never garbage here: collect only what rendering makes
    gc.enable()
    try:
        write_pages(_render_all(renderer, share), staging)
        results.put(len(share))
    except TemplateProblem as exc:
        results.put(exc.problem)
    except UnsafePath as exc:
        results.put(str(exc))
    except BaseException as exc:  # never leave the parent waiting
        results.put(Problem(str(staging), f"rendering failed: {exc!r}"))


def site_lock(config: Config, output: Path | None = None, command: str = "build") -> SiteLock:
    """The lock that `build` and `serve` take on one output directory."""
    output = (output or config.output_path).absolute()
    return SiteLock(config.cache_path / f"build-{_path_key(output)}.lock", command)


def _problem_dict(problem: Problem) -> dict:
    return {"path": problem.path, "message": problem.message, "line": problem.line, "severity": problem.severity}


def _config_hash(config: Config) -> str:
    # Email and fetch settings and where things live do not change any page.
    data = config.model_dump(mode="json", exclude={"email", "root", "cache_dir", "content_dir", "output_dir",
                                                   "feeds", "fetch"})
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _path_key(path: Path) -> str:
    return hashlib.sha256(str(path).encode("utf-8", "surrogateescape")).hexdigest()[:12]


# -- one-shot helpers for commands and tests ----------------------------------------------

def load_site(config: Config, *, drafts: bool = False, processes: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> BuildResult:
    return Builder(config, drafts=drafts, processes=processes, persist=False).load_site(progress)


def build(config: Config, *, drafts: bool = False, output: Path | None = None, clean: bool = False,
          processes: int | None = None, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    return Builder(config, drafts=drafts, output=output, processes=processes).build(clean=clean, progress=progress)
