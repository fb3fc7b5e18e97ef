"""Parsed quote corpora, cached on disk, so that tuning quote rules never re-parses 900 articles.

    python bench/quotes_corpus.py ../shared/eval/quotes/train.jsonl [...]   # parse and cache

Each article goes through what `briefings extract` does to a .txt file (read_article, which runs
the clean stage) and the configured model; the Docs are kept as a spaCy DocBin in
$BRIEFINGS_BENCH_CACHE (default /tmp/briefings-quotes-cache), one file per corpus, model and
version of extract/nlp.py (the sentence hints), keyed by each cleaned text's hash, so an edit to
the cleaning re-parses only the articles it changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CACHE = Path(os.environ.get("BRIEFINGS_BENCH_CACHE", "/tmp/briefings-quotes-cache"))


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def extracted_text(item: dict) -> str:
    """The text the extractor parses for this article, as `briefings extract` reads a .txt file
    (reading runs the clean stage)."""
    from briefings.content import read_article

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{item['id']}.txt"
        path.open("w", encoding="utf-8", newline="").write(item["text"])
        article, _ = read_article(path, path.name, "sanitize")
    return article.text


def load_docs(path: Path, model: str | None = None) -> list[tuple[dict, object]]:
    """(gold item, parsed Doc) for each article of a jsonl corpus, parsing only what the cache lacks."""
    from spacy.tokens import DocBin

    from briefings.config import DEFAULT_MODEL
    from briefings.extract import nlp as nlp_module

    model = model or DEFAULT_MODEL
    items = read_gold(path)
    texts = [extracted_text(item) for item in items]
    keys = [hashlib.sha256(t.encode("utf-8")).hexdigest()[:20] for t in texts]
    CACHE.mkdir(parents=True, exist_ok=True)
    # the parse depends on the model and on our sentence hints (extract/nlp.py)
    hints = hashlib.sha256(Path(nlp_module.__file__).read_bytes()).hexdigest()[:8]
    store = CACHE / f"{path.parent.name}-{path.stem}-{model}-{hints}.spacy"
    index = store.with_suffix(".json")
    nlp = nlp_module.load(model)
    cached: dict[str, object] = {}
    if store.exists() and index.exists():
        docs = list(DocBin().from_disk(store).get_docs(nlp.vocab))
        cached = dict(zip(json.loads(index.read_text()), docs))
    todo = [i for i, k in enumerate(keys) if k not in cached]
    if todo:
        print(f"parsing {len(todo)} of {len(items)} articles of {path.name}", file=sys.stderr)
        for i, doc in zip(todo, nlp.pipe([texts[i] for i in todo], batch_size=8)):
            cached[keys[i]] = doc
        ordered = [cached[k] for k in keys]
        DocBin(docs=ordered).to_disk(store)
        index.write_text(json.dumps(keys))
    return [(item, cached[k]) for item, k in zip(items, keys)]


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, len(load_docs(Path(name))))
