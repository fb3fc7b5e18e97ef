"""Score participants from `briefings extract --format json` against hand-annotated gold.

    python tests/score_participants.py GOLD_DIR PREDS.json [-v]
    python tests/score_participants.py [GOLD_DIR] [-v]       # runs `briefings extract` itself

Gold: one JSON file per article in GOLD_DIR (tests/data/participants/<category>_<number>.json),
written by hand from reading the article, never from our extractor's output:

    {"source": "corpus/bbc/politics/342.txt",            # relative to ../shared
     "participants": [{"name": "Gordon Brown", "type": "PERSON", "aliases": ["Mr Brown", "Brown"],
                       "role": "chancellor", "role_context": null, "nationality": null}, …],
     "boilerplate": []}                                    # mentions that sit in boilerplate

`type` is PERSON, ORG, GPE or LOC. `role` is the office or description the text attaches to
the person ("chief executive"), or a list of acceptable alternatives, or null when the text
states none; `role_context` holds other words a role may fairly carry ("JP Morgan" for "JP
Morgan chief executive"); `nationality` is kept apart ("British"). `optional: true` marks an
entity a careful annotator would neither require nor forbid (a country named only as a
nationality, an event's organiser, a fictional character): predicting it is neither a hit
nor a false positive, missing it is not a miss.

Matching, per article, in the prediction's order (its salience order): a prediction matches
a gold entity when its name, normalised (case, diacritics, dots, "the", a possessive
ignored), equals the gold name or one of its aliases. Matching is one-to-one: a second
prediction for an entity already matched is a false positive and counts as a duplicate.

- precision/recall/F1 over required gold entities;
- type accuracy: matched pairs whose type is the gold type;
- role accuracy: matched people where gold or prediction gives a role. The prediction's
  `role` field is nationality + office ("British Foreign Secretary"). It is right when it
  holds every content word of one gold alternative (naive plurals folded: "newscasters" =
  "newscaster") and no content word beyond the gold role, its context and nationality. A
  prediction with a role where the text states none is wrong, unless it is just the
  nationality; a missing role where the text states one is wrong.
- dup_per_10: duplicates per ten articles.
- wrong_merges: predictions that merge two entities: the prediction's name and aliases,
  normalised, name two different gold entities (optional ones too) and no single entity
  holds every one of its forms that names one ("George W. Bush" as an alias of George H.W.
  Bush, "Malaysia Airlines" of Malaysia). A form two entities share fits either. Forms
  that name no entity are not counted for or against.

The last line is `participants_f1=… type_acc=… role_acc=… dup_per_10=… wrong_merges=…`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "at",
    "for",
    "in",
    "on",
    "to",
    "and",
    "his",
    "her",
    "its",
    "their",
    "s",
    "from",
    "with",
    "who",
    "by",
}


def norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = text.replace("’", "'").strip()
    text = re.sub(r"(?:'s|(?<=s)')$", "", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[.]", "", text)
    text = re.sub(r"[\s\-]+", " ", text)
    return text.strip().lower()


def words(text: str | None) -> set[str]:
    if not text:
        return set()
    out = set()
    for word in re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", text).lower()):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in _STOP:
            out.add(word)
    return out


def role_ok(pred: str | None, gold: dict) -> bool:
    alts = gold.get("role") or []
    alts = [alts] if isinstance(alts, str) else alts
    nationality = words(gold.get("nationality"))
    got = words(pred)
    if not alts:
        return got <= nationality
    allowed = nationality | words(gold.get("role_context")) | set().union(*(words(a) for a in alts))
    return bool(got) and got <= allowed and any(words(a) <= got for a in alts)


def gold_types(gold: dict) -> set[str]:
    kind = gold["type"]
    return set(kind) if isinstance(kind, list) else {kind}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dups: int = 0
    wrong_merges: int = 0
    type_ok: int = 0
    role_n: int = 0
    role_ok: int = 0
    articles: int = 0
    log: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("tp", "fp", "fn", "dups", "wrong_merges", "type_ok", "role_n", "role_ok", "articles"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.log += other.log

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        type_acc = self.type_ok / self.tp if self.tp else 0.0
        role_acc = self.role_ok / self.role_n if self.role_n else 0.0
        dup = 10 * self.dups / self.articles if self.articles else 0.0
        return (
            f"participants_f1={f1:.3f} type_acc={type_acc:.3f} role_acc={role_acc:.3f} "
            f"dup_per_10={dup:.2f} wrong_merges={self.wrong_merges} "
            f"(P={p:.3f} R={r:.3f} tp={self.tp} fp={self.fp} fn={self.fn} "
            f"articles={self.articles})"
        )


def score_article(gold: dict, preds: list[dict]) -> Tally:
    tally = Tally(articles=1)
    entities = gold["participants"]
    keys = [{norm(g["name"])} | {norm(a) for a in g.get("aliases", [])} for g in entities]
    matched: dict[int, dict] = {}
    for pred in preds:
        name = norm(pred["name"])
        merged = merged_entities(pred, keys)
        if merged:
            tally.wrong_merges += 1
            tally.log.append(f"  MERGE {pred['name']!r} joins {', '.join(repr(entities[i]['name']) for i in merged)}")
        candidates = [i for i, k in enumerate(keys) if name in k]
        # The entity whose canonical name it is first, then any still unmatched.
        candidates.sort(key=lambda i: (i in matched, norm(entities[i]["name"]) != name))
        if not candidates:
            tally.fp += 1
            tally.log.append(f"  FP   {pred['name']!r} {pred['type']} role={pred.get('role')!r}")
            continue
        i = candidates[0]
        g = entities[i]
        if i in matched:
            tally.fp += 1
            tally.dups += 1
            tally.log.append(f"  DUP  {pred['name']!r} {pred['type']} (again {g['name']!r})")
            continue
        matched[i] = pred
        if g.get("optional"):
            continue
        tally.tp += 1
        if pred["type"] in gold_types(g):
            tally.type_ok += 1
        else:
            tally.log.append(f"  TYPE {pred['name']!r} {pred['type']} gold {g['type']}")
        if g["type"] == "PERSON" and (g.get("role") or g.get("nationality") or pred.get("role")):
            tally.role_n += 1
            if role_ok(pred.get("role"), g):
                tally.role_ok += 1
            else:
                want = g.get("role")
                tally.log.append(
                    f"  ROLE {g['name']!r} got {pred.get('role')!r} want {want!r} nat={g.get('nationality')!r}"
                )
    for i, g in enumerate(entities):
        if i not in matched and not g.get("optional"):
            tally.fn += 1
            tally.log.append(f"  FN   {g['name']!r} {g['type']}")
    return tally


def merged_entities(pred: dict, keys: list[set[str]]) -> list[int]:
    """The gold entities a prediction wrongly joins (empty when it names at most one): each of its
    forms that names some entity narrows the entities it can be; none left is a merge."""
    fits: set[int] | None = None
    named: set[int] = set()
    for form in [pred["name"], *pred.get("aliases", [])]:
        found = {i for i, k in enumerate(keys) if norm(form) in k}
        if not found:
            continue
        named |= found
        fits = found if fits is None else fits & found
    return sorted(named) if fits is not None and not fits else []


def load_gold(folder: Path) -> dict[str, dict]:
    """Gold files by stem ("politics_342")."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def run_extract(gold: dict[str, dict]) -> dict:
    """`briefings extract --format json` over the gold's source articles, copied as STEM.txt."""
    briefings = Path(sys.executable).parent / "briefings"
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for stem, item in gold.items():
            path = Path(tmp) / f"{stem}.txt"
            path.write_bytes((SHARED / item["source"]).read_bytes())
            files.append(str(path))
        out = subprocess.run(
            [str(briefings), "extract", "--format", "json", *files], capture_output=True, text=True, check=True, cwd=tmp
        ).stdout
    return json.loads(out)


def score(gold: dict[str, dict], preds: dict, verbose: bool = False) -> Tally:
    by_stem = {Path(a["source"]).stem: a for a in preds["articles"]}
    total = Tally()
    for stem, item in gold.items():
        article = by_stem.get(stem)
        tally = score_article(item, article["participants"] if article else [])
        if verbose:
            print(f"{stem}: {tally.line()}")
            print("\n".join(tally.log))
        total.add(tally)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, nargs="?", default=REPO / "tests" / "data" / "participants")
    parser.add_argument("preds", type=Path, nargs="?")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    gold = load_gold(args.gold)
    if not gold:
        print(f"no gold under {args.gold}", file=sys.stderr)
        return 1
    if args.preds:
        preds = json.loads(args.preds.read_text(encoding="utf-8"))
    else:
        preds = run_extract(gold)
    total = score(gold, preds, args.verbose)
    print(total.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
