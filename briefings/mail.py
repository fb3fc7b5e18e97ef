"""A digest as an email: HTML with inlined CSS plus a plain-text part, written as .eml or sent.

`compose` builds the message from the site model (nothing is written); `smtp.send` delivers
it. Both report user errors as `EmailError`, with a message meant for the terminal.

Date and Message-ID: the Date header is SOURCE_DATE_EPOCH when that is set (as for the
site's own timestamps), otherwise the moment the message is built. The newest article's date
is deliberately not used: a message dated days in the past sorts wrongly in inboxes. The
Message-ID is always fresh (`make_msgid`), so sending the same digest twice gives two distinct
messages that no client de-duplicates. A written .eml is therefore not byte-for-byte
reproducible (Message-ID and the MIME boundary differ); its parts are.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from urllib.parse import urlsplit

from .build import load_site
from .config import Config, MarkdownConfig
from .mail_lint import html_problems
from .model import Digest, Entry, KeyPoint, Participant, Quote, SiteModel, TagPage, featured
from .render import Renderer, TemplateProblem

HTML_TEMPLATE = "email/digest.html"
TEXT_TEMPLATE = "email/digest.txt"

_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+")


class EmailError(Exception):
    """A user-facing problem: bad email settings, an unknown digest, an SMTP failure."""


# --- building the message -------------------------------------------------------------------

# The HTML part's budget. Gmail clips a message whose HTML is over about 102 KB behind a
# "View entire message" link; past this budget the email shows less (see `Limits`).
HTML_BUDGET = 100 * 1024
CHIP_LIMIT = 8  # participants per article, as on the web digest


@dataclass(frozen=True)
class Limits:
    """How much of each article an email shows. `key_points=None` and `articles=None` mean all."""

    quotes: int
    key_points: int | None = None
    participants: int = CHIP_LIMIT
    articles: int | None = None


@dataclass
class Card:
    """One article as the email shows it: its items, already cut to the limits."""

    entry: Entry
    key_points: list[KeyPoint]
    quotes: list[Quote]
    participants: list[Participant]
    tags: list[TagPage]
    hidden_key_points: int
    hidden_quotes: int
    hidden_participants: int
    cut: bool  # shows less than it would without the size budget

    @property
    def article(self):
        return self.entry.article

    @property
    def url(self) -> str:
        return self.entry.url


@dataclass
class Topic:
    """What one email is about: a digest, or a single article (`--article`)."""

    id: str  # digest ID or article slug: part of the Message-ID
    title: str  # "Week of 16 November 2026", or the article's title
    url: str  # its page on the site, site-relative
    entries: list[Entry]
    digest: Digest | None  # None for a single article


@dataclass
class Composed:
    """A built message and what it took to fit the budget."""

    message: EmailMessage
    html_size: int  # bytes of the HTML part as sent (decoded)
    full_size: int  # bytes the HTML part would have had with nothing left out
    limits: Limits  # what the email shows
    full: Limits  # what it would show without a budget
    total_articles: int

    @property
    def shortened(self) -> bool:
        return self.limits != self.full

    def notes(self) -> list[str]:
        """Plain-text lines for the command line: what was left out and why."""
        if not self.shortened:
            return []
        kb = lambda n: f"{n / 1024:.0f} KB"  # noqa: E731

        def count(shown: int, full: int, noun: str) -> str:
            return f"no {noun}" if shown == 0 else f"{shown} of {full} {noun}"

        per_card = []
        if self.limits.quotes < self.full.quotes:
            per_card.append(count(self.limits.quotes, self.full.quotes, "quotes"))
        if (self.limits.key_points or 0) < (self.full.key_points or 0):
            per_card.append(count(self.limits.key_points or 0, self.full.key_points or 0, "key points"))
        if self.limits.participants < self.full.participants:
            per_card.append(count(self.limits.participants, self.full.participants, "participants"))
        parts = [f"{_join(per_card)} per article"] if per_card else []
        articles = self.limits.articles if self.limits.articles is not None else self.total_articles
        if articles < self.total_articles:
            parts.append(f"{articles} of {self.total_articles} articles with a link to the rest")
        lines = [
            f"note: the digest's HTML would be {kb(self.full_size)}, over the {kb(HTML_BUDGET)} "
            f"budget (Gmail clips longer messages), so the email shows {', and '.join(parts)}; "
            f"each article links to its full briefing. HTML part: {kb(self.html_size)}."
        ]
        if self.html_size > HTML_BUDGET:
            lines.append(f"warning: even shortened, the HTML part is {kb(self.html_size)}; Gmail will clip it")
        return lines


def compose(
    config: Config,
    *,
    digest_id: str | None = None,
    article_slug: str | None = None,
    recipients: list[str] | None = None,
    budget: int | None = None,
    need_recipients: bool = True,
) -> Composed:
    """The digest `digest_id` (default: the newest dated one), or the single article
    `article_slug`, as a multipart/alternative message (text/plain, then text/html) addressed
    to `recipients` or else email.to (with `need_recipients=False`, possibly to nobody: a
    message written to a file). When the HTML part would be over `budget` bytes (default
    HTML_BUDGET), each article shows fewer items, step by step (see `fit`)."""
    if digest_id and article_slug:
        raise EmailError("give a digest or an article, not both")
    sender, to, unsubscribe = _addressing(config, recipients, need_recipients)
    site = _load(config)
    topic = pick_article(site, article_slug) if article_slug else _digest_topic(pick_digest(site, digest_id))
    title = _subject(config, topic)
    _check_header("Subject", title)

    renderer = Renderer(site, config)
    full = full_limits(config, topic)
    limits, html, full_size = fit(renderer, config, topic, full, HTML_BUDGET if budget is None else budget)
    text = render_text(renderer, config, topic, limits)

    message = EmailMessage()
    message["From"] = sender
    if to:
        message["To"] = ", ".join(to)
    message["Subject"] = title
    message["Date"] = format_datetime(_message_date())
    message["Message-ID"] = make_msgid(idstring=topic.id, domain=urlsplit(config.base_url).hostname or "localhost")
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        if unsubscribe.startswith("https:"):
            # RFC 8058 one-click: the mail client POSTs to the https URL, no page to visit.
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # Quoted-printable keeps every line under 78 characters (SMTP allows 998) and the body
    # 7-bit clean, whatever the inliner's output looks like and whatever the server offers.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return Composed(message, len(html.encode("utf-8")), full_size, limits, full, len(topic.entries))


def digest_message(
    config: Config, digest_id: str | None = None, recipients: list[str] | None = None, article_slug: str | None = None
) -> EmailMessage:
    """The message alone; see `compose`."""
    return compose(config, digest_id=digest_id, article_slug=article_slug, recipients=recipients).message


def pick_digest(site: SiteModel, digest_id: str | None) -> Digest:
    if not site.digests:
        raise EmailError("no articles: there is no digest to send")
    if digest_id is None:
        return next((d for d in site.digests if d.start is not None), site.digests[0])
    digest = site.digest(digest_id)
    if digest is None:
        available = ", ".join(d.id for d in site.digests)
        raise EmailError(f"no digest '{digest_id}'; available: {available}")
    return digest


def pick_article(site: SiteModel, slug: str) -> Topic:
    entry = next((e for e in site.entries if e.article.slug == slug), None)
    if entry is None:
        close = difflib.get_close_matches(slug, [e.article.slug for e in site.entries], n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise EmailError(f"no article with slug '{slug}'{hint}")
    return Topic(entry.article.slug, entry.article.title, entry.url, [entry], None)


def _digest_topic(digest: Digest) -> Topic:
    # The top stories open the email in full (a handful, each a few lines); the cards,
    # which the size budget may shorten, are the other articles.
    return Topic(digest.id, digest.title, digest.url, list(digest.cards), digest)


def full_limits(config: Config, topic: Topic) -> Limits:
    """Everything a card shows with no budget: a digest's cards show quotes_per_card quotes;
    a single article shows all its quoted speakers' quotes."""
    quotes = (
        max((len(speaker_quotes(e)) for e in topic.entries), default=0)
        if topic.digest is None
        else config.quotes_per_card
    )
    key_points = max((len(e.extraction.key_points) for e in topic.entries), default=0)
    participants = (
        max((len(e.extraction.participants) for e in topic.entries), default=0) if topic.digest is None else CHIP_LIMIT
    )
    return Limits(quotes=quotes, key_points=key_points, participants=participants, articles=len(topic.entries))


