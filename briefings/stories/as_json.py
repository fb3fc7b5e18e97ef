"""The JSON shape of `briefings stories`, read by other tools and by bench/score_stories.py."""

from __future__ import annotations

from ..model import Story


def story_json(story: Story) -> dict:
    quote = story.quote
    return {
        "id": story.id,
        "title": story.title,
        "articles": [e.article.source for e in story.entries],
        "points": [{"text": p.text, "sources": [e.article.source for e in p.sources]} for p in story.points],
        "quote": None
        if quote is None
        else {
            "text": quote.quote.text,
            "speaker": quote.quote.speaker,
            "cue": quote.quote.cue,
            "source": quote.entry.article.source,
        },
    }
