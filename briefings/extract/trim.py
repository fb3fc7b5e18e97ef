"""Trim a key point the way a briefing editor does, never more.

Three cuts, each leaving one grammatical sentence with the same meaning:
- a leading dateline or outlet tag the cleaner left ("(The Hollywood Reporter)Stan Freberg …",
  "LONDON (Reuters) - …");
- a parenthetical aside, in brackets or between a pair of dashes ("a kite measuring 6,000
  metres (3.7 miles)", "an extra £2,100 a year – £17,800 rather than £15,700 – to anyone …"),
  unless the sentence uses what it defines ("the Center for Immigration Studies (CIS) …
  CIS says");
- a trailing attribution tail (", officials said.", ", according to the report.") when the
  claim before it is a clause of its own and the source is an authority, an institution
  or a document. A tail whose verb carries the point ("…, the minister denied.") stays, so
  does a person's word ("…, his closest associate has told a US court.": without it the
  claim would read as fact), and so does one after quoted words (they would be nobody's).
Nothing is spliced: every cut removes one span of one sentence. The untrimmed sentence is
kept beside the trimmed one (KeyPoint.original) for the reader who wants it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import NEUTRAL_REPORTING_VERBS, OFFICIAL_SOURCES
from .sentence_form import CLOSE_QUOTES, OPEN_QUOTES, quoted_mask

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_ASIDE_WORDS = 12  # a longer bracket or dash pair holds more than an aside
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_DASHES = {"–", "—", "-", "--"}
_MARKS = OPEN_QUOTES | CLOSE_QUOTES

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DASH = r"(?:--|—|–|-)"
# What opens a lede before the story starts: "(The Hollywood Reporter)Stan …", "(CNN) -- …",
# "LONDON (Reuters) - …", "SEOUL, Aug. 20 (Yonhap) -- …", "TRENTON — …", a date or a live-blog
# time stamp ("December 28, 2014: …", "16.06 AirAsia …").
_LEADING_TAG = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}\s*)?\((?:[A-Z][\w.&'’-]*\s*){1,4}\)\s*(?:" + _DASH + r")?\s*"
    r"(?=[A-Z\"“‘'])"
    r"|^[A-Z]{3,}(?:[ .'-][A-Z]{2,})*(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?(?:,\s*" + _MONTH + r"\s+\d{1,2})?"
    r"(?:\s*\([A-Z][\w ]{1,20}\))?\s*" + _DASH + r"+\s+(?=[A-Z\"“‘'])"
    r"|^(?:" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH + r"\s+\d{4})\s*"
    r"(?::|" + _DASH + r")\s+(?=[A-Z\"“‘'])"
    r"|^(?:[01]?\d|2[0-3])[.:][0-5]\d\s*(?:[AaPp]\.?[Mm]\.?)?\s+(?=[A-Z])"
)


def trim(sent: Span) -> str:
    """The sentence as an editor would print it as a key point."""
    base = sent.start_char
    cuts = _asides(sent)
    tail = _attribution_tail(sent)
    if tail is not None:
        cuts.append((*tail, ""))
    text = sent.text
    for start, end, instead in reversed(_outermost(cuts)):  # an aside inside the tail goes with it
        text = text[: start - base] + instead + text[end - base :]
    text = _LEADING_TAG.sub("", text.strip(), count=1)
    text = re.sub(r"\s+([,.;:!?])(?=\s|$)", r"\1", " ".join(text.split()))  # not "a .22 calibre"
    return text if text and text[0].isupper() or text[:1] in OPEN_QUOTES else " ".join(sent.text.split())


def _asides(sent: Span) -> list[tuple[int, int, str]]:
    """Parenthetical asides as (start, end, replacement): the character span with the space
    before it, and what stands in for it (nothing, or the comma the dashes stood for)."""
    doc, cuts = sent.doc, []
    quoted = {t.i for t, inside in zip(sent, quoted_mask(sent)) if inside}
    tokens = [t for t in sent if not t.is_space]
    for k, opening in enumerate(tokens):
        if k == 0 or opening.i in quoted:
            continue  # a leading bracket is a tag (_LEADING_TAG); a quotation is never edited
        if opening.text == "(":
            close = next((u for u in tokens[k + 1 : k + 2 + MAX_ASIDE_WORDS] if u.text in "()"), None)
            if close is None or close.text != ")" or close.i + 1 >= sent.end:
                continue
            inside = doc[opening.i + 1 : close.i]
            if _aside_ok(sent, inside, close):
                cuts.append((_space_before(opening), close.idx + 1, ""))
        elif opening.text in _DASHES and opening.whitespace_ and doc[opening.i - 1].whitespace_:
            close = next(
                (
                    u
                    for u in tokens[k + 1 : k + 2 + MAX_ASIDE_WORDS]
                    if u.text in _DASHES and u.whitespace_ and doc[u.i - 1].whitespace_
                ),
                None,
            )
            if close is None or any(a <= opening.idx < b for a, b, _ in cuts):
                continue
            inside = doc[opening.i + 1 : close.i]
            nxt = doc[close.i + 1] if close.i + 1 < sent.end else None
            if nxt is not None and nxt.is_alpha and _aside_ok(sent, inside, close):
                cuts.append((_space_before(opening), close.idx + len(close.text), _dash_stands_for(sent, opening, nxt)))
    return cuts


def _dash_stands_for(sent: Span, opening: Token, nxt: Token) -> str:
    """ "," when the dashes also closed what came before: an opening phrase before the main
    clause ("As Ohio State prepares … – a semifinal game – Holtz didn't mind" → "…, Holtz"), a
    phrase set off by a comma ("Those states, along with five others -- … -- remain" → "…,
    remain"), or a clause before "and"/"but"; "" when the aside sits inside a phrase ("Bader
    – who lost his legs – was shot down")."""
    before, root = sent.doc[opening.i - 1], sent.root
    if nxt.dep_ == "cc":
        joined = [c for c in nxt.head.children if c.dep_ == "conj" and c.i > nxt.i]
        return "," if any(c.dep_ in ("nsubj", "nsubjpass") for j in joined for c in j.children) else ""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if root.i < nxt.i or subject is None:
        return ""  # unsure: leave the punctuation as it was
    if not subject.left_edge.i <= before.i <= subject.right_edge.i:
        return ","
    return "," if any(t.text == "," for t in sent.doc[subject.i : before.i]) else ""


def _aside_ok(sent: Span, inside: Span, close: Token) -> bool:
    words = [t for t in inside if t.is_alpha or t.like_num]
    if not words or any(t.text in OPEN_QUOTES | CLOSE_QUOTES | {"(", ")"} for t in inside):
        return False
    span = range(inside.start, inside.end)
    attached_to = {t.head.i for t in inside if not t.is_punct and t.head.i not in span}
    leaning_in = [t for t in sent if t.i not in span and not t.is_punct and t.head.i in span]
    if len(attached_to) > 1 or leaning_in:
        return False  # not one phrase hanging on one word: cutting it would take part of the sentence
    later = {t.text for t in sent.doc[close.i + 1 : sent.end]}
    return not any(t.is_upper and len(t.text) > 1 and t.text in later for t in inside)  # an acronym in use


def _attribution_tail(sent: Span) -> tuple[int, int] | None:
    """The span of ", officials said" / ", according to the report" before the full stop."""
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) < 4 or tokens[-1].text != "." or tokens[0].text in OPEN_QUOTES:
        return None
    stop = tokens[-1]
    according = next(
        (t for t in tokens if t.lower_ == "according" and t.i + 1 < stop.i and sent.doc[t.i + 1].lower_ == "to"), None
    )
    if according is not None:
        comma = sent.doc[according.i - 1]
        source = next((c for c in sent.doc[according.i + 1].children if c.dep_ == "pobj"), None)
        if (
            comma.text == ","
            and max(t.i for t in according.subtree) == stop.i - 1
            and sent.root.i < comma.i
            and source is not None
            and _official(source)
            and _stands_alone(sent.doc[sent.start : comma.i], sent.root)
        ):
            return (comma.idx, stop.idx)
    root = sent.root
    if root.lemma_.lower() not in NEUTRAL_REPORTING_VERBS:
        return None
    claims = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    if not claims:
        return None
    claim_end = max(t.i for t in claims[0].subtree)
    comma = sent.doc[claim_end + 1]
    if comma.text != "," or comma.i >= root.i:
        return None
    tail = sent.doc[comma.i + 1 : stop.i]
    own = {root.i} | {c.i for c in root.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in root.children):
        return None  # ", officials did not say" is no source
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _official(subject):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.i not in own for t in tail) or any(t.text in _MARKS for t in tail):
        return None  # ", police said, adding that …" carries more than a source
    if not _stands_alone(sent.doc[sent.start : comma.i], claims[0]):
        return None
    return (comma.idx, stop.idx)


def _official(source: Token) -> bool:
    """An authority, an institution or a document: "police", "the report", "Prudential's
    report", "NZ media", "the Center for Immigration Studies"."""
    return (
        source.lemma_.lower() in OFFICIAL_SOURCES
        or source.lower_ in OFFICIAL_SOURCES
        or source.ent_type_ in ("ORG", "NORP")
        and not any(t.ent_type_ == "PERSON" for t in source.subtree)
    )


def _stands_alone(claim: Span, head: Token) -> bool:
    """A clause of its own: a subject and a finite verb, not "that …", not ending in a quote."""
    words = [t for t in claim if not t.is_space]
    if not words or words[0].lower_ == "that" or words[-1].text in CLOSE_QUOTES:
        return False
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
    finite = head.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in head.children)
    return has_subject and finite


def _space_before(token: Token) -> int:
    doc = token.doc
    return doc[token.i - 1].idx + len(doc[token.i - 1].text) if token.i > 0 else token.idx


def _outermost(cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for start, end, instead in sorted(cuts):
        if kept and start < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]), kept[-1][2] if end <= kept[-1][1] else instead)
        else:
            kept.append((start, end, instead))
    return kept
