"""YAML read for humans: values plus the line each key came from, for error messages."""
from __future__ import annotations

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
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlError(f"not valid YAML: {problem}", line) from None
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
