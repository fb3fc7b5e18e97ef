"""YAML read for humans: values plus the line each key came from, for error messages."""

from __future__ import annotations

import re

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings: we parse and report bad dates ourselves,
    where PyYAML would raise a bare ValueError for 2026-02-30."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same on libyaml, when PyYAML has it: a fifth of the time on a big site's front
    matter. Its error marks differ, so a document it rejects is read again by _Loader."""


for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


class YamlError(Exception):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.message, self.line = message, line


def load(text: str, first_line: int = 1) -> tuple[object, yaml.Node | None]:
    """Parse YAML text; return (data, node tree). Lines count from `first_line`."""
    try:
        try:
            return _load(_FastLoader, text)
        except yaml.YAMLError:
            return _load(_Loader, text)  # the error, as PyYAML words and places it
    except yaml.YAMLError as exc:
        plain, line = explain(exc, text)
        raise YamlError(
            f"not valid YAML: {plain} (the parser says: {parser_words(exc)})",
            None if line is None else line + first_line,
        ) from None
    except RecursionError:
        raise YamlError("not valid YAML: nested too deep", first_line) from None


def _load(loader_class, text: str) -> tuple[object, yaml.Node | None]:
    loader = loader_class(text)
    try:  # composed once: the data is constructed from the same node tree
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def line_of(node: yaml.Node | None, loc: tuple[str, ...], first_line: int = 1) -> int | None:
    """Line of the deepest key in `loc` (a path of keys and list indexes) found in the tree."""
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if str(key_node.value) == part:
                    line, node = key_node.start_mark.line + first_line, value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
            line = node.start_mark.line + first_line
        else:
            return line
    return line


# -- YAML errors in plain words -----------------------------------------------------------------
# PyYAML reports where it gave up, in its own terms: an unclosed quote on line 2 is "found
# unexpected end of stream" at the last line. `explain` names the line where the problem starts
# and says what to do; the parser's words follow it, for those who know them.


def explain(exc: yaml.YAMLError, text: str) -> tuple[str, int | None]:
    """(plain words, 0-based line where the problem starts) for a PyYAML error in `text`."""
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or ""
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    at = problem_mark.line if problem_mark else context_mark.line if context_mark else None
    start = context_mark.line if context_mark else at  # where the construct PyYAML was reading began
    lines = text.split("\n")
    if "quoted scalar" in context and "escape" in problem:
        return (
            "a backslash in a double-quoted value starts an escape such as \\n: write \\\\ for a "
            "backslash, or use single quotes",
            start,
        )
    opened = _unclosed_quote(lines, at)
    if opened is not None:
        return (
            "the quote that opens the value on this line is never closed: end the value with the same quote mark"
        ), opened
    if "quoted scalar" in context:
        return "the quote that opens the value on this line is never closed", start
    if "flow sequence" in context or "flow mapping" in context:
        brackets = "[ ]" if "sequence" in context else "{ }"
        return (
            f"the {brackets} that starts on this line is not closed, or its items are not separated by "
            f"commas; to start a value with {brackets[0]}, put the value in quotes",
            start,
        )
    if "mapping values are not allowed" in problem and problem_mark is not None:
        line = lines[at] if at < len(lines) else ""
        if ": " in line[: problem_mark.column] or line[: problem_mark.column].rstrip().endswith(":"):
            return "this value holds ': ', which YAML reads as another key: put the whole value in quotes", at
        return "this key is indented under the one above it: line it up with the other keys", at
    if "\\t" in problem or "'\\t'" in repr(problem):
        return "a tab: YAML indents with spaces only", at
    found = re.search(r"found character '(.)' that cannot start any token", problem)
    if found:
        return f"a value cannot start with {found.group(1)} in YAML: put the value in quotes", at
    if "duplicate anchor" in context:
        return "the same &anchor is set twice: put a value that starts with & in quotes", at
    if "alias" in context or "anchor" in context or "undefined alias" in problem:
        return "a value that starts with * or & is read as a YAML alias or anchor: put the value in quotes", start
    if "block scalar" in context:
        return "a value that starts with | or > is read as a YAML block of text: put the value in quotes", start
    if "simple key" in context:
        return "this line is not 'key: value' (a key needs a colon and a space after it)", start
    if "constructor for the tag" in problem:
        return "a value that starts with ! is read as a YAML tag: put the value in quotes", at
    if "expected <block end>, but found '-'" in problem or "block sequence start" in problem:
        return "a list item (- …) where a key was expected: indent the items under their key", at
    if "expected <block end>" in problem:
        return (
            "this line does not fit the lines above it: check its indentation, and put a value that "
            "starts with a quote, [ or { and goes on after it in quotes"
        ), at
    return "YAML cannot read this line", at


def parser_words(exc: yaml.YAMLError) -> str:
    """PyYAML's own description, without its marks (we give the line ourselves)."""
    context = getattr(exc, "context", None)
    problem = getattr(exc, "problem", None)
    words = ", ".join(str(part) for part in (context, problem) if part)
    return words or str(exc).split("\n", 1)[0]


_OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?(["'])""")


def _unclosed_quote(lines: list[str], until: int | None) -> int | None:
    """The first line up to `until` whose value opens a quote that the line never closes
    (YAML lets a quoted value run on over lines, so the parser fails later, elsewhere)."""
    if until is None:
        return None
    for number, line in enumerate(lines[: until + 1]):
        opening = _OPENING_QUOTE.match(line)
        if opening and not _closes(line[opening.end() :], opening.group(1)):
            return number
    return None


def _closes(rest: str, quote: str) -> bool:
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return "'" in rest.replace("''", "")  # '' is a quote mark inside a single-quoted value
