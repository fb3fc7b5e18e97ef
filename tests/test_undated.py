"""Articles whose text and front matter give no date sit in no period: the index, which shows
the latest dated digest, names them and links to them, so they are never out of sight."""

from __future__ import annotations

import pytest

from briefings.build import build
from briefings.config import load_config

from conftest import article, write_site

pytestmark = pytest.mark.slow  # extracts (the session's cache makes it quick)


def site_with(tmp_path, shared_cache, dates: list[str | None]):
    files = {
        f"a{i}.md": article(
            f"Article {i}",
            date,
            f"The council met on the bridge plan, number {i}. It voted to repair the bridge, the mayor said.",
        )
        for i, date in enumerate(dates)
    }
    root = write_site(tmp_path, files, f"title: T\nbase_url: https://example.org/\ncache_dir: {shared_cache}\n")
    result = build(load_config(root / "config.yaml"))
    assert not result.errors, result.errors
    return (root / "output" / "index.html").read_text(encoding="utf-8")


def test_the_index_names_the_undated_articles(tmp_path, shared_cache):
    index = site_with(tmp_path, shared_cache, ["2026-11-18", None, None])
    assert '<a href="digests/undated.html">2 undated articles</a>' in index


def test_no_note_when_every_article_is_dated(tmp_path, shared_cache):
    index = site_with(tmp_path, shared_cache, ["2026-11-18", "2026-11-10"])
    assert "undated" not in index.lower()
