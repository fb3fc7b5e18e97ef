"""The share of articles with any boilerplate key point, over the dev articles, in one run.

    .venv/bin/python bench/keypoints_boilerplate.py [GOLD.jsonl | FOLDER] [--lead3]
    .venv/bin/python bench/keypoints_boilerplate.py --labels tests/data/boilerplate/dev

Extracts key points the way the build does (the clean stage, nlp.pipe, extract_doc) and
checks each with rules of its own, written apart from the extractor's so that the check is
not the extractor grading itself: stamps ("(CNN)", "PUBLISHED:"), promos ("Click here",
"Read more", "Scroll down"), credits ("contributed to this report"), subscription pleas,
caption language ("pictured", "(left)", "Getty Images"), caption labels ("Flying high: …"
at the start or glued on inside), datelines ("LONDON - …"), list counters ("… fight 1."),
all-caps headings, and text that does not end as a sentence. --lead3 checks the first
three spaCy sentences of the raw text instead, for comparison. A FOLDER (such as
../shared/corpus/news) is read as the build reads its *.txt files. Prints the offending
points and one line: articles with a boilerplate pick / articles.

--labels DIR checks against the hand-labelled paragraphs of tests/data/boilerplate/DIR
instead (labelled by reading the articles, never from an extractor's output): a key point
is boilerplate when the paragraph its sentence comes from is labelled anything but body or
headline, or when it overlaps a span cut from a body paragraph (a caption glued to the
lede, a dateline) that the point as shown still carries. A point whose sentence is found in
no paragraph is reported as unmatched.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval" / "keypoints" / "dev.jsonl"

_ANY_CASE = re.compile(
    r"\(CNN\)|\bPUBLISHED\s*:|\bUPDATED\s*:|^By\s*\.|\bclick here\b|\bread more\b|\bscroll down\b|"
    r"contributed to this report|\bsubscri(?:be|ption)\b|\bsign up\b|\bnewsletter\b|\bpictured\b|"
    r"\((?:left|right|centre|center|above|below|inset|file(?: photo)?)\)|\bgetty images\b|\bdaily mail reporter\b|"
    r"\bphoto(?:graph)?s?\s*:|\bimage\s*:|\bfollow @",
    re.I,
)
_CASED = re.compile(
    r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}:\s+[A-Z]"  # a caption label opening the point
    r"|^[A-Z]{3,}[A-Z ,.]*\s*(?:--|-|—)\s"  # dateline
    r"|\b[A-Z]{2,}[A-Z'’]*(?:\s+[A-Z]{2,}[A-Z'’]*){2,}\b"
)  # an all-caps heading
# A label glued on inside ("… needed entertaining Fall of an Empire: The Story …") and a list
# counter glued on at the end ("… the mega fight 1."), unless the word before makes the
# name or the number part of the sentence ("the White House: …", "when she was 13.").
_GLUED_LABEL = re.compile(r"\b([a-z]+) (?!(?:He|She|They|I|We|It)\b)[A-Z][\w'’-]*(?: [\w'’-]+){0,4}: (?![\"'‘“])[A-Z]")
_END_COUNTER = re.compile(r"(?<![\w-])([a-z]+) \d{1,2}\.$")  # not "a three-under-par 69."
_PART_OF_SENTENCE = {
    "the",
    "a",
    "an",
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "and",
    "or",
    "new",
    "was",
    "is",
    "were",
    "are",
    "aged",
    "than",
    "no",
    "number",
    "told",
    "said",
    "says",
    "texted",
}
_ENDS = re.compile(r"[.!?…][\"'’”)\]]*$|[\"’”]$")


def boilerplate(point: str) -> bool:
    text = point.strip()
    glued = [m.group(1) for pattern in (_GLUED_LABEL, _END_COUNTER) for m in pattern.finditer(text)]
    return bool(
        _ANY_CASE.search(text)
        or _CASED.search(text)
        or not _ENDS.search(text)
        or any(word not in _PART_OF_SENTENCE for word in glued)
    )


def _norm(text: str) -> str:
    return " ".join(text.split())


def labelled_check(folder: Path) -> int:
    """Key points of each labelled article against its paragraphs' labels."""
    from briefings.config import DEFAULT_MODEL
    from briefings.content import read_article
    from briefings.extract import extract_doc, prepare
    from briefings.extract import nlp as nlp_module

    nlp = nlp_module.load(DEFAULT_MODEL)
    files = sorted(folder.glob("*.json"))
    gold = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    paths = [REPO.parent / "shared" / g["source"] for g in gold]
    texts = [prepare(read_article(p, p.name)[0].text) for p in paths]
    bad = unmatched = 0
    for g, path, doc in zip(gold, paths, nlp.pipe(texts, batch_size=8)):
        offending = []
        for point in extract_doc(doc, 3).key_points:
            sentence = _norm(point.original or point.text)
            probe = sentence[:60]
            found = [p for p in g["paragraphs"] if probe in _norm(p["text"])]
            if not found:
                unmatched += 1
                print(f"{path.name}  unmatched: {sentence[:120]}")
                continue
            para = found[0]
            shown = _norm(point.text)  # trimmed: a dateline cut from it no longer counts
            cut = [c for c in para.get("cut", []) if _norm(c["text"]) in shown or shown[:60] in _norm(c["text"])]
            if para["label"] not in ("body", "headline") or cut:
                offending.append((para["label"] if not cut else cut[0]["kind"], point.text))
        if offending:
            bad += 1
            for label, text in offending:
                print(f"{path.name}  [{label}] {_norm(text)[:150]}")
    print(
        f"boilerplate picks (key points against {folder.name} labels): {bad}/{len(gold)} articles, "
        f"{unmatched} points unmatched"
    )
    return 0


def main() -> int:
    if "--labels" in sys.argv[1:]:
        return labelled_check(Path(sys.argv[sys.argv.index("--labels") + 1]))
    from briefings.config import DEFAULT_MODEL
    from briefings.extract import extract_doc, prepare
    from briefings.extract import nlp as nlp_module

    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lead3 = "--lead3" in sys.argv[1:]
    gold = Path(args[0]) if args else GOLD
    if gold.is_dir():
        from briefings.content import read_article

        items = [{"id": p.name, "text": read_article(p, p.name)[0].text} for p in sorted(gold.glob("*.txt"))]
    else:
        items = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    nlp = nlp_module.load(DEFAULT_MODEL)
    texts = [item["text"] if lead3 else prepare(item["text"]) for item in items]
    bad = 0
    for item, doc in zip(items, nlp.pipe(texts, batch_size=8)):
        if lead3:
            points = [s.text for s in list(doc.sents)[:3]]
        else:
            points = [k.text for k in extract_doc(doc, 3).key_points]
        offending = [p for p in points if boilerplate(p)]
        if offending:
            bad += 1
            for point in offending:
                print(f"{item['id'][:8]}  {' '.join(point.split())[:160]}")
    share = bad / len(items) if items else 0.0
    print(
        f"boilerplate picks ({'raw Lead-3' if lead3 else 'key points'}): {bad}/{len(items)} articles "
        f"= {100 * share:.1f}%"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
