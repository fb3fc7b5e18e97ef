"""The README's command table lists every command and every flag of each, as `--help` shows
them (issue 20: `--open` was missing)."""

from __future__ import annotations

import re

import click

from briefings.cli import main

from conftest import REPO


def commands(group: click.Group, prefix: str = "briefings") -> dict[str, click.Command]:
    """Every command by its full name ("briefings theme copy"), subcommands included."""
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(commands(command, f"{prefix} {name}"))
        else:
            found[f"{prefix} {name}"] = command
    return found


def table_rows() -> dict[str, str]:
    """The README's command table: each row's first cell, by the command it starts with."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1].split("\n\n", 2)[1]
    rows: dict[str, str] = {}
    for line in table.splitlines()[2:]:
        cell = line.split("` |", 1)[0]
        words = re.match(r"\| `(briefings(?: [a-z]+)+)", cell)
        if words:  # a command may have several rows (extract, extract --explain)
            rows[words.group(1)] = rows.get(words.group(1), "") + cell
    return rows


def test_the_readme_lists_every_command():
    missing = set(commands(main)) - set(table_rows())
    assert missing == set(), f"add to the README's command table: {sorted(missing)}"


def test_the_readme_lists_every_flag_of_every_command():
    rows = table_rows()
    missing = []
    for name, command in commands(main).items():
        row = rows.get(name, "")
        for param in command.params:
            if not isinstance(param, click.Option) or param.name == "help":
                continue
            flags = param.opts + param.secondary_opts
            if not any(re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", row) for flag in flags):
                missing.append(f"{name} {'/'.join(flags)}")
    assert missing == [], f"the README's command table lacks: {missing}"


def test_every_command_has_help():
    from click.testing import CliRunner

    for name in commands(main):
        result = CliRunner().invoke(main, [*name.split()[1:], "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, name
