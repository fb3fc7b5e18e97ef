"""Paragraphs as the clean stage judges them: each with its place in the file.

A cut is reported as `path:line` and scored against hand-labelled paragraphs by its
characters, so every paragraph keeps the span of the file it came from. Paragraphs are
separated by blank lines, or are single lines in text that has no blank line at all;
inside a blank-line block, a line that stops mid-sentence ("The\\n WHO reported …",
e-mail-style hard wrapping) runs on into the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENDS_SENTENCE = re.compile(r"[.!?:;…\"'”’)\]|]\s*$")
_STARTS_LOWER = re.compile(r"^\s*[a-z(\[‘“\"'-]")


@dataclass(frozen=True)
class Unit:
    """One paragraph: its text on one line, and where it sits in the text given to the stage."""

    text: str  # whitespace runs made one space
    start: int  # character offsets of the raw paragraph
    end: int
    line: int  # 1-based line where it starts

    def offset(self, raw: str, index: int) -> int:
        """The offset in `raw` of character `index` of `self.text` (whose spaces were collapsed)."""
        seen = 0
        for match in re.finditer(r"\S+", raw[self.start : self.end]):
            width = match.end() - match.start()
            if index <= seen + width:
                return self.start + match.start() + (index - seen)
            seen += width + 1
        return self.end


def split_units(text: str, first_line: int = 1, markdown: bool = False) -> list[Unit]:
    """The paragraphs of `text`, in order. `markdown`: blocks are never split into lines
    (Markdown joins a block's lines into one paragraph itself)."""
    lines = text.split("\n")
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    blank_separated = any(not line.strip() for line in lines[:-1])
    wrapped = not markdown and _hard_wrapped(lines)
    units: list[Unit] = []
    block: list[int] = []

    def flush() -> None:
        if block:
            units.extend(_block_units(text, lines, starts, block, first_line, join_all=markdown or wrapped))
            block.clear()

    for number, line in enumerate(lines):
        if not line.strip():
            flush()
        elif blank_separated or markdown or wrapped:
            block.append(number)
        else:  # no blank line anywhere: one paragraph per line
            block.append(number)
            flush()
    flush()
    return units


def _block_units(
    text: str, lines: list[str], starts: list[int], block: list[int], first_line: int, join_all: bool
) -> list[Unit]:
    """A blank-line block as one or more units: lines that stop mid-sentence run on."""
    groups: list[list[int]] = [[block[0]]]
    for previous, number in zip(block, block[1:]):
        if join_all or _runs_on(lines[previous], lines[number]):
            groups[-1].append(number)
        else:
            groups.append([number])
    units = []
    for group in groups:
        first, last = group[0], group[-1]
        raw_start = starts[first] + (len(lines[first]) - len(lines[first].lstrip()))
        raw_end = starts[last] + len(lines[last].rstrip())
        units.append(Unit(" ".join(text[raw_start:raw_end].split()), raw_start, raw_end, first + first_line))
    return units


def _runs_on(line: str, following: str) -> bool:
    """Whether a line is cut short and continues on the next ("By \\nBecky Barrow", "The\\n WHO")."""
    if _ENDS_SENTENCE.search(line):
        return False
    words = line.split()
    return bool(_STARTS_LOWER.match(following)) or len(words) <= 2 or words[-1][:1].islower()


def _hard_wrapped(lines: list[str]) -> bool:
    """E-mail style text: most lines of a similar width, not ending a sentence."""
    filled = [line.strip() for line in lines if line.strip()]
    wrapped = sum(1 for line in filled if 55 <= len(line) <= 80 and not line.endswith((".", "”", '"', "?", "!")))
    return bool(filled) and wrapped >= 0.6 * len(filled)


# A numbered list run into the text: "… after battling skin cancer 1. BALL OF THE CENTURY
# Benaud was … 2. AUSTRALIA'S UNDERARM BALL …" (scraped listicles lose their line breaks).
# After these words a number is a value, not a counter: "ranked No 1.", "fell to 2."
_VALUE_BEFORE = {
    "no",
    "no.",
    "number",
    "to",
    "from",
    "at",
    "by",
    "of",
    "in",
    "the",
    "a",
    "was",
    "is",
    "were",
    "are",
    "than",
    "and",
    "or",
    "won",
    "lost",
    "beat",
    "drew",
    "page",
    "version",
    "level",
    "grade",
    "category",
}
_ITEM_HEADING = re.compile(r"^((?:[A-Z0-9][A-Z0-9'’&-]+\s+){2,10})(?=[A-Z][a-z])")
_COUNTER = re.compile(r"(?<=[\w)’'\".!?]) (\d{1,2})\. (?=[A-Z‘'\"“])")


def split_numbered_list(paragraph: str) -> list[str]:
    """The paragraph cut before each counter of a run-in list 1., 2., 3. … (three at least),
    counters dropped, an all-caps item heading set apart; a piece left without a full stop
    gets one. A paragraph without such a list is returned whole."""
    cuts, expected = [], 1
    for match in _COUNTER.finditer(paragraph):
        before = paragraph[: match.start()].rsplit(" ", 1)[-1].lower()
        if int(match.group(1)) == expected and before not in _VALUE_BEFORE:
            cuts.append(match)
            expected += 1
    if len(cuts) < 3:
        return [paragraph]
    pieces, start = [], 0
    for match in cuts:
        pieces.append(paragraph[start : match.start()])
        start = match.end()
    pieces.append(paragraph[start:])
    ended = []
    for piece in (p.strip() for p in pieces):
        heading = _ITEM_HEADING.match(piece)
        if heading:  # "BALL OF THE CENTURY Benaud was on hand …": the item's heading apart
            ended.append(heading.group(1).strip())
            piece = piece[heading.end() :]
        if piece:
            ended.append(piece if re.search(r"[.!?…:;\"'’”)]$", piece) else piece + ".")
    return ended


def standalone(text: str, units: list[Unit]) -> list[bool]:
    """For each unit, whether it is a whole paragraph: a blank line (or the text's edge) on both
    sides, or a line of a text that has no blank line at all. A unit split off a block ("… nurse
    William" over "Pooley, 29, was …") is part of a paragraph, not one."""
    if not re.search(r"\n[ \t]*\n", text.strip()):
        return [True] * len(units)
    out = []
    for i, unit in enumerate(units):
        before = text[units[i - 1].end : unit.start] if i else "\n\n"
        after = text[unit.end : units[i + 1].start] if i + 1 < len(units) else "\n\n"
        out.append(before.count("\n") >= 2 and after.count("\n") >= 2)
    return out
