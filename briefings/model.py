"""The one data model every stage passes around.

content → Article; extract → Extraction (Participant, Quote, KeyPoint);
site → SiteModel (Digest, ParticipantPage, TagPage). Plain dataclasses, so they
are cheap to build, compare and serialise to the extraction cache.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields, replace
from functools import cached_property

PARTICIPANT_TYPES = ("PERSON", "ORG", "GPE", "LOC")
SPEAKER_TYPES = ("PERSON", "ORG")  # participants a quote can be attributed to


@dataclass(frozen=True)
class Problem:
    """A user-facing error or warning, printed as `path:line: message`."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"

    def to_dict(self) -> dict:
        """As the build state stores it; Problem(**data) reads it back."""
        return {"path": self.path, "message": self.message, "line": self.line, "severity": self.severity}


@dataclass(frozen=True)
class Article:
    """One source article as read from content/, before extraction."""

    source: str  # path as given / relative to the site, for messages and JSON
    slug: str
    title: str
    text: str  # plain text fed to the NLP pipeline
    body_html: str  # the body rendered for the article page
    date: dt.date | None = None
    source_name: str | None = None  # the outlet, front matter `source`
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    key_points: int | None = None  # per-article override of the site setting
    checksum: str = ""  # of the file's bytes and path: what the article was read from
    dateline: str | None = None  # where the story was filed from, as its dateline says: "JAKARTA"
    cuts: tuple[tuple[str, int, str], ...] = ()  # what the clean stage cut: (kind, line, text)
    title_cut: bool = False  # no headline: the title is the first sentence cut short (see `titled`)


def article_to_dict(article: Article) -> dict:
    data = asdict(article)
    data["date"] = article.date.isoformat() if article.date else None
    data["tags"] = list(article.tags)
    return data


def article_from_dict(data: dict) -> Article:
    date = data.get("date")
    return Article(
        **{
            **data,
            "date": dt.date.fromisoformat(date) if date else None,
            "tags": tuple(data["tags"]),
            "cuts": tuple(tuple(c) for c in data.get("cuts", ())),
        }
    )


def titled(article: Article, extraction: Extraction) -> Article:
    """The article as the site shows it: a first sentence cut short ("On Saturday, I went to
    volunteer at the Operation Care International’s Christmas Party For…") gives way to the
    headline the extractor made of the lede, when it could make one."""
    if article.title_cut and extraction.headline:
        return replace(article, title=extraction.headline)
    return article


@dataclass
class Participant:
    name: str  # canonical: "William Hague", "United Kingdom"
    type: str  # one of PARTICIPANT_TYPES
    role: str | None = None  # "Foreign Secretary"
    nationality: str | None = None  # "British", kept apart from the office
    aliases: list[str] = field(default_factory=list)  # other surface forms seen
    mentions: int = 0

    @property
    def title(self) -> str | None:
        """Nationality and role as a reader sees them: "British Foreign Secretary"."""
        parts = [p for p in (self.nationality, self.role) if p]
        return " ".join(parts) or None


@dataclass
class Quote:
    text: str  # without the surrounding quote marks
    speaker: str | None  # a participant's canonical name, or None
    cue: str | None = None  # the reporting verb or phrase: "said", "according to"
    start: int = 0  # character offsets into the extracted text
    end: int = 0
    paragraph: int = 0  # the paragraph it is in (0-based, blank lines not counted)
    # An interrupted quote ("So," he said, "we will …") is one quote: `text` joins its pieces,
    # `pieces` holds them as they stand in the article (empty for a quote in one piece).
    pieces: list[str] = field(default_factory=list)
    partial: bool = False  # a fragment inside a paraphrase: she called it "a disaster"


FEATURED_WORDS = 4  # the shortest quote a card, a feed or the email shows on its own


def featured(quote: Quote) -> bool:
    """Whether a card, a feed or the email may show the quote on its own: a known speaker,
    four words at least, and a whole statement, not a fragment of a paraphrase ("biased")."""
    return quote.speaker is not None and len(quote.text.split()) >= FEATURED_WORDS and not quote.partial


def informative_first(quotes: list[Quote]) -> list[Quote]:
    """Quotes for a card: attributed before unattributed, whole statements before fragments
    of a paraphrase, longer before shorter (up to a point); ties keep article order."""

    def key(item: tuple[int, Quote]) -> tuple:
        index, quote = item
        words = len(quote.text.split())
        return (quote.speaker is None, words < 6, -min(words, 40), index)

    return [q for _, q in sorted(enumerate(quotes), key=key)]


