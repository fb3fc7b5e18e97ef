"""The JSON shape of `briefings extract`, read by other tools and by our evaluation."""
from __future__ import annotations

from ..model import Article, Extraction, titled


def extraction_json(article: Article, extraction: Extraction) -> dict:
    return {
        "source": article.source,
        "title": titled(article, extraction).title,
        "key_points": [k.text for k in extraction.key_points],
        "quotes": [{"text": q.text, "speaker": q.speaker, "cue": q.cue} for q in extraction.quotes],
        "participants": [
            {"name": p.name, "type": p.type, "role": p.title, "aliases": p.aliases}
            for p in extraction.participants
        ],
    }
