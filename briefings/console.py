"""Where user-facing messages go: stderr, problems as `path:line: severity: message`."""

from __future__ import annotations

from rich.console import Console

from .model import Problem

# soft_wrap: never break a line at the terminal's width, which would cut a command or a path
# in two; the terminal wraps long lines itself.
err = Console(stderr=True, highlight=False, soft_wrap=True)


def report(problems: list[Problem]) -> None:
    for problem in problems:
        # markup=False: paths and messages may hold "[...]", which rich would eat.
        style = "red" if problem.severity == "error" else "yellow"
        err.print(str(problem), style=style, markup=False, soft_wrap=True)
