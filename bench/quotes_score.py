"""Score the quote extractor on a cached, parsed corpus (bench/quotes_corpus.py) with the shared
scorer, in seconds instead of a full `briefings extract` run.

    python bench/quotes_score.py [GOLD.jsonl] [-v] [--errors N]

The figures equal those of `make eval` on the same corpus (same texts, same model, same scorer);
this is only faster to repeat. --folds K scores each fold of the corpus with a speaker model
fitted on the other folds (bench/train_speakers.py), for cross-validated train figures.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_corpus import SHARED, load_docs  # noqa: E402

SCORER = SHARED / "eval" / "quotes" / "score_quotes.py"


def scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(docs, weights="default") -> dict[str, list[dict]]:
    from briefings.extract.as_json import quote_items
    from briefings.extract.participants import find_participants
    from briefings.extract.quotes import find_quotes

    preds = {}
    for item, doc in docs:
        quotes = find_quotes(doc, find_participants(doc), **({} if weights == "default" else {"weights": weights}))
        preds[item["id"]] = [x for q in quotes for x in quote_items(q)]  # as `briefings extract` prints them
    return preds


def score(docs, preds, verbose=False):
    module = scorer()
    gold = [item for item, _ in docs]
    return module.score(gold, preds, verbose)


def named_unknown(docs, preds) -> tuple[int, int]:
    """(quotes credited to someone, quotes) among matched quotes whose gold speaker is unknown:
    "a spokesman said", "she was warned that": naming anyone there is most often a wrong credit."""
    module = scorer()
    named = total = 0
    for item, _ in docs:
        used, clean = set(), []
        for q in preds.get(item["id"], []):
            found = module.locate(item["text"], q["text"], used)
            if found:
                used.add(found)
            clean.append({**q, "start": found[0] if found else None, "end": found[1] if found else None})
        for i, j in module.match(clean, item["quotes"]):
            if item["quotes"][j]["speaker"] is None:
                total += 1
                named += clean[i]["speaker"] is not None
    return named, total


def summary(res) -> str:
    return (
        f"pred={res['pred']} gold={res['gold']} quote P={res['quote_P']:.3f} R={res['quote_R']:.3f} "
        f"F1={res['quote_F1']:.3f} speaker_acc={res['speaker_acc']:.3f} "
        f"({res['speaker_correct']}/{res['speaker_known_matched']}) e2e P={res['e2e_P']:.3f} "
        f"R={res['e2e_R']:.3f} F1={res['e2e_F1']:.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", default=str(SHARED / "eval" / "quotes" / "dev.jsonl"))
    parser.add_argument("-v", action="store_true", help="the scorer's per-article errors")
    args = parser.parse_args()
    docs = load_docs(Path(args.gold))
    res, per = score(docs, predict(docs), args.v)
    if args.v:
        for doc_id, counts, log in per:
            if log:
                print(f"{doc_id}: gold={counts['gold']} pred={counts['pred']} tp={counts['tp']}")
                print("\n".join(log))
    print(summary(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
