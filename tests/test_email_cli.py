"""`briefings email` on a fresh `briefings init` site: --out needs no recipient, --send needs
one and says so, and a base_url still on localhost is warned about (issue 20)."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefings.cli import main
from briefings.scaffold import create_site

WARNING = "warning: base_url is still http://localhost:8000/"


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory, shared_cache) -> Path:
    """A site as `briefings init` makes it (email.to empty, base_url on localhost)."""
    site = tmp_path_factory.mktemp("fresh") / "site"
    create_site(site)
    with (site / "config.yaml").open("a", encoding="utf-8") as config:
        config.write(f"cache_dir: {shared_cache}\n")
    return site


def email_command(site: Path, *args: str, base_url: str | None = None):
    config = site / "config.yaml"
    if base_url:
        text = config.read_text(encoding="utf-8")
        config = site / "public.yaml"
        config.write_text(text.replace("http://localhost:8000/", base_url), encoding="utf-8")
    return CliRunner().invoke(main, ["email", "--config", str(config), *args])


def test_out_needs_no_recipient(fresh_site, tmp_path):
    out = tmp_path / "digest.eml"
    result = email_command(fresh_site, "--out", str(out))
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["To"] is None and message["From"] and message["Subject"]
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]


@pytest.mark.parametrize("args", [("--send",), ("--send", "--dry-run"), ("--send", "--out", "x.eml")])
def test_send_needs_a_recipient_and_says_so(fresh_site, tmp_path, args):
    result = email_command(fresh_site, *args)
    assert result.exit_code == 2
    assert "--send needs a recipient: give --to ADDRESS or set email.to in config.yaml" in result.output
    assert not (tmp_path / "x.eml").exists()


def test_a_localhost_base_url_is_warned_about_when_writing_and_sending(fresh_site, tmp_path):
    written = email_command(fresh_site, "--out", str(tmp_path / "a.eml"))
    assert WARNING in written.output and "reader's own machine" in written.output
    sent = email_command(fresh_site, "--send", "--dry-run", "--to", "reader@example.org")
    assert sent.exit_code == 0, sent.output
    assert WARNING in sent.output


def test_a_published_base_url_gives_no_warning(fresh_site, tmp_path):
    result = email_command(fresh_site, "--out", str(tmp_path / "a.eml"), base_url="https://news.example.org/")
    assert result.exit_code == 0, result.output
    assert "warning: base_url" not in result.output
