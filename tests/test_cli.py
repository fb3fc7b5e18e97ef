"""The commands as a user runs them."""

import json
import subprocess
import sys

from click.testing import CliRunner

from briefings.cli import main

from conftest import SEED, article, write_site


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "briefings", *args], capture_output=True, text=True, cwd=cwd)


def test_help_on_every_command():
    runner = CliRunner()
    for command in ([], ["build"], ["serve"], ["extract"], ["email"], ["init"], ["fetch"]):
        result = runner.invoke(main, [*command, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_extract_json_shape_for_the_seed(tmp_path):
    result = run("extract", "--format", "json", str(SEED), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (item,) = data["articles"]
    assert set(item) == {"source", "title", "key_points", "quotes", "participants"}
    assert item["source"] == str(SEED)
    assert all(set(q) == {"text", "speaker", "cue"} for q in item["quotes"])
    assert all(set(p) == {"name", "type", "role", "aliases"} for p in item["participants"])
    assert {p["type"] for p in item["participants"]} <= {"PERSON", "ORG", "GPE", "LOC"}
    assert [q["speaker"] for q in item["quotes"]].count("William Hague") == 2
    assert len(item["key_points"]) == 3


def test_extract_plain_text_and_a_missing_file(tmp_path):
    (tmp_path / "story.txt").write_text("Minister resigns\n\nThe minister resigned on Friday, officials said.\n")
    result = run("extract", str(tmp_path / "story.txt"), str(tmp_path / "missing.txt"), cwd=tmp_path)
    assert result.returncode == 1
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["articles"][0]["title"] == "Minister resigns"


def test_build_exit_status_and_messages(tmp_path):
    write_site(
        tmp_path,
        {
            "good.md": article("Good", "2026-11-02", "The council met on Monday."),
            "bad.md": "---\ntitle: [oops\n---\ntext\n",
        },
    )
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "content/bad.md:2: error: front matter is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "output" / "articles" / "good.html").exists()


def test_strict_fails_on_warnings(tmp_path):
    write_site(tmp_path, {"a.md": "---\ntitle: A\ncolour: red\n---\nThe council met on Monday.\n"})
    assert run("build", cwd=tmp_path).returncode == 0
    strict = run("build", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and "content/a.md:3: warning: unknown front matter key 'colour'" in strict.stderr


def test_bad_config_stops_with_key_and_line(tmp_path):
    (tmp_path / "config.yaml").write_text("title: x\nperiod: fortnight\n")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "config.yaml:2: error: period: Input should be 'day' or 'week'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_content_dir_is_an_error(tmp_path):
    (tmp_path / "config.yaml").write_text("title: x\n")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1 and "content directory not found" in result.stderr


def test_init_scaffolds_a_site_that_builds_at_once(tmp_path):
    assert run("init", "newsite", cwd=tmp_path).returncode == 0
    site = tmp_path / "newsite"
    assert (site / "config.yaml").is_file() and (site / "templates").is_dir()
    assert len(list((site / "content").glob("*.md"))) == 2
    result = run("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "output" / "index.html").is_file()
    assert run("init", "newsite", cwd=tmp_path).returncode == 1, "never overwrite a site"


def test_serve_warns_when_bound_beyond_this_machine(tmp_path):
    write_site(tmp_path, {"a.md": article("A", "2026-11-02", "The council met on Monday.")})
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefings", "serve", "--host", "0.0.0.0", "--port", "0"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(10)
    assert "warning: serving on 0.0.0.0" in line
