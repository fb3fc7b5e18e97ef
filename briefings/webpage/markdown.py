"""trafilatura's main-text tree → Markdown that keeps the article's shape.

trafilatura's own Markdown writer flattens block quotes into plain paragraphs, indents table
rows (which Markdown reads as code) and leaves no table header row; a fetched article keeps
its paragraphs, headings, lists, quotes and tables, so the tree (TEI-like: p, head, list/item,
quote, table/row/cell, hi, lb) is written out here. Every character of the page's text is
escaped where Markdown would read it as markup, so no HTML of the page survives: a '<' is
always text.
"""

from __future__ import annotations

import re

from lxml.etree import _Element

BLOCKS = {"p", "head", "list", "quote", "table", "div", "code"}
_INLINE_ESCAPE = re.compile(r"([\\`*_\[\]|])")
# A paragraph starting like a heading, list item, quote or rule would be read as one.
_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*](?=\s)|\d{1,9}(?=[.)]\s)|>|=+\s*$|-+\s*$)")


def tree_to_markdown(body: _Element | None) -> str:
    """The Markdown of a main-text tree: blocks separated by blank lines."""
    if body is None:
        return ""
    return "\n\n".join(block for block in _blocks(body) if block.strip())


def _blocks(element: _Element, depth: int = 0) -> list[str]:
    """Markdown blocks of an element's children; loose text between blocks is a paragraph."""
    blocks: list[str] = []
    loose = _escape(element.text or "")
    for child in element:
        if child.tag in BLOCKS or child.tag in ("row", "item"):
            if loose.strip():
                blocks.append(_paragraph(loose))
            loose = ""
            blocks.extend(_block(child, depth))
            loose = _escape(child.tail or "")
        else:
            loose += _inline(child)
    if loose.strip():
        blocks.append(_paragraph(loose))
    return blocks


def _block(element: _Element, depth: int) -> list[str]:
    tag = element.tag
    if tag == "head":
        text = _squash(_inline_content(element))
        level = int(element.get("rend", "h2")[1:2] or 2) if re.fullmatch(r"h[1-6]", element.get("rend", "")) else 2
        return [f"{'#' * level} {text}"] if text else []
    if tag == "list":
        return [_list(element, depth)]
    if tag == "quote":
        inner = (
            _blocks(element, depth)
            if any(child.tag in BLOCKS for child in element)
            else [_paragraph(_inline_content(element))]
        )
        return ["\n>\n".join("\n".join(f"> {line}" for line in block.split("\n")) for block in inner if block.strip())]
    if tag == "table":
        return [_table(element)]
    if tag == "code":
        code = "".join(element.itertext()).strip("\n")
        return [f"```\n{code}\n```"] if code.strip() and "```" not in code else [_paragraph(_escape(code))]
    if tag == "p":
        return [_paragraph(_inline_content(element))]
    return _blocks(element, depth)  # div, a stray row or item: its content


def _paragraph(text: str) -> str:
    lines = [_squash(line) for line in text.split("\n")]
    lines = [_BLOCK_START.sub(lambda m: "\\" + m.group(), line) for line in lines if line]
    return "\n".join(lines)


def _list(element: _Element, depth: int) -> str:
    ordered = element.get("rend") == "ol"
    lines = []
    for number, item in enumerate((i for i in element if i.tag == "item"), start=1):
        marker = f"{number}." if ordered else "-"
        nested = [child for child in item if child.tag == "list"]
        text = _squash(" ".join(part for part in _item_text(item).split("\n")))
        indent = "    " * depth
        if text:
            lines.append(f"{indent}{marker} {_BLOCK_START.sub(lambda m: chr(92) + m.group(), text)}")
        lines.extend(_list(child, depth + 1) for child in nested)
    return "\n".join(line for line in lines if line.strip())


def _item_text(item: _Element) -> str:
    parts = [_escape(item.text or "")]
    for child in item:
        if child.tag == "list":
            parts.append(_escape(child.tail or ""))
        elif child.tag in BLOCKS:
            parts.append(" " + _inline_content(child) + " " + _escape(child.tail or ""))
        else:
            parts.append(_inline(child))
    return "".join(parts)


def _table(element: _Element) -> str:
    rows = []
    for row in element.iter("row"):
        cells = [_squash(_inline_content(cell).replace("\n", " ")) for cell in row if cell.tag == "cell"]
        if any(cells):
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    lines.insert(1, "|" + " --- |" * width)  # the first row is the header: Markdown tables need one
    return "\n".join(lines)


def _inline_content(element: _Element) -> str:
    """An element's text with its inline children, as one Markdown string (lb: a line break)."""
    parts = [_escape(element.text or "")]
    for child in element:
        if child.tag in BLOCKS or child.tag in ("list", "item", "row"):
            parts.append(" " + " ".join(child.itertext()) + " ")
            parts.append(_escape(child.tail or ""))
        else:
            parts.append(_inline(child))
    return "".join(parts)


def _inline(element: _Element) -> str:
    """One inline element and its tail: emphasis kept, links reduced to their text."""
    tail = _escape(element.tail or "")
    if element.tag == "lb":
        return "\n" + tail
    inner = _inline_content(element)
    rend = element.get("rend", "")
    mark = "**" if rend == "#b" else "*" if rend == "#i" else ""
    core = inner.strip()
    if mark and core and "\n" not in core:
        lead = " " if inner[:1].isspace() else ""
        trail = " " if inner[-1:].isspace() else ""
        return f"{lead}{mark}{core}{mark}{trail}{tail}"
    return inner + tail


def _escape(text: str) -> str:
    """Page text as Markdown that shows exactly that text."""
    return _INLINE_ESCAPE.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def _squash(text: str) -> str:
    return " ".join(text.split())
