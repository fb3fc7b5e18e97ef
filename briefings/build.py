"""One build: content → extraction (cached) → site model → pages → output/."""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import ExtractionCache
from .config import Config
from .content import load_articles
from .extraction import extract_texts
from .model import Article, Problem, SiteModel
from .render import Renderer, TemplateProblem
from .site import build_site_model
from .write import UnsafePath, write_site


@dataclass
class BuildResult:
    problems: list[Problem] = field(default_factory=list)
    site: SiteModel | None = None
    pages: int = 0
    parsed: int = 0  # articles that needed a parse (not in the cache)
    seconds: float = 0.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def load_site_articles(config: Config, drafts: bool = False) -> tuple[list[Article], list[Problem]]:
    content = config.content_path
    if not content.is_dir():
        return [], [Problem(str(content), "content directory not found")]
    articles, problems = load_articles(content, config.root)
    if not drafts:
        articles = [a for a in articles if not a.draft]
    return articles, problems


def load_site(
    config: Config,
    *,
    drafts: bool = False,
    processes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Read and extract every article into a site model, writing nothing. Never raises for
    user errors: they come back as problems, and the articles without one are still in."""
    started = time.perf_counter()
    result = BuildResult()
    articles, result.problems = load_site_articles(config, drafts)
    counts = [a.key_points if a.key_points is not None else config.key_points for a in articles]

    def step(n: int) -> None:
        result.parsed += n
        if progress:
            progress(result.parsed, len(articles))

    extractions = extract_texts([a.text for a in articles], config.model, counts,
                                ExtractionCache(config.cache_path),
                                processes=processes or os.cpu_count() or 1, progress=step)
    result.site = build_site_model(articles, extractions, config)
    result.seconds = time.perf_counter() - started
    return result


def build(config: Config, *, drafts: bool = False, output: Path | None = None,
          processes: int | None = None, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the site into `output` (config.output_path by default). A template error leaves
    the previous output/ in place."""
    started = time.perf_counter()
    result = load_site(config, drafts=drafts, processes=processes, progress=progress)
    target = output or config.output_path
    try:
        result.pages = write_site(Renderer(result.site, config).pages(), target)
    except TemplateProblem as exc:
        result.problems.append(exc.problem)
    except UnsafePath as exc:
        result.problems.append(Problem(str(target), str(exc)))
    result.seconds = time.perf_counter() - started
    return result
