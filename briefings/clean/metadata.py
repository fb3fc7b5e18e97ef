"""What an article says about itself when it has no front matter: title, date, author, outlet.

The title is the headline line, never a byline, a label, a date or the file name; with no
headline, the first sentence of the story, shortened. The date comes from a stamp or a
dated dateline, the author from the byline, the outlet from a dateline's tag ("(Reuters)").
Front matter, where there is any, always wins; that is the reader's business, not this one's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from . import bylines, inline
from .dates import find_date
from .stage import Cut

TITLE_CHARS = 90  # a first sentence longer than this is shortened at a word


@dataclass(frozen=True)
class TextMeta:
    title: str | None = None
    title_from: str = ""  # "headline", "first sentence", or "" when the text had no usable line
    date: dt.date | None = None
    author: str | None = None
    source: str | None = None  # the outlet
    dateline: str | None = None  # the place the lede was filed from: "JAKARTA"


def text_metadata(story: str, cuts: list[Cut], headline: Cut | None) -> TextMeta:
    title, title_from = (headline.text, "headline") if headline else (first_sentence_title(story), "first sentence")
    date = author = source = place = None
    for cut in cuts:
        flat = " ".join(cut.text.split())
        if date is None and cut.kind in ("stamp", "dateline", "byline"):
            date = find_date(flat)
        if author is None and cut.kind == "byline":
            author = (
                bylines.byline_author(flat) or bylines.sign_off_author(flat) or bylines.signature_author(flat) or None
            )
        if cut.kind == "dateline":
            source = source or bylines.outlet_tag(flat)
            place = place or inline.dateline_place(flat)
    return TextMeta(
        title=title, title_from=title_from if title else "", date=date, author=author, source=source, dateline=place
    )


def first_sentence_title(story: str) -> str | None:
    """The story's first sentence of four words or more as a title ("Oil." is no title),
    cut at a word past TITLE_CHARS ("…")."""
    first = None
    for paragraph in story.split("\n\n")[:3]:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])", paragraph.strip()):
            if not re.search(r"[A-Za-z]{2,}", sentence):
                continue
            first = first or sentence
            if len(sentence.split()) >= 4:
                return _shorten(sentence)
    return _shorten(first) if first else None


def _shorten(sentence: str) -> str:
    sentence = sentence.strip().rstrip(".")
    if len(sentence) <= TITLE_CHARS:
        return sentence
    return sentence[: TITLE_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"
