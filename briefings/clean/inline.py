"""Boilerplate inside a story paragraph: cut the span, keep the story around it.

The lede carries the dateline ("SEOUL, Aug. 20 (Yonhap) --", "JAKARTA (Reuters) -",
"(CNN) --"), sometimes a stamp or byline run in before it ("By . Jane Doe . PUBLISHED: …"),
or a headline and share buttons glued on ("PERRIS: Woman ordered hit … Share Pin It More
Galleries ADVERTISEMENT Judy Avalos, 20, was charged …"). Any paragraph may carry
"Scroll down for video", a live blog's "16.06" or a closing "… contributed to this report.".
Spans are (kind, start, end) in the paragraph's text.
"""

from __future__ import annotations

import re

from ..lexicon import AD_WORDS, OUTLET_TAGS, SHARE_WORDS
from .bylines import _CONTRIBUTED, NAME, stamp_prefix
from .dates import DATE, TIME

Span = tuple[str, int, int]

_TAG = "(?:%s)" % "|".join(re.escape(t) for t in sorted(OUTLET_TAGS, key=len, reverse=True))
_DASH = r"(?:--|—|–|-)"
_PLACE = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"  # "SEOUL", "VATICAN CITY", "GREEN BAY"
_REGION = r"[A-Z][\w.]+(?:\s[A-Z][\w.]+){0,2}"  # "Indonesia", "Wis.", "Alabama"

# "By . Jane Doe . PUBLISHED: 10:00 EST, 1 May 2014 | . UPDATED: 11:00 EST, 1 May 2014 . "
_MAIL_STAMP = re.compile(
    r"^(?:By\s*\.\s*[^.]{2,80}?\s*\.\s*(?:and\s+[^.]{2,60}?\s*\.\s*)?)?"
    r"(?:(?:PUBLISHED|UPDATED|Published|Updated|Last updated)\s*:\s*\.?\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?\s*)?"
    r"(?:[A-Z]{2,4}\s*)?,?\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*\.?\s*\|?\s*\.?\s*)+"
)
_MAIL_BYLINE = re.compile(r"^By\s*\.\s*[^.]{2,80}?\s*\.\s*(?:and\s+[^.]{2,60}?\s*\.\s*)?")
_UPDATED = re.compile(rf"^(?:Last )?[Uu]pdated\s*(?:at|on)?\s*:?\s*(?:{TIME},?\s*)?(?:{DATE})?\s*")
# "(CNN) --", "Kathmandu, Nepal (CNN)", "LONDON (Reuters) -", "SEOUL, Aug. 20 (Yonhap) --"
_TAGGED = re.compile(
    rf"^(?:[A-Z][\w.'’ -]{{0,40}}?(?:,\s*[A-Z][\w.' -]{{0,30}}?)?(?:/[A-Z][\w ,.]+?)?"
    rf"(?:,?\s*{DATE})?\s*)?\(({_TAG})\)\s*{_DASH}?\s*"
)
# "SURABAYA, Indonesia/JAKARTA -", "HUNTSVILLE, Alabama -", "TRENTON —", "VATICAN CITY—", "GREEN BAY, Wis. --"
_CAPS_PLACE = re.compile(
    rf"^{_PLACE}(?:,\s*{_REGION})?(?:/[A-Z][A-Z ,.]+)?(?:,?\s*{DATE})?\s*{_DASH}\s*"
    rf"(?=[A-Z0-9\"“‘'])"
)
# "December 28, 2014: Markets opened lower …"
_DATE_COLON = re.compile(rf"^{DATE}\s*:\s+(?=[A-Z])")
# A live blog's time opening an entry: "16.06 AirAsia QZ8501 made …"
_LIVE_TIME = re.compile(r"^\d{1,2}[.:]\d{2}(?:\s*(?:am|pm|GMT|BST|ET))?\s+(?=\S)")
_ANYWHERE = re.compile(r"(?i)\s*\b(?:scroll down for (?:video|more)|click here to [^.]{0,80}?)\s*[.!]?(?=\s|$)")
# "(RELATED: Kentucky Basketball’s Christmas Card …)" inside a paragraph
_ASIDE_PROMO = re.compile(
    r"\s*\((?:RELATED|Related|READ MORE|Read more|Read More|SEE ALSO|See also|See Also|"
    r"WATCH|Watch|MORE|More|ALSO READ|Also read)\s*:[^()]{3,200}\)"
)
# A disclaimer run on at the end of a paragraph: "… General disclaimer statements on this website …"
_DISCLAIMER = re.compile(r"(?<=[.!?)\]\"”’])\s*(?:General\s+)?(?:[Dd]isclaimer|DISCLAIMER)\b.*$")
# Who wrote a paragraph of a round-up, signed at its end: "… the faintest t[…]. [A.A. Dowd]";
# where a paragraph came from: "… you won’t see. (Via Chortle)".
_SIGNED = re.compile(rf"(?<=[.!?\"”’)])\s*\[({NAME})\]$")
_VIA = re.compile(
    r"(?i)(?<=[.!?\"”’])\s*[(\[](?:via|h/t|hat tip|source|sources|photo|photos|image|images|credit)"
    r"\s*:?\s+[^()\[\]]{2,60}[)\]]\.?$"
)
_RESIDUE = {
    w
    for w in SHARE_WORDS
    if w
    not in {
        "the",
        "this",
        "on",
        "and",
        "it",
        "more",
        "us",
        "like",
        "story",
        "article",
        "page",
        "copy",
        "link",
        "save",
        "close",
        "print",
    }
} | {a.lower() for a in AD_WORDS if " " not in a}
_GLUE_WORD = re.compile(r"\S+")


