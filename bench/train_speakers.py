"""Fit the speaker model (briefings/extract/speaker_model.py) on PolNeAR's train split, report its
cross-validated figures, and write its weights as JSON.

    python bench/train_speakers.py                 # 5-fold CV figures on train, then fit on all of it
    python bench/train_speakers.py --write         # ... and write briefings/extract/speaker_weights.json

Only train.jsonl is read: dev stays a held-out check. The model decides only the quotes the rules
leave without a speaker (speaker_model.needs_model); each of those is matched to gold as
score_quotes.py matches it, and its candidates are labelled by the scorer's own rule (same last
name as the gold speaker). A quote whose gold speaker is unknown teaches "nobody we can name"
only when its cue's subject is a common noun ("the official said"); otherwise it is unknown
because the gold's coreference failed on a "he", which says nothing about who spoke. The model is
a conditional logit (softmax over one quote's candidates) with an L2 penalty, fitted by Newton's
method: numpy only, deterministic, the same weights on every run. Parsed Docs come from
bench/quotes_corpus.py's cache.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_corpus import SHARED, load_docs  # noqa: E402
from quotes_score import named_unknown, predict, score, scorer, summary  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
TRAIN = SHARED / "eval" / "quotes" / "train.jsonl"
FOLDS = 5
L2 = 1.0
NULL_WEIGHT = 0.5


def examples(docs):
    """For each article, (options' features, index of the right option) for each quote with one."""
    from briefings.extract.participants import find_participants
    from briefings.extract.quotes import attribute_quotes
    from briefings.extract.speaker_model import candidates

    module = scorer()
    out = []
    for item, doc in docs:
        out.append([])
        participants = find_participants(doc)
        kept, speakers = attribute_quotes(doc, participants)
        if not kept:
            continue
        options = candidates(doc, participants, speakers, [q for _, q in kept])  # the quotes the model decides
        used, preds = set(), []
        for span, _ in kept:
            found = module.locate(item["text"], doc.text[span.start : span.end], used)
            if found:
                used.add(found)
            preds.append(
                {
                    "text": doc.text[span.start : span.end],
                    "start": found[0] if found else None,
                    "end": found[1] if found else None,
                }
            )
        for i, j in module.match(preds, item["quotes"]):
            if i not in options:
                continue  # the rules decide this one
            gold = item["quotes"][j]["speaker"]
            found = kept[i][1].found
            if gold is None and not (found.subject >= 0 and doc[found.subject].pos_ == "NOUN"):
                continue  # unknown because coreference failed on a "he": says nothing about who spoke
            if gold is None:
                right = [k for k, (c, _) in enumerate(options[i]) if c is None]
            else:
                right = [k for k, (c, _) in enumerate(options[i]) if c is not None and module.speaker_ok(c.name, gold)]
            if not right:
                continue  # the right speaker is no candidate: nothing to learn here
            # other candidates that are also right (two clusters, one surname) are left out
            feats = [f for k, (_, f) in enumerate(options[i]) if k == right[0] or k not in right]
            out[-1].append((feats, right[0], gold is None))
    return out


def fit(by_article, l2: float = L2, iterations: int = 30, null_weight: float = NULL_WEIGHT) -> dict[str, float]:
    """Weights maximising the (L2-penalised) likelihood of the right options; a quote whose gold
    speaker is unknown counts `null_weight` times (0: "nobody" is never learnt)."""
    data = [
        (feats, right) for article in by_article for feats, right, unknown in article if not unknown or null_weight > 0
    ]
    weight = np.array(
        [
            null_weight if unknown else 1.0
            for article in by_article
            for _, _, unknown in article
            if not unknown or null_weight > 0
        ]
    )
    names = sorted({name for feats, _ in data for f in feats for name in f})
    column = {name: k for k, name in enumerate(names)}
    rows, starts, targets = [], [], []
    for feats, right in data:
        starts.append(len(rows))
        targets.append(len(rows) + right)
        for f in feats:
            row = np.zeros(len(names))
            for name, value in f.items():
                row[column[name]] = value
            rows.append(row)
    X = np.array(rows)
    starts = np.array(starts)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(rows))))
    y = np.zeros(len(rows))
    y[targets] = 1.0

    def probabilities(w):
        s = X @ w
        s = s - np.maximum.reduceat(s, starts)[group]
        e = np.exp(s)
        return e / np.add.reduceat(e, starts)[group]

    def loss(w):
        return -(weight * np.log(probabilities(w)[targets])).sum() + 0.5 * l2 * w @ w

    row_weight = weight[group]

    w = np.zeros(len(names))
    current = loss(w)
    for _ in range(iterations):
        p = probabilities(w)
        grad = X.T @ (row_weight * (p - y)) + l2 * w
        m = np.add.reduceat(p[:, None] * X, starts)
        hessian = X.T @ ((row_weight * p)[:, None] * X) - m.T @ (weight[:, None] * m) + l2 * np.eye(len(names))
        step = np.linalg.solve(hessian, grad)
        scale = 1.0
        while loss(w - scale * step) > current and scale > 1e-4:
            scale /= 2  # a Newton step can overshoot far from the optimum
        w = w - scale * step
        previous, current = current, loss(w)
        if previous - current < 1e-6 * max(1.0, abs(current)):
            break
    return {name: round(float(v), 4) for name, v in zip(names, w) if abs(v) >= 5e-5}


def cross_validate(docs, data, folds: int = FOLDS, l2: float = L2, null_weight: float = NULL_WEIGHT):
    """Score each fold (every FOLDS-th article) with weights fitted on the others; one score over
    all folds' predictions."""
    preds = {}
    for k in range(folds):
        weights = fit([d for i, d in enumerate(data) if i % folds != k], l2, null_weight=null_weight)
        preds.update(predict([d for i, d in enumerate(docs) if i % folds == k], weights))
    return score(docs, preds)[0], named_unknown(docs, preds)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true", help="write briefings/extract/speaker_weights.json")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument(
        "--null-weight",
        type=float,
        default=NULL_WEIGHT,
        help="weight of quotes whose gold speaker is unknown, which teach 'nobody' (0: never)",
    )
    parser.add_argument("--no-cv", action="store_true")
    args = parser.parse_args()
    docs = load_docs(TRAIN)
    rules = predict(docs, None)
    named, unknown = named_unknown(docs, rules)
    print(f"rules alone, train:  {summary(score(docs, rules)[0])} named_unknown={named}/{unknown}")
    data = examples(docs)
    if not args.no_cv:
        res, (named, unknown) = cross_validate(docs, data, l2=args.l2, null_weight=args.null_weight)
        print(f"{FOLDS}-fold CV, train:    {summary(res)} named_unknown={named}/{unknown}")
    weights = fit(data, args.l2, null_weight=args.null_weight)
    print(f"{len(weights)} weights")
    if args.write:
        path = REPO / "briefings" / "extract" / "speaker_weights.json"
        data = {
            "about": "Speaker model weights (briefings/extract/speaker_model.py), fitted by "
            "bench/train_speakers.py on PolNeAR train (840 articles); a dot product per candidate.",
            "l2": args.l2,
            "null_weight": args.null_weight,
            "weights": dict(sorted(weights.items())),
        }
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
