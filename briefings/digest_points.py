"""A digest's top points: the period's most important key points across all its articles.

Each article's key points come ranked by importance; the point at rank r weighs
1 / (1 + r), so an article's lede counts most. Two outlets (or two articles) covering the
same story make nearly the same point in different words: such points are merged into
one, shown once in the words of its weightiest member, with every article that makes it
listed as a source. A point made by several articles weighs the sum of their weights,
so a story that many sources cover rises to the top.

Near-duplicates are found on the words alone (the site model never loads spaCy): two
points are the same when they share most of their content words (Snowball stems, so
"rallies" meets "rallying"), and when each names someone or something of the story the
two name at least one participant in common: "D'Arcy ruled out of Saturday's clash
against Scotland" and "O'Driscoll ruled out of Saturday's clash against Scotland" share
their words but not their man.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from .model import Entry, TopPoint

SAME_POINT = 0.45  # Jaccard of stemmed content words from which two points are one
MIN_STEM = 4  # shorter words carry no story ("the", "has", "was", "4.75" stays: digits count)

# Frequent words of news prose that say nothing about which story a sentence tells.
_STOP = frozenset("""
about above after again against also among another around because been before being below
between both could does doing down during each either every from further have having here
however into itself just least less made make many more most much must never often only other
over said same says several should since some still such than that their them then there these
they this those through under until very were what when where which while whom whose will with
within without would year years your week weeks today yesterday monday tuesday wednesday thursday
friday saturday sunday according told tell telling
""".split())
_WORD = re.compile(r"[a-z0-9£$€]+(?:[.,][0-9]+)*%?")
_STEMMER = snowballstemmer.stemmer("english")


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
    points = [_Point(k.text, entry, order, rank, stems(k.text), people_in(k.text, entry))
              for order, entry in enumerate(entries)
              for rank, k in enumerate(entry.extraction.key_points)]
    # Weightiest first, so a group's first member is the wording it is shown in.
    points.sort(key=lambda p: (p.rank, p.order))
    groups: list[_Group] = []
    index: dict[str, set[int]] = defaultdict(set)  # stem -> groups with a member using it
    for point in points:
        group = _matching_group(point, groups, index)
        if group is None:
            group = len(groups)
            groups.append(_Group())
        groups[group].members.append(point)
        for stem in point.stems:
            index[stem].add(group)
    best = sorted(groups, key=lambda g: (-g.score, g.members[0].rank, g.members[0].order))[:count]
    result = []
    for group in best:
        first = group.members[0]
        sources = [first.entry] + sorted((p.entry for p in group.members[1:]), key=lambda e: _order(group, e))
        result.append(TopPoint(text=first.text, entry=first.entry, sources=sources, score=round(group.score, 4)))
    return result


def _order(group: _Group, entry: Entry) -> int:
    return next(p.order for p in group.members if p.entry is entry)


def _matching_group(point: _Point, groups: list[_Group], index: dict[str, set[int]]) -> int | None:
    """The group of another article's near-identical point (the most similar, the earliest
    on a tie), or None."""
    candidates = sorted(set().union(*(index.get(stem, ()) for stem in point.stems)))
    best, best_sim = None, 0.0
    for g in candidates:
        if any(m.entry is point.entry for m in groups[g].members):
            continue  # an article's own points are already distinct (keypoints.py)
        sim = max(same_point(point, m) for m in groups[g].members)
        if sim > best_sim:
            best, best_sim = g, sim
    return best


def same_point(a: _Point, b: _Point) -> float:
    """How alike two points are (Jaccard of stems), 0.0 when they are not the same point."""
    if a.people and b.people and not a.people & b.people:
        return 0.0  # each names its own people, and none in common: two stories
    sim = similarity(a.stems, b.stems)
    return sim if sim >= SAME_POINT else 0.0


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def stems(text: str) -> frozenset[str]:
    """The point's content words, lower-cased and stemmed; numbers count as words."""
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP or (len(word) < MIN_STEM and not any(c.isdigit() for c in word)):
            continue
        out.add(_stem(word))
    return frozenset(out)


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
            if form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                found.add(participant.name.lower())
                break
    return frozenset(found)
