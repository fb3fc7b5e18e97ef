"""Choose the multi-outlet dev sets and their held-out thirds, without a human choice, and write
annotation skeletons (tests/data/news_sets.json, tests/data/boilerplate/*/NAME.json).

    python bench/data_tools/make_sets.py

One article per outlet of ../shared/corpus/news (the one whose file name has the lowest SHA-1),
ordered by SHA-1; every third article (positions 0, 3, 6, …) is held out. The participants and
quotes set is the first 45 of that order, so its held-out articles are held out everywhere.
Twenty BBC articles for the boilerplate set are the twenty lowest SHA-1 paths of corpus/bbc that
no participants set uses. Re-running rewrites news_sets.json but never an existing skeleton.

Second round (after the first held-out third was scored): the 56 articles no set used, less the
8 kept for reader reviews (the lowest SHA-1 of "reader:" + path), ordered by SHA-1; every third is
held out (`boilerplate/heldout2/`), the rest join development (`boilerplate/dev2/`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DATA = REPO / "tests" / "data"


def sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def paragraphs(text: str) -> list[dict]:
    """Blank-line separated blocks (each line its own block when the file has no blank line),
    with the 1-based line each starts on and its text exactly as in the file."""
    lines = text.split("\n")
    blank_separated = any(not line.strip() for line in lines[:-1])
    out, block, start = [], [], None
    for number, line in enumerate(lines, 1):
        if line.strip() and blank_separated:
            if not block:
                start = number
            block.append(line)
            continue
        if block:
            out.append({"line": start, "text": "\n".join(block), "label": None})
            block = []
        if line.strip():  # no blank lines anywhere: one paragraph per line
            out.append({"line": number, "text": line, "label": None})
    if block:
        out.append({"line": start, "text": "\n".join(block), "label": None})
    return out


def skeleton(source: str, folder: Path) -> None:
    path = folder / (
        Path(source).stem if "/news/" in source else source.split("/", 2)[2].replace("/", "_").removesuffix(".txt")
    ).__add__(".json")
    if path.exists():
        return
    text = (SHARED / source).read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"source": source, "paragraphs": paragraphs(text)}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def main() -> None:
    news = sorted(p.name for p in (SHARED / "corpus" / "news").glob("*.txt") if not p.name.startswith("seed_"))
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for name in news:
        by_outlet[name.split("_")[0]].append(name)
    order = sorted((min(names, key=sha) for names in by_outlet.values()), key=sha)
    heldout = {name for i, name in enumerate(order) if i % 3 == 0}
    participants = order[:45]
    used = {json.loads(p.read_text())["source"] for p in (DATA / "participants").rglob("*.json")}
    bbc = sorted((str(p.relative_to(SHARED)) for p in (SHARED / "corpus" / "bbc").rglob("[0-9]*.txt")), key=sha)
    bbc = [p for p in bbc if p not in used and re.search(r"/\d{3}\.txt$", p)]
    bbc20 = bbc[:20]
    bbc_held = {p for i, p in enumerate(bbc20) if i % 3 == 0}
    sets = {
        "rule": " ".join(" ".join(__doc__.strip().split("\n\n")[2:4]).split()),
        "boilerplate": {
            "dev": [f"corpus/news/{n}" for n in order if n not in heldout] + [p for p in bbc20 if p not in bbc_held],
            "heldout": [f"corpus/news/{n}" for n in order if n in heldout] + [p for p in bbc20 if p in bbc_held],
        },
        "participants": {
            "dev": [f"corpus/news/{n}" for n in participants if n not in heldout],
            "heldout": [f"corpus/news/{n}" for n in participants if n in heldout],
        },
        "unseen": [f"corpus/news/{n}" for n in news if n not in set(order)],
    }
    reader = sorted(sets["unseen"], key=lambda s: sha("reader:" + s))[:8]
    second = sorted((s for s in sets["unseen"] if s not in reader), key=sha)
    sets["reader"] = reader
    sets["boilerplate2"] = {
        "dev": [s for i, s in enumerate(second) if i % 3 != 0],
        "heldout": [s for i, s in enumerate(second) if i % 3 == 0],
    }
    (DATA / "news_sets.json").write_text(json.dumps(sets, indent=1) + "\n", encoding="utf-8")
    for split in ("dev", "heldout"):
        for source in sets["boilerplate"][split]:
            skeleton(source, DATA / "boilerplate" / split)
        for source in sets["boilerplate2"][split]:
            skeleton(source, DATA / "boilerplate" / f"{split}2")


if __name__ == "__main__":
    main()