@dataclass
class KeyPoint:
    text: str  # as shown: the sentence, trimmed as an editor would (extract/trim.py)
    position: int  # sentence index in the article, for article-order display
    score: float = 0.0
    original: str = ""  # the whole sentence as the article has it (shown on hover)


@dataclass
class Extraction:
    key_points: list[KeyPoint] = field(default_factory=list)  # the most important, in article order
    quotes: list[Quote] = field(default_factory=list)  # in document order
    participants: list[Participant] = field(default_factory=list)  # by salience
    headline: str | None = None  # the lede compressed to a headline (extract/headline.py), if it can be

    def to_dict(self) -> dict:
        """As dataclasses.asdict would give it, at a tenth of the cost: every extraction is
        turned into a dict once in a worker, and again for the cache and the build state."""
        return {
            "key_points": [_fields(k, _KEY_POINT_FIELDS) for k in self.key_points],
            "quotes": [_fields(q, _QUOTE_FIELDS) for q in self.quotes],
            "participants": [
                {**_fields(p, _PARTICIPANT_FIELDS), "aliases": list(p.aliases)} for p in self.participants
            ],
            "headline": self.headline,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Extraction:
        return cls(
            key_points=[KeyPoint(**k) for k in data["key_points"]],
            quotes=[Quote(**q) for q in data["quotes"]],
            participants=[Participant(**p) for p in data["participants"]],
            headline=data.get("headline"),
        )

    @cached_property
    def participant_keys(self) -> tuple[str, ...]:
        """ "TYPE:name" of each participant, in order: how the site model indexes them."""
        return tuple(f"{p.type}:{p.name}" for p in self.participants)

    def participant(self, name: str) -> Participant | None:
        return next((p for p in self.participants if p.name == name), None)

    @property
    def card_quotes(self) -> list[Quote]:
        """The quotes a digest card shows: only featured ones, the most informative first."""
        return [q for q in informative_first(self.quotes) if featured(q)]


def _fields(obj, names: tuple[str, ...]) -> dict:
    return {name: getattr(obj, name) for name in names}


_KEY_POINT_FIELDS = tuple(f.name for f in fields(KeyPoint))
_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_PARTICIPANT_FIELDS = tuple(f.name for f in fields(Participant))


@dataclass
class Entry:
    """An article with its extraction and its place in the site."""

    article: Article
    extraction: Extraction
    url: str  # site-relative, e.g. "articles/japan-uk-security-dialogue.html"
    fingerprint: str = ""  # article checksum + extraction key: changes when the entry does
    digest: Digest | None = field(default=None, repr=False, compare=False)  # set by the site model
    story: Story | None = field(default=None, repr=False, compare=False)  # the story it is part of, likewise
    tags: list[TagPage] = field(default_factory=list, repr=False, compare=False)

    @property
    def key_points_in_order(self) -> list[KeyPoint]:
        return sorted(self.extraction.key_points, key=lambda k: k.position)

    @property
    def extraction_key(self) -> str:
        """Its extraction's key in the extraction cache (the fingerprint's second part)."""
        return self.fingerprint.split(":", 1)[1]


@dataclass
class TopPoint:
    """One of a digest's top points: a key point, and every article of the period that makes it."""

    text: str
    entry: Entry  # the article whose words are shown
    sources: list[Entry]  # every article making the point, `entry` first
    score: float = 0.0


@dataclass
class StoryParticipant:
    """One of a story's main participants: as its first article names them, and in how many."""

    participant: Participant
    articles: int


@dataclass
class Story:
    """Articles of one period that tell one event or development (stories/), one or more."""

    id: str  # its first article's slug: a newer article joining the story keeps the id
    lead: Entry  # the article most linked to the others: its title is the story's headline
    entries: list[Entry]  # the lead first, then newest first
    points: list[TopPoint] = field(default_factory=list)  # near-duplicates across sources merged
    quote: QuoteRef | None = None  # its most informative attributed quote
    participants: list[StoryParticipant] = field(default_factory=list)  # most widely named first
    score: float = 0.0  # coverage and centrality: stories are ranked by it
    url: str | None = None  # its page (stories/ID.html), for stories of two or more articles

    @property
    def title(self) -> str:
        return self.lead.article.title

    @property
    def sources(self) -> list[str]:
        """The outlets covering it, each once, in the order of its articles."""
        return list(dict.fromkeys(e.article.source_name for e in self.entries if e.article.source_name))


@dataclass
class Digest:
    id: str  # "2026-11-16" (week starting), "2026-11-18" (day) or "undated"
    title: str  # "Week of 16 November 2026"
    url: str
    start: dt.date | None
    entries: list[Entry]
    previous: Digest | None = None  # older
    next: Digest | None = None  # newer
    stories: list[Story] = field(default_factory=list)  # every story of the period, ranked (stories/)
    top_stories: list[Story] = field(default_factory=list)  # the ranked stories of two or more articles shown first
    cards: list[Entry] = field(default_factory=list)  # the articles shown as cards: all but the top stories'

    @property
    def stories_with_pages(self) -> list[Story]:
        return [s for s in self.stories if s.url]

    def card_points(self, entry: Entry) -> list[KeyPoint]:
        """An article card's key points, in article order, less any a top story shows word for word."""
        shown = {p.text for story in self.top_stories for p in story.points}
        return [k for k in entry.key_points_in_order if k.text not in shown]


@dataclass
class QuoteRef:
    quote: Quote
    entry: Entry

    @property
    def anchor(self) -> str:
        """The quote's id on its article page ("q-3"), for links back to it in context."""
        quotes = self.entry.extraction.quotes
        index = next((i for i, q in enumerate(quotes) if q is self.quote), None)
        if index is None:
            index = quotes.index(self.quote) if self.quote in quotes else 0
        return f"q-{index}"


@dataclass
class ParticipantPage:
    key: str  # "PERSON:William Hague"
    name: str
    type: str
    slug: str
    url: str
    roles: list[str]  # distinct titles seen across articles
    entries: list[Entry]
    quotes: list[QuoteRef]
    keys: list[str] = field(default_factory=list)  # every "TYPE:name" merged into this page
    current: int = 0  # articles in the latest digest that it takes part in
    pages: list[ListPage] = field(default_factory=list, repr=False)  # its articles, page_size at a time


@dataclass
class TagPage:
    name: str
    slug: str
    url: str
    entries: list[Entry]
    pages: list[ListPage] = field(default_factory=list, repr=False)  # the entries, page_size at a time


@dataclass
class ListPage:
    """One page of a long listing (digests, a tag's articles, the participants index)."""

    number: int  # from 1
    url: str
    items: list
    count: int = 1  # pages in the listing
    quotes: list = field(default_factory=list, repr=False)  # a participant's page: the quotes shown beside
    previous: ListPage | None = field(default=None, repr=False)
    next: ListPage | None = field(default=None, repr=False)


@dataclass
class QuotePage:
    """One page of the quotes listing: whole speaker groups, about `page_size` quotes."""

    number: int  # from 1
    url: str
    groups: list[tuple[str | None, list[QuoteRef]]]
    previous: QuotePage | None = field(default=None, repr=False)
    next: QuotePage | None = field(default=None, repr=False)


@dataclass
class SiteModel:
    title: str
    base_url: str
    entries: list[Entry]  # newest first
    digests: list[Digest]  # newest first, "Undated" last
    participants: list[ParticipantPage]  # by number of articles, then name
    tags: list[TagPage]
    quotes: list[QuoteRef]
    updated: dt.datetime | None = None  # newest article date, or SOURCE_DATE_EPOCH
    quote_pages: list[QuotePage] = field(default_factory=list)
    archive_pages: list[ListPage] = field(default_factory=list)  # the digests, page_size at a time
    # The participants index in each of its orders ("count", "name"), page_size at a time.
    participant_index: dict[str, list[ListPage]] = field(default_factory=dict)

    def digest(self, digest_id: str) -> Digest | None:
        return next((d for d in self.digests if d.id == digest_id), None)

    @property
    def undated(self) -> Digest | None:
        """The digest of articles whose text and front matter give no date, if any."""
        return next((d for d in self.digests if d.start is None), None)

    @property
    def quotes_by_speaker(self) -> list[tuple[str | None, list[QuoteRef]]]:
        """Quotes grouped by who said them, the speakers most central to the period first: quoted
        in more articles, then with more whole statements, then more quotes (a count alone put
        one speaker's one-word fragments first); unattributed last. In a group, whole statements
        come before fragments, each in site order."""
        groups: dict[str | None, list[QuoteRef]] = {}
        for ref in self.quotes:
            groups.setdefault(ref.quote.speaker, []).append(ref)

        def centrality(group: tuple[str | None, list[QuoteRef]]) -> tuple:
            speaker, refs = group
            articles = len({id(ref.entry) for ref in refs})
            statements = sum(featured(ref.quote) for ref in refs)
            return (speaker is None, -articles, -statements, -len(refs), (speaker or "").lower())

        return [
            (speaker, sorted(refs, key=lambda ref: not featured(ref.quote)))
            for speaker, refs in sorted(groups.items(), key=centrality)
        ]
