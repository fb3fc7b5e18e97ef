"""Score story grouping against the hand-made gold (tests/data/stories/stories.json) with
B-cubed precision, recall and F1 (`make eval`).

    bench/score_stories.py [--split all|heldout|dev] [--cache DIR] [--pred FILE] [-v]

Runs `briefings stories --format json` on the split's articles (copied from ../shared
under neutral names, a000.txt and on, re-encoded to UTF-8 where the corpus file is
Latin-1: the gold includes it) and compares its stories with the gold's. B-cubed is per
article: precision is the share of its predicted story that belongs to its gold story,
recall the share of its gold story that its predicted story holds; both are averaged over
the articles. A split groups only its own articles (the held-out third alone, say), as a
period's articles are grouped alone. `--cache DIR` keeps extractions between runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "stories" / "stories.json"
SHARED = REPO.parent / "shared"
BRIEFINGS = Path(sys.executable).parent / "briefings"


def split_stories(gold: dict, split: str) -> list[dict]:
    heldout = set(gold["heldout"])
    if split == "all":
        return gold["stories"]
    return [s for s in gold["stories"] if (s["id"] in heldout) == (split == "heldout")]


def bcubed(gold: list[list[str]], predicted: list[list[str]]) -> tuple[float, float, float]:
    """(precision, recall, F1) over the articles of `gold`; each article in one cluster of each."""
    gold_of = {a: frozenset(c) for c in gold for a in c}
    pred_of = {a: frozenset(c) for c in predicted for a in c}
    missing = gold_of.keys() - pred_of.keys()
    if missing:
        raise ValueError(f"articles not in any predicted story: {sorted(missing)[:5]}")
    precision = sum(len(pred_of[a] & gold_of[a]) / len(pred_of[a]) for a in gold_of) / len(gold_of)
    recall = sum(len(pred_of[a] & gold_of[a]) / len(gold_of[a]) for a in gold_of) / len(gold_of)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def predict(articles: list[str], cache: Path | None) -> list[list[str]]:
    """Run `briefings stories` on copies of `articles` (gold paths); its stories as gold paths."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        names = {}
        for article in articles:
            raw = (SHARED / article).read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            # Neutral names: "reuters_airasia.txt" would tell the grouping (through a title
            # made from the file name) what only the text should.
            name = f"a{len(names):03d}.txt"
            (folder / name).write_text(text, encoding="utf-8")
            names[f"texts/{name}"] = article
        config = Path(tmp) / "config.yaml"
        config.write_text(f"cache_dir: {cache or Path(tmp) / 'cache'}\n", encoding="utf-8")
        out = subprocess.run(
            [str(BRIEFINGS), "stories", "--format", "json", "--config", str(config), *names],
            capture_output=True,
            text=True,
            cwd=tmp,
            check=True,
        ).stdout
    return [[names[a] for a in story["articles"]] for story in json.loads(out)["stories"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("all", "heldout", "dev"), default="all")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--cache", type=Path, default=None, help="extraction cache folder to reuse")
    parser.add_argument("--pred", type=Path, default=None, help="score this `briefings stories` JSON instead")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong merge and every miss")
    args = parser.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    stories = split_stories(gold, args.split)
    gold_clusters = [s["articles"] for s in stories]
    articles = [a for c in gold_clusters for a in c]
    if args.pred:
        predicted = [story["articles"] for story in json.loads(args.pred.read_text(encoding="utf-8"))["stories"]]
    else:
        predicted = predict(articles, args.cache.absolute() if args.cache else None)
    if args.verbose:
        story_of = {a: s["id"] for s in stories for a in s["articles"]}
        for cluster in predicted:
            ids = sorted({story_of[a] for a in cluster})
            if len(ids) > 1:
                print("wrong merge:", ", ".join(f"{i} ({sum(story_of[a] == i for a in cluster)})" for i in ids))
        for story in stories:
            parts = [c for c in predicted if set(c) & set(story["articles"])]
            if len(parts) > 1:
                print(f"split: {story['id']} into {[len(set(c) & set(story['articles'])) for c in parts]}")
    precision, recall, f1 = bcubed(gold_clusters, predicted)
    multi = sum(len(c) > 1 for c in predicted)
    print(
        f"{args.split}: {len(articles)} articles, {len(stories)} gold stories, {len(predicted)} predicted "
        f"({multi} of 2+): B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
