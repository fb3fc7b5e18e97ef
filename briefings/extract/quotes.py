"""Direct quotes and who said them.

Quote marks are paired paragraph by paragraph, so an unbalanced mark costs at most one
paragraph, never the article; a quote left open at a paragraph's end runs to that end
(the newspaper convention for quotes over several paragraphs). Each quote is then
attributed from its cue ("X said", "said X", "according to X", "X: …"), or, when it
has none, from the quote before it in the same or the previous paragraph.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Quote
from .participants import Cluster, Participants
from .titles import is_title_head, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = {
    "say", "tell", "add", "stress", "note", "explain", "insist", "warn", "claim", "argue", "write", "ask",
    "reply", "respond", "state", "announce", "declare", "continue", "conclude", "admit", "acknowledge",
    "suggest", "tweet", "post", "comment", "remark", "recall", "predict", "promise", "vow", "urge",
    "confirm", "deny", "emphasise", "emphasize", "believe", "think", "describe", "call", "quip", "joke",
    "complain", "concede", "maintain", "assert", "observe", "point", "report", "testify", "shout",
    "scream", "whisper", "cry", "plead", "boast", "reveal", "agree", "answer", "counter", "caution",
    "repeat", "lament", "mutter", "demand", "told", "said",
}
PRONOUNS = {"he", "she", "they", "we", "i"}
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"


@dataclass
class QuoteSpan:
    start: int  # character offsets of the quoted text, marks excluded
    end: int
    paragraph: int
    closed: bool


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        spans.extend(_paragraph_quotes(paragraph, offset, number))
        offset += len(paragraph) + 1
    return [s for s in spans if re.search(r"[^\W\d_]", text[s.start:s.end])]


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
            elif char in "‘'" and (before.isspace() or before in "([—–-") and after.isalnum():
                opened, kind = i + 1, "single"
        elif kind == "double" and (char in _CLOSE_DOUBLE or char == '"'):
            found.append(QuoteSpan(offset + opened, offset + i, number, True))
            opened = None
        elif kind == "single" and char in "’'" and not before.isspace() and not after.isalnum():
            found.append(QuoteSpan(offset + opened, offset + i, number, True))
            opened = None
    if opened is not None and kind == "double":
        end = len(paragraph.rstrip())
        if end > opened:
            found.append(QuoteSpan(offset + opened, offset + end, number, False))
    return [_trim(paragraph, offset, q) for q in found]


def _trim(paragraph: str, offset: int, span: QuoteSpan) -> QuoteSpan:
    """Drop outer spaces, and the comma that hands over to the cue ("…,” she said)."""
    text = paragraph[span.start - offset:span.end - offset]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip().rstrip(",").rstrip())
    return QuoteSpan(span.start + lead, span.end - trail, span.paragraph, span.closed)


def find_quotes(doc: Doc, participants: Participants) -> list[Quote]:
    text = doc.text
    spans = find_quote_spans(text)
    starts = [t.idx for t in doc]
    quoted = set()  # tokens inside any quote: never a cue or a speaker
    token_ranges = []
    for span in spans:
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        last = max(bisect.bisect_left(starts, span.end), first + 1)
        token_ranges.append((first, last))
        quoted.update(range(first, last))

    quotes: list[Quote] = []
    previous: tuple[QuoteSpan, Quote] | None = None
    for span, (first, last) in zip(spans, token_ranges):
        speaker, cue = attribute(doc, first, last, quoted, participants)
        continued = previous is not None and _continues(previous[0], span, text)
        if speaker is None and cue is None and continued:
            speaker, cue = previous[1].speaker, None
        words = len(text[span.start:span.end].split())
        if cue is None and not continued and (words < 8 or speaker is None and not _stands_alone(text, span)):
            continue  # scare quotes and titles: no cue, too short to be speech
        quote = Quote(text=text[span.start:span.end], speaker=speaker, cue=cue, start=span.start, end=span.end)
        quotes.append(quote)
        previous = (span, quote)
    return quotes


