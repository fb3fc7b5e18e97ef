"""The site model: digests by period, participant, tag and quote indexes, and page URLs.

Every URL names a file (`articles/x.html`, not `articles/x/`), so output/ browses from
disk as well as from a server; templates turn them into relative links.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
from collections import defaultdict

from .config import Config
from .content import slugify
from .model import Article, Digest, Entry, Extraction, ParticipantPage, QuoteRef, SiteModel, TagPage

UNDATED = "undated"


def article_url(slug: str) -> str:
    return f"articles/{slug}.html"


def digest_url(digest_id: str) -> str:
    return f"digests/{digest_id}.html"


def period_start(date: dt.date, period: str) -> dt.date:
    return date - dt.timedelta(days=date.weekday()) if period == "week" else date


def period_title(start: dt.date, period: str) -> str:
    if period == "week":
        return f"Week of {start.day} {start:%B %Y}"
    return f"{start:%A} {start.day} {start:%B %Y}"


def build_site_model(articles: list[Article], extracted: list[tuple[str, Extraction]], config: Config) -> SiteModel:
    """`extracted` holds (extraction cache key, extraction) per article, in the same order."""
    entries = [Entry(article=a, extraction=e, url=article_url(a.slug), fingerprint=f"{a.checksum}:{key}")
               for a, (key, e) in zip(articles, extracted)]
    # Newest first; undated last; ties by title so the order never depends on the file system.
    entries.sort(key=lambda e: (e.article.date is None, -(e.article.date or dt.date.min).toordinal(),
                                e.article.title.lower(), e.article.slug))
    return SiteModel(
        title=config.title,
        base_url=config.base_url,
        entries=entries,
        digests=build_digests(entries, config.period),
        participants=build_participants(entries),
        tags=build_tags(entries),
        quotes=[QuoteRef(q, e) for e in entries for q in e.extraction.quotes],
        updated=site_updated(entries),
    )


def build_digests(entries: list[Entry], period: str) -> list[Digest]:
    groups: dict[dt.date | None, list[Entry]] = defaultdict(list)
    for entry in entries:
        date = entry.article.date
        groups[period_start(date, period) if date else None].append(entry)
    digests = []
    for start in sorted((s for s in groups if s is not None), reverse=True):
        digest_id = start.isoformat()
        digests.append(Digest(digest_id, period_title(start, period), digest_url(digest_id), start, groups[start]))
    if None in groups:
        digests.append(Digest(UNDATED, "Undated", digest_url(UNDATED), None, groups[None]))
    for digest in digests:
        for entry in digest.entries:
            entry.digest = digest
    for newer, older in zip(digests, digests[1:]):
        newer.previous, older.next = older, newer
    return digests


def build_participants(entries: list[Entry]) -> list[ParticipantPage]:
    pages: dict[str, ParticipantPage] = {}
    for entry in entries:
        speakers: dict[str, ParticipantPage] = {}
        for participant in entry.extraction.participants:
            key = f"{participant.type}:{participant.name}"
            page = pages.get(key)
            if page is None:
                page = pages[key] = ParticipantPage(key, participant.name, participant.type, "", "", [], [], [])
            page.entries.append(entry)
            if participant.title and participant.title not in page.roles:
                page.roles.append(participant.title)
            if participant.type in ("PERSON", "ORG"):
                speakers.setdefault(participant.name, page)
        for quote in entry.extraction.quotes:
            if quote.speaker in speakers:
                speakers[quote.speaker].quotes.append(QuoteRef(quote, entry))
    ordered = sorted(pages.values(), key=lambda p: (-len(p.entries), p.name.lower(), p.type))
    used: set[str] = set()
    for page in sorted(pages.values(), key=lambda p: (p.name.lower(), p.type)):
        base = slugify(page.name) or "participant"
        # "Robert De Niro" and "Robert de Niro" both get a page; candidates are made lazily.
        candidates = itertools.chain((base, f"{base}-{page.type.lower()}"), (f"{base}-{n}" for n in itertools.count(2)))
        slug = next(c for c in candidates if c not in used)
        used.add(slug)
        page.slug, page.url = slug, f"participants/{slug}.html"
    return ordered


def build_tags(entries: list[Entry]) -> list[TagPage]:
    tags: dict[str, TagPage] = {}
    for entry in entries:
        for tag in entry.article.tags:
            slug = slugify(tag) or "tag"
            page = tags.setdefault(slug, TagPage(tag, slug, f"tags/{slug}.html", []))
            if not page.entries or page.entries[-1] is not entry:  # "UK" and "uk": one page, listed once
                page.entries.append(entry)
                entry.tags.append(page)
    return sorted(tags.values(), key=lambda t: t.slug)


def site_updated(entries: list[Entry]) -> dt.datetime:
    """The site's timestamp: SOURCE_DATE_EPOCH when set, else the newest article date, so that
    identical input gives identical output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    dates = [e.article.date for e in entries if e.article.date]
    newest = max(dates, default=dt.date(1970, 1, 1))
    return dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc)
