"""Paragraph-level precision and recall of the clean stage against the boilerplate gold.

    .venv/bin/python bench/score_boilerplate.py [--split dev|heldout|all] [--cleaner current|original] [-v]

Gold: tests/data/boilerplate/{dev,dev2,heldout,heldout2}/NAME.json (spec in its README), texts from
../shared/<source>. A gold paragraph counts as cut when at least half of its non-space
characters are missing from what the cleaner kept (the story and the title line it took),
found by aligning words, so any cleaner can be scored, spans or not. Boilerplate is every
label but `body` and `headline`; precision and recall are for boilerplate paragraphs.
Reported for each set and the whole (--split all), with body paragraphs of the BBC
part cut per 500, recall per kind, and the inline spans of body paragraphs (datelines,
glued captions) cut. `--cleaner original` scores the code before the clean stage (the
reader and extract/boilerplate.py at 01d2a42, read from git). -v lists every error.
Never tune on heldout/ or heldout2/: score them once for a first look and once at the end, and
never list their errors (-v refuses them).
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = REPO / "tests" / "data" / "boilerplate"
BOILERPLATE_FREE = {"body", "headline"}
ORIGINAL = "01d2a42"
SETS = ("dev", "dev2", "heldout", "heldout2")  # development, then the held-out thirds

Cleaner = Callable[[str, str], str]  # (file text, file name) → the text kept


def current_cleaner(text: str, name: str) -> str:
    from briefings.clean import clean_text

    cleaned = clean_text(text)
    return "\n\n".join(p for p in ((cleaned.headline.text if cleaned.headline else ""), cleaned.text) if p)


def original_modules() -> dict:
    """The reader (content) and cleaner (boilerplate) modules as they were at ORIGINAL, from git."""
    modules = {}
    for name, path in (("content", "briefings/content.py"), ("boilerplate", "briefings/extract/boilerplate.py")):
        source = subprocess.run(
            ["git", "show", f"{ORIGINAL}:{path}"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout
        spec = importlib.util.spec_from_loader(f"briefings._original_{name}", loader=None)
        module = importlib.util.module_from_spec(spec)
        module.__package__ = "briefings"
        exec(compile(source, f"{ORIGINAL}:{path}", "exec"), module.__dict__)
        modules[name] = module
    return modules


def original_read(modules: dict, text: str, name: str) -> tuple[str | None, str]:
    """(the title line when the original reader took one, the text it gave the extractor)."""
    content = modules["content"]
    stem = Path(name).stem
    article, _ = content.parse_text(text.replace("\r\n", "\n"), stem, name)
    title = None if article.title == content.humanise(stem) else article.title
    return title, modules["boilerplate"].clean(article.text)


def original_cleaner() -> Cleaner:
    """The reader and cleaner as they were at ORIGINAL: the first line as title when it read
    as a headline, then extract/boilerplate.clean over the paragraphs."""
    modules = original_modules()

    def clean(text: str, name: str) -> str:
        title, story = original_read(modules, text, name)
        return "\n\n".join(p for p in (title or "", story) if p)

    return clean


def paragraph_spans(text: str, paragraphs: list[dict]) -> list[tuple[int, int]]:
    """Each gold paragraph's character span in the file, from its line and text."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    spans = []
    for para in paragraphs:
        start = text.find(para["text"], starts[para["line"] - 1])
        if start < 0:
            raise ValueError(f"paragraph at line {para['line']} not found in the file")
        spans.append((start, start + len(para["text"])))
    return spans


