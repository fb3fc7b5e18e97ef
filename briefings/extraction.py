"""Run extraction over many articles: cached results first, one nlp.pipe pass for the rest."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from .cache import ExtractionCache, cache_key
from .extract import extract_doc, prepare
from .model import Extraction

# Below this many texts a second process costs more (model load) than it saves.
MIN_TEXTS_PER_PROCESS = 40


def extract_texts(
    texts: Sequence[str],
    model: str,
    key_points: Sequence[int],
    cache: ExtractionCache,
    processes: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Extractions for `texts`, in order; only uncached ones are parsed."""
    prepared = [prepare(text) for text in texts]
    keys = [cache_key(text, model, count) for text, count in zip(prepared, key_points)]
    results: list[Extraction | None] = [cache.get(key) for key in keys]
    todo = [i for i, result in enumerate(results) if result is None]
    if todo:
        from .extract import nlp as nlp_module  # spaCy is loaded only when something needs parsing

        nlp = nlp_module.load(model)
        n_process = max(1, min(processes, len(todo) // MIN_TEXTS_PER_PROCESS))
        docs = nlp.pipe((prepared[i] for i in todo), batch_size=16, n_process=n_process)
        for i, doc in zip(todo, docs):
            extraction = extract_doc(doc, key_points[i])
            cache.put(keys[i], extraction)
            results[i] = extraction
            if progress:
                progress(1)
    return results  # type: ignore[return-value]
