"""Run every scorer in ../shared/eval on `briefings extract --format json` and print each
scorer's last line (`make eval`), then our own participants scorer (tests/score_participants.py)
on the hand-annotated gold in tests/data/participants (dev) and its heldout/ to heldout4/
folders, then the clean stage's boilerplate scorer (bench/score_boilerplate.py) on
tests/data/boilerplate: dev, heldout and the whole set, then main text from saved web pages
(bench/score_pages.py on ../shared/eval/html), the quote scorer on the multi-outlet quote
gold (tests/data/participants/news and news-heldout), and the story scorer
(bench/score_stories.py: B-cubed against tests/data/stories) on the held-out third, the dev
two thirds and the whole set.
Pass -v to see the scorers' full reports."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
BRIEFINGS = Path(sys.executable).parent / "briefings"
PARTICIPANTS = REPO / "tests" / "data" / "participants"


def run_scorer(folder: Path, verbose: bool, gold: Path | None = None) -> str:
    """A scorer of ../shared/eval on its dev.jsonl, or on `gold` in the same form."""
    gold = gold or folder / "dev.jsonl"
    scorer = next(folder.glob("score_*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "texts"
        texts.mkdir()
        for line in gold.open(encoding="utf-8"):
            item = json.loads(line)
            # newline="" keeps the text byte-identical, so gold offsets stay valid
            (texts / f"{item['id']}.txt").open("w", encoding="utf-8", newline="").write(item["text"])
        preds = Path(tmp) / "preds.json"
        files = sorted(str(p) for p in texts.glob("*.txt"))
        with preds.open("w", encoding="utf-8") as out:
            subprocess.run([str(BRIEFINGS), "extract", "--format", "json", *files], stdout=out, check=True, cwd=tmp)
        args = [sys.executable, str(scorer), str(gold), str(preds)] + (["-v"] if verbose else [])
        report = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if verbose:
        print(report)
    return report.strip().splitlines()[-1]


def run_news_quotes(folder: Path, verbose: bool) -> str:
    """The quote scorer on the multi-outlet gold of one folder (tests/data/participants/news*),
    converted by bench/data_tools/news_quotes.py."""
    sys.path.insert(0, str(REPO / "bench" / "data_tools"))
    from news_quotes import convert

    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        with gold.open("w", encoding="utf-8") as out:
            for item in convert(folder):
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return run_scorer(EVAL / "quotes", verbose, gold)


def run_participants(gold: Path, verbose: bool) -> str:
    args = [sys.executable, str(REPO / "tests" / "score_participants.py"), str(gold)] + (["-v"] if verbose else [])
    report = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if verbose:
        print(report)
    return report.strip().splitlines()[-1]


def run_boilerplate(verbose: bool) -> list[str]:
    args = [sys.executable, str(REPO / "bench" / "score_boilerplate.py"), "--split", "all"]
    args += ["-v"] if verbose else []
    report = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if verbose:
        print(report)
    return [line for line in report.strip().splitlines() if not line.startswith(" ")][-4:]


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    folders = sorted(p for p in EVAL.iterdir() if p.is_dir() and (p / "dev.jsonl").exists())
    if not folders:
        print(f"no scorers found under {EVAL}", file=sys.stderr)
        return 1
    for folder in folders:
        print(f"{folder.name}: {run_scorer(folder, verbose)}", flush=True)
    for label, gold in (
        ("participants", PARTICIPANTS),
        ("participants-heldout", PARTICIPANTS / "heldout"),
        ("participants-heldout2", PARTICIPANTS / "heldout2"),
        ("participants-heldout3", PARTICIPANTS / "heldout3"),
        ("participants-heldout4", PARTICIPANTS / "heldout4"),
    ):
        if any(gold.glob("*.json")):
            print(f"{label}: {run_participants(gold, verbose)}", flush=True)
    for label, gold in (("quotes-news", PARTICIPANTS / "news"), ("quotes-news-heldout", PARTICIPANTS / "news-heldout")):
        if (EVAL / "quotes").is_dir() and any(gold.glob("*.json")):
            print(f"{label}: {run_news_quotes(gold, verbose)}", flush=True)
    if any((REPO / "tests" / "data" / "boilerplate").glob("*/*.json")):
        for line in run_boilerplate(verbose):
            print(f"boilerplate-{line}", flush=True)
    if (EVAL / "html" / "ground-truth.json").exists():
        print("html:", run_pages(verbose), flush=True)
    with tempfile.TemporaryDirectory() as cache:  # each article extracted once for the three splits
        for split in ("heldout", "dev", "all"):
            args = [sys.executable, str(REPO / "bench" / "score_stories.py"), "--split", split, "--cache", cache]
            report = subprocess.run(
                args + (["-v"] if verbose else []), capture_output=True, text=True, check=True
            ).stdout
            if verbose:
                print(report)
            print(f"stories-{report.strip().splitlines()[-1]}", flush=True)
    return 0


def run_pages(verbose: bool) -> str:
    """Body F1 of the page reader, on all 169 pages: trafilatura alone, ours, ours cleaned."""
    args = [sys.executable, str(REPO / "bench" / "score_pages.py"), "--split", "all"] + (["-v"] if verbose else [])
    report = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    if verbose:
        print(report)
    lines = report.strip().splitlines()
    return "\n  " + "\n  ".join(lines[-4:])


if __name__ == "__main__":
    sys.exit(main())
