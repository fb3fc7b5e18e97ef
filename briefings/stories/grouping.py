"""Group articles into stories: which articles tell the same event or development.

Two articles are linked by how alike their words are (cosine over their 40 weightiest
stems, each weighted by its count and its rarity in English: evidence.py), raised by the
participants they share (cosine over participants weighted by rarity: two articles naming
the same minor official say more than two naming the United States), and, when both are
dated, lowered by the days between them. Stories are then formed by average-linkage
clustering: a story takes in another only when its articles are, on average, linked to all
of the other's, so one article about Blair and Iraq never chains a Blair-and-Brown story to
an Iraq-inquiry one.

Participant rarity is measured within the articles being grouped (a digest's period): a
participant that most of the week's articles name tells its stories apart less. Everything
is computed in a fixed order with ties broken by input position, so equal input gives equal
stories.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .evidence import Evidence


@dataclass(frozen=True)
class Weights:
    """How the evidence is combined, and from which link two articles are one story.
    Tuned on the dev two thirds of tests/data/stories (bench/score_stories.py)."""

    participants: float = 0.5  # how far shared rare participants raise the words' link (x 1 to 1.5)
    threshold: float = 0.425  # average link from which two groups are one story
    same_days: int = 7  # dates this many days apart or closer count as close
    far_days: int = 35  # and from this many days apart, never one story
    top_terms: int = 40  # terms of each article that can make a link (its weightiest; at most TERMS_KEPT)


WEIGHTS = Weights()


def group(evidence: Sequence[Evidence], weights: Weights = WEIGHTS) -> list[list[int]]:
    """Stories as lists of indices into `evidence`: every index in exactly one story; each
    story in input order, stories ordered by their first article."""
    links = similarities(evidence, weights)
    return cluster(len(evidence), links, weights.threshold)


def similarities(evidence: Sequence[Evidence], weights: Weights = WEIGHTS) -> dict[tuple[int, int], float]:
    """The link (0–1) between every two articles that share something, keyed (i, j), i < j."""
    # Each article's weightiest terms (evidence keeps them weightiest first): common words stay
    # out, and the all-pairs work stays near linear.
    words = _cosines([dict(itertools.islice(e.terms.items(), weights.top_terms)) for e in evidence], within=False)
    people = _cosines([dict.fromkeys(e.participants, 1.0) for e in evidence], within=True)
    links = {}
    for pair in sorted(words):
        # Words decide; shared participants only strengthen a link the words make. Alone they
        # would join every two stories about one person (two Blair stories of one week).
        link = words.get(pair, 0.0) * (1.0 + weights.participants * people.get(pair, 0.0))
        link *= _closeness(evidence[pair[0]], evidence[pair[1]], weights)
        if link > 0.0:
            links[pair] = link
    return links


def _closeness(a: Evidence, b: Evidence, weights: Weights) -> float:
    """1 for articles on close dates (or without dates), falling to 0 far apart."""
    if a.date is None or b.date is None:
        return 1.0
    gap = abs((a.date - b.date).days)
    if gap <= weights.same_days:
        return 1.0
    return max(0.0, 1.0 - (gap - weights.same_days) / (weights.far_days - weights.same_days))


def _cosines(vectors: Sequence[dict[str, float]], within: bool) -> dict[tuple[int, int], float]:
    """Cosine similarity of weighted vectors, for every pair sharing a feature. With
    `within`, each weight is multiplied by the feature's smoothed IDF over `vectors` itself
    (rarity in the period)."""
    count = len(vectors)
    df: dict[str, int] = defaultdict(int)
    for vector in vectors:
        for feature in vector:
            df[feature] += 1
    idf = {feature: math.log((1 + count) / (1 + n)) + 1.0 if within else 1.0 for feature, n in df.items()}
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        weighted = [(feature, tf * idf[feature]) for feature, tf in vector.items()]
        norm = math.sqrt(sum(w * w for _, w in weighted)) or 1.0
        for feature, weight in weighted:
            if df[feature] > 1:  # a feature of one article links nothing
                postings[feature].append((index, weight / norm))
    dots: dict[tuple[int, int], float] = defaultdict(float)
    for feature in sorted(postings):
        posting = postings[feature]
        for k, (i, wi) in enumerate(posting):
            for j, wj in posting[k + 1 :]:
                dots[(i, j)] += wi * wj
    return dots


def cluster(count: int, links: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering over a sparse graph (a missing link is 0):
    repeatedly join the two groups with the highest average link, while it is at least
    `threshold`. Ties go to the groups whose first articles come first."""
    members: dict[int, list[int]] = {i: [i] for i in range(count)}  # group id (its first index) → indices
    sums: dict[int, dict[int, float]] = defaultdict(dict)  # group → neighbour group → summed link
    for (i, j), link in links.items():
        sums[i][j] = link
        sums[j][i] = link
    heap = [(-link, i, j) for (i, j), link in links.items() if link >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one of them has since been joined to another group
        average = sums[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(average + negative) > 1e-12:
            continue  # stale: the groups' link changed since this entry was pushed
        keep, gone = min(a, b), max(a, b)
        members[keep] = sorted(members[keep] + members.pop(gone))
        for other, link in sums.pop(gone).items():
            sums[other].pop(gone, None)
            if other != keep:
                total = sums[keep].get(other, 0.0) + link
                sums[keep][other] = total
                sums[other][keep] = total
        sums[keep].pop(gone, None)
        size = len(members[keep])
        for other, total in sums[keep].items():
            average = total / (size * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, min(keep, other), max(keep, other)))
    return sorted(members.values())
