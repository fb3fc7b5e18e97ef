"""Stories: the articles of a period grouped by the event or development they tell.

`find_stories(entries)` groups a period's articles (evidence.py: words, participants,
dates; grouping.py: links and average-linkage clustering) and summarises each group
(summary.py), ranked by coverage and centrality. Every article is in exactly one story; a
story of one article is a story too.

Pure over the entries, and remembered: an article's evidence by its fingerprint, a
period's stories by its articles' fingerprints, so `serve`, rebuilding the site model on
every edit, regroups only the period whose articles changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from ..content import humanise
from ..model import Entry, Story
from . import memo
from .evidence import Evidence, evidence_of
from .grouping import WEIGHTS, Weights, cluster, group, similarities
from .summary import STORY_POINTS, summarise

__all__ = ["Evidence", "Weights", "WEIGHTS", "cluster", "group", "similarities", "find_stories", "entry_evidence"]


def entry_evidence(entry: Entry) -> Evidence:
    """What the grouping reads of one article, remembered by the entry's fingerprint."""
    return memo.evidence(entry, _evidence)


def _evidence(entry: Entry) -> Evidence:
    article = entry.article
    # A title made from the file name ("reuters_airasia.txt") is the file's, not the story's.
    title = "" if article.title == humanise(PurePath(article.source).stem) else article.title
    return evidence_of(title, article.text, [p.name for p in entry.extraction.participants], article.date)


def find_stories(entries: Sequence[Entry], points: int = STORY_POINTS, weights: Weights = WEIGHTS) -> list[Story]:
    """The stories of `entries` (one period's, in the digest's order), best first; a period
    seen before with the same articles is not grouped again (memo.py)."""
    if not entries:
        return []
    return memo.stories(entries, (points, weights), lambda given: _find_stories(given, points, weights))


def _find_stories(entries: Sequence[Entry], points: int, weights: Weights) -> list[Story]:
    evidence = [entry_evidence(e) for e in entries]
    links = similarities(evidence, weights)
    groups = cluster(len(entries), links, weights.threshold)
    mentions: Counter[str] = Counter()
    for item in evidence:
        mentions.update(item.participants)
    stories = [summarise(members, entries, links, mentions, points) for members in groups]
    used: set[str] = set()
    for story in stories:  # slugs are unique in a site, not among any files given to `stories`
        base, n = story.id, 1
        while story.id in used:
            n += 1
            story.id = f"{base}-{n}"
        used.add(story.id)
    # Best first; on a tie the story with the newest article (entries are newest first).
    order = {id(e): i for i, e in enumerate(entries)}
    stories.sort(key=lambda s: (-s.score, min(order[id(e)] for e in s.entries)))
    return stories
