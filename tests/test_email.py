"""The digest as an email: the message built from a real site model, and real SMTP delivery
to an aiosmtpd server on 127.0.0.1 (smtplib is not mocked)."""

from __future__ import annotations

import email
import re
import socket
from email import policy
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from click.testing import CliRunner

from briefings import mail, smtp
from briefings.build import load_site
from briefings.cli import main
from briefings.config import Config, load_config

from conftest import article, write_site

BASE = "https://example.org/news/"
UNSUBSCRIBE = "https://example.org/unsub"
# Four words at least: the email shows only quotes of four words or more by a known speaker.
QUOTE = "“We will act on this,” said Jane Smith, the mayor. The river was “high”, she added."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory, shared_cache) -> Path:
    """Two articles in the week of 16 November 2026, one in the week of 2 November."""
    root = tmp_path_factory.mktemp("email-site")
    return write_site(
        root,
        {
            "bus-lanes.md": article(
                "Council backs new bus lanes & cycle routes",
                "2026-11-17",
                f"""
            The city council approved new bus lanes on Tuesday. {QUOTE}
            The plan costs four million pounds.""",
                source="City Herald",
            ),
            "flood-defences.md": article(
                "Flood defences <finished> early",
                "2026-11-18",
                f"""
            Engineers finished the river wall two weeks early. {QUOTE}
            Residents welcomed the news.""",
            ),
            "library.md": article(
                "Library reopens",
                "2026-11-03",
                f"""
            The central library reopened on Tuesday after repairs. {QUOTE}""",
            ),
        },
        config=f"""\
        title: Test news
        base_url: {BASE}
        cache_dir: {shared_cache}
        email:
          from: "Test News <news@example.org>"
          to: [alice@example.org, bob@example.org]
          unsubscribe: {UNSUBSCRIBE}
          smtp:
            host: 127.0.0.1
            port: {free_port()}
            security: none
            timeout: 10
        """,
    )


@pytest.fixture(scope="module")
def config(site) -> Config:
    return load_config(site / "config.yaml")


@pytest.fixture(scope="module")
def message(config):
    return mail.digest_message(config)


def with_email(config: Config, **changes) -> Config:
    return config.model_copy(update={"email": config.email.model_copy(update=changes)})


def with_smtp(config: Config, **changes) -> Config:
    return with_email(config, smtp=config.email.smtp.model_copy(update=changes))


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


