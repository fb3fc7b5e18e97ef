"""The client-side search index: what templates/static/search.js searches.

Built in Python rather than in a template: at 5,000 articles a Jinja loop takes half a
second, and the index is written twice (search.json, and search-index.js for pages opened
from disk), so it is serialised once per site model and reused."""
from __future__ import annotations

import json

from .model import SiteModel

VERSION = 1


def search_index(site: SiteModel) -> dict:
    """Every article's title, key points, quotes (and speakers) and participant names; every
    participant page. URLs are relative to the site root, where search.html lives."""
    articles = [{
        "title": e.article.title,
        "url": e.url,
        "date": e.article.date.isoformat() if e.article.date else "",
        "source": e.article.source_name or "",
        "points": [k.text for k in e.key_points_in_order],
        "quotes": [q.text for q in e.extraction.quotes],
        "speakers": [q.speaker for q in e.extraction.quotes],
        "participants": [p.name for p in e.extraction.participants],
    } for e in site.entries]
    participants = [{"name": p.name, "url": p.url, "type": p.type, "articles": len(p.entries)}
                    for p in site.participants]
    return {"version": VERSION, "articles": articles, "participants": participants}


def search_index_json(site: SiteModel) -> str:
    # "</" escaped, so the same text is safe inside a <script> element too.
    return json.dumps(search_index(site), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
