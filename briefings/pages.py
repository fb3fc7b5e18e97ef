"""The page plan: every output file, the template that renders it, and what it depends on.

A page's fingerprint hashes its template (with everything it extends, includes or
imports), the config and the data the page shows. An incremental build renders only
pages whose fingerprint changed; a clean build renders all and must give the same bytes.
Templates therefore read the site only through their page's own context (plus
`site.title` and config); the list pages declare what of the site they show.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .model import Entry, SiteModel


@dataclass
class PageSpec:
    url: str  # output path, e.g. "articles/x.html"
    template: str | None  # None: a static file, `data` holds its bytes
    context: dict = field(default_factory=dict)
    deps: tuple[str, ...] = ()  # strings naming everything the page shows
    data: bytes | None = None


def entry_key(entry: Entry) -> str:
    """What an entry's card and page show: its article and extraction, and where it lives."""
    return f"{entry.article.source}|{entry.fingerprint}|{entry.digest.id if entry.digest else ''}|" \
           f"{','.join(t.url for t in entry.tags)}"


def plan(site: SiteModel, participant_urls: Callable[[Entry], Iterable[str]],
         static_files: Iterable[tuple[str, bytes]]) -> list[PageSpec]:
    """Every page of the site, in a stable order."""
    keys = {id(e): entry_key(e) + "|" + ",".join(participant_urls(e)) for e in site.entries}

    def cards(entries: Iterable[Entry]) -> list[str]:
        return [keys[id(e)] for e in entries]

    pages: list[PageSpec] = []
    if site.digests:
        latest = site.digests[0]
        pages.append(PageSpec("index.html", "digest.html", {"digest": latest, "is_index": True},
                              ("index", *_digest_deps(latest), *cards(latest.entries))))
    else:
        pages.append(PageSpec("index.html", "empty.html", {}, ("empty",)))
    for digest in site.digests:
        pages.append(PageSpec(digest.url, "digest.html", {"digest": digest, "is_index": False},
                              (*_digest_deps(digest), *cards(digest.entries))))
    pages.append(PageSpec("digests/index.html", "archive.html", {},
                          tuple(f"{d.id}|{d.title}|{len(d.entries)}" for d in site.digests)))
    for entry in site.entries:
        pages.append(PageSpec(entry.url, "article.html", {"entry": entry}, (keys[id(entry)],)))
    pages.append(PageSpec("participants/index.html", "participants.html", {},
                          tuple(f"{p.key}|{p.url}|{len(p.entries)}|{p.current}|{len(p.quotes)}|{'|'.join(p.roles)}"
                                for p in site.participants)))
    for person in site.participants:
        pages.append(PageSpec(person.url, "participant.html", {"participant": person},
                              (person.key, "|".join(person.roles), str(person.current), *cards(person.entries),
                               *(f"{q.entry.url}#{q.quote.start}" for q in person.quotes))))
    pages.append(PageSpec("tags/index.html", "tags.html", {},
                          tuple(f"{t.name}|{t.url}|{len(t.entries)}" for t in site.tags)))
    for tag in site.tags:
        pages.append(PageSpec(tag.url, "tag.html", {"tag": tag}, (tag.name, *cards(tag.entries))))
    counts = f"quotes={len(site.quotes)}|articles={len(site.entries)}|pages={len(site.quote_pages)}"
    for quote_page in site.quote_pages:
        shown = {id(ref.entry): ref.entry for _, refs in quote_page.groups for ref in refs}
        pages.append(PageSpec(quote_page.url, "quotes.html", {"quote_page": quote_page},
                              (counts, str(quote_page.number),
                               *(f"{name}|{len(refs)}" for name, refs in quote_page.groups),
                               *cards(shown.values()))))
    feed = site.entries[:50]
    pages.append(PageSpec("feed.xml", "atom.xml", {}, (str(site.updated), *cards(feed))))
    pages.append(PageSpec("sitemap.xml", "sitemap.xml", {},
                          (str(site.updated), *(d.url for d in site.digests),
                           *(f"{e.url}|{e.article.date}" for e in site.entries),
                           *(p.url for p in site.participants), *(t.url for t in site.tags),
                           *(q.url for q in site.quote_pages))))
    for url, data in static_files:
        pages.append(PageSpec(url, None, data=data, deps=(hashlib.sha256(data).hexdigest(),)))
    return pages


def _digest_deps(digest) -> tuple[str, ...]:
    older, newer = digest.previous, digest.next
    # The top points follow from the cards' entries, but name them: what the page shows.
    top = tuple(f"top|{p.text}|{','.join(e.url for e in p.sources)}" for p in digest.top_points)
    return (digest.id, digest.title,
            f"{older.id}|{older.title}" if older else "", f"{newer.id}|{newer.title}" if newer else "", *top)


def fingerprint(page: PageSpec, template_hash: str, config_hash: str) -> str:
    digest = hashlib.sha256()
    for part in (page.url, page.template or "", template_hash, config_hash, *page.deps):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
