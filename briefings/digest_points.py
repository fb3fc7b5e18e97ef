"""A digest's top points: the period's most important key points across all its articles.

Each article's key points come ranked by importance; the point at rank r weighs
1 / (1 + r), so an article's lede counts most. Two outlets (or two articles) covering the
same story make nearly the same point in different words: such points are merged into
one, shown once in the words of its weightiest member, with every article that makes it
listed as a source. A point made by several articles weighs the sum of their weights,
so a story that many sources cover rises to the top.

Near-duplicates are found on the words alone (the site model never loads spaCy): two
points of different articles are the same when they share most of their content words
(Jaccard of Snowball stems, so "rallies" meets "rallying"), unless each names people of
its article and none in common: "D'Arcy has been ruled out of Saturday's clash against
Scotland" and "O'Driscoll has been ruled out of Saturday's clash against Scotland" share
their words but not their man.

The result depends only on the entries (their fingerprints name article and extraction),
so it is remembered per digest: serve, rebuilding the site model on every edit,
recomputes only the digest whose articles changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball stemmers in C

from .model import Entry, TopPoint

SAME_POINT = 0.45  # Jaccard of stemmed content words from which two points are one
MIN_STEM = 4  # letters a word needs to count

# Frequent words of news prose that say nothing about which story a sentence tells.
_STOP = frozenset(
    """
about above after again against also among another around because been before being below
between both could does doing down during each either every from further have having here
however into itself just least less made make many more most much must never often only other
over said same says several should since some still such than that their them then there these
they this those through under until very were what when where which while whom whose will with
within without would year years your week weeks today yesterday monday tuesday wednesday thursday
friday saturday sunday according told tell telling
""".split()
)
# Numbers ("£1,400", "4.75%") and words of MIN_STEM letters or more: shorter words carry no story.
_WORD = re.compile(rf"[£$€]?\d+(?:[.,]\d+)*%?|[a-z]{{{MIN_STEM},}}")
_STEMMER = Stemmer.Stemmer("english")


@dataclass
class _Point:
    text: str
    entry: Entry
    order: int  # the entry's place in the digest: newest first
    rank: int  # the point's rank in its article, 0 = most important
    stems: frozenset[str]
    people: frozenset[str]  # the people of its article that the point names

    @property
    def weight(self) -> float:
        return 1.0 / (1.0 + self.rank)


@dataclass
class _Group:
    members: list[_Point] = field(default_factory=list)

    @property
    def score(self) -> float:
        return sum(p.weight for p in self.members)


def top_points(entries: Sequence[Entry], count: int = 5) -> list[TopPoint]:
    """The `count` most important points of `entries` (a digest's, newest first), each with
    the articles that make it; near-duplicate points of different articles merged."""
    if count <= 0:
        return []
    key = (count, tuple(e.fingerprint for e in entries))
    if all(key[1]) and key in _MEMO:
        return [
            TopPoint(text, entries[first], [entries[i] for i in sources], score)
            for text, first, sources, score in _MEMO[key]
        ]
    found = _top_points(entries, count)
    if all(key[1]):
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        order = {id(e): i for i, e in enumerate(entries)}
        _MEMO[key] = [(p.text, order[id(p.entry)], [order[id(e)] for e in p.sources], p.score) for p in found]
    return found


MEMO_SIZE = 4096  # digests remembered
_MEMO: dict[tuple, list[tuple[str, int, list[int], float]]] = {}


def _top_points(entries: Sequence[Entry], count: int) -> list[TopPoint]:
    points = [
        _Point(k.text, entry, order, rank, stems(k.text), people_in(k.text, entry))
        for order, entry in enumerate(entries)
        for rank, k in enumerate(entry.extraction.key_points)
    ]
    # Weightiest first, so a group's first member is the wording it is shown in.
    points.sort(key=lambda p: (p.rank, p.order))
    groups: list[_Group] = []
    group_of: list[int] = []  # point (in the order placed) -> its group
    index: dict[str, list[int]] = defaultdict(list)  # stem -> points placed that have it
    for i, point in enumerate(points):
        match = _most_similar(i, points, index, lambda j: groups[group_of[j]])
        if match is None:
            group_of.append(len(groups))
            groups.append(_Group())
        else:
            group_of.append(group_of[match])
        groups[group_of[i]].members.append(point)
        for stem in point.stems:
            index[stem].append(i)
    best = sorted(groups, key=lambda g: (-g.score, g.members[0].rank, g.members[0].order))[:count]
    return [
        TopPoint(
            text=g.members[0].text,
            entry=g.members[0].entry,
            sources=[p.entry for p in g.members],
            score=round(g.score, 4),
        )
        for g in best
    ]


def _most_similar(
    i: int, points: list[_Point], index: dict[str, list[int]], group: Callable[[int], _Group]
) -> int | None:
    """The earlier point that is the same point as points[i] and most like it (the earliest
    on a tie), in a group without a point of the same article, or None. An article's own
    points are already distinct (keypoints.py): they are never merged."""
    point = points[i]
    shared: dict[int, int] = {}
    for stem in point.stems:
        for j in index.get(stem, ()):
            shared[j] = shared.get(j, 0) + 1
    best, best_sim = None, 0.0
    for j, common in sorted(shared.items()):
        other = points[j]
        sim = common / (len(point.stems) + len(other.stems) - common)  # Jaccard, from the counts
        if (
            sim > best_sim
            and sim >= SAME_POINT
            and not _other_people(point, other)
            and all(m.entry is not point.entry for m in group(j).members)
        ):
            best, best_sim = j, sim
    return best


def same_point(a: _Point, b: _Point) -> float:
    """How alike two points are (Jaccard of stems), 0.0 when they are not the same point."""
    if _other_people(a, b):
        return 0.0
    sim = similarity(a.stems, b.stems)
    return sim if sim >= SAME_POINT else 0.0


def _other_people(a: _Point, b: _Point) -> bool:
    """Each names its own people, and none in common: two stories, however alike the words."""
    return bool(a.people and b.people and not a.people & b.people)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def stems(text: str) -> frozenset[str]:
    """The point's content words, lower-cased and stemmed; numbers count as words."""
    return frozenset(_stem(word) for word in _WORD.findall(text.lower()) if word not in _STOP)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def people_in(text: str, entry: Entry) -> frozenset[str]:
    """The canonical names of the article's people that the point mentions."""
    found = set()
    for participant in entry.extraction.participants:
        if participant.type != "PERSON":
            continue
        for form in (participant.name, *participant.aliases):
            if form and _mentions(text, form):
                found.add(participant.name.lower())
                break
    return frozenset(found)


def _mentions(text: str, name: str) -> bool:
    """`name` occurs in `text` as whole words ("Ed" is not in "Edward")."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(name, start + 1)
    return False
