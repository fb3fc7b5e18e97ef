"""Where user-facing messages go: stderr, problems as `path:line: severity: message`."""
from __future__ import annotations

from rich.console import Console

from .model import Problem

err = Console(stderr=True, highlight=False)


def report(problems: list[Problem]) -> None:
    for problem in problems:
        # markup=False: paths and messages may hold "[...]", which rich would eat.
        style = "red" if problem.severity == "error" else "yellow"
        err.print(str(problem), style=style, markup=False, soft_wrap=True)
