"""A digest as an email: HTML with inlined CSS plus a plain-text part, written as .eml or sent.

`digest_message` builds the message from the site model (nothing is written); `send` delivers
it over SMTP. Both report user errors as `EmailError`, with a message meant for the terminal.

Date and Message-ID: the Date header is SOURCE_DATE_EPOCH when that is set (as for the
site's own timestamps), otherwise the moment the message is built. The newest article's date
is deliberately not used: a message dated days in the past sorts wrongly in inboxes. The
Message-ID is always fresh (`make_msgid`), so sending the same digest twice gives two distinct
messages that no client de-duplicates. A written .eml is therefore not byte-for-byte
reproducible (Message-ID and the MIME boundary differ); its parts are.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import smtplib
import ssl
import unicodedata
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from urllib.parse import urlsplit

from .build import load_site
from .config import Config, SmtpConfig
from .model import Digest, Entry, Quote, SiteModel
from .render import Renderer, TemplateProblem

HTML_TEMPLATE = "email/digest.html"
TEXT_TEMPLATE = "email/digest.txt"

# Gmail clips a message whose HTML is over about 102 KB behind a "View entire message" link.
HTML_SIZE_WARNING = 100 * 1024

_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+")


class EmailError(Exception):
    """A user-facing problem: bad email settings, an unknown digest, an SMTP failure."""


# --- building the message -------------------------------------------------------------------

def digest_message(config: Config, digest_id: str | None = None,
                   recipients: list[str] | None = None) -> EmailMessage:
    """The digest `digest_id` (default: the newest dated one) as a multipart/alternative
    message, text/plain then text/html, addressed to `recipients` or else email.to."""
    sender, to, unsubscribe = _addressing(config, recipients)
    site = _load(config)
    digest = pick_digest(site, digest_id)
    subject = _subject(config, digest)
    _check_header("Subject", subject)

    text, html = render_digest(config, site, digest)

    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = format_datetime(_message_date())
    message["Message-ID"] = make_msgid(idstring=digest.id, domain=urlsplit(config.base_url).hostname or "localhost")
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        if unsubscribe.startswith("https:"):
            # RFC 8058 one-click: the mail client POSTs to the https URL, no page to visit.
            message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    # Quoted-printable keeps every line under 78 characters (SMTP allows 998) and the body
    # 7-bit clean, whatever the inliner's output looks like and whatever the server offers.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message


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


def render_digest(config: Config, site: SiteModel, digest: Digest) -> tuple[str, str]:
    """(plain text, HTML with inlined CSS) of one digest, from templates/email/digest.txt and
    digest.html (a site's own templates/email/ first). Autoescaping is on for .html only."""
    import css_inline

    renderer = Renderer(site, config)
    context = {
        "digest": digest,
        "preheader": preheader(digest),
        "quotes": lambda entry: card_quotes(entry, config.quotes_per_card),
        "speaker_title": speaker_title,
        "unsubscribe": config.email.unsubscribe,
    }
    try:
        text = renderer.render(TEXT_TEMPLATE, digest.url, **context).decode("utf-8")
        html = renderer.render(HTML_TEMPLATE, digest.url, **context).decode("utf-8")
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
    return text, html


def preheader(digest: Digest) -> str:
    """The inbox preview line: the digest's first key point (the first article's top one)."""
    for entry in digest.entries:
        if entry.extraction.key_points:
            return entry.extraction.key_points[0].text
    return digest.entries[0].article.title if digest.entries else digest.title


def card_quotes(entry: Entry, limit: int) -> list[Quote]:
    """The quotes an article shows: those with a known speaker, in article order."""
    return [q for q in entry.extraction.quotes if q.speaker][:limit]


def speaker_title(entry: Entry, quote: Quote) -> str | None:
    """The speaker's role as the article gives it: "mayor", "British Foreign Secretary"."""
    participant = entry.extraction.participant(quote.speaker) if quote.speaker else None
    return participant.title if participant else None


def html_size(message: EmailMessage) -> int:
    """Bytes of the HTML part, decoded (what a client such as Gmail measures)."""
    part = message.get_body(preferencelist=("html",))
    return len(part.get_content().encode("utf-8")) if part is not None else 0


def _load(config: Config) -> SiteModel:
    result = load_site(config)
    if result.errors:
        lines = "\n".join(f"  {p}" for p in result.errors)
        raise EmailError(f"the site has errors; fix them before sending a digest:\n{lines}")
    return result.site


def _addressing(config: Config, recipients: list[str] | None) -> tuple[str, list[str], str | None]:
    settings = config.email
    if not settings.sender:
        raise EmailError("no sender: set email.from in config.yaml")
    _check_header("From", settings.sender)
    _check_address("email.from", settings.sender)
    to = list(recipients or settings.to)
    if not to:
        raise EmailError("no recipients: give --to ADDRESS or set email.to in config.yaml")
    for address in to:
        _check_header("To", address)
        _check_address("recipient", address)
    unsubscribe = settings.unsubscribe
    if unsubscribe:
        _check_header("List-Unsubscribe", unsubscribe)
        if not unsubscribe.startswith(("mailto:", "https://")) or any(c in unsubscribe for c in " <>"):
            raise EmailError(f"email.unsubscribe must be a mailto: or https:// URL (got {unsubscribe!r})")
    return settings.sender, to, unsubscribe


def _subject(config: Config, digest: Digest) -> str:
    try:
        return config.email.subject.format(site=config.title, period=digest.title)
    except (KeyError, IndexError, AttributeError, ValueError) as exc:
        raise EmailError(f"email.subject {config.email.subject!r}: {exc}; "
                         "the placeholders are {site} and {period}") from None


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
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# --- sending --------------------------------------------------------------------------------

def send(config: Config, message: EmailMessage, *, dry_run: bool = False,
         log: Callable[[str], object] = print) -> bool:
    """Send `message` to every address in its To header over email.smtp. True when every
    recipient was accepted; a refused recipient is logged and the others still get it.
    `log` receives plain-text lines. Connection and login failures raise EmailError."""
    smtp = config.email.smtp
    where = f"{smtp.host}:{smtp.port}"
    sender = _envelope_sender(message)
    recipients = [address for _, address in getaddresses(message.get_all("To", []))]
    if not recipients:
        raise EmailError("the message has no recipients")
    size = len(message.as_bytes())
    html = html_size(message)
    if html > HTML_SIZE_WARNING:
        log(f"warning: the HTML part is {html / 1024:.0f} KB; Gmail clips messages over about "
            f"{HTML_SIZE_WARNING // 1024} KB")
    login = f", login as {smtp.user}" if smtp.user else ""

    if dry_run:
        log(f"Dry run: nothing sent. Would send over {where} ({smtp.security}{login}):")
        log(f"  From: {message['From']}")
        log(f"  To: {', '.join(recipients)}")
        log(f"  Subject: {message['Subject']}")
        log(f"  Size: {size / 1024:.1f} KB (HTML part {html / 1024:.1f} KB)")
        if smtp.user and not os.environ.get(smtp.password_env):
            log(f"warning: {smtp.password_env} is not set; a real send would stop here")
        return True

    password = _password(smtp)
    if smtp.user and smtp.security == "none":
        log(f"warning: logging in to {where} without TLS (email.smtp.security: none)")
    try:
        with _connect(smtp) as server:
            if smtp.user:
                server.login(smtp.user, password)
            try:
                refused = server.send_message(message, from_addr=sender, to_addrs=recipients)
            except smtplib.SMTPRecipientsRefused as exc:  # every recipient refused
                refused = exc.recipients
    except smtplib.SMTPAuthenticationError as exc:
        raise EmailError(f"{where}: login as {smtp.user} refused: {_reply(exc)}") from None
    except smtplib.SMTPSenderRefused as exc:
        raise EmailError(f"{where}: sender {exc.sender} refused: {_reply(exc)}") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise EmailError(f"{where}: {exc}; check email.smtp.security (starttls, ssl or none)") from None
    except smtplib.SMTPResponseException as exc:
        raise EmailError(f"{where}: {_reply(exc)}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise EmailError(f"cannot send over {where}: {_reason(exc)}") from None

    for address, (code, reply) in refused.items():
        log(f"refused: {address}: {code} {_text(reply)}")
    accepted = len(recipients) - len(refused)
    log(f"Sent to {accepted} of {len(recipients)} recipient(s) over {where}")
    return not refused


def _connect(smtp: SmtpConfig) -> smtplib.SMTP:
    if smtp.security == "ssl":
        return smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=ssl.create_default_context())
    server = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    if smtp.security == "starttls":
        try:
            server.starttls(context=ssl.create_default_context())
        except BaseException:
            server.close()
            raise
    return server


def _password(smtp: SmtpConfig) -> str | None:
    if not smtp.user:
        return None
    password = os.environ.get(smtp.password_env)
    if not password:
        raise EmailError(f"email.smtp.user is set but the environment variable {smtp.password_env} "
                         "(email.smtp.password_env) holding the password is not")
    return password


def _envelope_sender(message: EmailMessage) -> str:
    senders = getaddresses(message.get_all("From", []))
    if len(senders) != 1 or not senders[0][1]:
        raise EmailError("the message needs exactly one From address")
    return senders[0][1]


def _reply(exc: smtplib.SMTPResponseException) -> str:
    return f"{exc.smtp_code} {_text(exc.smtp_error)}"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
