"""What a reader would see come from boilerplate, over every English article of ../shared/corpus/news.

    .venv/bin/python bench/check_corpus.py [--code current|original] [-v]

For each article: the title (a file name? boilerplate?), and every key point, quote and
participant the extractor finds, checked against the article's boilerplate. Boilerplate is
the hand-labelled gold where the article has one (tests/data/boilerplate: every paragraph
but body and headline, and the inline spans), which no cleaner wrote; for the other
articles it is what the current clean stage cuts, so there the check only shows what
slips out of a cut (a participant whose name only a cut ever mentions). A key point or quote
comes from boilerplate when half of it lies there; a participant when every mention of its
name and aliases does; a title when it lies in boilerplate or is a byline, stamp, label or
date by form. `--code original` reads and cleans as the code at 01d2a42 did (the extractor is
today's either way). Prints counts per check, gold and other articles apart; -v lists each,
except in the held-out articles (no rule is written from them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from score_boilerplate import BOILERPLATE_FREE, GOLD, SHARED, original_modules, original_read, paragraph_spans  # noqa: E402

NEWS = SHARED / "corpus" / "news"


def gold_spans(text: str, source: str) -> list[tuple[int, int]] | None:
    for path in GOLD.glob("*/*.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["source"] == source:
            spans = []
            for para, (start, end) in zip(gold["paragraphs"], paragraph_spans(text, gold["paragraphs"])):
                if para["label"] not in BOILERPLATE_FREE:
                    spans.append((start, end))
                for cut in para.get("cut", []):
                    at = text.find(cut["text"], start, end)
                    if at >= 0:
                        spans.append((at, at + len(cut["text"])))
            return spans
    return None


def locate(raw: str, piece: str) -> tuple[int, int] | None:
    """Where `piece` (whitespace-normalised, perhaps shortened with "…") lies in `raw`."""
    words = piece.rstrip("…").split()[:12]
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, raw)
    if not match:
        return None
    end = match.start() + len(piece) if len(piece.split()) > 12 else match.end()
    return match.start(), min(len(raw), end)


def inside(span: tuple[int, int] | None, spans: list[tuple[int, int]]) -> bool:
    if span is None:
        return False
    start, end = span
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return covered * 2 >= end - start


def participant_from_boilerplate(raw: str, names: list[str], spans: list[tuple[int, int]]) -> bool:
    found = [m.span() for name in names for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", raw)]
    return bool(found) and all(inside(span, spans) for span in found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--code", choices=["current", "original"], default="current")
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    from briefings.clean import clean_text
    from briefings.clean.stage import paragraph_kind
    from briefings.config import DEFAULT_MODEL
    from briefings.content import humanise, read_article
    from briefings.extract import extract_doc
    from briefings.extract import nlp as nlp_module

    modules = original_modules() if args.code == "original" else None
    sets = json.loads((REPO / "tests" / "data" / "news_sets.json").read_text())
    heldout = set(sets["boilerplate"]["heldout"]) | set(sets["boilerplate2"]["heldout"])
    paths = sorted(NEWS.glob("*.txt"))
    items = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        source = f"corpus/news/{path.name}"
        spans = gold_spans(raw, source)
        group = "gold" if spans is not None else "other"
        if spans is None:
            spans = [(c.start, c.end) for c in clean_text(raw).cuts]
        if modules:
            title, text = original_read(modules, raw, path.name)
            title = title or humanise(path.stem)
        else:
            article, _ = read_article(path, path.name)
            title, text = article.title, article.text
        items.append((path, raw, group, spans, title, text))

    nlp = nlp_module.load(DEFAULT_MODEL)
    counts: dict[str, Counter] = {"gold": Counter(), "other": Counter()}
    for (path, raw, group, spans, title, _text), doc in zip(items, nlp.pipe([i[5] for i in items], batch_size=8)):
        extraction = extract_doc(doc, 3)
        tally = counts[group]
        tally["articles"] += 1
        bad: list[str] = []
        if title == humanise(path.stem):
            bad.append(f"title is the file name: {title!r}")
            tally["title: file name"] += 1
        elif inside(locate(raw, title), spans) or paragraph_kind(title) in ("byline", "stamp", "label", "credit"):
            bad.append(f"title from boilerplate: {title!r}")
            tally["title: boilerplate"] += 1
        for point in extraction.key_points:
            tally["key points"] += 1
            if inside(locate(raw, point.text), spans):
                bad.append(f"key point: {point.text[:100]!r}")
                tally["key points from boilerplate"] += 1
        for quote in extraction.quotes:
            tally["quotes"] += 1
            if inside(locate(raw, quote.text), spans):
                bad.append(f"quote: {quote.text[:100]!r}")
                tally["quotes from boilerplate"] += 1
        for participant in extraction.participants:
            tally["participants"] += 1
            if participant_from_boilerplate(raw, [participant.name, *participant.aliases], spans):
                bad.append(f"participant: {participant.name}")
                tally["participants from boilerplate"] += 1
        if args.v and bad and f"corpus/news/{path.name}" not in heldout:
            print(f"{path.name}:")
            for line in bad:
                print(f"  {line}")
    for group, tally in counts.items():
        print(
            f"{args.code} code, {group} articles ({tally['articles']}): "
            f"titles that are file names {tally['title: file name']}, titles from boilerplate "
            f"{tally['title: boilerplate']}, key points from boilerplate {tally['key points from boilerplate']}/"
            f"{tally['key points']}, quotes {tally['quotes from boilerplate']}/{tally['quotes']}, participants "
            f"{tally['participants from boilerplate']}/{tally['participants']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
