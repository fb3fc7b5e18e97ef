"""Boilerplate: the parts of a scraped article that are not the story.

Runs on text, before the parse, so that bylines and share buttons never reach NER
(they would become participants) and never become key points or quotes. Whole
paragraphs are dropped; inline stamps ("(CNN) --", "PUBLISHED: … | UPDATED: …") are cut
from the paragraph that carries them and the rest kept.
"""
from __future__ import annotations

import re

_SHARE_WORDS = {
    "facebook", "twitter", "whatsapp", "email", "e-mail", "share", "pinterest", "linkedin", "reddit",
    "print", "tweet", "messenger", "copy", "link", "sms", "comments", "comment", "x", "flipboard",
    "google+", "tumblr", "mail", "save", "shares", "this", "article", "on", "story", "the",
}

_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|da|al|bin|la|le))*"

_PARAGRAPH_PATTERNS = [
    ("byline", re.compile(rf"^(?:By|BY|Written by|Words by|Story by)[:\s]+\.?\s*{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
                          r"(?:\s*[,|/-]\s*[\w .'’-]{0,60})?\.?$")),
    ("credit", re.compile(r"(?i)^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|research)\s+by\b")),
    ("credit", re.compile(r"(?i)\b(?:contributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?|contributed reporting)\b\.?\)?$")),
    ("credit", re.compile(r"(?i)^(?:photo|image|picture|photograph|video)s?\s*(?:caption|credit|copyright)?\s*[:|]")),
    ("credit", re.compile(r"(?i)^image (?:caption|copyright)\b")),
    # Gallery counters, alone or opening the caption they count: "1 of 4. Rescuers search…"
    ("caption", re.compile(r"^\d+\s+of\s+\d+(?:\.|$)")),
    ("caption", re.compile(r"(?i)\((?:photo|image|picture)s?:?\s[^)]*\)\s*$")),
    ("caption", re.compile(r"(?i)(?:\(|/|\||photograph:|credit:)\s*(?:getty(?: images)?|reuters|ap(?: photo)?|afp|epa|"
                           r"pa(?: wire)?|shutterstock|alamy|rex)\b[^()]{0,60}\)?\.?\s*$")),
    ("promo", re.compile(r"(?i)^(?:read more|related stories|related articles|see also|also read|recommended|"
                         r"don'?t miss|click here|scroll down|follow us|trending now|most read|more from)\b.{0,160}$")),
    ("promo", re.compile(r"(?i)^(?:more|watch|listen|video|related|read|see)\s*:.{0,160}$")),
    ("promo", re.compile(r"(?i)^(?:advertisement|advertising|sponsored|ad feedback|story continues below)\.?$")),
    ("promo", re.compile(r"(?i)^read the (?:rest|full story|full article)\b")),
    ("plea", re.compile(r"(?i)\b(?:quality journalism|is a (?:daily|weekly|free) (?:newsletter|email|briefing)|(?:support|fund) (?:our|quality|independent) (?:journalism|reporting)|"
                        r"already a (?:member|subscriber)|log ?in to (?:continue|read)|become a (?:member|subscriber)|"
                        r"make a (?:contribution|donation)|donate (?:now|today))\b")),
    # Weak words ("subscribers", "newsletter") count only as a call to the reader.
    ("plea", re.compile(r"(?i)^(?=.*\b(?:you|your|our|us)\b).*\b(?:subscrib(?:e|ing|er|tion)|newsletter|sign up)\b")),
]

_INLINE_PREFIXES = [
    # "By . Jane Doe . PUBLISHED: 10:00 EST, 1 May 2014 | . UPDATED: 11:00 EST, 1 May 2014 . "
    re.compile(r"^(?:By\s*\.\s*[^.]{2,80}?\s*\.\s*(?:and\s+[^.]{2,60}?\s*\.\s*)?)?"
               r"(?:(?:PUBLISHED|UPDATED|Published|Updated|Last updated)\s*:\s*\.?\s*\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?\s*)?"
               r"(?:[A-Z]{2,4}\s*)?,?\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*\.?\s*\|?\s*\.?\s*)+"),
    re.compile(r"^By\s*\.\s*[^.]{2,80}?\s*\.\s*(?:and\s+[^.]{2,60}?\s*\.\s*)?"),
    # "Kathmandu, Nepal (CNN)", "(CNN) -- ", "LONDON (Reuters) - "
    re.compile(r"^(?:[A-Z][\w.'’ -]{0,40}(?:,\s*[A-Z][\w.' -]{0,30})?\s*)?\((?:CNN|Reuters|AP|AFP|UPI)\)\s*(?:--|—|–|-)?\s*"),
    # "SURABAYA, Indonesia/JAKARTA (Reuters) - ", "HUNTSVILLE, Alabama - ", "TRENTON — ", "CHICAGO—"
    re.compile(r"^[A-Z]{3,}(?:[ .'-][A-Z]{2,})*(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?(?:/[A-Z][A-Z ,.]+)?\s*"
               r"(?:\((?:CNN|Reuters|AP|AFP|UPI)\))?\s*(?:--|—|–|-)\s*(?=[A-Z\"“‘'])"),
    re.compile(r"(?i)^(?:last )?updated\s*(?:at)?\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*\w*\s*,?\s*\d{1,2}\s+\w+\s+\d{4}\s*"),
]

