"""Send a message built by mail.py over the SMTP server of config.yaml (`email.smtp`)."""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import getaddresses

from . import mail
from .config import Config, SmtpConfig
from .mail import EmailError, html_size


def send(config: Config, message: EmailMessage, *, dry_run: bool = False, log: Callable[[str], object] = print) -> bool:
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
    if html > mail.HTML_BUDGET:  # the budget mail.py composes to
        log(f"warning: the HTML part is {html / 1024:.0f} KB; Gmail clips messages over about 102 KB")
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
        raise EmailError(
            f"email.smtp.user is set but the environment variable {smtp.password_env} "
            "(email.smtp.password_env) holding the password is not"
        )
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
