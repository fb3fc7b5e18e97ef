"""Bad input, one case at a time, through `briefings build` as a user runs it: each gives
`path:line: severity: message` (the line where there is one), the good article beside it
is still built, the exit status is 1 on an error (0 on a warning, 1 with --strict) and
there is never a traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefings.cli import main

from conftest import CORPUS, SHARED, article, write_site

GOOD = article("Good story", "2026-11-02", "The council met on Monday. Mayor Jane Smith said the budget was sound.")
BBC_NOT_UTF8 = CORPUS / "bbc" / "sport" / "199.txt"


def alias_bomb(key: str) -> str:
    """Nine levels of YAML aliases, nine wide: 9**9 items if anything expanded them."""
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(8):
        prev, name = chr(97 + level), chr(98 + level)
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines + [f"{key}: *i", "---", "Text."]) + "\n"


def not_utf8() -> bytes:
    if BBC_NOT_UTF8.exists():
        return BBC_NOT_UTF8.read_bytes()  # a real one: Latin-1 from the BBC corpus
    return "Title\n\nline two\nCaf\xe9 society\n".encode("latin-1")


# (id, {file name: text or bytes}, the line the build prints, severity)
CASES = [
    (
        "not-yaml",
        {"bad.md": "---\ntitle: [oops\n---\ntext\n"},
        "content/bad.md:2: error: front matter is not valid YAML",
        "error",
    ),
    (
        "not-a-mapping",
        {"bad.md": "---\n- a list\n- of things\n---\ntext\n"},
        "content/bad.md:2: error: front matter must be a mapping",
        "error",
    ),
    (
        "unterminated",
        {"bad.md": "---\ntitle: x\n\nThe body, but the fence never closed.\n"},
        "content/bad.md:1: error: front matter starts with '---' but never ends",
        "error",
    ),
    (
        "tab-in-yaml",
        {"bad.md": "---\ntitle: x\n\tdate: 2026-11-02\n---\ntext\n"},
        "content/bad.md:3: error: front matter is not valid YAML",
        "error",
    ),
    (
        "title-not-text",
        {"bad.md": "---\ntitle: [a, b]\n---\ntext\n"},
        "content/bad.md:2: error: 'title' must be str, got ['a', 'b']",
        "error",
    ),
    (
        "key-points-not-int",
        {"bad.md": "---\ntitle: x\nkey_points: many\n---\ntext\n"},
        "content/bad.md:3: error: 'key_points' must be int, got 'many'",
        "error",
    ),
    (
        "key-points-out-of-range",
        {"bad.md": "---\ntitle: x\nkey_points: 99\n---\ntext\n"},
        "content/bad.md:3: error: 'key_points' must be between 0 and 20",
        "error",
    ),
    (
        "draft-not-bool",
        {"bad.md": "---\ntitle: x\ndraft: maybe\n---\ntext\n"},
        "content/bad.md:3: error: 'draft' must be bool, got 'maybe'",
        "error",
    ),
    (
        "tags-not-a-list",
        {"bad.md": "---\ntitle: x\ntags: {a: 1}\n---\ntext\n"},
        "content/bad.md:3: error: 'tags' must be a list of words",
        "error",
    ),
    (
        "unknown-key",
        {"bad.md": "---\ntitle: x\ncolour: red\n---\nThe council met on Monday.\n"},
        "content/bad.md:3: warning: unknown front matter key 'colour'",
        "warning",
    ),
    (
        "date-not-a-date",
        {"bad.md": "---\ntitle: x\ndate: next tuesday\n---\ntext\n"},
        "content/bad.md:3: error: 'date' must be an ISO date like 2026-11-18, got 'next tuesday'",
        "error",
    ),
    (
        "impossible-date",
        {"bad.md": "---\ntitle: x\ndate: 2026-02-30\n---\ntext\n"},
        "content/bad.md:3: error: 'date' must be an ISO date like 2026-11-18, got '2026-02-30'",
        "error",
    ),
    (
        "date-a-list",
        {"bad.md": "---\ntitle: x\ndate: [2026, 11, 2]\n---\ntext\n"},
        "content/bad.md:3: error: 'date' must be an ISO date like 2026-11-18, got [2026, 11, 2]",
        "error",
    ),
    ("not-utf8", {"bad.txt": not_utf8()}, "content/bad.txt:", "error"),
    ("empty-file", {"bad.md": ""}, "content/bad.md: error: empty article", "error"),
    ("only-blank-lines", {"bad.txt": "\n \n\t\n"}, "content/bad.txt: error: empty article", "error"),
    (
        "binary-named-md",
        {"bad.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4},
        "content/bad.md: error: binary file, not a text article",
        "error",
    ),
    (
        "ten-megabytes",
        {"bad.md": "---\ntitle: Huge\n---\n" + "All work and no play. " * 480_000},
        "content/bad.md: error: 10.1 MB is too big for an article (at most 2 MB); not read",
        "error",
    ),
    (
        "one-enormous-line",
        {"bad.txt": "Supercalifragilisticexpialidocious " * 45_000},
        "content/bad.txt: warning: 1,574,999 characters of text: key points, quotes and participants come from "
        "the first 100,000",
        "warning",
    ),
    (
        "unbalanced-brackets",
        {"bad.md": "---\ntitle: x\n---\n" + "[" * 30_000 + " text (" * 5_000 + "\n"},
        "content/bad.md:4: warning: Markdown not rendered (too many unbalanced brackets); the body is shown as "
        "plain text",
        "warning",
    ),
    (
        "inline-markup-flood",
        {"bad.md": "---\ntitle: x\n---\n" + "*a* <b> " * 2_500 + "\n"},
        "content/bad.md:4: warning: Markdown not rendered (too much inline markup in one paragraph)",
        "warning",
    ),
    (
        "nested-too-deep",
        {"bad.md": "---\ntitle: x\n---\n" + "".join("  " * i + "- x\n" for i in range(200))},
        "content/bad.md:4: warning: Markdown not rendered (quotes or lists nested too deep)",
        "warning",
    ),
    (
        "control-characters",
        {"bad.md": '---\ntitle: "Bell\\a and escape\\e"\n---\nThe council\x0b met\x1b.\n'},
        "content/bad.md:4: warning: 2 control character(s) removed (the first is U+000B)",
        "warning",
    ),
    (
        "same-slug",
        {"zz-copy.md": "---\ntitle: Copy\nslug: good\n---\nThe council met again.\n"},
        "content/zz-copy.md: error: slug 'good' is already used by content/good.md",
        "error",
    ),
    (
        "slug-escapes-up",
        {"bad.md": "---\ntitle: x\nslug: ../../etc/x\n---\ntext\n"},
        "content/bad.md:3: error: slug '../../etc/x' must be a plain name",
        "error",
    ),
    (
        "slug-absolute",
        {"bad.md": "---\ntitle: x\nslug: /etc/passwd\n---\ntext\n"},
        "content/bad.md:3: error: slug '/etc/passwd' must be a plain name",
        "error",
    ),
    (
        "slug-backslash",
        {"bad.md": "---\ntitle: x\nslug: ..\\..\\x\n---\ntext\n"},
        "content/bad.md:3: error: slug '..\\\\..\\\\x' must be a plain name",
        "error",
    ),
    (
        "slug-only-dots",
        {"bad.md": "---\ntitle: x\nslug: '...'\n---\ntext\n"},
        "content/bad.md:3: error: slug '...' must be a plain name",
        "error",
    ),
    (
        "slug-not-text",
        {"bad.md": "---\ntitle: x\nslug: [a]\n---\ntext\n"},
        "content/bad.md:3: error: 'slug' must be str, got ['a']",
        "error",
    ),
    (
        "yaml-alias-bomb",
        {"bad.md": alias_bomb("title")},
        "content/bad.md:11: error: 'title' must be str, got [[[...]",
        "error",
    ),
    (
        "yaml-nested-too-deep",
        {"bad.md": "---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\ntext\n"},
        "content/bad.md:2: error: front matter is not valid YAML: nested too deep",
        "error",
    ),
]


def build(site: Path, *args: str):
    result = CliRunner().invoke(main, ["build", "--config", str(site / "config.yaml"), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def good_site(tmp_path: Path, shared_cache: Path) -> Path:
    return write_site(
        tmp_path / "site",
        {"good.md": GOOD},
        f"title: Test\nbase_url: https://example.org/\ncache_dir: {shared_cache}\n",
    )


@pytest.mark.parametrize("files, expected, severity", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_article(tmp_path, shared_cache, files, expected, severity):
    site = good_site(tmp_path, shared_cache)
    for name, data in files.items():
        path = site / "content" / name
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    started = time.perf_counter()
    result = build(site)
    assert time.perf_counter() - started < 60, "bad input never takes minutes"
    assert expected in result.stderr, result.stderr
    assert (site / "output" / "articles" / "good.html").is_file(), "the other articles are still built"
    if severity == "error":
        assert result.exit_code == 1
        assert "Build failed: 1 error(s)" in result.stderr
    else:
        assert result.exit_code == 0, result.stderr
        strict = build(site, "--strict")
        assert strict.exit_code == 1 and expected in strict.stderr
    assert not list(tmp_path.rglob("passwd")) and not (tmp_path / "etc").exists()


def test_the_cases_are_many_and_distinct():
    assert len(CASES) >= 25 and len({c[0] for c in CASES}) == len(CASES)


def test_symlink_loop_in_content(tmp_path, shared_cache):
    site = good_site(tmp_path, shared_cache)
    (site / "content" / "loop").symlink_to(site / "content")
    (site / "content" / "sub").mkdir()
    (site / "content" / "sub" / "up").symlink_to(site / "content" / "sub")
    result = build(site)
    assert result.exit_code == 0, result.stderr
    assert (site / "output" / "articles" / "good.html").is_file()


def test_symlink_to_a_file_outside_the_site_is_not_read(tmp_path, shared_cache):
    site = good_site(tmp_path, shared_cache)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret plans\n---\nThe launch codes are 0000.\n", encoding="utf-8")
    (site / "content" / "leak.md").symlink_to(secret)
    result = build(site)
    assert result.exit_code == 1
    assert "content/leak.md: error: a link to a file outside the site; not read" in result.stderr
    assert not any(b"launch codes" in p.read_bytes() for p in (site / "output").rglob("*") if p.is_file())


def test_missing_template(tmp_path, shared_cache):
    site = good_site(tmp_path, shared_cache)
    assert build(site).exit_code == 0
    before = {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    (site / "templates").mkdir()
    (site / "templates" / "article.html").write_text("{% extends 'nope.html' %}\n", encoding="utf-8")
    result = build(site)
    assert result.exit_code == 1
    assert "article.html: error: template not found: nope.html" in result.stderr
    assert {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()} == before, "last site kept"


def test_broken_template(tmp_path, shared_cache):
    site = good_site(tmp_path, shared_cache)
    (site / "templates").mkdir()
    (site / "templates" / "digest.html").write_text(
        "{% extends 'base.html' %}\n{% block content %}{{ x( }}{% endblock %}\n", encoding="utf-8"
    )
    result = build(site)
    assert result.exit_code == 1
    assert "templates/digest.html:2: error:" in result.stderr


@pytest.mark.parametrize(
    "text, expected",
    [
        ("title: x\nperiod: fortnight\n", "config.yaml:2: error: period: Input should be 'day' or 'week'"),
        ("title: x\ncolour: red\n", "config.yaml:2: error: unknown key 'colour'"),
        # An unclosed [ is reported where it opens (line 1), not where the parser ran out (line 2).
        ("title: [oops\n", "config.yaml:1: error: not valid YAML: the [ ] that starts on this line is not closed"),
        ("- a\n- b\n", "config.yaml:1: error: must be a mapping of keys to values"),
        ("key_points: lots\n", "config.yaml:1: error: key_points: Input should be a valid integer"),
        (
            "markdown:\n  raw_html: allow\n",
            "config.yaml:2: error: markdown.raw_html: Input should be 'sanitize', 'escape' or 'keep'",
        ),
        (alias_bomb("title").split("---\n")[1], "config.yaml:10: error: title: Input should be a valid string"),
    ],
    ids=["bad-value", "unknown-key", "not-yaml", "not-a-mapping", "wrong-type", "bad-raw-html", "alias-bomb"],
)
def test_config_errors(tmp_path, text, expected):
    site = write_site(tmp_path / "site", {"good.md": GOOD}, text)
    result = build(site)
    assert result.exit_code == 1
    assert expected in result.stderr


def test_config_not_utf8(tmp_path):
    site = write_site(tmp_path / "site", {"good.md": GOOD})
    (site / "config.yaml").write_bytes(b"title: Caf\xe9\n")
    result = build(site)
    assert result.exit_code == 1 and "config.yaml: error: not UTF-8" in result.stderr


def test_content_missing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "config.yaml").write_text("title: x\n", encoding="utf-8")
    result = build(site)
    assert result.exit_code == 1
    assert f"{site / 'content'}: error: content directory not found" in result.stderr


def test_unbalanced_quote_marks_build_quickly(tmp_path, shared_cache):
    site = good_site(tmp_path, shared_cache)
    body = (
        'He said "this never ends. ' * 300
        + "\n\n"
        + "“Open and never closed, said Ann Lee. " * 300
        + "\n\n"
        + "‘" * 2000
        + "”" * 3000
    )
    (site / "content" / "quotes.md").write_text(article("Quotes", "2026-11-03", body), encoding="utf-8")
    started = time.perf_counter()
    result = build(site)
    assert result.exit_code == 0, result.stderr
    assert time.perf_counter() - started < 60
    assert (site / "output" / "articles" / "quotes.html").is_file()


def test_unreadable_file_is_reported(tmp_path, shared_cache):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    site = good_site(tmp_path, shared_cache)
    path = site / "content" / "locked.md"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    result = build(site)
    assert result.exit_code == 1 and "content/locked.md: error: cannot read: Permission denied" in result.stderr


def test_real_articles_are_never_cut_short_or_shown_as_plain_text():
    """The limits sit far above real news: no corpus article or sample article trips one."""
    from briefings.content import MAX_EXTRACT_CHARS, markdown_hazard

    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"needs the whole corpus, {SHARED / 'corpus'}, which is not beside this clone (CI has it)")
    paths = sorted((SHARED / "corpus").rglob("*.txt")) + sorted(Path(__file__).parents[1].glob("content/*.md"))
    assert len(paths) > 16
    for path in paths:
        text = path.read_bytes().decode("utf-8", "replace")
        assert markdown_hazard(text) is None, path
        assert len(text) < MAX_EXTRACT_CHARS / 2, path