def kept_characters(text: str, kept: str) -> list[bool]:
    """For each character of `text`, whether the cleaner kept it: words aligned in order."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", text)]
    kept_words = re.findall(r"\w+", kept)
    matcher = difflib.SequenceMatcher(None, [w for _, _, w in words], kept_words, autojunk=False)
    flags = [True] * len(text)  # punctuation and spaces follow their words
    alive = [False] * len(words)
    for block in matcher.get_matching_blocks():
        for k in range(block.a, block.a + block.size):
            alive[k] = True
    for (start, end, _), is_kept in zip(words, alive):
        if not is_kept:
            for i in range(start, end):
                flags[i] = False
    return flags


def share_cut(text: str, flags: list[bool], start: int, end: int) -> float:
    chars = [i for i in range(start, end) if not text[i].isspace() and (text[i].isalnum() or text[i] == "_")]
    return sum(1 for i in chars if not flags[i]) / len(chars) if chars else 0.0


def score(files: list[Path], cleaner: Cleaner, verbose: bool) -> dict:
    tally = Counter()
    kinds, kinds_cut = Counter(), Counter()
    errors = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SHARED / gold["source"]).read_text(encoding="utf-8")
        flags = kept_characters(text, cleaner(text, Path(gold["source"]).name))
        bbc = "/bbc/" in gold["source"]
        for para, (start, end) in zip(gold["paragraphs"], paragraph_spans(text, gold["paragraphs"])):
            label = para["label"]
            cut = share_cut(text, flags, start, end) >= 0.5
            boilerplate = label not in BOILERPLATE_FREE
            tally["tp" if boilerplate and cut else "fn" if boilerplate else "fp" if cut else "tn"] += 1
            if bbc and label == "body":
                tally["bbc_body"] += 1
                tally["bbc_body_cut"] += cut
            if boilerplate:
                kinds[label] += 1
                kinds_cut[label] += cut
            for span in para.get("cut", []) if not cut else []:
                at = text.find(span["text"], start, end)
                tally["inline"] += 1
                tally["inline_cut"] += at >= 0 and share_cut(text, flags, at, at + len(span["text"])) >= 0.5
            if boilerplate != cut:
                errors.append((gold["source"], para["line"], label, "kept" if boilerplate else "cut", para["text"]))
    if verbose:
        for source, line, label, what, para in errors:
            print(f"  {source}:{line}: {label} {what}: {' '.join(para.split())[:150]}")
    return {"tally": tally, "kinds": kinds, "kinds_cut": kinds_cut, "files": len(files)}


def summary(name: str, result: dict) -> str:
    t = result["tally"]
    precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
    recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
    bbc = 500 * t["bbc_body_cut"] / t["bbc_body"] if t["bbc_body"] else 0.0
    inline = f"{t['inline_cut']}/{t['inline']}"
    return (
        f"{name}: boilerplate P={precision:.3f} R={recall:.3f} (tp={t['tp']} fp={t['fp']} fn={t['fn']} "
        f"body={t['tn'] + t['fp']} articles={result['files']}) bbc_body_cut_per_500={bbc:.2f} "
        f"(of {t['bbc_body']}) inline_spans_cut={inline}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split",
        choices=["dev", "dev2", "heldout", "heldout2", "all"],
        default="dev",
        help="all: dev, dev2, heldout, heldout2 and the whole set",
    )
    parser.add_argument("--cleaner", choices=["current", "original"], default="current")
    parser.add_argument("-v", action="store_true", help="list every paragraph judged wrongly")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"{SHARED} not found: the gold's texts are read from there", file=sys.stderr)
        return 1
    if args.v and args.split not in ("dev", "dev2"):
        print("-v lists errors of the development sets only (dev, dev2)", file=sys.stderr)
        return 1
    sys.path.insert(0, str(REPO))
    cleaner = original_cleaner() if args.cleaner == "original" else current_cleaner
    splits = ["dev", "dev2", "heldout", "heldout2", "all"] if args.split == "all" else [args.split]
    whole = None
    for split in splits:
        files = (
            [f for name in SETS for f in sorted((GOLD / name).glob("*.json"))]
            if split == "all"
            else sorted((GOLD / split).glob("*.json"))
        )
        if args.v:
            print(f"{split}:")
        result = score(files, cleaner, args.v)
        print(summary("whole" if split == "all" else split, result), flush=True)
        whole = result
    kinds = ", ".join(f"{k} {whole['kinds_cut'][k]}/{n}" for k, n in whole["kinds"].most_common())
    print(f"recall by kind ({'whole' if args.split == 'all' else args.split}): {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