# Whole-text boilerplate inside a sentence (DailyMail's video prompt lands mid-paragraph).
_INLINE_ANYWHERE = re.compile(r"(?i)\s*\b(?:scroll down for (?:video|more)|click here to [^.]{0,80}?)\s*[.!]?(?=\s|$)")


def boilerplate_reason(paragraph: str) -> str | None:
    """Why a paragraph is boilerplate ("byline", "plea", …), or None when it is story text."""
    text = paragraph.strip()
    if not text:
        return "empty"
    words = re.findall(r"[\w+'’-]+", text.lower())
    if words and len(words) <= 12 and all(w in _SHARE_WORDS for w in words) and \
            sum(w in {"facebook", "twitter", "whatsapp", "email", "pinterest", "linkedin", "share"} for w in words) >= 2:
        return "share"
    for reason, pattern in _PARAGRAPH_PATTERNS:
        # Long paragraphs are story text even when they mention a newsletter or a photo.
        limit = 60 if reason == "plea" else 40
        if len(words) <= limit and pattern.search(text):
            return reason
    return None


def strip_inline(paragraph: str) -> str:
    """Cut datelines and publication stamps from the start of a paragraph, keep the rest."""
    text = paragraph
    for pattern in _INLINE_PREFIXES:
        text = pattern.sub("", text, count=1).lstrip(" .-—–|")
    return _INLINE_ANYWHERE.sub("", text).strip()


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


# A numbered list run into the text: "… after battling skin cancer 1. BALL OF THE CENTURY
# Benaud was … 2. AUSTRALIA'S UNDERARM BALL …" (scraped listicles lose their line breaks).
# After these words a number is a value, not a counter: "ranked No 1.", "fell to 2."
_VALUE_BEFORE = {"no", "no.", "number", "to", "from", "at", "by", "of", "in", "the", "a", "was", "is", "were", "are",
                 "than", "and", "or", "won", "lost", "beat", "drew", "page", "version", "level", "grade", "category"}
_ITEM_HEADING = re.compile(r"^((?:[A-Z0-9][A-Z0-9'’&-]+\s+){2,10})(?=[A-Z][a-z])")
_COUNTER = re.compile(r"(?<=[\w)’'\".!?]) (\d{1,2})\. (?=[A-Z‘'\"“])")


def split_numbered_list(paragraph: str) -> list[str]:
    """The paragraph cut before each counter of a run-in list 1., 2., 3. … (three at least),
    counters dropped, an all-caps item heading set apart; a piece left without a full stop
    gets one. A paragraph without such a list is returned whole."""
    cuts, expected = [], 1
    for match in _COUNTER.finditer(paragraph):
        before = paragraph[:match.start()].rsplit(" ", 1)[-1].lower()
        if int(match.group(1)) == expected and before not in _VALUE_BEFORE:
            cuts.append(match)
            expected += 1
    if len(cuts) < 3:
        return [paragraph]
    pieces, start = [], 0
    for match in cuts:
        pieces.append(paragraph[start:match.start()])
        start = match.end()
    pieces.append(paragraph[start:])
    ended = []
    for piece in (p.strip() for p in pieces):
        heading = _ITEM_HEADING.match(piece)
        if heading:  # "BALL OF THE CENTURY Benaud was on hand …": the item's heading apart
            ended.append(heading.group(1).strip())
            piece = piece[heading.end():]
        if piece:
            ended.append(piece if re.search(r"[.!?…:;\"'’”)]$", piece) else piece + ".")
    return ended


def clean(text: str) -> str:
    """The story text: boilerplate paragraphs dropped, inline stamps cut, one paragraph a line."""
    kept = []
    paragraphs = (piece for p in split_paragraphs(text) for piece in split_numbered_list(re.sub(r"\s+", " ", p)))
    for paragraph in paragraphs:
        if boilerplate_reason(paragraph):
            continue
        stripped = strip_inline(paragraph)
        if stripped and not boilerplate_reason(stripped):
            kept.append(stripped)
    return "\n\n".join(kept)
