"""The JSON shape of `briefings extract`, read by other tools and by our evaluation."""

from __future__ import annotations

from ..model import Article, Extraction, Quote, titled


def extraction_json(article: Article, extraction: Extraction) -> dict:
    return {
        "source": article.source,
        "title": titled(article, extraction).title,
        "key_points": [k.text for k in extraction.key_points],
        "quotes": [item for q in extraction.quotes for item in quote_items(q)],
        "participants": [
            {"name": p.name, "type": p.type, "role": p.title, "aliases": p.aliases} for p in extraction.participants
        ],
    }


def quote_items(quote: Quote) -> list[dict]:
    """One item per quote; an interrupted quote ("So," he said, "we will …") lists its pieces as
    they stand in the text, numbered, the way quote gold (PolNeAR, our own) lists them."""
    if not quote.pieces:
        return [{"text": quote.text, "speaker": quote.speaker, "cue": quote.cue}]
    return [
        {"text": piece, "speaker": quote.speaker, "cue": quote.cue, "piece": k}
        for k, piece in enumerate(quote.pieces, 1)
    ]
