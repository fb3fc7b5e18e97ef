"""The size budget: the HTML part of an email stays under 100 KB (Gmail clips longer ones).
A digest that would be larger shows fewer quotes, then fewer key points, then fewer
participants per article, then fewer articles with a link to the rest, and says so."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefings import mail
from briefings.build import load_site
from briefings.cli import main
from briefings.config import load_config
from briefings.render import Renderer

from conftest import REPO

BASE = "https://example.org/"
COPIES = 64


@pytest.fixture(scope="module")
def big_site(tmp_path_factory, shared_cache) -> Path:
    """64 articles in the week of 16 November 2026: the sample articles, copied
    under new titles and slugs. The bodies are the sample's, so the session cache parses each
    text once."""
    root = tmp_path_factory.mktemp("big-site")
    content = root / "content"
    content.mkdir()
    sources = sorted((REPO / "content").glob("*.md"))
    for i in range(COPIES):
        source = sources[i % len(sources)]
        text = source.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        lines = [line for line in front.splitlines() if not line.startswith(("date:", "title:"))]
        title = re.search(r"^title: (.*)$", front, re.M).group(1).strip().strip('"')
        lines += [f'title: "{title} ({i // len(sources) + 1})"', f"date: 2026-11-{16 + i % 7}"]
        (content / f"{i:02d}-{source.name}").write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")
    (root / "config.yaml").write_text(
        # Copies of one text are one story; here every article is a card, as the budget cuts cards.
        f"title: Big\nbase_url: {BASE}\ncache_dir: {shared_cache}\ntop_stories: 0\n"
        "email:\n  from: news@example.org\n  to: [readers@example.org]\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture(scope="module")
def big(big_site):
    config = load_config(big_site / "config.yaml")
    site = load_site(config).site
    topic = mail._digest_topic(site.digests[0])
    return config, Renderer(site, config), topic, mail.full_limits(config, topic)


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def size(big, limits: mail.Limits) -> int:
    config, renderer, topic, _ = big
    return len(mail.render_html(renderer, config, topic, limits).encode("utf-8"))


def test_the_sample_digest_fits_whole(sample_site):
    composed = mail.compose(load_config(sample_site / "config.yaml"))
    assert not composed.shortened and composed.notes() == []
    assert composed.html_size == composed.full_size < mail.HTML_BUDGET
    assert "Shortened" not in html_of(composed.message) and "Read the full briefing" not in html_of(composed.message)


def test_a_big_digest_is_shortened_under_the_budget(big_site):
    composed = mail.compose(load_config(big_site / "config.yaml"))
    assert len(composed.message.get_body(("html",)).get_content().encode()) == composed.html_size
    assert composed.full_size > mail.HTML_BUDGET >= composed.html_size
    assert composed.shortened and composed.total_articles == COPIES
    html, text = html_of(composed.message), text_of(composed.message)
    assert "Shortened to fit your inbox" in html and "Shortened to fit your inbox" in text
    assert "Read the full briefing" in html and "Read the full briefing: " + BASE + "articles/" in text
    shown = composed.limits.articles
    if shown is not None and shown < COPIES:
        rest = f"{COPIES - shown} more articles in this digest"
        assert rest in html and rest in text
        assert re.search(rf'href="{BASE}digests/2026-11-16\.html"[^>]*>read the full briefing on the web', html)
    (note,) = composed.notes()
    assert note.startswith("note: the digest's HTML would be") and "over the 100 KB budget" in note


def test_degradation_goes_step_by_step(big):
    """Quotes go first, then key points, then participants, then articles; each stage is
    reached only when the one before is used up, and each result is the first that fits."""
    config, renderer, topic, full = big
    assert full.quotes == 2 and full.key_points == 3 and full.participants == mail.CHIP_LIMIT
    stages = [
        mail.Limits(quotes=1, key_points=3, participants=8, articles=COPIES),
        mail.Limits(quotes=0, key_points=2, participants=8, articles=COPIES),
        mail.Limits(quotes=0, key_points=1, participants=4, articles=COPIES),
        mail.Limits(quotes=0, key_points=1, participants=0, articles=40),
    ]
    for expected in stages:
        budget = size(big, expected)
        limits, html, full_size = mail.fit(renderer, config, topic, full, budget)
        assert limits == expected, (budget, limits)
        assert len(html.encode("utf-8")) <= budget < full_size


def test_fewer_articles_is_the_most_that_fit(big):
    config, renderer, topic, full = big
    budget = 60 * 1024
    limits, html, _ = mail.fit(renderer, config, topic, full, budget)
    assert (limits.quotes, limits.key_points, limits.participants) == (0, 1, 0)
    assert 1 <= limits.articles < COPIES
    assert len(html.encode("utf-8")) <= budget < size(big, mail.Limits(0, 1, 0, limits.articles + 1))


def test_one_article_over_the_budget_is_sent_warned(big):
    config, renderer, topic, full = big
    limits, html, _ = mail.fit(renderer, config, topic, full, 1024)
    assert limits == mail.Limits(quotes=0, key_points=1, participants=0, articles=1)
    assert "1 more article" not in html and "63 more articles in this digest" in html


def test_the_command_says_it_shortened_the_email(big_site, tmp_path):
    out = tmp_path / "big.eml"
    result = CliRunner().invoke(main, ["email", "--config", str(big_site / "config.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "note: the digest's HTML would be" in result.output and "budget" in result.output
    parsed = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert len(html_of(parsed).encode("utf-8")) <= mail.HTML_BUDGET
