"""The page plan: every output file, the template that renders it, and what it depends on.

A page's fingerprint hashes its template (with everything it extends, includes or
imports), the config and the data the page shows. An incremental build renders only
pages whose fingerprint changed; a clean build renders all and must give the same bytes.
Templates therefore read the site only through their page's own context (plus
`site.title` and config); the list pages declare what of the site they show.
A `PagePlanner` plans one site again and again, keeping what spares work between plans.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import jinja2

from .config import Config
from .model import Entry, SiteModel
from .render import Renderer, make_environment, template_dirs, template_hashes
from .search import VERSION as SEARCH_INDEX_VERSION
from .stories.summary import quotes_by_speaker, timeline


@dataclass
class PageSpec:
    url: str  # output path, e.g. "articles/x.html"
    template: str | None  # None: a static file, `data` holds its bytes
    context: dict = field(default_factory=dict)
    deps: tuple[str, ...] = ()  # strings naming everything the page shows
    data: bytes | None = None


def entry_key(entry: Entry) -> str:
    """What an entry's card and page show: its article and extraction, and where it lives."""
    story = entry.story
    return (
        f"{entry.article.source}|{entry.fingerprint}|{entry.digest.id if entry.digest else ''}|"
        f"{','.join(t.url for t in entry.tags)}|"
        f"{f'{story.url}|{story.title}|{len(story.entries)}' if story and story.url else ''}"
    )


def article_page(entry: Entry, deps: tuple[str, ...] = ()) -> PageSpec:
    """An article's own page (rendered ahead of the plan too: see build.Preview)."""
    return PageSpec(entry.url, "article.html", {"entry": entry}, deps)


def plan(
    site: SiteModel, participant_urls: Callable[[Entry], Iterable[str]], static_files: Iterable[tuple[str, bytes]]
) -> list[PageSpec]:
    """Every page of the site, in a stable order."""
    keys = {id(e): entry_key(e) + "|" + ",".join(participant_urls(e)) for e in site.entries}

    def cards(entries: Iterable[Entry]) -> list[str]:
        return [keys[id(e)] for e in entries]

    pages: list[PageSpec] = []
    if site.digests:
        latest = site.digests[0]
        # The index names the undated articles too: they sit in no period, and would be missed.
        undated = site.undated if site.undated is not latest else None
        pages.append(
            PageSpec(
                "index.html",
                "digest.html",
                {"digest": latest, "is_index": True, "undated": undated},
                (
                    "index",
                    *_digest_deps(latest),
                    *cards(latest.entries),
                    f"undated|{undated.url}|{len(undated.entries)}" if undated else "",
                ),
            )
        )
    else:
        pages.append(PageSpec("index.html", "empty.html", {}, ("empty",)))
    for digest in site.digests:
        pages.append(
            PageSpec(
                digest.url,
                "digest.html",
                {"digest": digest, "is_index": False, "undated": None},
                (*_digest_deps(digest), *cards(digest.entries)),
            )
        )
    archive = site.archive_pages
    for page in archive:
        pages.append(
            PageSpec(
                page.url,
                "archive.html",
                {"listing": page},
                (
                    _pager_deps(page),
                    f"articles={len(site.entries)}",
                    *(f"{d.id}|{d.title}|{len(d.entries)}" for d in page.items),
                ),
            )
        )
    for digest in site.digests:
        for story in digest.stories_with_pages:
            pages.append(
                PageSpec(
                    story.url,
                    "story.html",
                    {"story": story, "timeline": StoryTimeline(story), "said": StorySayings(story)},
                    (digest.id, digest.title, _story_deps(story), *cards(story.entries)),
                )
            )
    for entry in site.entries:
        pages.append(article_page(entry, (keys[id(entry)],)))
    rows = {id(p): _participant_row(p) for p in site.participants}  # each shown up to four times
    kind_counts = Counter(p.type for p in site.participants)
    kinds = "|".join(f"{k}={n}" for k, n in sorted(kind_counts.items()))
    for order, listing in site.participant_index.items():
        for page in listing:
            context = {"listing": page, "order": order, "kinds": kind_counts}
            pages.append(
                PageSpec(
                    page.url,
                    "participants.html",
                    context,
                    (order, _pager_deps(page), kinds, *(rows[id(p)] for p in page.items)),
                )
            )
    for person in site.participants:  # thousands of pages: the row already names the person's own data
        row = rows[id(person)]
        for page in person.pages:
            pages.append(
                PageSpec(
                    page.url,
                    "participant.html",
                    {"participant": person, "listing": page},
                    (
                        row,
                        _pager_deps(page),
                        *[keys[id(e)] for e in page.items],
                        *[f"{q.quote.start}|{keys[id(q.entry)]}" for q in page.quotes],
                    ),
                )
            )
    pages.append(
        PageSpec("tags/index.html", "tags.html", {}, tuple(f"{t.name}|{t.url}|{len(t.entries)}" for t in site.tags))
    )
    for tag in site.tags:
        for page in tag.pages:
            pages.append(
                PageSpec(
                    page.url,
                    "tag.html",
                    {"tag": tag, "listing": page},
                    (tag.name, tag.slug, f"articles={len(tag.entries)}", _pager_deps(page), *cards(page.items)),
                )
            )
    counts = f"quotes={len(site.quotes)}|articles={len(site.entries)}|pages={len(site.quote_pages)}"
    for quote_page in site.quote_pages:
        shown = {id(ref.entry): ref.entry for _, refs in quote_page.groups for ref in refs}
        pages.append(
            PageSpec(
                quote_page.url,
                "quotes.html",
                {"quote_page": quote_page},
                (
                    counts,
                    str(quote_page.number),
                    *(f"{name}|{len(refs)}" for name, refs in quote_page.groups),
                    *cards(shown.values()),
                ),
            )
        )
    pages.extend(_feeds(site, cards))
    everything = (
        f"search-index-v{SEARCH_INDEX_VERSION}",
        *cards(site.entries),
        *(rows[id(p)] for p in site.participants),
    )
    pages.append(PageSpec("search.html", "search.html", {}, ("search",)))
    pages.append(PageSpec("search.json", "search.json", {}, everything))
    pages.append(PageSpec("search-index.js", "search-index.js", {}, everything))
    # By URL, not in the site's order: a retitled article moves in every listing, never here.
    published = sorted((e for e in site.entries if not e.article.draft), key=lambda e: e.url)
    pages.append(
        PageSpec(
            "sitemap.xml",
            "sitemap.xml",
            {"entries": published},
            (
                str(site.updated),
                *(d.url for d in site.digests),
                *(s.url for d in site.digests for s in d.stories_with_pages),
                *(f"{e.url}|{e.article.date}" for e in published),
                *(p.url for person in site.participants for p in person.pages),
                *(p.url for t in site.tags for p in t.pages),
                *(p.url for p in archive),
                *(p.url for listing in site.participant_index.values() for p in listing),
                *(q.url for q in site.quote_pages),
            ),
        )
    )
    pages.append(PageSpec("robots.txt", "robots.txt", {}, ("robots",)))
    for url, data in static_files:
        pages.append(PageSpec(url, None, data=data, deps=(hashlib.sha256(data).hexdigest(),)))
    return pages


