"""Where the quotes are: quote marks paired paragraph by paragraph, over plain text.

Pairing is paragraph by paragraph, so an unbalanced mark costs at most one paragraph, never the
article; a quote left open at a paragraph's end runs to that end (the newspaper convention for
quotes over several paragraphs). Double marks are the quotes; single marks count as quotes only
outside a double-quoted span (the British convention), and inside one they are nested quotes
that stay part of it. In a transcript ("Benjamin: Hello. …", "TAPPER: …"), each turn is a quote
whose label names its speaker. Nothing here knows about speakers or the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"


# A transcript turn: a speaker label at the start of a paragraph, then the words, unquoted.
_TURN = re.compile(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:[ \t]+(?=[^\s“\"‘'])")
# Labels of everything but speech: "Update: …", "Photo: …", "Q: …" (an interview's questions).
_NOT_SPEAKERS = {
    "update",
    "updated",
    "note",
    "editor's note",
    "editor’s note",
    "photo",
    "photos",
    "source",
    "sources",
    "watch",
    "related",
    "read more",
    "advertisement",
    "warning",
    "caption",
    "video",
    "credit",
    "correction",
    "clarification",
    "disclosure",
    "q",
    "a",
    "question",
    "answer",
}


@dataclass
class QuoteSpan:
    start: int  # character offsets of the quoted text, marks excluded
    end: int
    paragraph: int
    closed: bool
    label: tuple[int, int] | None = None  # a transcript turn's speaker label ("TAPPER")


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    turns = transcript_turns(text)
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        if number in turns:
            spans.append(turns[number])  # the turn is the quote; marks inside it are nested
        else:
            spans.extend(_paragraph_quotes(paragraph, offset, number))
        offset += len(paragraph) + 1
    return [s for s in spans if re.search(r"[^\W\d_]", text[s.start : s.end])]


def transcript_turns(text: str) -> dict[int, QuoteSpan]:
    """Paragraph number → its turn, for paragraphs opening with a speaker's label that the
    article uses at least twice for at least two full sentences ("Joe: My name's Joseph …";
    not a tally such as "Clinton: 1,766 delegates")."""
    found: dict[str, list[QuoteSpan]] = {}
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        match = _TURN.match(paragraph)
        if match and match.group(1).lower().rstrip(".") not in _NOT_SPEAKERS:
            end = len(paragraph.rstrip())
            turn = QuoteSpan(
                offset + match.end(), offset + end, number, True, (offset + match.start(1), offset + match.end(1))
            )
            found.setdefault(match.group(1).lower(), []).append(turn)
        offset += len(paragraph) + 1
    turns = {}
    for spans in found.values():
        sentences = [
            s
            for s in spans
            if len(text[s.start : s.end].split()) >= 4
            and text[s.start : s.end].rstrip().endswith((".", "?", "!", "”", '"'))
        ]
        if len(spans) >= 2 and len(sentences) >= 2:
            turns.update((s.paragraph, s) for s in spans)
    return turns


def _paragraph_quotes(paragraph: str, offset: int, number: int) -> list[QuoteSpan]:
    found = []
    opened: int | None = None  # index just after the opening mark
    kind = ""  # "double" or "single"
    n = len(paragraph)
    for i, char in enumerate(paragraph):
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < n else " "
        if opened is None:
            if char in _OPEN_DOUBLE or (char == '"' and not after.isspace()):
                opened, kind = i + 1, "double"
            elif char in _CLOSE_DOUBLE and (before.isspace() or not i) and after.isalnum():
                opened, kind = i + 1, "double"  # a closing mark typed for an opening one
            elif char in "‘'" and (before.isspace() or before in '([—–-―"“') and after.isalnum():
                opened, kind = i + 1, "single"
        elif kind == "double" and (char in _CLOSE_DOUBLE or char == '"'):
            if char == '"' and before.isspace() and after.isalnum():
                # a straight mark that opens: the previous quote was never closed
                found.append(QuoteSpan(offset + opened, offset + i, number, False))
                opened = i + 1
                continue
            found.append(QuoteSpan(offset + opened, offset + i, number, True))
            opened = None
        elif kind == "single" and char in "’'" and not before.isspace() and not after.isalnum():
            if paragraph[i - 1] in "sS" and after.isspace() and _single_continues(paragraph, i):
                continue  # a plural possessive ("voters’ concerns") inside the quote
            found.append(QuoteSpan(offset + opened, offset + i, number, True))
            opened = None
    # A quote left open runs to the paragraph's end (the convention for quotes over several
    # paragraphs); a single mark only when it surely opens a quote: a curly one, or one at the
    # start of the paragraph or after a colon, not an apostrophe ('90s).
    surely_single = (
        kind == "single"
        and opened is not None
        and (
            paragraph[opened - 1] == "‘"
            or not paragraph[: opened - 1].strip()
            or paragraph[: opened - 1].rstrip().endswith(":")
        )
    )
    if opened is not None and (kind == "double" or surely_single):
        end = len(paragraph.rstrip())
        if end > opened:
            found.append(QuoteSpan(offset + opened, offset + end, number, False))
    return [_trim(paragraph, offset, q) for q in found]


def _single_continues(paragraph: str, i: int) -> bool:
    """Whether a later single mark in the paragraph could close the quote instead."""
    return bool(re.search(r"\w[’'](?!\w)", paragraph[i + 1 :]))


def _trim(paragraph: str, offset: int, span: QuoteSpan) -> QuoteSpan:
    """Drop outer spaces, and the comma that hands over to the cue ("…,” she said)."""
    text = paragraph[span.start - offset : span.end - offset]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip().rstrip(",").rstrip())
    return QuoteSpan(span.start + lead, span.end - trail, span.paragraph, span.closed)


# Between the pieces of one interrupted quote: the closing mark, a short cue clause, a comma or
# colon, the opening mark: `“So,” Alito declared, “I take it …”`, `‘…,’ she said. ‘…’` is not one.
_INTERRUPTION = re.compile(r"\s*[,;]?\s*[”\"’']\s+([^“”\"‘’\n.!?]{1,80}?)[,:]\s*[“\"‘']\s*")


def interrupted(text: str, before: QuoteSpan, after: QuoteSpan) -> bool:
    """Whether two quotes are the pieces of one, broken by its cue: in one paragraph, the first
    not ending a sentence, and nothing but a short cue clause between them."""
    if before.paragraph != after.paragraph or text[before.start : before.end].rstrip().endswith((".", "?", "!")):
        return False
    between = _INTERRUPTION.fullmatch(text, before.end, after.start)
    return between is not None and len(between.group(1).split()) <= 14


def join_pieces(pieces: list[str]) -> str:
    """The pieces of an interrupted quote as one: "So" and "I take it …" make "So, I take it …"."""
    joined = pieces[0]
    for piece in pieces[1:]:
        joined += (" " if joined.endswith(("—", "–", "-", "…", ",", ";", ":")) else ", ") + piece
    return joined
