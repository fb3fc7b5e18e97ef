"""Run extraction over many articles: cached results first, then one parse per uncached text.

With several processes each worker loads the model once and returns finished
extractions (small) rather than Docs (large), so the parent never parses, never loads
spaCy, and the cost of a cold build stays close to the parse itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from ..cache import ExtractionCache, cache_key
from ..cores import fan_out
from ..model import Extraction
from . import extract_doc

# Below this many texts per process a worker costs more (model load) than it saves.
MIN_TEXTS_PER_PROCESS = 24
CHUNK = 32  # texts per task sent to a worker
BATCH_SIZE = 8  # docs per nlp.pipe batch: 32 runs ~10% faster but doubles a worker's peak memory
BATCH_CHARS = 40_000  # ...and at most about this many characters in one batch


@dataclass
class Extracted:
    """What `extract_texts` gives: iterating it yields (cache key, extraction) for each text, in order."""

    pairs: list[tuple[str, Extraction]]
    failures: dict[int, str] = field(default_factory=dict)  # index of a text the extractor failed on → error
    parsed: int = 0  # texts that were not in the cache

    def __iter__(self) -> Iterator[tuple[str, Extraction]]:
        return iter(self.pairs)


def extract_texts(
    texts: Sequence[str],
    model: str,
    key_points: Sequence[int],
    cache: ExtractionCache,
    processes: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Extracted:
    """Each text's extraction, from `cache` when it has it; only the others are parsed, on up
    to `processes` cores, and `progress(parsed so far, len(texts))` is called after each.
    A text the extractor fails on gets an empty extraction (never cached) and its error in
    `failures`: a bug in one rule costs one article, not the build."""
    # Texts come cleaned (content → clean → extract); the key covers the clean stage's code too.
    keys = [cache_key(text, model, count) for text, count in zip(texts, key_points)]
    results: list[Extraction | None] = [cache.get(key) for key in keys]
    todo = [i for i, result in enumerate(results) if result is None]
    extracted = Extracted([])
    if todo:
        jobs = [(i, texts[i], key_points[i]) for i in todo]
        for i, found in _run(jobs, model, processes):
            if isinstance(found, str):
                extracted.failures[i] = found
                keys[i] = "failed-" + keys[i]  # never found again: the next build retries and reports it
                results[i] = Extraction()
            else:
                results[i] = cache.put(keys[i], found)
            extracted.parsed += 1
            if progress:
                progress(extracted.parsed, len(texts))
    extracted.pairs = list(zip(keys, results))  # type: ignore[arg-type]
    return extracted


def _run(jobs: list[tuple[int, str, int]], model: str, processes: int) -> Iterator[tuple[int, dict | str]]:
    """(index, extraction as a dict, or the error) for each job, in any order."""
    workers = max(1, min(processes, len(jobs) // MIN_TEXTS_PER_PROCESS))
    if workers == 1:
        yield from _extract_chunk(jobs, model)
        return
    # Longest texts first and smaller tasks towards the end, so both workers finish together
    # instead of one parsing the last long chunk alone.
    jobs = sorted(jobs, key=lambda job: -len(job[1]))
    chunks, start = [], 0
    while start < len(jobs):
        size = max(4, min(CHUNK, (len(jobs) - start) // (2 * workers)))
        chunks.append(jobs[start : start + size])
        start += size
    # Each worker loads the model once, before its first chunk.
    for chunk in fan_out(partial(_extract_list, model=model), chunks, workers, setup=partial(_load_model, model)):
        yield from chunk


def _extract_chunk(jobs: list[tuple[int, str, int]], model: str) -> Iterator[tuple[int, dict | str]]:
    from . import nlp as nlp_module  # spaCy is loaded only when something needs parsing

    nlp = nlp_module.load(model)
    texts = [text for _, text, _ in jobs]
    # Chunks hold texts of similar length (see _run): a chunk of long texts goes in smaller
    # batches, so a worker's peak memory follows characters in flight, not the longest texts.
    longest = max((len(text) for text in texts), default=1)
    batch = max(1, min(BATCH_SIZE, BATCH_CHARS // max(longest, 1)))
    for (i, _, count), doc in zip(jobs, nlp.pipe(texts, batch_size=batch)):
        try:
            yield i, extract_doc(doc, count).to_dict()
        except Exception as exc:  # noqa: BLE001 - reported per article by the caller
            yield i, f"{type(exc).__name__}: {exc}"


def _extract_list(jobs: list[tuple[int, str, int]], model: str) -> list[tuple[int, dict | str]]:
    return list(_extract_chunk(jobs, model))


def _load_model(model: str) -> None:
    from . import nlp as nlp_module

    nlp_module.load(model)
