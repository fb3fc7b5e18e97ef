"""What key-point selection adds to the spaCy parse, over the dev articles, in one run.

    .venv/bin/python bench/keypoints_cost.py [GOLD.jsonl]

Parses every article of ../shared/eval/keypoints/dev.jsonl the way the build does
(the clean stage's prepare, then nlp.pipe), then times find_key_points alone on each parsed Doc
(participants and quotes are found beforehand and not counted: they are their own
extractors). Prints one line: selection time / parse time. The target is at most 0.20.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval" / "keypoints" / "dev.jsonl"


def main() -> int:
    from briefings.config import DEFAULT_MODEL
    from briefings.extract import nlp as nlp_module
    from briefings.extract import prepare
    from briefings.extract.keypoints import find_key_points
    from briefings.extract.participants import find_participants
    from briefings.extract.quotes import find_quotes

    gold = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    texts = [prepare(json.loads(line)["text"]) for line in gold.open(encoding="utf-8") if line.strip()]
    nlp = nlp_module.load(DEFAULT_MODEL)
    list(nlp.pipe(texts[:2]))  # warm up

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - started

    inputs = []
    for doc in docs:
        participants = find_participants(doc)
        inputs.append((doc, participants, find_quotes(doc, participants)))
    started = time.perf_counter()
    for doc, participants, quotes in inputs:
        find_key_points(doc, participants, 3, quotes)
    select = time.perf_counter() - started

    print(
        f"keypoints cost: selection {select:.2f}s / parse {parse:.2f}s = {select / parse:.3f} "
        f"over {len(docs)} articles (target <= 0.20)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
