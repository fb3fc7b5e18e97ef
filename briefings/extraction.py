"""Run extraction over many articles: cached results first, then one parse per uncached text.

With several processes each worker loads the model once and returns finished
extractions (small) rather than Docs (large), so the parent never parses, never loads
spaCy, and the cost of a cold build stays close to the parse itself.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence

from .cache import ExtractionCache, cache_key
from .extract import extract_doc
from .model import Extraction

# Below this many texts per process a worker costs more (model load) than it saves.
MIN_TEXTS_PER_PROCESS = 24
CHUNK = 32  # texts per task sent to a worker
BATCH_SIZE = 8  # docs per nlp.pipe batch: 32 runs ~10% faster but doubles a worker's peak memory
BATCH_CHARS = 40_000  # ...and at most about this many characters in one batch


def extract_texts(
    texts: Sequence[str],
    model: str,
    key_points: Sequence[int],
    cache: ExtractionCache,
    processes: int = 1,
    progress: Callable[[int], None] | None = None,
    memo: dict[str, Extraction] | None = None,
    failures: dict[int, str] | None = None,
    data: dict[str, dict] | None = None,
) -> list[tuple[str, Extraction]]:
    """(cache key, extraction) for each text, in order; only uncached texts are parsed.
    `memo` is an in-memory layer over the cache, kept by long-running callers (serve);
    `data` receives each new extraction as a dict (Extraction.to_dict), made once.
    A text the extractor fails on gets an empty extraction (never cached) and its index
    and error in `failures`: a bug in one rule costs one article, not the build."""
    # Texts come cleaned (content → clean → extract); the key covers the clean stage's code too.
    keys = [cache_key(text, model, count) for text, count in zip(texts, key_points)]
    memo = {} if memo is None else memo
    results: list[Extraction | None] = []
    for key in keys:
        found = memo.get(key) or cache.get(key)
        if found is not None:
            memo[key] = found
        results.append(found)
    todo = [i for i, result in enumerate(results) if result is None]
    if todo:
        jobs = [(i, texts[i], key_points[i]) for i in todo]
        for i, found in _run(jobs, model, processes):
            if isinstance(found, str):
                if failures is not None:
                    failures[i] = found
                keys[i] = "failed-" + keys[i]  # never found again: the next build retries and reports it
                results[i] = Extraction()
            else:
                extraction = Extraction.from_dict(found)
                cache.put(keys[i], extraction, found)
                memo[keys[i]] = extraction
                if data is not None:
                    data[keys[i]] = found
                results[i] = extraction
            if progress:
                progress(1)
    return list(zip(keys, results))  # type: ignore[arg-type]


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
        chunks.append(jobs[start:start + size])
        start += size
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers, initializer=_load_model, initargs=(model,)) as pool:
        for chunk in pool.imap(_worker_chunk, chunks):
            yield from chunk


def _extract_chunk(jobs: list[tuple[int, str, int]], model: str) -> Iterator[tuple[int, dict | str]]:
    from .extract import nlp as nlp_module  # spaCy is loaded only when something needs parsing

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


_MODEL: str | None = None


def _load_model(model: str) -> None:
    global _MODEL
    from .extract import nlp as nlp_module

    nlp_module.load(model)
    _MODEL = model


def _worker_chunk(jobs: list[tuple[int, str, int]]) -> list[tuple[int, dict | str]]:
    assert _MODEL is not None
    return list(_extract_chunk(jobs, _MODEL))
