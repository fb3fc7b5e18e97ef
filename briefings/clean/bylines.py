"""Who wrote it and when: bylines, author notes, stamps and credits, recognised by form.

A byline is a name under "By" (or before a pipe and a role), not any short line; a credit
is a list of "Reporting by …; Editing by …" clauses however long it runs; a stamp is a
date and time with little else. Each test reads one paragraph; where a paragraph sits in
the article (bios and sign-offs close it) is stage.py's business.
"""

from __future__ import annotations

import re

from ..lexicon import BIO_WORDS, OUTLET_TAGS, SHARE_WORDS, WRITER_ROLES
from .dates import DATE, TIME, WHEN

# One capitalised name word ("O'Brien", "Al-Sayed", "C.", "deCasparis") and a run of them.
_CAP = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}[A-Z][\w'’-]+)"
_PARTICLE = r"(?:de|van|von|da|das|dos|del|della|der|den|di|du|al|el|bin|ibn|la|le|ter|st\.?)"
NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{0,4}}"
_NAMES = rf"{NAME}(?:\s*(?:,|and|&)\s*{NAME})*"

_BY = re.compile(
    r"^(?:[Bb]y|BY|(?:Written|Words|Story|Text|Interview|Reported|Posted|Compiled|Report) by)\b"
    r"\s*[:.]?\s*"
)
_BY_NAMES = re.compile(rf"^\.?\s*({_NAMES})\s*\.?")
# What may follow the names in a byline: the outlet, a role, a place, when, share residue.
_TAIL_WORDS = {
    "for",
    "in",
    "and",
    "of",
    "the",
    "at",
    "on",
    "from",
    "with",
    "via",
    "a",
    "an",
    "|",
    "/",
    "-",
    "–",
    "—",
    ",",
    ".",
    "am",
    "pm",
    "ago",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "weeks",
    "updated",
    "published",
    "last",
    "staff",
    "writer",
    "reporter",
    *WRITER_ROLES,
    *SHARE_WORDS,
}
_PIPE_FIELD = re.compile(r"\s+[|•·]\s+|\s+[|•·]|[|•·]\s+")
_SIGN_OFF = re.compile(
    rf"^(?:--|—|–|-)\s*(?:[Bb]y\s+)?({NAME})(?:\s*[,/]\s*[^.]{{0,60}})?"
    r"(?:\s+Follow\s+@\w+)?\.?$"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_REACHED = re.compile(
    r"(?i)^(?:e-?mail|write to|contact|reach|send (?:\w+ ){0,3}to|tips?\b)|\b(?:news )?tips?\?|"
    r"\b(?:can|may) be (?:reached|contacted|emailed)\b|\b(?:e-?mail|contact|reach) "
    r"(?:him|her|them|the (?:author|writer|reporter))\b|^(?:e-?mail|contact)\s*:"
)
# "NAME is an award-winning journalist …", "NAME is technology correspondent for …"
_BIO = re.compile(
    rf"^({NAME})\s+(?:is|was|has been)\s+(?:(?:an?|the)\s+)?((?:[\w'’-]+\s+){{0,4}}?[\w'’-]+)"
    rf"(?=\s+(?:at|for|of|with|and|based|who|in|on|from|covering)\b|[,.]|$)"
)

_STAMP_OPENER = re.compile(
    r"^(?:PUBLISHED|UPDATED|POSTED|Published|Updated|Posted|Last (?:updated|modified)|"
    r"First published|Created|Modified|Date)\b\s*(?:on|at)?\s*:?\s*\.?\s*"
)
_WHEN_ONLY = re.compile(rf"^(?=.*(?:\d{{4}}|\d[:.]\d\d))(?:(?:{WHEN}|{TIME}|{DATE})[\s,.|;-]*)+(?:ET|GMT|UTC)?\.?$")
_RELATIVE_WHEN = re.compile(r"^(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\.?$", re.I)
_OUTLET_WHEN = re.compile(rf"^(?=.*\d{{4}})[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){{0,4}},\s+{WHEN}\.?$")

_CREDIT_CLAUSE = re.compile(
    r"(?i)^\(?\s*(?:additional\s+|further\s+|with\s+)?(?:reporting|writing|editing|research|researched|compiled|"
    r"produced|translated|translation|graphics|photography|photographs|photos|pictures|video|videos|"
    r"illustrations?|design|interactive|data|fact[- ]checking|production|written|edited|reported|"
    r"additional work)(?:\s+and\s+\w+)?\s+by\s+(?-i:[A-Z]|\.)|"
    r"^(?:written|reviewed|medically reviewed|fact[- ]checked)(?:\s+(?:or|and)\s+\w+)?\s+by\s+an?\s"
)
_CONTRIBUTED = re.compile(
    r"(?i)\b(?:contributed|contributing|also contributed)(?:\s+reporting)?\s+(?:to|for)\s+"
    r"(?:this|the)\s+(?:report|story|article|piece|post)\b|\bcontributed reporting\b"
)
# "A special credit to data reporter Lindsey Cook and …", "Hat tip to …"
_THANKS = re.compile(
    r"(?i)^(?:a\s+)?(?:special\s+|big\s+)?(?:credit|hat tip|h/t)\s+(?:goes\s+)?to\s+|"
    r"^(?:a\s+)?(?:special|many|big)\s+thanks\s+to\s+"
)
# "The Presidential Tracker was created for U.S. News by Lindsey Cook, …": who made the piece itself.
_MADE_BY = re.compile(
    r"(?i)^(?:The|This|These|Our)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"(?:tracker|graphics?|charts?|maps?|interactive|video|project|series|story|article|piece|database|timeline|quiz|podcast|gallery|slideshow|"
    r"package|app|illustrations?|photographs|photos|documentary|film)\s+(?:was|were|is|are)\s+"
    r"(?:created|produced|compiled|designed|built|developed|written|reported|edited|put together|"
    r"made|prepared|illustrated|photographed|shot|animated)\b(?:\s+for\s+[^;]{1,40}?)?\s+by\s+"
    r"(?-i:[A-Z])"
)
_POINTER = re.compile(r"^(?:See|Read|Visit|More at|More on)\s+[A-Z\w]")  # "See About.com's Medical Review Board."
_OUTLET_TAG = re.compile(r"\((%s)\)" % "|".join(re.escape(t) for t in sorted(OUTLET_TAGS, key=len, reverse=True)))


def is_byline(text: str) -> bool:
    """ "By Richard Spillett For MailOnline", "By . Becky Barrow .", "By", "Bryan Denson |
    The Oregonian/OregonLive", "Lena deCasparis | Contributing Writer | 5 days ago"."""
    return byline_author(text) is not None


def byline_author(text: str) -> str | None:
    """The writer a byline names ("" for a bare "By"), or None when the paragraph is no byline."""
    by = _BY.match(text)
    if by:
        rest = text[by.end() :].strip()
        if not rest.strip(" ."):
            return ""
        names = _BY_NAMES.match(rest)
        if names and _only_tail(rest[names.end() :]):
            return _name_part(names.group(1))
        return None
    fields = [f.strip() for f in _PIPE_FIELD.split(text) if f.strip()]
    if (
        len(fields) >= 2
        and re.fullmatch(NAME, fields[0])
        and 2 <= len(fields[0].split()) <= 4
        and all(len(f.split()) <= 6 for f in fields[1:])
        and _roleish(fields[1:])
    ):
        return fields[0]
    return None


def sign_off_author(text: str) -> str | None:
    """ "-- Bryan Denson", "-- By Michael Russell Follow @tdmrussell": a writer signing off."""
    match = _SIGN_OFF.match(text)
    return _name_part(match.group(1)) if match else None


def signature_author(text: str) -> str | None:
    """ "Kim Gump, Dallas": a letter writer's name and town closing the letter."""
    match = re.fullmatch(rf"({NAME}),\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){{0,2}}", text.strip())
    return match.group(1) if match and len(text.split()) <= 5 else None


def _name_part(names: str) -> str:
    """The writers' names without an outlet glued on: "Lisa Be LifeBuzz Staff" → "Lisa Be"."""
    words = names.split()
    while len(words) > 1 and words[-1].lower().strip(".") in _TAIL_WORDS:
        words.pop()
    return " ".join(words).strip(" .")


def _only_tail(rest: str) -> bool:
    """Whether what follows a byline's names is only outlet, role, place, time or share residue."""
    for word in re.findall(r"[^\s,|/]+", rest):
        bare = word.strip(".:;()[]'’\"")
        if not bare or bare.lower() in _TAIL_WORDS or bare[:1].isupper() or bare[:1].isdigit() or bare.startswith("@"):
            continue
        return False
    return True


def _roleish(fields: list[str]) -> bool:
    """Fields after a name in a piped byline: a role, an outlet, a date."""
    for field in fields:
        lower = field.lower()
        if any(role in lower for role in WRITER_ROLES) or _RELATIVE_WHEN.match(field) or _WHEN_ONLY.match(field):
            continue
        if all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TAIL_WORDS for w in field.split()):
            continue
        return False
    return True


def is_contact(text: str) -> bool:
    """An address to write to: "jmarzulli@nydailynews.com", "… may be reached at x@y.net."."""
    if not _EMAIL.search(text) or len(text.split()) > 25:
        return False
    rest = _EMAIL.sub("", text).strip(" .,;:-–—")
    return not rest or bool(_REACHED.search(text))


def is_bio(text: str) -> bool:
    """A note about the writer: "Malcolm Harris is an editor at The New Inquiry …" (position
    decides whether it is one; this is the form: a name, "is a", a writer's job)."""
    match = _BIO.match(text)
    if not match or len(match.group(1).split()) < 2:
        return False
    job = match.group(2).lower().split()
    return any(word.rstrip("s") in BIO_WORDS or word in BIO_WORDS for word in job[-2:])


def is_stamp(text: str) -> bool:
    """ "PUBLISHED: 12:01 EST, 5 March 2015 | UPDATED: …", "Dec. 30, 2014 7:20 AM ET",
    "Updated August 02, 2014.", "Parse.ly, December 11, 2014", "PUBLISHED:" alone."""
    if re.fullmatch(r"(?:PUBLISHED|UPDATED|POSTED|Published|Updated|Posted)\s*:", text.strip()):
        return True
    end = stamp_prefix(text)
    rest = text[end:].strip()
    if end and not rest:
        return True
    return bool(_WHEN_ONLY.match(rest) or _RELATIVE_WHEN.match(rest) or _OUTLET_WHEN.match(rest))


def stamp_prefix(text: str) -> int:
    """Where the stamps opening a paragraph end ("Posted: Thursday, October 17, 2013, 8:09 PM …"), or 0."""
    rest, end = text, 0
    while opener := _STAMP_OPENER.match(rest):
        when = re.match(rf"(?:{WHEN}|{TIME}|{DATE})[\s,.|;-]*", rest[opener.end() :])
        if not when:
            break
        step = opener.end() + when.end()
        step += len(rest[step:]) - len(rest[step:].lstrip(" |."))
        rest, end = rest[step:], end + step
    return end


def is_credit(text: str) -> bool:
    """ "(Reporting by …; Editing by …)", "Additional reporting by …", "Compiled by …",
    "… contributed to this report." — by its clauses, however long the list of names."""
    body = text.strip()
    if _CREDIT_CLAUSE.match(body):
        if body.startswith("(") and body.rstrip(" .").endswith(")"):
            return True
        clauses = [c for c in re.split(r";|\.\s+(?=[A-Z])", body.strip("() .")) if c.strip()]
        return all(
            _CREDIT_CLAUSE.match(c.strip()) or _CONTRIBUTED.search(c) or _POINTER.match(c.strip()) for c in clauses
        )
    if _MADE_BY.match(body) and len(body.split()) <= 40:
        return True
    return is_contributed(body) or bool(_THANKS.match(body)) and len(_split_sentences(body)) == 1


def is_contributed(text: str) -> bool:
    """ "Jane Smith and Paul Jones contributed to this report from Washington." as a whole paragraph."""
    sentences = _split_sentences(text)
    return len(sentences) == 1 and bool(_CONTRIBUTED.search(text)) and bool(re.match(rf"^\(?{NAME}", text))


def _split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text.strip()) if s]


def outlet_tag(text: str) -> str | None:
    """The outlet a dateline names: "JAKARTA (Reuters) -" → "Reuters"."""
    match = _OUTLET_TAG.search(text[:120])
    return match.group(1) if match else None
