"""Clean: the stage between reading an article and extracting from it.

Scraped articles carry bylines, stamps, credits, captions, promos, share rows, pleas and
live-blog notes around the story. Whatever reaches the parser becomes participants, quotes,
key points and titles, so the story is cut free first, once, and everything after this
stage (extraction, the article page, feeds, search, email) reads only the story.

    content → clean → extract

`clean_text` returns the story, every cut as (kind, span, line, text) so nothing is
silent (`briefings extract --explain`), and what the text says about itself (title, date,
author, outlet) for articles without front matter. Nothing here imports extract or spaCy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .metadata import TextMeta, text_metadata
from .stage import HEADLINE, Cut, judge, story_speaks, story_text

__all__ = ["Cleaned", "Cut", "HEADLINE", "TextMeta", "clean_text", "prepare", "story_speaks", "version"]


@dataclass(frozen=True)
class Cleaned:
    text: str  # the story: paragraphs separated by blank lines
    cuts: tuple[Cut, ...]  # in text order
    headline: Cut | None  # the title line, taken out of the story (not boilerplate)
    meta: TextMeta

    @property
    def lost(self) -> int:
        """Characters of boilerplate cut (spaces not counted)."""
        return sum(len("".join(c.text.split())) for c in self.cuts)


def clean_text(text: str, first_line: int = 1, markdown: bool = False) -> Cleaned:
    """The story of `text` and what was cut from it. `first_line`: the line `text` starts
    on in its file; `markdown`: the text is a Markdown body (blocks are paragraphs)."""
    judged = judge(text, first_line, markdown)
    story, cuts, headline = story_text(judged)
    cuts.sort(key=lambda c: c.start)
    return Cleaned(story, tuple(cuts), headline, text_metadata(story, cuts, headline))


def prepare(text: str) -> str:
    """Raw text → the story text the extractor reads, headline line included (for callers
    that start from a bare text: benches, tests)."""
    cleaned = clean_text(text)
    if cleaned.headline is None:
        return cleaned.text
    return "\n\n".join(p for p in (cleaned.headline.text, cleaned.text) if p)


@lru_cache(maxsize=1)
def version() -> str:
    """Hash of the stage's own source and its word lists: a changed rule changes what every
    article reads as, so caches keyed by it are invalidated by themselves."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")) + [package.parent / "lexicon.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