def fit(renderer: Renderer, config: Config, topic: Topic, full: Limits, budget: int) -> tuple[Limits, str, int]:
    """The first limits, in order of degradation, whose HTML fits `budget` bytes: fewer quotes,
    then fewer key points, then fewer participants per article, then fewer articles (the rest
    behind one link). Returns (limits, inlined HTML, size of the full HTML)."""
    html = render_html(renderer, config, topic, full)
    full_size = size = len(html.encode("utf-8"))
    if size <= budget:
        return full, html, full_size

    def attempt(limits: Limits) -> tuple[Limits, str, int] | None:
        candidate = render_html(renderer, config, topic, limits)
        length = len(candidate.encode("utf-8"))
        return (limits, candidate, length) if length <= budget else None

    # The least each card can show; when even that is over, go straight to fewer articles.
    least = replace(full, quotes=0, key_points=min(1, full.key_points or 0), participants=0)
    steps = _steps(full)
    if attempt(least) is None:
        steps = []
    for limits in steps:
        found = attempt(limits)
        if found:
            return found[0], found[1], full_size
    # Fewer articles: the most that fit, by bisection (the size grows with the count).
    fitting: tuple[Limits, str, int] | None = None
    low, high = 1, len(topic.entries) - 1
    while low <= high:
        middle = (low + high) // 2
        found = attempt(replace(least, articles=middle))
        if found:
            fitting, low = found, middle + 1
        else:
            high = middle - 1
    if fitting is None:  # one article at its least is still over: send that, warned about
        limits = replace(least, articles=1)
        html = render_html(renderer, config, topic, limits)
        return limits, html, full_size
    return fitting[0], fitting[1], full_size


