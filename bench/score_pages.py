"""Main text from saved web pages, scored against ../shared/eval/html (`make eval` runs it).

    python bench/score_pages.py [--split dev|heldout|all[,…]] [-v] [--save DIR]

Three predictions per page, on the same run:
  trafilatura  trafilatura.extract() with its defaults, the reference;
  page         the text briefings reads from the page (briefings/webpage), before cleaning;
  cleaned      the article content.py makes of it after the clean stage (briefings/clean):
               what extraction reads and a reader sees.

The pages are split by a fixed rule, never by their scores: sorted by key, every third page
(index 2, 5, 8, …) is the held-out third, the rest the dev two-thirds where rules are tuned.
Each split is scored by the benchmark's own scorer (score_html.py). Time per page is CPU
time (the machine is shared: wall time measures the neighbours): the lxml parse, trafilatura's
extract() alone, and briefings' reading of the page (read_page, Markdown, the Article) on top
of the parse.
The last line is `SPLIT cleaned: body_f1=… precision=… recall=…` for the last split asked for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

from briefings.content import parse_article
from briefings.markup import html_to_text, render_markdown
from briefings.webpage.reader import read_page

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "html"
KINDS = ("trafilatura", "page", "cleaned")


def split_keys(keys: list[str], split: str) -> list[str]:
    keys = sorted(keys)
    if split == "heldout":
        return keys[2::3]
    if split == "dev":
        return [k for i, k in enumerate(keys) if i % 3 != 2]
    return keys


def predict(keys: list[str]) -> tuple[dict[str, dict[str, str]], dict[str, list[float]]]:
    preds: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    times: dict[str, list[float]] = {"parse": [], "trafilatura": [], "briefings": []}
    for key in keys:
        data = gzip.decompress((EVAL / "pages" / f"{key}.html.gz").read_bytes())
        start = time.process_time()
        preds["trafilatura"][key] = trafilatura.extract(data) or ""
        times["trafilatura"].append((time.process_time() - start) * 1000)
        start = time.process_time()
        trafilatura.load_html(data)
        parsed = time.process_time()
        try:
            article, _ = parse_article(data, f"{key}.html", f"{key}.html")
            text = article.text
        except Exception as exc:  # noqa: BLE001 - a page without article scores as empty
            print(f"{key[:12]}: {exc}", file=sys.stderr)
            text = ""
        done = time.process_time()
        times["parse"].append((parsed - start) * 1000)
        times["briefings"].append((done - parsed) * 1000 - times["parse"][-1])  # read_page parses again
        preds["page"][key] = html_to_text(render_markdown(read_page(data).body)) if text else ""
        preds["cleaned"][key] = text
    return preds, times


def score(truth: dict, keys: list[str], pred: dict[str, str], verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        gold, guess = Path(tmp) / "gold.json", Path(tmp) / "pred.json"
        gold.write_text(json.dumps({k: truth[k] for k in keys}), encoding="utf-8")
        guess.write_text(json.dumps({k: pred.get(k, "") for k in keys}), encoding="utf-8")
        args = [sys.executable, str(EVAL / "score_html.py"), str(gold), str(guess)] + (["-v"] if verbose else [])
        report = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if verbose:
        print("\n".join(report.splitlines()[:15]))
    return report.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", help="dev, heldout or all, or several: dev,heldout,all")
    parser.add_argument("-v", "--verbose", action="store_true", help="the worst pages of each kind")
    parser.add_argument("--save", type=Path, help="write each kind's predictions as DIR/KIND.json")
    args = parser.parse_args()
    truth = json.loads((EVAL / "ground-truth.json").read_text(encoding="utf-8"))
    splits = args.split.split(",")
    if not set(splits) <= {"dev", "heldout", "all"}:
        parser.error("--split takes dev, heldout, all")
    keys = sorted({key for split in splits for key in split_keys(list(truth), split)})
    preds, times = predict(keys)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for kind in KINDS:
            (args.save / f"{kind}.json").write_text(json.dumps(preds[kind], ensure_ascii=False), encoding="utf-8")
    ours = times["briefings"]
    print(
        f"{len(keys)} pages; CPU ms per page: parse {statistics.mean(times['parse']):.1f}; trafilatura.extract "
        f"{statistics.mean(times['trafilatura']):.1f} mean; "
        f"briefings on top of the parse {statistics.mean(ours):.1f} "
        f"mean, {statistics.median(ours):.1f} median, {statistics.quantiles(ours, n=20)[-1]:.0f} p95, "
        f"{max(ours):.0f} max"
    )
    for split in splits:
        chosen = split_keys(list(truth), split)
        for kind in KINDS:
            if args.verbose:
                print(f"-- {split} {kind}, worst first (P R key url)")
            print(f"{split} ({len(chosen)}) {kind}: {score(truth, chosen, preds[kind], args.verbose)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
