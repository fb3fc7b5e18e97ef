"""The site model: digests by period, participant, tag and quote indexes, and page URLs.

Every URL names a file (`articles/x.html`, not `articles/x/`), so output/ browses from
disk as well as from a server; templates turn them into relative links.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
from collections import Counter, defaultdict

from .config import Config
from .content import slugify
from .model import (
    SPEAKER_TYPES,
    Article,
    Digest,
    Entry,
    Extraction,
    ListPage,
    ParticipantPage,
    QuotePage,
    QuoteRef,
    SiteModel,
    TagPage,
    titled,
)
from .stories import find_stories

UNDATED = "undated"
_INDEX_PAGE = re.compile(r"page-\d+")  # participants/page-2.html is the index's, never a participant's


def article_url(slug: str) -> str:
    return f"articles/{slug}.html"


def digest_url(digest_id: str) -> str:
    return f"digests/{digest_id}.html"


def story_url(story_id: str) -> str:
    return f"stories/{story_id}.html"


def period_start(date: dt.date, period: str) -> dt.date:
    return date - dt.timedelta(days=date.weekday()) if period == "week" else date


def period_title(start: dt.date, period: str) -> str:
    if period == "week":
        return f"Week of {start.day} {start:%B %Y}"
    return f"{start:%A} {start.day} {start:%B %Y}"


def build_site_model(articles: list[Article], extracted: list[tuple[str, Extraction]], config: Config) -> SiteModel:
    """`extracted` holds (extraction cache key, extraction) per article, in the same order."""
    entries = [
        Entry(article=titled(a, e), extraction=e, url=article_url(a.slug), fingerprint=f"{a.checksum}:{key}")
        for a, (key, e) in zip(articles, extracted)
    ]
    # Newest first; undated last; ties by title so the order never depends on the file system.
    entries.sort(
        key=lambda e: (
            e.article.date is None,
            -(e.article.date or dt.date.min).toordinal(),
            e.article.title.lower(),
            e.article.slug,
        )
    )
    digests = build_digests(entries, config.period, config.top_points, config.top_stories)
    latest = next((d.entries for d in digests if d.start is not None), [])
    site = SiteModel(
        title=config.title,
        base_url=config.base_url,
        entries=entries,
        digests=digests,
        participants=build_participants(entries, latest),
        tags=build_tags(entries),
        quotes=[QuoteRef(q, e) for e in entries for q in e.extraction.quotes],
        updated=site_updated(entries),
    )
    site.quote_pages = build_quote_pages(site.quotes_by_speaker, config.page_size)
    site.archive_pages = paginate(digests, config.page_size, lambda n: numbered_url("digests/index.html", n))
    for tag in site.tags:
        tag.pages = paginate(tag.entries, config.page_size, lambda n, tag=tag: tag_page_url(tag.slug, n))
    for person in site.participants:
        person.pages = participant_pages(person, config.page_size)
    site.participant_index = {
        order: paginate(
            sorted(site.participants, key=key), config.page_size, lambda n, order=order: participant_index_url(order, n)
        )
        for order, key in PARTICIPANT_ORDERS.items()
    }
    return site


# The participants index, sorted two ways, each pre-rendered so sorting needs no script.
PARTICIPANT_ORDERS = {
    "count": lambda p: (-len(p.entries), -len(p.quotes), p.name.lower(), p.type),
    "name": lambda p: (p.name.lower(), p.type),
}


def paginate(items: list, page_size: int, url) -> list[ListPage]:
    """`items` in pages of page_size, linked both ways; `url(n)` names page n. An empty
    listing still has its first page."""
    chunks = [items[i : i + page_size] for i in range(0, len(items), page_size)] or [[]]
    pages = [ListPage(n, url(n), chunk, len(chunks)) for n, chunk in enumerate(chunks, 1)]
    for earlier, later in zip(pages, pages[1:]):
        earlier.next, later.previous = later, earlier
    return pages


def numbered_url(first: str, number: int) -> str:
    """Page 1 at `first` ("digests/index.html"), page n beside it ("digests/page-2.html")."""
    return first if number == 1 else f"{first.rsplit('/', 1)[0]}/page-{number}.html"


def tag_page_url(slug: str, number: int) -> str:
    # Later pages in a folder of their own: tags/uk/page-2.html never meets another tag's URL.
    return f"tags/{slug}.html" if number == 1 else f"tags/{slug}/page-{number}.html"


def participant_pages(person: ParticipantPage, page_size: int) -> list[ListPage]:
    """A participant's articles page_size to a page; its quotes, as many, run alongside
    (page n shows quotes n·page_size onwards), so neither list grows without bound."""
    count = max(1, -(-len(person.entries) // page_size), -(-len(person.quotes) // page_size))
    if count == 1:  # most participants: one article or a few (built for thousands each time)
        return [ListPage(1, person.url, person.entries, 1, person.quotes)]
    pages = paginate(
        list(range(count)), 1, lambda n: person.url if n == 1 else f"participants/{person.slug}/page-{n}.html"
    )
    for page in pages:
        shown = slice((page.number - 1) * page_size, page.number * page_size)
        page.items, page.quotes = person.entries[shown], person.quotes[shown]
    return pages


def participant_index_url(order: str, number: int) -> str:
    return numbered_url(
        "participants/index.html" if order == "count" else f"participants/by-{order}/index.html", number
    )


def build_quote_pages(groups: list[tuple[str | None, list[QuoteRef]]], page_size: int) -> list[QuotePage]:
    """Speaker groups in pages of about page_size quotes (a group is never split), so an
    edit re-renders one page of a long listing, and no page grows with the site."""
    pages: list[QuotePage] = []
    current: list[tuple[str | None, list[QuoteRef]]] = []
    count = 0
    for group in groups:
        if current and count + len(group[1]) > page_size:
            pages.append(QuotePage(len(pages) + 1, quote_page_url(len(pages) + 1), current))
            current, count = [], 0
        current.append(group)
        count += len(group[1])
    pages.append(QuotePage(len(pages) + 1, quote_page_url(len(pages) + 1), current))
    for earlier, later in zip(pages, pages[1:]):
        earlier.next, later.previous = later, earlier
    return pages


def quote_page_url(number: int) -> str:
    return "quotes/index.html" if number == 1 else f"quotes/page-{number}.html"


def build_digests(entries: list[Entry], period: str, points: int = 3, top: int = 5) -> list[Digest]:
    """One digest per period, newest first, each with its stories (those of two or more
    articles get a page), the `top` of them shown first, and cards for the other articles."""
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
        digest.stories = find_stories(digest.entries, points)
        for story in digest.stories:
            if len(story.entries) > 1:
                story.url = story_url(story.id)
            for entry in story.entries:
                entry.story = story
        digest.top_stories = [s for s in digest.stories if s.url][:top]
        shown = {id(e) for story in digest.top_stories for e in story.entries}
        digest.cards = [e for e in digest.entries if id(e) not in shown]
    for newer, older in zip(digests, digests[1:]):
        newer.previous, older.next = older, newer
    return digests


def build_participants(entries: list[Entry], current: list[Entry] | None = None) -> list[ParticipantPage]:
    """One page per real-world participant across the site, most present in the latest
    digest (`current`) first, then by number of articles."""
    # Runs on every build, over every mention in the site (12,000 at N = 1,000): kept lean.
    counts = Counter(itertools.chain.from_iterable(e.extraction.participant_keys for e in entries))
    canonical, aliases, slugs = participant_identities(counts)
    pages: dict[str, ParticipantPage] = {}
    latest = {id(e) for e in current or ()}
    for entry in entries:
        extraction = entry.extraction
        speakers: dict[str, ParticipantPage] = {}
        in_latest = id(entry) in latest
        for key, participant in zip(extraction.participant_keys, extraction.participants):
            key = canonical[key]
            page = pages.get(key)
            if page is None:
                kind, _, name = key.partition(":")
                slug = slugs[key]
                page = pages[key] = ParticipantPage(
                    key, name, kind, slug, f"participants/{slug}.html", [], [entry], [], aliases[key], int(in_latest)
                )
            elif page.entries[-1] is not entry:  # "Blair" and "Tony Blair": once
                page.entries.append(entry)
                page.current += in_latest
            if participant.role or participant.nationality:
                title = participant.title
                if title not in page.roles:
                    page.roles.append(title)
            if participant.type in SPEAKER_TYPES and participant.name not in speakers:
                speakers[participant.name] = page
        if speakers:
            for quote in extraction.quotes:
                page = speakers.get(quote.speaker)
                if page is not None:
                    page.quotes.append(QuoteRef(quote, entry))
    return sorted(pages.values(), key=lambda p: (-p.current, -len(p.entries), p.name.lower(), p.type))


def remember_last(function):
    """Memoise a pure function's latest call by argument equality, for arguments that
    cannot be hashed (a Counter). A site rebuilt after one edit mostly asks again with
    equal ones. Callers must not change what it returns."""
    last: tuple | None = None

    @functools.wraps(function)
    def remembered(*args):
        nonlocal last
        if last is not None and last[0] == args:
            return last[1]
        result = function(*args)
        last = (args, result)
        return result

    return remembered


@remember_last
def participant_identities(counts: Counter[str]) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """From how often each "TYPE:name" is mentioned across the site: the page key each
    belongs to (see _canonical_keys), every key merged into each page, and each page's
    URL slug, unique across the site."""
    canonical = _canonical_keys(counts)
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, key in canonical.items():
        aliases[key].append(alias)
    for keys in aliases.values():
        keys.sort()
    slugs = {}
    used = {"index", "by-name"}  # the index's own pages: participants/index.html, participants/by-name/
    for key in sorted(aliases, key=lambda k: (k.partition(":")[2].lower(), k.partition(":")[0])):
        kind, _, name = key.partition(":")
        base = slugify(name) or "participant"
        slug = base
        if slug in used or _INDEX_PAGE.fullmatch(slug):  # two pages never share a URL
            candidates = itertools.chain((f"{base}-{kind.lower()}",), (f"{base}-{n}" for n in itertools.count(2)))
            slug = next(c for c in candidates if c not in used and not _INDEX_PAGE.fullmatch(c))
        used.add(slug)
        slugs[key] = slug
    return canonical, dict(aliases), slugs


def _canonical_keys(counts: Counter[str]) -> dict[str, str]:
    """Each "TYPE:name" seen (with its count of mentions) → the key of the page it belongs
    on. Spelling variants ("Robert De Niro", "Robert de Niro") share a page under their
    most frequent form, and a bare surname joins the one full name in the site that ends
    with it, never a guess between two people who share it."""
    variants: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in counts:
        kind, _, name = key.partition(":")
        variants[(kind, slugify(name))].append(key)
    canonical = {}
    surnames: dict[str, set[str]] = defaultdict(set)
    for (kind, folded), keys in variants.items():
        best = (
            keys[0] if len(keys) == 1 else max(keys, key=lambda k: (counts[k], len(k), k))
        )  # most frequent, then the fullest
        for key in keys:
            canonical[key] = best
        if kind == "PERSON" and "-" in folded:
            surnames[folded.rsplit("-", 1)[1]].add(best)
    for (kind, folded), keys in variants.items():
        if kind == "PERSON" and folded and "-" not in folded and len(surnames.get(folded, ())) == 1:
            full = next(iter(surnames[folded]))
            for key in keys:
                canonical[key] = full
    return canonical


def build_tags(entries: list[Entry]) -> list[TagPage]:
    tags: dict[str, TagPage] = {}
    for entry in entries:
        for tag in entry.article.tags:
            slug = slugify(tag) or "tag"
            slug = "index-tag" if slug == "index" else slug  # tags/index.html lists the tags
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
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    dates = [e.article.date for e in entries if e.article.date]
    newest = max(dates, default=dt.date(1970, 1, 1))
    return dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)
