"""A story as a reader sees it: headline, merged points, best quote, main participants, rank.

Given the articles of one story (and the links the grouping found between them), pick the
lead article, merge the articles' key points (near-duplicates across sources become one
point listing every source: digest_points.py), choose the most informative attributed
quote and the participants most of its articles name, and score the story so that the
period's most covered, most central stories come first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..digest_points import top_points
from ..model import Entry, QuoteRef, Story, StoryParticipant, TopPoint, featured, informative_first
from .evidence import fold

STORY_POINTS = 3  # points a story shows
STORY_PARTICIPANTS = 6  # participants a story shows


def summarise(
    members: Sequence[int],
    entries: Sequence[Entry],
    links: dict[tuple[int, int], float],
    mentions: Counter[str],
    points: int = STORY_POINTS,
) -> Story:
    """The story of `entries[i] for i in members`. `mentions` counts, for each folded
    participant name, the articles of the whole period naming it (for centrality)."""
    lead_index = max(
        members, key=lambda i: (sum(links.get((min(i, j), max(i, j)), 0.0) for j in members if j != i), -i)
    )
    lead = entries[lead_index]
    rest = sorted((entries[i] for i in members if i != lead_index), key=_newest_first)
    ordered = [lead, *rest]
    first = min(ordered, key=lambda e: (e.article.date or dt.date.max, e.article.slug))
    story = Story(id=first.article.slug, lead=lead, entries=ordered)
    story.points = top_points(ordered, points)
    story.quote = best_quote(ordered)
    story.participants = main_participants(ordered)
    story.score = score(story, mentions, len(entries))
    return story


def _newest_first(entry: Entry) -> tuple:
    date = entry.article.date
    return (date is None, -(date or dt.date.min).toordinal(), entry.article.slug)


def best_quote(entries: Sequence[Entry]) -> QuoteRef | None:
    """The story's most informative quote: a statement of some length by a known speaker,
    the lead article's first on a tie."""
    candidates = [(q, e) for e in entries for q in e.extraction.quotes if featured(q)]
    if not candidates:
        return None
    chosen = informative_first([q for q, _ in candidates])[0]
    entry = next(e for q, e in candidates if q is chosen)
    return QuoteRef(chosen, entry)


def main_participants(entries: Sequence[Entry], limit: int = STORY_PARTICIPANTS) -> list[StoryParticipant]:
    """Participants named by the most of its articles, then the most salient (earliest in
    their articles' lists); each as the first article naming them gives them."""
    seen: dict[str, StoryParticipant] = {}
    salience: Counter[str] = Counter()
    for entry in entries:
        named = set()
        for rank, participant in enumerate(entry.extraction.participants):
            key = fold(participant.name)
            if key in named:
                continue
            named.add(key)
            salience[key] += 1.0 / (1 + rank)
            if key in seen:
                seen[key].articles += 1
            else:
                seen[key] = StoryParticipant(participant, 1)
    ranked = sorted(seen, key=lambda k: (-seen[k].articles, -salience[k], k))
    return [seen[k] for k in ranked[:limit]]


def score(story: Story, mentions: Counter[str], period_articles: int) -> float:
    """Coverage (articles, and distinct outlets beyond the first) plus the centrality of its
    main participants: the share of the period's other articles that name them too."""
    coverage = len(story.entries) + 0.5 * max(0, len(story.sources) - 1)
    others = max(1, period_articles - len(story.entries))
    centrality = sum(max(0, mentions[fold(p.participant.name)] - p.articles) for p in story.participants[:3]) / others
    return round(coverage + centrality, 6)


def timeline(story: Story) -> list[tuple[dt.date | None, list[TopPoint]]]:
    """Every key point of the story's articles, near-duplicates merged, under the earliest
    date any of its sources has: oldest first, undated last."""
    count = sum(len(e.extraction.key_points) for e in story.entries)
    days: dict[dt.date | None, list[TopPoint]] = defaultdict(list)
    for point in top_points(story.entries, count):
        dates = [e.article.date for e in point.sources if e.article.date]
        days[min(dates) if dates else None].append(point)
    return sorted(days.items(), key=lambda day: (day[0] is None, day[0] or dt.date.min))


def quotes_by_speaker(story: Story) -> list[tuple[str, list[QuoteRef]]]:
    """Who said what across the story's articles: attributed quotes by speaker, the most
    quoted first, each speaker's quotes in the story's article order."""
    said: dict[str, list[QuoteRef]] = defaultdict(list)
    for entry in story.entries:
        for quote in entry.extraction.quotes:
            if quote.speaker:
                said[quote.speaker].append(QuoteRef(quote, entry))
    return sorted(said.items(), key=lambda item: (-len(item[1]), item[0].lower()))
