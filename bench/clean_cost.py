"""What the clean stage costs beside the spaCy parse it saves the build from feeding boilerplate to.

    .venv/bin/python bench/clean_cost.py [--sample 200]

Cleans every text of ../shared/corpus/bbc (2,225 articles, Latin-1 ones skipped) the way the
reader does (clean_text over the whole file), and the same texts with the cleaner it replaced
(extract/boilerplate.clean at 01d2a42, which ran in the extraction workers); then parses a
sample of the cleaned texts with the build's pipeline and scales the parse to all of them.
Prints one line: cleaning time, the old cleaner's, the parse's, and cleaning / parse (the
target is that cleaning adds at most 3% to a cold build, whose largest part is the parse).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpus" / "bbc"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=200, help="texts parsed to time the parse")
    args = parser.parse_args()
    from briefings.clean import clean_text
    from briefings.config import DEFAULT_MODEL
    from briefings.extract import nlp as nlp_module

    from score_boilerplate import original_modules

    texts = []
    for path in sorted(BBC.rglob("[0-9]*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    old_clean = original_modules()["boilerplate"].clean
    clean_text(texts[0])  # warm up the regular expressions

    started = time.perf_counter()
    cleaned = [clean_text(text).text for text in texts]
    clean = time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        old_clean(text)
    old = time.perf_counter() - started

    nlp = nlp_module.load(DEFAULT_MODEL)
    sample = random.Random(15).sample(cleaned, min(args.sample, len(cleaned)))
    list(nlp.pipe(sample[:4]))  # warm up
    started = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=8):
        pass
    parse = (time.perf_counter() - started) * len(cleaned) / len(sample)
    print(
        f"clean cost over {len(texts)} BBC texts: clean_text {clean:.2f}s ({1000 * clean / len(texts):.2f} ms each), "
        f"the old cleaner {old:.2f}s, spaCy parse {parse:.1f}s (scaled from {len(sample)}): "
        f"clean / parse = {100 * clean / parse:.2f}%, added over the old cleaner = {100 * (clean - old) / parse:.2f}%"
        f" (target <= 3% of a cold build)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
