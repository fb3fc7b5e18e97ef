"""`briefings theme copy` and docs/theming.md: a copied theme renders byte for byte what the
theme renders, copies never overwrite without --force, and every theme file and every
variable a template receives is documented (issue 20)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefings.build import build, load_site
from briefings.cli import main
from briefings.config import load_config
from briefings.pages import plan
from briefings.render import Renderer
from briefings.theme import theme_files

from conftest import REPO, write_site

DOCS = (REPO / "docs" / "theming.md").read_text(encoding="utf-8")


def copy(site: Path, *args: str):
    return CliRunner().invoke(main, ["theme", "copy", "--config", str(site / "config.yaml"), *args])


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_site_with_every_template_copied_builds_byte_for_byte_the_same(sample_site, built_sample, tmp_path):
    result = copy(sample_site)
    assert result.exit_code == 0, result.output
    copied = tree(sample_site / "templates")
    assert sorted(copied) == theme_files() and "static/style.css" in copied and "email/digest.txt" in copied
    out = tmp_path / "out"
    assert not build(load_config(sample_site / "config.yaml"), output=out).errors
    default, with_copies = tree(built_sample[0]), tree(out)
    assert sorted(with_copies) == sorted(default)
    assert [name for name in default if default[name] != with_copies[name]] == []


def test_copy_named_templates_and_never_overwrite_without_force(tmp_path):
    site = write_site(tmp_path / "site", {})
    result = copy(site, "article.html", "email")
    assert result.exit_code == 0, result.output
    assert sorted(tree(site / "templates")) == ["article.html", "email/digest.html", "email/digest.txt"]
    assert "templates/article.html" in result.output
    mine = site / "templates" / "article.html"
    mine.write_text("{% extends 'base.html' %}{% block content %}mine{% endblock %}\n", encoding="utf-8")
    again = copy(site, "article.html", "base.html")
    assert again.exit_code == 1 and "already has" in again.output and "--force" in again.output
    assert "mine" in mine.read_text(encoding="utf-8")
    assert not (site / "templates" / "base.html").exists(), "nothing copied when anything is refused"
    forced = copy(site, "--force", "article.html")
    assert forced.exit_code == 0, forced.output
    assert mine.read_bytes() == (REPO / "templates" / "article.html").read_bytes()


def test_copy_an_unknown_template_lists_the_known_ones(tmp_path):
    site = write_site(tmp_path / "site", {})
    result = copy(site, "articel.html")
    assert result.exit_code == 1
    assert "no 'articel.html'" in result.output and "article.html" in result.output
    assert not (site / "templates").exists()


def test_copy_where_there_is_no_site_refuses(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["theme", "copy"])
    assert result.exit_code == 1 and "briefings init" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_readme_links_the_theming_docs():
    assert "(docs/theming.md)" in (REPO / "README.md").read_text(encoding="utf-8")


# -- the docs cover the theme ---------------------------------------------------------------


def sections() -> dict[str, str]:
    """Each theme file named in a "### " heading → the text of its section."""
    found: dict[str, str] = {}
    for block in re.split(r"\n(?=#{2,3} )", DOCS):
        heading, _, body = block.partition("\n")
        if heading.startswith("### "):
            for name in re.findall(r"`([^`]+)`", heading):
                found[name] = body
    return found


def test_every_theme_file_is_documented():
    missing = [name for name in theme_files() if name not in sections()]
    assert missing == [], f"add a '### `name`' section to docs/theming.md for: {missing}"


@pytest.mark.slow
def test_every_variable_a_page_template_receives_is_documented(sample_config):
    site = load_site(sample_config).site
    renderer = Renderer(site, sample_config)
    documented = sections()
    missing = set()
    for page in plan(site, renderer.entry_link_targets, renderer.static_files()):
        for name in page.context if page.template else ():
            if f"`{name}`" not in documented[page.template]:
                missing.add((page.template, name))
    assert missing == set()
    every_page = DOCS.split("## On every page", 1)[1].split("\n## ", 1)[0]
    for name in (
        "site",
        "config",
        "page_url",
        "rel(url)",
        "absolute(url)",
        "participant_url(p)",
        "speaker_url(name)",
        "search_index()",
    ):
        assert f"`{name}`" in every_page


@pytest.mark.slow
def test_every_variable_an_email_template_receives_is_documented(sample_config):
    from briefings import mail

    site = load_site(sample_config).site
    topic = mail._digest_topic(site.digests[0])
    limits = mail.full_limits(sample_config, topic)
    context = mail._context(Renderer(site, sample_config), sample_config, topic, limits)
    email_docs = DOCS.split("## Email", 1)[1].split("\n## ", 1)[0]
    for name in context:
        assert re.search(rf"`{name}(\(|`)", email_docs), name