FEED_SIZE = 50  # newest articles in each feed
FEEDS = (("feed.xml", "atom.xml"), ("rss.xml", "rss.xml"), ("feed.json", "feed.json"))  # (file, template)


def _feeds(site: SiteModel, cards: Callable[[Iterable[Entry]], list[str]]) -> list[PageSpec]:
    """Atom, RSS 2.0 and JSON Feed for the whole site and for each tag. Drafts never go
    into a feed: a reader's feed app keeps what it has seen."""
    sources = [("", None, site.entries)] + [(f"tags/{t.slug}/", t, t.entries) for t in site.tags]
    pages = []
    for prefix, tag, entries in sources:
        shown = [e for e in entries if not e.article.draft][:FEED_SIZE]
        for name, template in FEEDS:
            url = prefix + name
            feed = {"entries": shown, "tag": tag, "url": url, "link": tag.url if tag else "index.html"}
            pages.append(
                PageSpec(url, template, {"feed": feed}, (str(site.updated), tag.name if tag else "", *cards(shown)))
            )
    return pages


def _pager_deps(page) -> str:
    if page.count == 1:
        return "1/1||"
    previous = page.previous.url if page.previous else ""
    following = page.next.url if page.next else ""
    return f"{page.number}/{page.count}|{previous}|{following}"


def _participant_row(p) -> str:
    return f"{p.key}|{p.url}|{len(p.entries)}|{p.current}|{len(p.quotes)}|{'|'.join(p.roles)}"


def _digest_deps(digest) -> tuple[str, ...]:
    older, newer = digest.previous, digest.next
    # The top stories follow from the cards' entries, but name them: what the page shows.
    top = tuple(_story_deps(story) for story in digest.top_stories)
    return (
        digest.id,
        digest.title,
        f"{older.id}|{older.title}" if older else "",
        f"{newer.id}|{newer.title}" if newer else "",
        *top,
    )


def _story_deps(story) -> str:
    """A story as its summary shows it: members in order, points with their sources, quote."""
    quote = story.quote
    return "|".join(
        (
            f"story|{story.id}|{story.url}|{story.score}",
            ",".join(e.url for e in story.entries),
            *(f"{p.text}<{','.join(e.url for e in p.sources)}" for p in story.points),
            f"{quote.entry.url}#{quote.anchor}" if quote else "",
            ",".join(f"{p.participant.type}:{p.participant.name}" for p in story.participants),
        )
    )