def _continues(before: QuoteSpan, span: QuoteSpan, text: str) -> bool:
    """A cue-less quote continues the one before it in the same paragraph, or opens the next
    paragraph after one that ended inside or right after a quote."""
    if span.paragraph == before.paragraph:
        return True
    if span.paragraph != before.paragraph + 1:
        return False
    paragraph_start = text.rfind("\n", 0, span.start) + 1
    opens_paragraph = not text[paragraph_start:span.start - 1].strip()
    return opens_paragraph


def _stands_alone(text: str, span: QuoteSpan) -> bool:
    """A whole paragraph in quote marks is speech even when its cue is elsewhere."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    rest = text[start:span.start] + text[span.end:end if end >= 0 else len(text)]
    return len(rest.strip(" “”\"‘’'.,")) == 0


def attribute(doc: Doc, first: int, last: int, quoted: set[int],
              participants: Participants) -> tuple[str | None, str | None]:
    """(speaker, cue) from the sentence(s) around tokens [first, last)."""
    sentences = _sentences_around(doc, first, last)
    for sent in sentences:
        outside = [t for t in sent if t.i not in quoted]
        verbs = [t for t in outside if _is_speech_verb(t)]
        verbs.sort(key=lambda t: min(abs(t.i - first), abs(t.i - last)))
        for verb in verbs:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in quoted), None)
            if subject is not None:
                return resolve(doc, subject, participants, first), verb.text
        according = next((t for t in outside if t.lower_ == "according" and t.i + 1 < len(doc)
                          and doc[t.i + 1].lower_ == "to"), None)
        if according is not None:
            target = doc[according.i + 2:min(according.i + 8, len(doc))]
            cluster = participants.in_span(target.start, target.end)
            return (cluster.name if cluster else None), "according to"
        colon = _colon_speaker(doc, first, quoted, participants)
        if colon:
            return colon, ":"
    return None, None


def _sentences_around(doc: Doc, first: int, last: int) -> list[Span]:
    """The sentences the quote touches, then the sentence after it (a cue that comes next)."""
    sents = []
    sent = doc[first].sent
    while True:
        sents.append(sent)
        if sent.end >= last or sent.end >= len(doc):
            break
        sent = doc[sent.end].sent
    if sents[-1].end < len(doc):
        nxt = doc[sents[-1].end].sent
        if "\n" not in doc[sents[-1].end - 1].text and len(nxt) <= 12:
            sents.append(nxt)
    return sents


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS and token.lemma_.lower() != "be"


def _colon_speaker(doc: Doc, first: int, quoted: set[int], participants: Participants) -> str | None:
    """ "Hewitt: “…”" — a name right before a colon that opens the quote."""
    i = first - 1
    while i >= 0 and doc[i].is_punct and doc[i].text != ":":
        i -= 1
    if i >= 1 and doc[i].text == ":":
        cluster = participants.at(i - 1)
        if cluster and cluster.type in ("PERSON", "ORG"):
            return cluster.name
    return None


def resolve(doc: Doc, subject: Token, participants: Participants, quote_start: int) -> str | None:
    """A cue's subject as a participant's canonical name."""
    subtree = list(subject.subtree)
    cluster = participants.in_span(subtree[0].i, subtree[-1].i + 1)
    if cluster is not None:
        return cluster.name
    if subject.lower_ in PRONOUNS and subject.lower_ not in ("we", "i", "they"):
        return _nearest_person(participants, min(quote_start, subject.i))
    if is_title_head(subject.text) or subject.pos_ == "NOUN":
        return _by_role(participants, subject)
    return None


def _nearest_person(participants: Participants, token_index: int) -> str | None:
    for mention, cluster in participants.mentions_before(token_index):
        if cluster.type == "PERSON":
            return cluster.name
    return None


def _by_role(participants: Participants, subject: Token) -> str | None:
    """ "the foreign secretary said" → the participant whose role is Foreign Secretary."""
    if any(t.pos_ == "PROPN" and not is_title_word(t.text) for t in subject.subtree):
        return None  # a name the model did not tag: not a role to look up
    head = subject.lemma_.lower()
    matches: list[Cluster] = [c for c in participants.clusters
                              if c.type == "PERSON" and c.role and c.role.lower().split()[-1] in (head, subject.lower_)]
    return matches[0].name if len(matches) == 1 else None
