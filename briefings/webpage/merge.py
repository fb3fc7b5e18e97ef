"""An article body that the page splits into sibling containers, joined into one before
trafilatura reads the page.

Some sites cut the body into chunks with ads, pictures and promos between them:
`<div class="body">…</div><aside>…</aside><div class="body">…</div>`. trafilatura takes
the first chunk for the whole article (two WIRED pages of ../shared/eval/html lost two thirds
of their text). Sibling elements with the same tag and class that each hold paragraphs of
prose are such chunks: their content is moved into the first, in order.
"""

from __future__ import annotations

from collections import defaultdict

from lxml.html import HtmlElement

MIN_CHUNK_CHARS = 150  # paragraph text in each chunk: a teaser card or a caption is less
CHUNK_TAGS = ("div", "section")


def join_split_bodies(tree: HtmlElement) -> None:
    """Move the content of each later chunk of a split body into the first chunk."""
    for parent in list(tree.iter("div", "section", "article", "main")):
        groups: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
        for child in parent:
            if child.tag in CHUNK_TAGS and child.get("class"):
                groups[(child.tag, child.get("class"))].append(child)
        for chunks in groups.values():
            if len(chunks) >= 2 and all(_prose(chunk) >= MIN_CHUNK_CHARS for chunk in chunks):
                first = chunks[0]
                for chunk in chunks[1:]:
                    first.extend(list(chunk))
                    parent.remove(chunk)


def _prose(element: HtmlElement) -> int:
    return sum(len(" ".join(p.text_content().split())) for p in element.iter("p"))
