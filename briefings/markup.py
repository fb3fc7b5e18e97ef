"""Article bodies as HTML, safely, and rendered HTML back to plain paragraphs.

Markdown is rendered with Python-Markdown and sanitised with nh3 (or escaped, or kept, as
`markdown.raw_html` says); a body that would make Python-Markdown take minutes is shown as
escaped plain paragraphs instead. The reader (content.py) and the email use these.
"""

from __future__ import annotations

import html
import re
import threading
from html.parser import HTMLParser

import markdown
import nh3

# Python-Markdown scans from every '[' to its ']' (or the end of the paragraph), and from
# every '<' to its '>': thousands of unbalanced brackets take minutes. Past this many
# characters scanned, or this deep a nesting, the body is shown as plain text instead.
MARKDOWN_SCAN_BUDGET = 300_000
MARKDOWN_INLINE_BUDGET = 100_000_000
MARKDOWN_MAX_NESTING = 100
RAW_HTML_MODES = ("sanitize", "escape", "keep")


def render_markdown(body: str, raw_html: str = "sanitize") -> str:
    """Markdown to HTML. Raw HTML in the body is sanitised (the default), escaped or kept."""
    if raw_html not in RAW_HTML_MODES:
        raise ValueError(f"raw_html must be one of {RAW_HTML_MODES}")
    html_text = _markdown(raw_html).reset().convert(body)
    # Escaping leaves Markdown's own links, which may still say javascript:.
    return html_text if raw_html == "keep" else sanitize_html(html_text)


_converters = threading.local()  # a Markdown instance is reused (after reset), never shared by threads


def _markdown(raw_html: str) -> markdown.Markdown:
    """This thread's converter for a raw_html mode: building one costs as much as converting
    an article."""
    converters = _converters.__dict__
    md = converters.get(raw_html)
    if md is None:
        md = converters[raw_html] = markdown.Markdown(
            extensions=["extra", "sane_lists"],
            output_format="html",
            extension_configs={"tables": {"use_align_attribute": True}},
        )  # style= is not kept
        if raw_html == "escape":
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
    return md


# Footnotes and code blocks need id and class on any tag; the rest is nh3's safe default.
_ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"lang", "title", "id", "class", "dir"},
}


def sanitize_html(html_text: str) -> str:
    """Safe HTML only: no script or style, no event handlers, no javascript: URLs (nh3/ammonia)."""
    return nh3.clean(html_text, attributes=_ATTRIBUTES)


def markdown_hazard(body: str) -> str | None:
    """Why Python-Markdown would take too long (or recurse too deep) on this body, or None.
    Linear: counts what the link and HTML scanners would read from each '[' and '<'."""
    scanned = inline = 0
    for block in re.split(r"\n[ \t]*\n", body):
        brackets: list[int] = []  # open '[' and '(', innermost last
        angles: list[int] = []  # '<' waiting for the next '>'
        for match in re.finditer(r"[\[\]()<>]", block):
            char, at = match.group(), match.start()
            if char in "[(":
                brackets.append(at)
            elif char in "])" and brackets:
                scanned += at - brackets.pop()
            elif char == "<":
                angles.append(at)
            elif char == ">":
                scanned += sum(at - start for start in angles)
                angles.clear()
        scanned += sum(len(block) - start for start in brackets + angles)
        if scanned > MARKDOWN_SCAN_BUDGET:
            return "too many unbalanced brackets"
        # Each inline element found re-slices its whole paragraph: markup x length.
        inline += len(block) * sum(block.count(c) for c in "*_`<[!&")
        if inline > MARKDOWN_INLINE_BUDGET:
            return "too much inline markup in one paragraph"
    deepest = max((len(m.group()) for m in re.finditer(r"(?m)^[ \t>*+-]+", body)), default=0)
    if deepest > MARKDOWN_MAX_NESTING:
        return "quotes or lists nested too deep"
    return None


def render_markdown_safely(body: str, raw_html: str = "sanitize") -> tuple[str, str | None]:
    """(HTML, None), or (the body as escaped plain paragraphs, why) when Markdown would hang or fail."""
    problem = markdown_hazard(body)
    if problem is None:
        try:
            return render_markdown(body, raw_html), None
        except RecursionError:
            problem = "nested too deep"
    return plain_to_html(body), problem


def plain_to_html(body: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


class _TextCollector(HTMLParser):
    """Rendered Markdown back to plain paragraphs: block elements become blank lines."""

    BLOCKS = {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "br",
        "hr",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
        "figcaption",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html_text: str) -> str:
    """Rendered Markdown as plain paragraphs, the text the extractor reads."""
    collector = _TextCollector()
    collector.feed(html_text)
    collector.close()
    text = "".join(collector.parts)
    paragraphs = [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
