"""Fit the key-point scorer's two weights and measure it by 5-fold cross-validation.

    .venv/bin/python bench/keypoints_cv.py [--gold DEV.jsonl] [--cache DIR] [--write]

The scorer (keypoints.score) ranks candidate sentences by position, less UNSPECIFIC places
for a sentence that names no participant and gives no figure, plus CENTRALITY times its
standardised lexical centrality. The split is fixed by rule: the articles sorted by id,
article k in fold k mod 5. For each fold both weights are chosen on the other four folds:
the point of the grid (UNSPECIFIC_GRID x CENTRALITY_GRID) whose mean ROUGE over those
articles, averaged with its grid neighbours', is highest (the neighbours' average prefers a
plateau to a lucky spike); then the fold is scored with them. Everything else (rules,
redundancy, trims) is the shipped code path: keypoints.candidates, score, choose, trim.

ROUGE is score_keypoints.py's: rouge-score with stemming, F1 x 100, candidate and reference
one item a line, mean of ROUGE-1, -2 and -Lsum as the fitting objective. Lead-3 is the
README's: the first three sentences of the raw text as spaCy's parser splits them. Prints
each fold and the mean, ours against Lead-3, and the weights each fold chose. --write
chooses the weights the same way on all the articles and writes keypoint_weights.py.

Parses are cached under --cache (default /tmp/briefings-keypoints-cv), keyed by the cleaned
texts and the model, so a changed cleaner re-parses and nothing else does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval" / "keypoints" / "dev.jsonl"
WEIGHTS_FILE = REPO / "briefings" / "extract" / "keypoint_weights.py"
FOLDS = 5
COUNT = 3
UNSPECIFIC_GRID = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)  # places
CENTRALITY_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)  # places per standard deviation
TYPES = ("rouge1", "rouge2", "rougeLsum")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/briefings-keypoints-cv"))
    ap.add_argument("--write", action="store_true", help="choose on all articles and write keypoint_weights.py")
    a = ap.parse_args()

    items = [json.loads(line) for line in a.gold.open(encoding="utf-8") if line.strip()]
    fold = {item_id: k % FOLDS for k, item_id in enumerate(sorted(item["id"] for item in items))}
    articles = load(items, a.cache)
    lead3 = lead_three(items, a.cache)
    grid = [(u, c) for u in UNSPECIFIC_GRID for c in CENTRALITY_GRID]
    scores = {point: {x.id: x.rouge(*point) for x in articles} for point in grid}  # every article at every point
    ours, chosen = {}, []
    for f in range(FOLDS):
        point = best_point(scores, [x.id for x in articles if fold[x.id] != f])
        chosen.append(point)
        ours.update({x.id: scores[point][x.id] for x in articles if fold[x.id] == f})
    base = {x.id: rouge(x.reference, lead3[x.id]) for x in articles}
    report(articles, fold, ours, base)
    for f, (u, c) in enumerate(chosen):
        print(f"fold {f} chose UNSPECIFIC={u} CENTRALITY={c}")
    point = best_point(scores, [x.id for x in articles])
    full = mean(scores[point].values())
    print(
        f"all {len(articles)} articles choose UNSPECIFIC={point[0]} CENTRALITY={point[1]}: dev "
        + "/".join(f"{v:.2f}" for v in full)
    )
    if a.write:
        write_weights(point, len(articles), full)
        print(f"wrote {WEIGHTS_FILE.relative_to(REPO)}")
    return 0


def best_point(scores: dict, ids: list[str]) -> tuple[float, float]:
    """The grid point with the best mean ROUGE on `ids`, averaged with its neighbours';
    ties go to the smaller weights."""

    def objective(point):
        return sum(sum(scores[point][i]) for i in ids) / (3 * len(ids))

    def smoothed(point):
        u, c = UNSPECIFIC_GRID.index(point[0]), CENTRALITY_GRID.index(point[1])
        around = [
            (UNSPECIFIC_GRID[i], CENTRALITY_GRID[j])
            for i in range(max(0, u - 1), min(len(UNSPECIFIC_GRID), u + 2))
            for j in range(max(0, c - 1), min(len(CENTRALITY_GRID), c + 2))
        ]
        return sum(objective(p) for p in around) / len(around)

    return max(scores, key=lambda point: (round(smoothed(point), 9), -point[0], -point[1]))


class Article:
    """One dev article, parsed, with its candidates described once."""

    def __init__(self, item_id, doc, highlights):
        from briefings.extract.keypoints import candidates
        from briefings.extract.participants import find_participants
        from briefings.extract.quotes import find_quotes
        from briefings.extract.trim import trim

        self.id, self.doc = item_id, doc
        self.reference = "\n".join(" ".join(h.split()) for h in highlights)
        self.participants = find_participants(doc)
        self.candidates = candidates(doc, self.participants, find_quotes(doc, self.participants))
        self.trimmed = {id(c): trim(c.sent) for c in self.candidates}
        self._memo: dict[tuple, tuple] = {}

    def rouge(self, unspecific: float, centrality: float) -> tuple[float, float, float]:
        """ROUGE of the key points chosen with these weights (find_key_points' path)."""
        from briefings.extract.keypoints import choose, score

        for c in self.candidates:
            c.score = score(c, unspecific, centrality)
        picked = choose(self.candidates, COUNT, self.participants)
        key = tuple(c.index for c in picked)
        if key not in self._memo:
            self._memo[key] = rouge(self.reference, [self.trimmed[id(c)] for c in picked])
        return self._memo[key]


def load(items, cache: Path) -> list[Article]:
    from spacy.tokens import DocBin

    from briefings.config import DEFAULT_MODEL
    from briefings.extract import nlp as nlp_module
    from briefings.extract import prepare

    nlp = nlp_module.load(DEFAULT_MODEL)
    texts = [prepare(item["text"]) for item in items]
    key = hashlib.sha256("\0".join([nlp_module.model_id(nlp), *texts]).encode()).hexdigest()[:16]
    path = cache / f"dev-{key}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return [Article(item["id"], doc, item["highlights"]) for item, doc in zip(items, docs)]


def lead_three(items, cache: Path) -> dict[str, list[str]]:
    """The README's Lead-3: the first three sentences of the raw text, plain spaCy parser."""
    import spacy

    from briefings.config import DEFAULT_MODEL

    key = hashlib.sha256("\0".join(item["text"] for item in items).encode()).hexdigest()[:16]
    path = cache / f"lead3-{key}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    nlp = spacy.load(DEFAULT_MODEL)
    lead = {
        item["id"]: [s.text for s in list(doc.sents)[:3]]
        for item, doc in zip(items, nlp.pipe((item["text"] for item in items), batch_size=16))
    }
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(lead), encoding="utf-8")
    return lead


