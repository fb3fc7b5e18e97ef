"""Blocks of the main text that are the page's navigation, not the article: what trafilatura
keeps and a reader would skip, recognised by their markup (a block that is all link is a
related-article link), never by a site's names."""

from __future__ import annotations

import re

from lxml.etree import _Element

IMAGE = re.compile(r"(?i)\.(jpe?g|png|gif|webp|avif|svg)([?#]|$)")

LINK_BLOCK_SHARE = 0.9  # a block whose text is this much link is a link to elsewhere...
LINK_BLOCK_CHARS = 150  # ...when it is as short as a headline (a card can be one long link)


def _chars(element: _Element) -> int:
    return len("".join("".join(element.itertext()).split()))


def is_away(ref: _Element) -> bool:
    """A link to another page: not an anchor within this one, not the full size of a picture."""
    target = (ref.get("target") or "").strip()
    return bool(target) and not target.startswith(("#", "javascript:")) and not IMAGE.search(target)


def link_share(element: _Element) -> float:
    total = _chars(element)
    return sum(_chars(ref) for ref in element.iter("ref") if is_away(ref)) / total if total else 0.0


def _is_link_block(element: _Element) -> bool:
    return _chars(element) <= LINK_BLOCK_CHARS and link_share(element) >= LINK_BLOCK_SHARE


def drop_link_blocks(body: _Element) -> None:
    """Remove paragraphs and headings that are nothing but a link, and lists of such links."""
    for element in list(body.iter("p", "head")):
        if element.getparent() is not None and _is_link_block(element):
            _remove(element)
    for element in list(body.iter("list")):
        items = [item for item in element if item.tag == "item"]
        if element.getparent() is not None and len(items) >= 2 and all(map(_is_link_block, items)):
            _remove(element)


def drop_title(body: _Element, title: str | None, within: int = 3) -> None:
    """Remove the headline from the top of the text: it is shown once, as the title. The page's
    <h1> often words it a little differently from its <title> or og:title."""
    if not title:
        return
    wanted = set(_words(title))
    for element in list(body)[:within]:
        words = set(_words("".join(element.itertext())))
        if (
            element.tag in ("head", "p")
            and words
            and _chars(element) <= 300
            and len(words & wanted) >= 0.7 * len(words)
            and len(words & wanted) >= 0.5 * len(wanted)
        ):
            _remove(element)
            return


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _remove(element: _Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = element.getparent()
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