def lede_spans(text: str) -> list[Span]:
    """What opens the first story paragraph before the story does: stamps, bylines, the dateline."""
    spans: list[Span] = []
    at = 0
    for kind, pattern in (
        ("stamp", _MAIL_STAMP),
        ("byline", _MAIL_BYLINE),
        ("stamp", _UPDATED),
        ("dateline", _TAGGED),
        ("dateline", _CAPS_PLACE),
        ("dateline", _DATE_COLON),
    ):
        match = pattern.match(text, at)
        if match and match.end() > at and _leaves_story(text, match.end()):
            spans.append((kind, at, _skip(text, match.end())))
            at = spans[-1][2]
    stamped = stamp_prefix(text[at:])
    if stamped and _leaves_story(text, at + stamped):
        spans.append(("stamp", at, at + stamped))
        at += stamped
    residue = glued_residue(text, at)
    if residue:
        spans.append(residue)
    caption = trailing_caption(text)
    if caption is not None and caption >= at:
        spans.append(("caption", caption, len(text)))
    return spans


def trailing_caption(text: str) -> int | None:
    """Where a caption run on after the lede's last sentence starts: "… as it transpires.
    Exhausted Sylvie had been in the frigid water for more than 30 minutes" (no full stop)."""
    if re.search(r"[.!?…:;\"'”’)\]]$", text):
        return None
    ends = list(re.finditer(r"[.!?][\"'”’)]*\s+(?=[A-Z])", text))
    if not ends:
        return None
    start = ends[-1].end()
    tail = text[start:]
    return start if len(tail.split()) >= 5 and sum(1 for w in tail.split() if w[:1].islower()) >= 2 else None


def paragraph_spans(text: str, live_blog: bool) -> list[Span]:
    """Spans in any paragraph: "Scroll down for video", a live blog's entry time, a closing credit."""
    spans: list[Span] = []
    if live_blog and (match := _LIVE_TIME.match(text)):
        spans.append(("stamp", 0, match.end()))
    lower = text.lower()
    if "scroll down" in lower or "click here" in lower:
        spans.extend(("promo", m.start(), m.end()) for m in _ANYWHERE.finditer(text))
    if "(" in text and ":" in text:
        spans.extend(("promo", m.start(), m.end()) for m in _ASIDE_PROMO.finditer(text))
    if "disclaimer" in lower and (match := _DISCLAIMER.search(text)) and match.start() > 0:
        spans.append(("other", match.start(), len(text)))
    if text.endswith(("]", ")", "].", ").")):
        if match := _SIGNED.search(text):
            spans.append(("byline" if " " in match.group(1).strip() else "credit", match.start(), len(text)))
        elif match := _VIA.search(text):
            spans.append(("credit", match.start(), len(text)))
    credit = closing_credit(text) if "contribut" in lower else None
    if credit is not None:
        spans.append(("credit", credit, len(text)))
    return spans


def opens_with_tag(text: str) -> str | None:
    """The outlet when the paragraph opens with an agency dateline ("JAKARTA (Reuters) -")."""
    match = _TAGGED.match(text)
    return match.group(1) if match else None


def dateline_place(text: str) -> str | None:
    """The place a dateline names, as written: "SEOUL", "VATICAN CITY", "SURABAYA, Indonesia/JAKARTA"."""
    for pattern in (_TAGGED, _CAPS_PLACE):
        match = pattern.match(text + " X")  # a dateline cut alone: the story that followed it stands in
        if match:
            place = re.split(r"\s*\(|\s*(?:--|—|–| -)", match.group().removesuffix(" X"))[0].strip(" ,")
            place = re.sub(rf",?\s*{DATE}$", "", place).strip(" ,")
            return place if place and not place.startswith("(") else None
    return None


def glued_residue(text: str, at: int = 0) -> Span | None:
    """Share buttons or an ad label run into a paragraph, with any headline before them:
    "PERRIS: Woman ordered hit …, police say Share Pin It More Galleries ADVERTISEMENT Judy …"."""
    words = list(_GLUE_WORD.finditer(text, at))
    best = None
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and _is_residue(words[j].group()):
            j += 1
        strong = sum(1 for w in words[i:j] if w.group().strip(".,:").lower() not in {"pin", "it", "more"})
        if j - i >= 3 and strong >= 2:
            best = (i, j)
            break
        i = j + 1 if j == i else j
    if best is None:
        return None
    start = words[best[0]].start()
    before = text[at:start].strip()
    # What stands before the residue is a headline glued on when it does not end as a sentence.
    if before and not re.search(r"[.!?\"”’]$", before) and len(before.split()) <= 25:
        start = at
    return ("share", start, _skip(text, words[best[1] - 1].end()))


def _is_residue(word: str) -> bool:
    bare = word.strip(".,:;|").lower()
    return bare in _RESIDUE or bare in {"pin", "it", "more"} or bare == "advertisement"


def closing_credit(text: str) -> int | None:
    """Where a closing credit sentence starts in a paragraph of story ("… said. Jane Smith
    contributed to this report."), or None."""
    sentences = list(re.finditer(r"(?:^|(?<=[.!?]\s))[A-Z(][^.!?]*(?:[.!?]|$)", text))
    if len(sentences) < 2:
        return None
    last = sentences[-1]
    if _CONTRIBUTED.search(last.group()) and re.match(rf"\(?{NAME}", last.group()):
        return last.start()
    return None


def _leaves_story(text: str, end: int) -> bool:
    """A prefix cut must leave a sentence behind it, never eat a whole paragraph."""
    return len(text[end:].split()) >= 3


def _skip(text: str, end: int) -> int:
    while end < len(text) and text[end] in " .-—–|:":
        end += 1
    return end