class Page(HTMLParser):
    """Tags, attributes and <style> contents of an HTML document."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)

    def attrs(self, name: str) -> list[str]:
        return [a[name] for _, a in self.tags if a.get(name) is not None]


# --- the message ----------------------------------------------------------------------------


def test_multipart_alternative_text_then_html(message):
    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in message.iter_parts())


def test_headers(message):
    assert message["From"] == "Test News <news@example.org>"
    assert message["To"] == "alice@example.org, bob@example.org"
    assert message["Subject"] == "Test news — Week of 16 November 2026"
    assert message["List-Unsubscribe"] == f"<{UNSUBSCRIBE}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(r"<[^@<>\s]+@example\.org>", message["Message-ID"])
    assert parsedate_to_datetime(message["Date"]).tzinfo is not None


def test_the_newest_digest_by_default_and_any_by_id(config, message):
    assert "Flood defences" in text_of(message) and "Library reopens" not in text_of(message)
    older = mail.digest_message(config, digest_id="2026-11-02")
    assert older["Subject"] == "Test news — Week of 2 November 2026"
    assert "Library reopens" in text_of(older) and "Flood defences" not in text_of(older)


def test_unknown_digest_lists_the_available_ones(config):
    with pytest.raises(mail.EmailError, match=r"no digest '2020-01-06'; available: 2026-11-16, 2026-11-02"):
        mail.digest_message(config, digest_id="2020-01-06")


def test_html_is_inlined_self_contained_and_links_absolute(message):
    html = html_of(message)
    page = Page(html)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "iframe", "form", "img", "object", "embed"}
    assert not re.search(r"\son\w+\s*=", html), "no event handlers"
    assert "http://" not in html and "@import" not in html and "@font-face" not in html
    # CSS inlined into style="" attributes; what stays in <style> is only @media rules.
    assert len(page.attrs("style")) > 20
    assert "width: 600px" in html and any(a.get("width") == "600" for tag, a in page.tags if tag == "table")
    assert sum(tag == "table" for tag, _ in page.tags) >= 3, "layout in nested tables"
    leftover = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", "".join(page.styles))
    assert leftover.strip() == "" and "@media" in "".join(page.styles)
    hrefs = page.attrs("href")
    assert hrefs and all(h.startswith((BASE, "mailto:")) or h == UNSUBSCRIBE for h in hrefs), hrefs
    assert BASE + "articles/bus-lanes.html" in hrefs and BASE + "digests/2026-11-16.html" in hrefs
    assert UNSUBSCRIBE in hrefs


def test_cards_have_title_source_date_key_points_and_quotes(config, message):
    site = load_site(config).site
    html, text = html_of(message), text_of(message)
    for entry in site.digests[0].entries:
        for point in entry.extraction.key_points:
            assert point.text.replace("&", "&amp;") in html and point.text in text
    assert "City Herald · 17 November 2026" in html and "City Herald · 17 November 2026" in text
    assert "“We will act on this”" in html and "— Jane Smith, mayor" in html
    assert "— Jane Smith, mayor" in text
    # a one-word fragment is never featured (the sentence with it may be a key point)
    assert "“high”<br>" not in html and "\n  “high”" not in text


def test_html_is_escaped_and_text_is_not(message):
    html, text = html_of(message), text_of(message)
    assert "Flood defences &lt;finished&gt; early" in html and "bus lanes &amp; cycle routes" in html
    assert "Flood defences <finished> early" in text and "bus lanes & cycle routes" in text
    assert "&amp;" not in text and "<" not in text.replace("<finished>", "")


def test_quotes_per_card_limits_the_quotes(config):
    none = mail.digest_message(config.model_copy(update={"quotes_per_card": 0}))
    assert "— Jane Smith" not in text_of(none) and "— Jane Smith" not in html_of(none)


def test_preheader_is_the_first_key_point_hidden(config, message):
    first = load_site(config).site.digests[0].entries[0].extraction.key_points[0].text
    page = Page(html_of(message))
    body = next(i for i, (tag, _) in enumerate(page.tags) if tag == "body")
    tag, attrs = page.tags[body + 1]
    assert tag == "div" and "display: none" in attrs["style"]
    assert re.search(r'<div class="preheader"[^>]*>' + re.escape(first), html_of(message))


def test_every_line_fits_smtp(message):
    raw = bytes(message)
    assert max(len(line) for line in raw.splitlines()) <= 998
    reparsed = email.message_from_bytes(raw, policy=policy.default)
    assert html_of(reparsed) == html_of(message)


def test_mailto_unsubscribe_has_no_one_click_header(config):
    message = mail.digest_message(with_email(config, unsubscribe="mailto:leave@example.org"))
    assert message["List-Unsubscribe"] == "<mailto:leave@example.org>"
    assert message["List-Unsubscribe-Post"] is None
    no_unsubscribe = mail.digest_message(with_email(config, unsubscribe=None))
    assert no_unsubscribe["List-Unsubscribe"] is None and "Unsubscribe" not in html_of(no_unsubscribe)


def test_date_follows_source_date_epoch(config, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert mail.digest_message(config)["Date"] == "Tue, 14 Nov 2023 22:13:20 +0000"


def test_recipients_argument_overrides_config(config):
    assert mail.digest_message(config, recipients=["carol@example.org"])["To"] == "carol@example.org"


@pytest.mark.parametrize(
    "change, recipients",
    [
        ({"subject": "Digest\r\nBcc: evil@example.org"}, None),
        ({"subject": "Digest\nBcc: evil@example.org"}, None),
        ({"sender": "news@example.org\r\nBcc: evil@example.org"}, None),
        ({"unsubscribe": "https://example.org/unsub\r\nBcc: evil@example.org"}, None),
        ({}, ["carol@example.org\r\nBcc: evil@example.org"]),
        ({}, ["carol@example.org\n"]),
    ],
)
def test_line_breaks_in_headers_are_refused(config, change, recipients):
    with pytest.raises(mail.EmailError, match="line break"):
        mail.digest_message(with_email(config, **change), recipients=recipients)


def test_line_break_in_site_title_is_refused(config):
    with pytest.raises(mail.EmailError, match="Subject contains a line break"):
        mail.digest_message(config.model_copy(update={"title": "News\r\nBcc: evil@example.org"}))


def test_missing_sender_or_recipients(config):
    with pytest.raises(mail.EmailError, match="set email.from in config.yaml"):
        mail.digest_message(with_email(config, sender=None))
    with pytest.raises(mail.EmailError, match="email.to"):
        mail.digest_message(with_email(config, to=[]))
    with pytest.raises(mail.EmailError, match="not one email address"):
        mail.digest_message(config, recipients=["carol@example.org, dave@example.org"])


def test_bad_subject_template(config):
    with pytest.raises(mail.EmailError, match=r"\{site\} and \{period\}"):
        mail.digest_message(with_email(config, subject="{site} {week}"))


# --- sending --------------------------------------------------------------------------------


class Recorder:
    """An SMTP handler that keeps every delivered envelope and refuses some recipients."""

    def __init__(self, refuse: tuple[str, ...] = ()):
        self.refuse = set(refuse)
        self.envelopes: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(config):
    """Start `Recorder(refuse)` on the port in config.yaml; stopped after the test."""
    controllers = []

    def start(refuse: tuple[str, ...] = (), **smtp_options) -> Recorder:
        handler = Recorder(refuse)
        controller = Controller(handler, hostname="127.0.0.1", port=config.email.smtp.port, **smtp_options)
        controller.start()
        controllers.append(controller)
        return handler

    yield start
    for controller in controllers:
        controller.stop()


def test_send_delivers_to_every_recipient(config, message, smtp_server):
    handler = smtp_server()
    lines: list[str] = []
    assert smtp.send(config, message, log=lines.append) is True
    ((sender, recipients, content),) = handler.envelopes
    assert sender == "news@example.org" and recipients == ["alice@example.org", "bob@example.org"]
    delivered = email.message_from_bytes(content, policy=policy.default)
    assert delivered.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in delivered.iter_parts()] == ["text/plain", "text/html"]
    for header in ("From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post"):
        assert delivered[header] == message[header], header
    html, text = html_of(delivered), text_of(delivered)
    assert html.replace("\r\n", "\n") == html_of(message)
    assert "Flood defences <finished> early" in text and "Read the briefing: " + BASE in text
    page = Page(html)
    assert not any(tag == "script" for tag, _ in page.tags)
    assert not any(tag == "link" for tag, _ in page.tags) and not re.search(r"rel=.?stylesheet", html, re.I)
    styled = page.attrs("style")
    assert len(styled) > 20 and any("font-family" in s for s in styled) and any("width: 600px" in s for s in styled)
    assert 5_000 < len(html.encode("utf-8")) < mail.HTML_BUDGET
    assert any("2 of 2" in line for line in lines)


def test_one_refused_recipient_is_reported_and_the_others_still_get_it(config, smtp_server):
    handler = smtp_server(refuse=("bob@example.org",))
    message = mail.digest_message(config, recipients=["alice@example.org", "bob@example.org", "carol@example.org"])
    lines: list[str] = []
    assert smtp.send(config, message, log=lines.append) is False
    ((_, recipients, _),) = handler.envelopes
    assert recipients == ["alice@example.org", "carol@example.org"]
    assert any("bob@example.org" in line and "550" in line for line in lines), lines
    assert any("2 of 3" in line for line in lines)


def test_every_recipient_refused(config, smtp_server):
    handler = smtp_server(refuse=("alice@example.org", "bob@example.org"))
    lines: list[str] = []
    assert smtp.send(config, mail.digest_message(config), log=lines.append) is False
    assert handler.envelopes == []
    assert sum("550" in line for line in lines) == 2


def test_dry_run_sends_nothing(config, message, smtp_server):
    handler = smtp_server()
    lines: list[str] = []
    assert smtp.send(config, message, dry_run=True, log=lines.append) is True
    assert handler.envelopes == []
    shown = "\n".join(lines)
    for part in (
        "From: Test News <news@example.org>",
        "To: alice@example.org, bob@example.org",
        "Subject: Test news — Week of 16 November 2026",
        "KB",
        "127.0.0.1",
    ):
        assert part in shown


def test_dry_run_needs_no_server(config, message):
    assert smtp.send(with_smtp(config, port=free_port()), message, dry_run=True, log=lambda line: None)


def test_connection_refused_names_host_and_port(config, message):
    port = free_port()
    with pytest.raises(mail.EmailError, match=rf"127\.0\.0\.1:{port}: .*refused"):
        smtp.send(with_smtp(config, port=port), message, log=lambda line: None)


def test_login_reads_the_password_from_the_environment(config, message, smtp_server, monkeypatch):
    seen = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        seen.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret", handled=False)

    handler = smtp_server(authenticator=authenticator, auth_require_tls=False)
    settings = with_smtp(config, user="briefings", password_env="TEST_BRIEFINGS_PASSWORD")
    monkeypatch.delenv("TEST_BRIEFINGS_PASSWORD", raising=False)
    with pytest.raises(mail.EmailError, match="TEST_BRIEFINGS_PASSWORD"):
        smtp.send(settings, message, log=lambda line: None)
    assert seen == [] and handler.envelopes == []

    monkeypatch.setenv("TEST_BRIEFINGS_PASSWORD", "wrong")
    with pytest.raises(mail.EmailError, match="login as briefings refused"):
        smtp.send(settings, message, log=lambda line: None)

    monkeypatch.setenv("TEST_BRIEFINGS_PASSWORD", "s3cret")
    assert smtp.send(settings, message, log=lambda line: None) is True
    assert seen[-1] == (b"briefings", b"s3cret") and len(handler.envelopes) == 1


def test_large_html_is_warned_about(config, message, monkeypatch):
    lines: list[str] = []
    smtp.send(config, message, dry_run=True, log=lines.append)
    assert not any("warning" in line for line in lines)
    monkeypatch.setattr(mail, "HTML_BUDGET", 1024)
    smtp.send(config, message, dry_run=True, log=lines.append)
    assert any(line.startswith("warning: the HTML part is") for line in lines)


# --- the command ----------------------------------------------------------------------------


def test_cli_writes_a_parseable_eml(site, tmp_path):
    out = tmp_path / "digest.eml"
    result = CliRunner().invoke(main, ["email", "--config", str(site / "config.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    parsed = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert parsed["Subject"] == "Test news — Week of 16 November 2026"
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]
    assert "Flood defences <finished> early" in text_of(parsed)


def test_cli_send_and_dry_run(site, smtp_server):
    handler = smtp_server()
    runner = CliRunner()
    config = str(site / "config.yaml")
    dry = runner.invoke(main, ["email", "--config", config, "--send", "--dry-run", "--to", "carol@example.org"])
    assert dry.exit_code == 0, dry.output
    assert handler.envelopes == []
    sent = runner.invoke(main, ["email", "--config", config, "--send", "--to", "carol@example.org"])
    assert sent.exit_code == 0, sent.output
    assert [r for _, r, _ in handler.envelopes] == [["carol@example.org"]]


def test_cli_reports_an_unknown_digest(site):
    result = CliRunner().invoke(
        main, ["email", "--config", str(site / "config.yaml"), "--out", "x.eml", "--digest", "1999-01-04"]
    )
    assert result.exit_code == 1 and "available: 2026-11-16, 2026-11-02" in result.output


# --- cards: chips, tags, one article ----------------------------------------------------------


def test_participants_as_typed_chips_and_tags_as_links(config, message):
    site = load_site(config).site
    entry = site.digests[0].entries[0]
    html, text = html_of(message), text_of(message)
    page = Page(html)
    chips = [a for tag, a in page.tags if "chip" in (a.get("class") or "").split()]
    assert chips, "participant chips"
    assert {c["class"].split()[1] for c in chips} <= {"chip-person", "chip-org", "chip-gpe", "chip-loc", "chip-more"}
    assert all("background-color" in c["style"] for c in chips), "chip colours inlined"
    first = entry.extraction.participants[0]
    assert f">{first.name}<" in html and "Participants: " + first.name in text


def test_chips_link_to_participant_pages(config, message):
    site = load_site(config).site
    pages = {p.url for p in site.participants}
    linked = [a["href"] for tag, a in Page(html_of(message)).tags if tag == "a" and "chip" in (a.get("class") or "")]
    assert linked and all(h.removeprefix(BASE) in pages for h in linked if "chip-more" not in h)


def test_tags_link_to_tag_pages(tmp_path, shared_cache):
    root = write_site(
        tmp_path,
        {"a.md": article("Tagged", "2026-11-17", "The council met on Tuesday.", tags="[transport, city]")},
        config=f"base_url: {BASE}\ncache_dir: {shared_cache}\nemail:\n  from: a@example.org\n  to: [b@example.org]\n",
    )
    message = mail.digest_message(load_config(root / "config.yaml"))
    html = html_of(message)
    assert f'href="{BASE}tags/transport.html"' in html and "#transport</a>" in html
    assert "Tags: transport, city" in text_of(message) or "Tags: city, transport" in text_of(message)


def test_one_article_by_slug(config):
    composed = mail.compose(config, article_slug="bus-lanes")
    message = composed.message
    assert message["Subject"] == "Test news — Council backs new bus lanes & cycle routes"
    html, text = html_of(message), text_of(message)
    assert "Flood defences" not in html and "Flood defences" not in text
    assert f'href="{BASE}articles/bus-lanes.html"' in html and "Read this briefing on the web" in html
    assert "City Herald · 17 November 2026" in text
    assert not composed.shortened


def test_unknown_article_suggests_close_slugs(config):
    with pytest.raises(mail.EmailError, match="no article with slug 'bus-lane'; did you mean bus-lanes"):
        mail.compose(config, article_slug="bus-lane")
    with pytest.raises(mail.EmailError, match="not both"):
        mail.compose(config, article_slug="bus-lanes", digest_id="2026-11-16")


# --- what the HTML may hold, whatever the site's own template says ------------------------------


@pytest.mark.parametrize(
    "markup, problem",
    [
        ('<a href="articles/x.html">x</a>', "not absolute"),
        ('<img src="https://example.org/logo.png" alt="Logo">', "images need width, height"),
        ("<script>alert(1)</script>", "<script> is not allowed"),
        ('<link rel="stylesheet" href="https://example.org/s.css">', "no external stylesheets"),
        ('<p onclick="x()">x</p>', "event handler onclick="),
        ("<style>@import url(https://example.org/f.css);</style>", "loads files"),
    ],
)
def test_html_problems(markup, problem):
    assert any(problem in p for p in mail.html_problems(f"<html><body>{markup}</body></html>"))


def test_images_with_alt_width_height_and_absolute_src_pass():
    ok = '<img src="https://example.org/logo.png" alt="Logo" width="120" height="32"><a href="mailto:a@b.org">m</a>'
    assert mail.html_problems(ok) == []


def test_a_site_template_with_a_relative_link_is_refused(tmp_path, shared_cache, site):
    import shutil

    shutil.copytree(site / "content", tmp_path / "content")
    templates = tmp_path / "templates" / "email"
    templates.mkdir(parents=True)
    (templates / "digest.html").write_text('<html><body><a href="{{ web_url }}">web</a></body></html>\n')
    (tmp_path / "config.yaml").write_text((site / "config.yaml").read_text())
    with pytest.raises(
        mail.EmailError, match=r"digest\.html renders HTML .*\n.*href='digests/2026-11-16\.html' is not absolute"
    ):
        mail.digest_message(load_config(tmp_path / "config.yaml"))


# --- settings checked when config.yaml loads -----------------------------------------------------


@pytest.mark.parametrize(
    "email_yaml, line, expected",
    [
        ('  from: "News <news@example.org>\\r\\nBcc: evil@example.org"\n', 3, "email.from: .*one line"),
        ("  from: not an address\n", 3, "email.from: .*one email address"),
        ('  to:\n    - a@example.org\n    - "b@example.org, c@example.org"\n', 5, r"email\.to\.1: .*one email address"),
        ('  subject: "{site} {week}"\n', 3, r"unknown placeholder \{week\}"),
        ('  unsubscribe: "https://example.org/u\\nBcc: evil@example.org"\n', 3, "email.unsubscribe: .*one line"),
        ("  unsubscribe: http://example.org/u\n", 3, "email.unsubscribe: .*mailto: address or an https:// URL"),
    ],
)
def test_email_settings_are_validated_on_load(tmp_path, email_yaml, line, expected):
    from briefings.config import ConfigError

    path = tmp_path / "config.yaml"
    path.write_text("title: x\nemail:\n" + email_yaml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    (problem,) = caught.value.problems
    assert problem.line == line and re.search(expected, str(problem)), str(problem)


def test_cli_header_with_newline_is_refused(site):
    result = CliRunner().invoke(
        main,
        [
            "email",
            "--config",
            str(site / "config.yaml"),
            "--out",
            "x.eml",
            "--to",
            "carol@example.org\nBcc: evil@example.org",
        ],
    )
    assert result.exit_code == 1 and "error: To contains a line break" in result.output


def test_cli_usage_errors(site):
    config = str(site / "config.yaml")
    runner = CliRunner()
    both = runner.invoke(
        main, ["email", "--config", config, "--out", "x.eml", "--digest", "2026-11-16", "--article", "bus-lanes"]
    )
    assert both.exit_code == 2 and "not both" in both.output
    dry = runner.invoke(main, ["email", "--config", config, "--out", "x.eml", "--dry-run"])
    assert dry.exit_code == 2 and "--dry-run goes with --send" in dry.output
