"""The client-side search index: what templates/static/search.js searches.

Built in Python rather than in a template: at 5,000 articles a Jinja loop takes half a
second, and the index is written twice (search.json, and search-index.js for pages opened
from disk), so it is serialised once per site model and reused. A long-lived builder
(serve) also keeps each article's serialised record, so an edit re-serialises one."""

from __future__ import annotations

import json

from .model import Entry, ParticipantPage, SiteModel

VERSION = 1


def search_index(site: SiteModel) -> dict:
    """Every article's title, key points, quotes (and speakers) and participant names; every
    participant page. URLs are relative to the site root, where search.html lives."""
    return {
        "version": VERSION,
        "articles": [article_record(e) for e in site.entries],
        "participants": [participant_record(p) for p in site.participants],
    }


def article_record(e: Entry) -> dict:
    return {
        "title": e.article.title,
        "url": e.url,
        "date": e.article.date.isoformat() if e.article.date else "",
        "source": e.article.source_name or "",
        "points": [k.text for k in e.key_points_in_order],
        "quotes": [q.text for q in e.extraction.quotes],
        "speakers": [q.speaker for q in e.extraction.quotes],
        "participants": [p.name for p in e.extraction.participants],
    }


def participant_record(p: ParticipantPage) -> dict:
    return {"name": p.name, "url": p.url, "type": p.type, "articles": len(p.entries)}


def search_index_json(site: SiteModel, memo: dict[tuple, str] | None = None) -> str:
    """search_index() as JSON, byte for byte. `memo` maps what a record shows to the
    record as JSON; it is refilled with this site's records only."""
    memo = {} if memo is None else memo
    fresh: dict[tuple, str] = {}

    def record(key: tuple, make) -> str:
        text = fresh[key] = memo.get(key) or to_json(make())
        return text

    articles = ",".join(record(("article", e.fingerprint, e.url), lambda e=e: article_record(e)) for e in site.entries)
    participants = ",".join(
        record(("participant", p.name, p.url, p.type, len(p.entries)), lambda p=p: participant_record(p))
        for p in site.participants
    )
    memo.clear()
    memo.update(fresh)
    return f'{{"version":{VERSION},"articles":[{articles}],"participants":[{participants}]}}'


def to_json(value) -> str:
    """JSON for the search index and the JSON Feed (a template filter): UTF-8 as it is,
    compact, stable. "</" is written with an escaped slash so the same text is safe inside
    a <script> element too."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
