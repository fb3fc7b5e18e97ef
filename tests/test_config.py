from pathlib import Path

import pytest

from briefings.config import ConfigError, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults(tmp_path):
    config = load_config(tmp_path / "config.yaml")
    assert config.key_points == 3 and config.period == "week"
    assert config.content_path == tmp_path.resolve() / "content"


def test_values_are_read_and_base_url_gets_a_slash(tmp_path):
    config = load_config(write(tmp_path, "title: News\nbase_url: https://x.org/sub\nperiod: day\nkey_points: 5\n"))
    assert (config.title, config.base_url, config.period, config.key_points) == ("News", "https://x.org/sub/", "day", 5)


def test_email_from_key_is_read(tmp_path):
    config = load_config(write(tmp_path, "email:\n  from: A <a@x.org>\n  smtp:\n    port: 465\n    security: ssl\n"))
    assert config.email.sender == "A <a@x.org>"
    assert config.email.smtp.security == "ssl" and config.email.smtp.port == 465


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("title: x\nperoid: week\n", 2, ["unknown key", "peroid"]),
        ("title: x\nkey_points: lots\n", 2, ["key_points", "integer"]),
        ("title: x\nperiod: month\n", 2, ["period", "'day'", "'week'"]),
        ("title: x\nemail:\n  smtp:\n    port: 99999\n", 4, ["email.smtp.port"]),
        ("title: x\nbase_url: example.org\n", 2, ["base_url", "http"]),
        ("title: [unclosed\n", 1, ["YAML", "not closed"]),  # where the [ opens, not where the parser ran out
        ("- a\n- b\n", 1, ["mapping"]),
    ],
)
def test_errors_name_key_line_and_what_is_allowed(tmp_path, text, line, words):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    problem = info.value.problems[0]
    assert problem.line == line
    for word in words:
        assert word in problem.message
    assert str(problem).startswith(f"{tmp_path / 'config.yaml'}:{line}: ")


def test_feeds_and_fetch_settings_are_read(tmp_path):
    config = load_config(
        write(
            tmp_path,
            "feeds:\n  - https://x.org/feed.xml\n  - http://y.org/atom\n"
            "fetch:\n  timeout: 5\n  workers: 2\n  robots_txt: false\n  limit: 10\n",
        )
    )
    assert config.feeds == ["https://x.org/feed.xml", "http://y.org/atom"]
    fetch = config.fetch
    assert (fetch.timeout, fetch.workers, fetch.robots_txt, fetch.limit) == (5, 2, False, 10)
    assert load_config(tmp_path / "none.yaml").fetch.robots_txt is True


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("feeds:\n  - https://x.org/feed\n  - file:///etc/passwd\n", 3, ["feeds.1", "http"]),
        ("feeds: https://x.org/feed\n", 1, ["feeds", "list"]),
        ("fetch:\n  timeout: 0\n", 2, ["fetch.timeout", "greater than 0"]),
        ("fetch:\n  workers: 50\n", 2, ["fetch.workers"]),
        ("fetch:\n  robot_txt: false\n", 2, ["unknown key", "fetch.robot_txt"]),
    ],
)
def test_feed_and_fetch_errors_name_key_and_line(tmp_path, text, line, words):
    with pytest.raises(ConfigError) as info:
        load_config(write(tmp_path, text))
    problem = info.value.problems[0]
    assert problem.line == line, problem
    for word in words:
        assert word in problem.message, problem