def rouge(reference: str, points: list[str]) -> tuple[float, float, float]:
    candidate = "\n".join(" ".join(p.split()) for p in points if p.strip())
    scores = SCORER.score(reference, candidate)
    return tuple(100 * scores[t].fmeasure for t in TYPES)


def mean(values) -> tuple[float, ...]:
    values = list(values)
    return tuple(sum(v[k] for v in values) / len(values) for k in range(3))


def report(articles, fold, ours, base) -> None:
    print("fold  n    ours R1/R2/RLsum        Lead-3 R1/R2/RLsum      difference")
    for f in range(FOLDS):
        ids = [x.id for x in articles if fold[x.id] == f]
        o, b = mean(ours[i] for i in ids), mean(base[i] for i in ids)
        print(
            f"{f:<5} {len(ids):<4} "
            + "/".join(f"{v:.2f}" for v in o)
            + "    "
            + "/".join(f"{v:.2f}" for v in b)
            + "    "
            + "/".join(f"{x - y:+.2f}" for x, y in zip(o, b))
        )
    o, b = mean(ours.values()), mean(base.values())
    print(
        f"mean  {len(ours):<4} "
        + "/".join(f"{v:.2f}" for v in o)
        + "    "
        + "/".join(f"{v:.2f}" for v in b)
        + "    "
        + "/".join(f"{x - y:+.2f}" for x, y in zip(o, b))
    )


def write_weights(point: tuple[float, float], n: int, dev: tuple[float, ...]) -> None:
    WEIGHTS_FILE.write_text(
        "\n".join(
            [
                '"""Weights of the key-point scorer (keypoints.score), in places of rank: plain data, written',
                "by `.venv/bin/python bench/keypoints_cv.py --write`; do not edit by hand.",
                "",
                f"Chosen on all {n} articles of ../shared/eval/keypoints/dev.jsonl from a grid, as the point",
                "whose mean ROUGE-1/2/Lsum (with its grid neighbours') is best; there the key points score",
                "ROUGE-1/2/Lsum " + "/".join(f"{v:.2f}" for v in dev) + ".",
                '"""',
                f"UNSPECIFIC = {point[0]!r}  # places lost by a sentence naming no participant and giving no figure",
                f"CENTRALITY = {point[1]!r}  # places gained per standard deviation of lexical centrality",
                "",
            ]
        ),
        encoding="utf-8",
    )


def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(TYPES), use_stemmer=True)


SCORER = _scorer()

if __name__ == "__main__":
    sys.exit(main())
