"""Starting out: `briefings build` where there is no site, `briefings new`, and messages that
are never wrapped in the middle of a command (issue 20)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from briefings.content import parse_article

from conftest import write_site


def run(*args: str, cwd: Path, columns: int = 40) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns)}  # a narrow terminal: rich would wrap at 40
    return subprocess.run([sys.executable, "-m", "briefings", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_build_where_there_is_no_site_refuses_and_writes_nothing(tmp_path):
    for command in (["build"], ["serve", "--port", "0"]):
        result = run(*command, cwd=tmp_path)
        assert result.returncode == 1
        assert "no site here: no config.yaml and no content/ folder" in result.stderr
        assert "Start a site with `briefings init DIR`" in result.stderr
        assert list(tmp_path.iterdir()) == [], "nothing written: no output/, no cache"


def test_build_with_a_config_but_no_content_folder_writes_nothing(tmp_path):
    (tmp_path / "config.yaml").write_text("title: x\n", encoding="utf-8")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path / 'content'}: error: content directory not found" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.yaml"]


def test_messages_are_never_wrapped_inside_a_command(tmp_path):
    name = "a-site-with-a-rather-long-name-for-a-narrow-terminal"
    result = run("init", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Next: cd {name} && briefings build\n" in result.stderr
    nowhere = tmp_path / "empty"
    nowhere.mkdir()
    refused = run("build", cwd=nowhere).stderr
    assert len(refused.strip().splitlines()) == 1, refused


def test_new_writes_a_draft_with_title_and_date(tmp_path):
    site = write_site(tmp_path / "site", {})
    result = run("new", "Ministers agree: a new pact", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "content/ministers-agree-a-new-pact.md\n"  # its path, alone on stdout
    path = site / "content" / "ministers-agree-a-new-pact.md"
    article, problems = parse_article(path.read_bytes(), path.name, str(path))
    assert article.title == "Ministers agree: a new pact"
    assert article.date in (dt.date.today(), dt.date.today() - dt.timedelta(days=1))  # a run across midnight
    assert article.draft is True and problems == []


def test_new_never_overwrites(tmp_path):
    site = write_site(tmp_path / "site", {"budget-day.md": "---\ntitle: Mine\n---\nMy words.\n"})
    result = run("new", "Budget day", cwd=site)
    assert result.returncode == 1
    assert "budget-day.md exists; nothing written" in result.stderr
    assert (site / "content" / "budget-day.md").read_text(encoding="utf-8") == "---\ntitle: Mine\n---\nMy words.\n"
    assert result.stdout == ""


def test_new_refuses_a_slug_another_article_file_has(tmp_path):
    site = write_site(tmp_path / "site", {"budget-day.txt": "Budget day\n\nThe words.\n"})
    result = run("new", "Budget day", cwd=site)
    assert result.returncode == 1 and "budget-day.txt exists; nothing written" in result.stderr
    assert not (site / "content" / "budget-day.md").exists()


def test_new_refuses_where_there_is_no_site_and_a_title_without_letters(tmp_path):
    assert "briefings init" in run("new", "A title", cwd=tmp_path).stderr
    assert list(tmp_path.iterdir()) == []
    site = write_site(tmp_path / "site", {})
    result = run("new", "???", cwd=site)
    assert result.returncode == 1 and "no letters or digits" in result.stderr


def test_a_new_draft_builds_with_drafts_and_is_left_out_without(tmp_path, shared_cache):
    site = write_site(tmp_path / "site", {}, f"title: T\nbase_url: https://example.org/\ncache_dir: {shared_cache}\n")
    assert run("new", "First steps", cwd=site).returncode == 0
    (site / "content" / "first-steps.md").open("a", encoding="utf-8").write("The council met on Monday.\n")
    assert run("build", cwd=site).returncode == 0
    assert not (site / "output" / "articles" / "first-steps.html").exists()
    assert run("build", "--drafts", cwd=site).returncode == 0
    assert (site / "output" / "articles" / "first-steps.html").exists()
