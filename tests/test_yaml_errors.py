"""YAML errors in front matter and config.yaml point at the line where the problem starts,
say it in plain words, and keep the parser's words after them (issue 20)."""

from __future__ import annotations

import pytest

from briefings.config import ConfigError, load_config
from briefings.content import ContentError, parse_article

# (front matter lines after the opening ---, line of the problem in the file, plain words)
CASES = [
    ('title: "Budget day\ndate: 2026-11-18\nsource: BBC\n', 2, "never closed"),
    # The quote closes at the next quote mark, two lines on; the problem still starts on line 2.
    ('title: "Budget day\ndate: 2026-11-18\nsource: "BBC"\n', 2, "never closed"),
    ("title: 'Budget day\ndate: 2026-11-18\n", 2, "never closed"),
    ("title: x\nsubtitle: Budget: the details\n", 3, "put the whole value in quotes"),
    ("title: x\n  date: 2026-11-18\n", 3, "line it up"),
    ("title: x\n\tdate: 2026-11-18\n", 3, "spaces only"),
    ("title: *Breaking* news\n", 2, "in quotes"),
    ("title: @home\n", 2, "cannot start with @"),
    ("title: x\ntags: [a, b\ndate: 2026-11-18\n", 3, "not closed"),
    ("title: x\njust some words\ndate: 2026-11-18\n", 3, "not 'key: value'"),
    ("title: x\ntags:\n  - a\n - b\n", 5, "list item"),
]


@pytest.mark.parametrize("front, line, words", CASES)
def test_front_matter_yaml_errors_name_the_line_where_the_problem_starts(front, line, words):
    text = "---\n" + front + "---\nBody.\n"
    with pytest.raises(ContentError) as info:
        parse_article(text.encode(), "bad.md", "content/bad.md")
    assert info.value.line == line, info.value.message
    message = info.value.message
    assert message.startswith("front matter is not valid YAML: ")
    assert words in message
    # The parser's own words come after the plain ones, without its line numbers.
    plain, _, parser = message.partition(" (the parser says: ")
    assert parser and words in plain and "line" not in parser


def test_an_unclosed_quote_in_config_is_reported_at_its_line(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text('title: Test\ndescription: "What happened\nperiod: week\nkey_points: 3\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    problem = info.value.problems[0]
    assert problem.line == 2
    assert "never closed" in problem.message and "end of stream" in problem.message


def test_parser_jargon_is_never_alone():
    """'mapping values are not allowed here' comes with what it means."""
    with pytest.raises(ContentError) as info:
        parse_article(b"---\ntitle: Budget: the details\n---\nBody.\n", "bad.md", "content/bad.md")
    plain, _, parser = info.value.message.partition(" (the parser says: ")
    assert "mapping values are not allowed here" in parser
    assert "mapping values" not in plain and "quotes" in plain