def _steps(full: Limits) -> list[Limits]:
    steps, current = [], full
    for quotes in range(full.quotes - 1, -1, -1):
        current = replace(current, quotes=quotes)
        steps.append(current)
    for points in range((full.key_points or 0) - 1, 0, -1):
        current = replace(current, key_points=points)
        steps.append(current)
    for participants in sorted({full.participants // 2, 0}, reverse=True):
        if participants < full.participants:
            current = replace(current, participants=participants)
            steps.append(current)
    return steps


def cards(topic: Topic, limits: Limits, full: Limits) -> list[Card]:
    """The cards of the first `limits.articles` entries, each cut to `limits`; `full` is
    what they would show without a budget (a card is `cut` when it shows less)."""
    shown = topic.entries if limits.articles is None else topic.entries[: limits.articles]
    # A card never repeats a top story's point word for word (the stories open the email).
    told = {p.text for story in topic.digest.top_stories for p in story.points} if topic.digest else set()
    result = []
    for entry in shown:
        extraction = entry.extraction
        own = [k for k in extraction.key_points if k.text not in told]
        points = own if limits.key_points is None else own[: limits.key_points]
        quotes = speaker_quotes(entry)
        participants = extraction.participants
        cut = (
            len(points) < len(own)
            or limits.quotes < min(len(quotes), full.quotes)
            or limits.participants < min(len(participants), full.participants)
        )
        result.append(
            Card(
                entry=entry,
                key_points=sorted(points, key=lambda k: k.position),  # the most important, in article order
                quotes=quotes[: limits.quotes],
                participants=participants[: limits.participants],
                tags=list(entry.tags),
                hidden_key_points=len(own) - len(points),
                hidden_quotes=max(0, len(quotes) - limits.quotes),
                hidden_participants=max(0, len(participants) - limits.participants),
                cut=cut,
            )
        )
    return result


def _context(renderer: Renderer, config: Config, topic: Topic, limits: Limits) -> dict:
    full = full_limits(config, topic)
    shown = cards(topic, limits, full)
    return {
        "digest": topic.digest,
        "topic": topic,
        "heading": topic.title,
        "web_url": topic.url,
        "cards": shown,
        "hidden_articles": len(topic.entries) - len(shown),
        "shortened": limits != full,
        "preheader": preheader(topic.entries, topic.title, topic.digest),
        "stories": topic.digest.top_stories if topic.digest else [],
        "speaker_title": speaker_title,
        "unsubscribe": config.email.unsubscribe,
    }


def render_text(renderer: Renderer, config: Config, topic: Topic, limits: Limits) -> str:
    """The text/plain part, from templates/email/digest.txt (not autoescaped)."""
    try:
        return renderer.render(TEXT_TEMPLATE, topic.url, **_context(renderer, config, topic, limits)).decode("utf-8")
    except TemplateProblem as exc:
        raise EmailError(str(exc.problem)) from None


def render_html(renderer: Renderer, config: Config, topic: Topic, limits: Limits) -> str:
    """The text/html part: templates/email/digest.html (a site's own templates/email/ first)
    with its CSS inlined; only @media rules stay in a <style>. Checked by `html_problems`."""
    import css_inline

    try:
        html = renderer.render(HTML_TEMPLATE, topic.url, **_context(renderer, config, topic, limits)).decode("utf-8")
    except TemplateProblem as exc:
        raise EmailError(str(exc.problem)) from None
    inliner = css_inline.CSSInliner(
        keep_style_tags=False,  # rules that can be inlined are; the rest stay in one <style>:
        keep_at_rules=True,  # @media (narrow screens, dark mode) cannot be inlined
        keep_link_tags=False,
        load_remote_stylesheets=False,  # never fetch anything while building a message
    )
    try:
        html = inliner.inline(html)
    except ValueError as exc:  # css_inline.InlineError is a ValueError
        raise EmailError(f"{HTML_TEMPLATE}: CSS could not be inlined: {exc}") from None
    if not html.endswith("\n"):
        html += "\n"  # as the message will hold it, so the size measured here is the size sent
    problems = html_problems(html)
    if problems:
        listed = "\n".join(f"  {p}" for p in problems[:10])
        raise EmailError(f"{HTML_TEMPLATE} renders HTML that mail clients would mangle:\n{listed}")
    return html


def render_digest(config: Config, site: SiteModel, digest: Digest) -> tuple[str, str]:
    """(plain text, HTML) of one digest with nothing left out."""
    renderer, topic = Renderer(site, config), _digest_topic(digest)
    limits = full_limits(config, topic)
    return render_text(renderer, config, topic, limits), render_html(renderer, config, topic, limits)


def preheader(entries: list[Entry], fallback: str, digest: Digest | None = None) -> str:
    """The inbox preview line: the top story's first point, else the first key point of the
    first article that has one."""
    for story in digest.top_stories if digest else ():
        if story.points:
            return story.points[0].text
    for entry in entries:
        if entry.extraction.key_points:
            return entry.extraction.key_points[0].text
    return entries[0].article.title if entries else fallback


def speaker_quotes(entry: Entry) -> list[Quote]:
    """The quotes an article shows in the email: featured ones (a known speaker, four words at
    least, no fragment of a paraphrase), in article order."""
    return [q for q in entry.extraction.quotes if featured(q)]


def card_quotes(entry: Entry, limit: int) -> list[Quote]:
    return speaker_quotes(entry)[:limit]


def speaker_title(entry: Entry, quote: Quote) -> str | None:
    """The speaker's role as the article gives it: "mayor", "British Foreign Secretary"."""
    participant = entry.extraction.participant(quote.speaker) if quote.speaker else None
    return participant.title if participant else None


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def html_size(message: EmailMessage) -> int:
    """Bytes of the HTML part, decoded (what a client such as Gmail measures)."""
    part = message.get_body(preferencelist=("html",))
    return len(part.get_content().encode("utf-8")) if part is not None else 0


def _load(config: Config) -> SiteModel:
    if config.markdown.raw_html == "keep":  # what a site trusts on its pages, a mailbox need not
        config = config.model_copy(update={"markdown": MarkdownConfig(raw_html="sanitize")})
    result = load_site(config)
    if result.errors:
        lines = "\n".join(f"  {p}" for p in result.errors)
        raise EmailError(f"the site has errors; fix them before sending a digest:\n{lines}")
    return result.site


def _addressing(
    config: Config, recipients: list[str] | None, need_recipients: bool = True
) -> tuple[str, list[str], str | None]:
    settings = config.email
    if not settings.sender:
        raise EmailError("no sender: set email.from in config.yaml")
    _check_header("From", settings.sender)
    _check_address("email.from", settings.sender)
    to = list(recipients or settings.to)
    if not to and need_recipients:
        raise EmailError("no recipients to send to: give --to ADDRESS or set email.to in config.yaml")
    for address in to:
        _check_header("To", address)
        _check_address("recipient", address)
    unsubscribe = settings.unsubscribe
    if unsubscribe:
        _check_header("List-Unsubscribe", unsubscribe)
        if not unsubscribe.startswith(("mailto:", "https://")) or any(c in unsubscribe for c in " <>"):
            raise EmailError(f"email.unsubscribe must be a mailto: or https:// URL (got {unsubscribe!r})")
    return settings.sender, to, unsubscribe


def _subject(config: Config, topic: Topic) -> str:
    try:
        return config.email.subject.format(site=config.title, period=topic.title)
    except (KeyError, IndexError, AttributeError, ValueError) as exc:
        raise EmailError(
            f"email.subject {config.email.subject!r}: {exc}; the placeholders are {{site}} and {{period}}"
        ) from None


def _check_header(name: str, value: str) -> None:
    """No line breaks or control characters in a header value: a CR or LF would let a config
    value or --to argument add headers of its own (header injection)."""
    if any((unicodedata.category(c) == "Cc" and c != "\t") or c in "\u2028\u2029" for c in value):
        raise EmailError(f"{name} contains a line break or control character: {value!r}")


def _check_address(what: str, value: str) -> None:
    parsed = getaddresses([value])
    if len(parsed) != 1 or not _ADDRESS.fullmatch(parsed[0][1]):
        raise EmailError(f"{what}: not one email address: {value!r}")


def _message_date() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
