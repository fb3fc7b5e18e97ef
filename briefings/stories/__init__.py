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
from ..model import Entry, QuoteRef, Story, StoryParticipant, TopPoint
from .evidence import Evidence, evidence_of, fold
from .grouping import WEIGHTS, Weights, cluster, group, similarities
from .summary import STORY_POINTS, summarise

__all__ = ["Evidence", "Weights", "WEIGHTS", "cluster", "group", "similarities", "find_stories", "entry_evidence"]

MEMO_SIZE = 4096  # periods, and articles' evidence x 4, remembered
_EVIDENCE: dict[str, Evidence] = {}
_MEMO: dict[tuple, list[tuple]] = {}  # (points, weights, fingerprints) → the period's stories, by entry index


def entry_evidence(entry: Entry) -> Evidence:
    """What the grouping reads of one article, remembered by the entry's fingerprint."""
    key = entry.fingerprint
    found = _EVIDENCE.get(key) if key else None
    if found is None:
        article = entry.article
        # A title made from the file name ("reuters_airasia.txt") is the file's, not the story's.
        title = "" if article.title == humanise(PurePath(article.source).stem) else article.title
        found = evidence_of(title, article.text, [p.name for p in entry.extraction.participants], article.date)
        if key:
            if len(_EVIDENCE) >= 4 * MEMO_SIZE:
                _EVIDENCE.pop(next(iter(_EVIDENCE)))
            _EVIDENCE[key] = found
    return found


def find_stories(entries: Sequence[Entry], points: int = STORY_POINTS, weights: Weights = WEIGHTS) -> list[Story]:
    """The stories of `entries` (one period's, in the digest's order), best first."""
    if not entries:
        return []
    key = (points, weights, tuple(e.fingerprint for e in entries))
    if all(key[2]) and key in _MEMO:
        return [_restore(saved, entries) for saved in _MEMO[key]]
    stories = _find_stories(entries, points, weights)
    if all(key[2]):
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)))
        order = {id(e): i for i, e in enumerate(entries)}
        _MEMO[key] = [_save(story, order) for story in stories]
    return stories


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


def _save(story: Story, order: dict[int, int]) -> tuple:
    """A story as indices into its period's entries, to be restored onto a rebuilt site's."""
    quote = story.quote
    return (story.id, [order[id(e)] for e in story.entries],
            [(p.text, order[id(p.entry)], [order[id(e)] for e in p.sources], p.score) for p in story.points],
            None if quote is None else (order[id(quote.entry)], quote.entry.extraction.quotes.index(quote.quote)),
            [_participant_at(p, story.entries, order) for p in story.participants], story.score)


def _participant_at(item: StoryParticipant, entries: list[Entry], order: dict[int, int]) -> tuple[int, int, int]:
    """(entry index, participant index, articles) of a story participant."""
    for entry in entries:
        for index, participant in enumerate(entry.extraction.participants):
            if participant is item.participant:
                return order[id(entry)], index, item.articles
    raise ValueError(f"{item.participant.name} is in none of the story's articles")


def _restore(saved: tuple, entries: Sequence[Entry]) -> Story:
    story_id, members, points, quote, participants, score = saved
    ordered = [entries[i] for i in members]
    story = Story(id=story_id, lead=ordered[0], entries=ordered, score=score)
    story.points = [TopPoint(text, entries[first], [entries[i] for i in sources], point_score)
                    for text, first, sources, point_score in points]
    if quote is not None:
        entry = entries[quote[0]]
        story.quote = QuoteRef(entry.extraction.quotes[quote[1]], entry)
    story.participants = [StoryParticipant(entries[e].extraction.participants[i], n) for e, i, n in participants]
    return story