class _Lazy:
    """A story page's derived lists, made only when the page is rendered (most builds
    render few story pages); iterable as a list in the template."""

    def __init__(self, story):
        self.story = story
        self._items = None

    def __iter__(self):
        if self._items is None:
            self._items = self.make(self.story)
        return iter(self._items)

    def __bool__(self):
        return any(True for _ in self)


class StoryTimeline(_Lazy):
    make = staticmethod(timeline)


class StorySayings(_Lazy):
    make = staticmethod(quotes_by_speaker)


def fingerprints(
    plan: list[PageSpec],
    template_hashes: dict[str, str],
    config_hash: str,
    memo: dict[str, tuple[tuple, str]] | None = None,
) -> dict[str, str]:
    """Each page's fingerprint, by URL. `memo` (URL → (inputs, fingerprint)), kept by a
    long-lived builder, spares hashing a page whose inputs equal the last build's: an
    edit then hashes the dozen pages it touches, not all of them. Refilled with this plan."""
    memo = {} if memo is None else memo
    fresh: dict[str, tuple[tuple, str]] = {}
    for page in plan:
        template_hash = template_hashes.get(page.template or "", "")
        inputs = (page.template, template_hash, config_hash, page.deps)
        known = memo.get(page.url)
        fresh[page.url] = (
            inputs,
            known[1] if known is not None and known[0] == inputs else fingerprint(page, template_hash, config_hash),
        )
    memo.clear()
    memo.update(fresh)
    return {url: known[1] for url, known in fresh.items()}


def fingerprint(page: PageSpec, template_hash: str, config_hash: str) -> str:
    # One join and one hash call per page: each part ends in NUL, so parts never run together.
    parts = "\0".join((page.url, page.template or "", template_hash, config_hash, *page.deps)) + "\0"
    return hashlib.sha256(parts.encode("utf-8", "surrogatepass")).hexdigest()


def config_hash(config: Config) -> str:
    """What of the config pages show: email and fetch settings and where things live change no page."""
    data = config.model_dump(
        mode="json", exclude={"email", "root", "cache_dir", "content_dir", "output_dir", "feeds", "fetch"}
    )
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


class PagePlanner:
    """Plans the pages of one site's successive site models, keeping between plans what
    spares work: the Jinja environment (Jinja recompiles only changed templates), each
    page's inputs and fingerprint, and the search index's records as JSON."""

    def __init__(self, config: Config):
        self.config = config
        self._env: tuple[tuple, jinja2.Environment] | None = None  # (the template files it was made for, itself)
        self._search_records: dict = {}  # the search index's records as JSON, by what they show
        self._page_inputs: dict = {}  # each page's inputs and fingerprint in the last plan

    def renderer(self, site: SiteModel) -> Renderer:
        """The renderer of this site model's pages."""
        return Renderer(site, self.config, self.environment(), self._search_records)

    def plan(
        self, site: SiteModel, renderer: Renderer | None = None
    ) -> tuple[Renderer, list[PageSpec], dict[str, str]]:
        """Every page of the site and its fingerprint, and the renderer that renders them
        (`renderer`: this site's, when the caller made it already)."""
        renderer = renderer or self.renderer(site)
        env = renderer.env
        pages = plan(site, renderer.entry_link_targets, renderer.static_files())
        hashes = template_hashes(env, {p.template for p in pages if p.template})
        return renderer, pages, fingerprints(pages, hashes, config_hash(self.config), self._page_inputs)

    def environment(self) -> jinja2.Environment:
        """The Jinja environment, kept between builds. A new one when the template files
        themselves come or go: Jinja notices a changed file, but not a new one in a site's
        templates/ that now hides the theme's."""
        dirs = template_dirs(self.config)  # a site's templates/ may appear while serving
        files = (
            dirs,
            [
                sorted(
                    os.path.relpath(os.path.join(folder, name), d) for folder, _, names in os.walk(d) for name in names
                )
                for d in dirs
            ],
        )
        if self._env is None or self._env[0] != files:
            self._env = (files, make_environment(self.config))
        return self._env[1]

    def warm(self, site: SiteModel | None) -> None:
        """Compile every template, and fill the memos an edit's plan reads (each page's inputs
        and fingerprint, the search index's records), so that the first edit after `serve`
        starts hashes and serialises only what it changes."""
        env = self.environment()
        names = env.list_templates(filter_func=lambda n: not n.startswith("static/"))
        for name in names:
            try:
                env.get_template(name)  # compiled now, not on the first edit
            except (jinja2.TemplateError, OSError, UnicodeDecodeError):
                pass  # reported by the build that uses it
        template_hashes(env, set(names))  # and what each includes, parsed once
        if site is not None and not (self._page_inputs and self._search_records):
            with contextlib.suppress(OSError, jinja2.TemplateError):
                self.plan(site)[0].search_index()
