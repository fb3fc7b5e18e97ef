"""Direct quotes and who said them.

Quote marks are paired paragraph by paragraph, so an unbalanced mark costs at most one
paragraph, never the article; a quote left open at a paragraph's end runs to that end (the
newspaper convention for quotes over several paragraphs). Double marks are the quotes; single
marks count as quotes only outside a double-quoted span (the British convention), and inside
one they are nested quotes that stay part of it.

Each quote is then attributed, strongest evidence first:

1. a transcript label inside it ("PENCE: …") or a dash after it ("…” ― Sonya Herridge");
2. the speech verb (or speech noun: "Trump's claim that …") that governs it in the parse,
   "X said", "said X", "X told reporters", "X, the Y, said", "X was quoted as saying";
3. any other speech verb in its sentence(s), nearest first; "according to X";
4. a colon cue: "X: “…”", or a sentence ending in a colon right before ("He said:");
5. for a fragment inside a paraphrase (`Gingrich dismissed Estonia as the “suburbs of …”`),
   the subject of the verb it hangs from;
6. a speech verb in the short sentence right after it (“…” Then he added.);
7. a quote with no cue of its own continues the quote before it in the same paragraph, or
   the previous paragraph's speaker when it opens its paragraph.

Subjects become participants in speakers.py (names, pronouns by gender, nouns). A quote whose
speaker cannot be determined keeps speaker None. Scare quotes and titles of works (short,
no speech cue) are dropped; partial quotes inside a paraphrase are kept.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Quote
from .participants import Cluster, Participants
from .speakers import Speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = {
    "say", "tell", "add", "stress", "note", "explain", "insist", "warn", "claim", "argue", "write", "ask",
    "reply", "respond", "state", "announce", "declare", "continue", "conclude", "admit", "acknowledge",
    "suggest", "tweet", "post", "comment", "remark", "recall", "predict", "promise", "vow", "urge",
    "confirm", "deny", "emphasise", "emphasize", "believe", "think", "describe", "call", "quip", "joke",
    "complain", "concede", "maintain", "assert", "observe", "point", "report", "testify", "shout",
    "scream", "whisper", "cry", "plead", "boast", "reveal", "agree", "answer", "counter", "caution",
    "repeat", "lament", "mutter", "demand", "told", "said", "dub", "label", "brand", "praise", "quote",
    "accuse", "charge", "blast", "slam", "criticize", "criticise", "mock", "chant", "sing", "read",
    "allege", "contend", "recount", "echo", "proclaim", "retort", "snap", "sigh",
    "exclaim", "muse", "wonder", "speculate", "assure", "advise", "inform", "pledge", "estimate",
    "find", "rule", "order", "decry", "condemn", "hail", "welcome", "characterize",
    "characterise", "term", "deem", "consider", "question", "challenge",
}
# Nouns that carry an attribution on their possessor: "Trump's claim that …", "her remark".
SPEECH_NOUNS = {
    "claim", "statement", "remark", "remarks", "comment", "comments", "words", "tweet", "tweets",
    "description", "promise", "warning", "accusation", "assertion", "charge", "response", "reply",
    "answer", "message", "speech", "pledge", "vow", "argument", "insistence", "suggestion", "view",
    "contention", "allegation", "declaration", "announcement", "call", "plea", "slogan", "question",
}
# Verbs that name things: a quoted title after them is what was said ("called him “Little Marco”").
NAMING_VERBS = {"call", "dub", "label", "brand", "describe", "term", "nickname", "name", "deride", "refer",
                "chant", "shout", "proclaim"}
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_DASHES = "―—–-"
_LABEL = re.compile(r"\s*([A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3})\s*:\s")
_DASH_NAME = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})")
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is"}


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
            elif char in _CLOSE_DOUBLE and (before.isspace() or not i) and after.isalnum():
                opened, kind = i + 1, "double"  # a closing mark typed for an opening one
            elif char in "‘'" and (before.isspace() or before in "([—–-―\"“") and after.isalnum():
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
    surely_single = kind == "single" and opened is not None and (
        paragraph[opened - 1] == "‘" or not paragraph[:opened - 1].strip()
        or paragraph[:opened - 1].rstrip().endswith(":"))
    if opened is not None and (kind == "double" or surely_single):
        end = len(paragraph.rstrip())
        if end > opened:
            found.append(QuoteSpan(offset + opened, offset + end, number, False))
    return [_trim(paragraph, offset, q) for q in found]


def _single_continues(paragraph: str, i: int) -> bool:
    """Whether a later single mark in the paragraph could close the quote instead."""
    return bool(re.search(r"\w[’'](?!\w)", paragraph[i + 1:]))


def _trim(paragraph: str, offset: int, span: QuoteSpan) -> QuoteSpan:
    """Drop outer spaces, and the comma that hands over to the cue ("…,” she said)."""
    text = paragraph[span.start - offset:span.end - offset]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip().rstrip(",").rstrip())
    return QuoteSpan(span.start + lead, span.end - trail, span.paragraph, span.closed)


@dataclass
class _Attribution:
    speaker: Cluster | None = None
    cue: str | None = None
    strength: int = 0  # 2: a speech cue; 1: the subject of a paraphrase's verb; 0: none
    direct: bool = False  # the cue governs the quote in the parse
    hops: int = 0  # how far up the parse the cue is from the quote (1: the quote is its object)
    naming: bool = False  # the cue names something: "called the winner “Miss Piggy”"
    at: int = -1  # the cue's token


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
    speakers = Speakers(doc, participants, quoted)
    finder = _Attributor(doc, text, quoted, speakers)

    quotes: list[Quote] = []
    previous: tuple[QuoteSpan, Quote, Cluster | None] | None = None
    paragraphs = _paragraph_numbers(text)
    for span, (first, last) in zip(spans, token_ranges):
        found = finder.attribute(span, first, last)
        continued = previous is not None and _continues(previous[0], span, text, paragraphs)
        words = len(text[span.start:span.end].split())
        if found.strength < 2 and continued and found.speaker is None:
            found = _Attribution(previous[2], None, found.strength)  # no cue of its own
        elif found.strength == 0:
            found = finder.reported_before(span, first, paragraphs) or finder.previous_subject(first) or found
        if not _keep(text, span, found, continued, words, doc, first, last):
            continue
        speaker = found.speaker
        if speaker is not None:
            speakers.note(first, speaker)
        quote = Quote(text=text[span.start:span.end], speaker=speaker.name if speaker else None,
                      cue=found.cue, start=span.start, end=span.end, paragraph=paragraphs[span.paragraph])
        quotes.append(quote)
        previous = (span, quote, speaker)
    return quotes


def _paragraph_numbers(text: str) -> list[int]:
    """Line index → paragraph number counting non-empty lines only (blank lines are spacing)."""
    numbers, count = [], -1
    for line in text.split("\n"):
        if line.strip():
            count += 1
        numbers.append(max(count, 0))
    return numbers


def _keep(text: str, span: QuoteSpan, found: _Attribution, continued: bool, words: int,
          doc: Doc, first: int, last: int) -> bool:
    quoted = text[span.start:span.end]
    named = found.strength == 2 and found.direct and (found.hops <= 1 or found.naming and found.hops <= 2)
    if _looks_like_title(quoted) and not named:
        return False  # "Fox News Sunday", "Face the Nation": a title of a work, not speech
    if found.strength == 2:
        return words >= 2 or found.direct or _stands_alone(text, span)
    if continued:
        return True
    if found.strength == 1:
        return words >= (3 if found.speaker is not None else 4)
    return words >= 8 and _stands_alone(text, span)


def _looks_like_title(quoted: str) -> bool:
    words = re.findall(r"[\w’'-]+", quoted)
    if not words or len(words) > 7 or quoted.rstrip().endswith(("?", "!")):
        return False
    capital = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words) \
        and len(capital) >= 1 and words[0][:1].isupper() and not (len(words) == 1 and quoted.strip().endswith("."))


def _continues(before: QuoteSpan, span: QuoteSpan, text: str, paragraphs: list[int]) -> bool:
    """A cue-less quote continues the one before it in the same paragraph, or opens the
    paragraph right after the one the previous quote was in."""
    if span.paragraph == before.paragraph:
        return True
    if paragraphs[span.paragraph] != paragraphs[before.paragraph] + 1:
        return False
    paragraph_start = text.rfind("\n", 0, span.start) + 1
    return not text[paragraph_start:span.start - 1].strip()


def _stands_alone(text: str, span: QuoteSpan) -> bool:
    """A whole paragraph in quote marks is speech even when its cue is elsewhere."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    rest = text[start:span.start] + text[span.end:end if end >= 0 else len(text)]
    return len(rest.strip(" “”\"‘’'.,")) == 0


class _Attributor:
    def __init__(self, doc: Doc, text: str, quoted: set[int], speakers: Speakers):
        self.doc = doc
        self.text = text
        self.quoted = quoted
        self.speakers = speakers

    def attribute(self, span: QuoteSpan, first: int, last: int) -> _Attribution:
        doc = self.doc
        found = self._label(span) or self._dash(span)
        if found:
            return found
        roots = self._roots(first, last)
        # A whole statement belongs to the first speech verb over it, named or not ("He said the
        # man shouted: “…”"); a fragment may sit in reported speech whose own subject is a thing
        # (`Holm said the ad “unmistakably and wrongfully” suggests …`): look further up for it.
        statement = self.text[span.start:span.end].rstrip().endswith((".", "?", "!")) \
            or len(self.text[span.start:span.end].split()) >= 8
        for root in roots:  # the speech verb or noun that governs the quote
            found = self._governor(root, speech=True, resolved=not statement)
            if found:
                return found
        fallback = next((f for f in (self._governor(r, speech=True, resolved=False) for r in roots) if f), None)
        paraphrase = None
        if not self._covers_sentence(first, last):
            for root in roots:  # `dismissed Estonia as the “suburbs of St. Petersburg”`
                paraphrase = self._governor(root, speech=False)
                if paraphrase and paraphrase.speaker is not None:
                    return paraphrase
        sentences = self._sentences(first, last)
        found = self._nearby_verb(sentences, first, last)
        if found and (found.speaker is not None or fallback is None):
            return found
        found = self._according_to(sentences) or self._colon(first)
        if found:
            return found
        if fallback:
            return fallback
        if sentences[-1].end < len(doc):
            nxt = doc[sentences[-1].end].sent
            if "\n" not in self.text[span.end:nxt.start_char] and len(nxt) <= 30:
                found = self._nearby_verb([nxt], first, last)
                # not when the verb introduces a quote of its own ("X added, “…”")
                if found and not any(t.i in self.quoted for t in nxt if t.i > found.at):
                    return found
        return paraphrase or _Attribution()

    def previous_subject(self, first: int) -> _Attribution | None:
        """A quote that opens a sentence with no cue at all, right after a sentence about a
        person (`Sanders identified young voters' exhaustion … . “The younger people are …”`):
        that sentence's subject, when it is a person."""
        doc = self.doc
        start = doc[first].sent.start
        if any(not (t.is_punct or t.is_space) for t in doc[start:first]) or start == 0:
            return None
        previous = doc[start - 1].sent
        root = previous.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or root.pos_ not in ("VERB", "AUX") or {root.i, subject.i} & self.quoted:
            return None
        speaker = self.speakers.of_subject(subject)
        if speaker is None or speaker.type != "PERSON":
            return None
        return _Attribution(speaker, None, 1, False)

    # -- cues ---------------------------------------------------------------------------

    def _label(self, span: QuoteSpan) -> _Attribution | None:
        """A transcript's speaker label at the start of the quote: "PENCE: Well, look, …"."""
        m = _LABEL.match(self.text, span.start)
        if not m or m.end() > span.end:
            return None
        name = m.group(1)
        if not (name.isupper() or len(name.split()) >= 2) or len(name) < 2:
            return None
        cluster = self.speakers.by_name(self._tokens(m.start(1), m.end(1)))
        return _Attribution(cluster, ":", 2, True) if cluster else None

    def _dash(self, span: QuoteSpan) -> _Attribution | None:
        """An attribution after a dash: "“…” ― Sonya Herridge"."""
        after = span.end
        while after < len(self.text) and self.text[after] in "”\"’'.,!? ":
            after += 1
        m = _DASH_NAME.match(self.text, after)
        if not m or after == span.end and self.text[after:after + 1] not in _DASHES:
            return None
        stop = re.compile(r"[\n“\"‘]").search(self.text, m.end(1))
        rest = self.text[m.end(1):stop.start() if stop else len(self.text)]
        if len(rest.strip(" .,")) > 40:
            return None  # a dash inside a sentence, not a signature
        cluster = self.speakers.by_name(self._tokens(m.start(1), m.end(1)))
        return _Attribution(cluster, "—", 2, True) if cluster else None

    def _governor(self, root: Token, speech: bool, resolved: bool = True) -> _Attribution | None:
        """Walk up from the quote: the first speech verb (or noun) with a resolvable speaker
        (with resolved=False, the first with a subject at all); with speech=False, the first
        verb of any kind that has a subject."""
        node, steps = root, 0
        while node.head.i != node.i and steps < 8:
            node, steps = node.head, steps + 1
            if node.i in self.quoted:
                continue
            if speech and _is_speech_noun(node):
                owner = next((c for c in node.children if c.dep_ == "poss"), None)
                if owner is not None and owner.i not in self.quoted:
                    speaker = self.speakers.of_subject(owner)
                    if speaker is not None:
                        return _Attribution(speaker, node.text, 2, True, steps)
                continue
            if node.pos_ not in ("VERB", "AUX"):
                continue
            if speech and not _is_speech_verb(node):
                continue
            subject = self._subject_of(node)
            if subject is not None:
                speaker = self.speakers.of_subject(subject)
                if speaker is not None or not resolved or not speech:
                    return _Attribution(speaker, node.text, 2 if speech else 1, True, steps,
                                        node.lemma_.lower() in NAMING_VERBS)
            elif not speech:
                return None
        return None

    def _nearby_verb(self, sentences: list[Span], first: int, last: int) -> _Attribution | None:
        # not a verb in a clause the quote itself governs ("“That makes me smart,” when Clinton blasted him")
        verbs = [t for sent in sentences for t in sent if t.i not in self.quoted and _is_speech_verb(t)
                 and not (t.dep_ in ("advcl", "relcl", "acl") and t.head.i in self.quoted)]
        verbs.sort(key=lambda t: min(abs(t.i - first), abs(t.i - last)))
        first_found = None
        for verb in verbs:
            subject = self._subject_of(verb)
            if subject is not None:
                found = _Attribution(self.speakers.of_subject(subject), verb.text, 2, at=verb.i)
                if found.speaker is not None:
                    return found
                first_found = first_found or found
        return first_found

    def _according_to(self, sentences: list[Span]) -> _Attribution | None:
        doc = self.doc
        for sent in sentences:
            for t in sent:
                if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" \
                        and t.i not in self.quoted:
                    objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                    speaker = self.speakers.of_subject(objects[0]) if objects else None
                    if speaker is None:
                        speaker = self.speakers.participants.in_span(t.i + 2, min(t.i + 8, sent.end))
                        if speaker is not None and speaker.type not in ("PERSON", "ORG"):
                            speaker = None
                    return _Attribution(speaker, "according to", 2)
        return None

    def _colon(self, first: int) -> _Attribution | None:
        """ "Hewitt: “…”" — a name right before a colon that opens the quote."""
        doc = self.doc
        i = first - 1
        while i >= 0 and doc[i].is_punct and doc[i].text != ":":
            i -= 1
        if i >= 1 and doc[i].text == ":" and "\n" not in doc[i].text_with_ws:
            name = doc[i - 1]
            cluster = self.speakers.participants.at(name.i)
            if cluster is not None and cluster.type in ("PERSON", "ORG"):
                return _Attribution(cluster, ":", 2, True)
            if name.pos_ == "PROPN":
                found = self.speakers.untagged_name(name)
                if found is not None:
                    return _Attribution(found, ":", 2, True)
        return None

    def reported_before(self, span: QuoteSpan, first: int, paragraphs: list[int]) -> _Attribution | None:
        """A quote that stands alone after a sentence ending in a colon ("He said:"), in its own
        paragraph or the one before: that sentence's speaker."""
        doc = self.doc
        if first == 0:
            return None
        i = first - 1
        while i > 0 and (doc[i].is_space or doc[i].is_punct and doc[i].text != ":"):
            i -= 1
        if doc[i].text != ":":
            return None
        sent = doc[i].sent
        found = self._nearby_verb([sent], i, i + 1)
        if found is not None:
            found.direct = True
            return found
        return None

    # -- parse helpers ----------------------------------------------------------------------

    def _subject_of(self, verb: Token) -> Token | None:
        """The verb's subject, or the one it inherits: "saying" after "Trump boasted", "fear"
        after "led Dainis Ivans to", "was quoted as saying"."""
        node = verb
        if verb.tag_ == "VBG" and verb.i > 0 and self.doc[verb.i - 1].pos_ == "PROPN" \
                and self.speakers.participants.at(verb.i - 1) is not None and verb.i - 1 not in self.quoted:
            return self.doc[verb.i - 1]  # "footage of Hillary Clinton asking, “…”"
        for _ in range(4):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted
                            and not c.is_punct), None)
            if subject is not None:
                if subject.lower_ in ("it", "this", "that") and subject.dep_ == "nsubjpass":
                    return None
                return subject
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.i not in self.quoted:
                    return pobj
            if node.dep_ == "acl" and node.head.pos_ == "PROPN" and node.head.i not in self.quoted:
                return node.head  # "footage of Trump saying, “…”"
            if node.dep_ == "xcomp":
                obj = next((c for c in node.head.children if c.dep_ == "dobj" and c.i not in self.quoted), None)
                if obj is not None and obj.i < node.i:
                    return obj
            if node.dep_ in ("xcomp", "advcl", "conj", "pcomp") and node.head.i != node.i:
                node = node.head
                if node.dep_ == "prep" and node.head.i != node.i:
                    node = node.head
                if node.i in self.quoted:
                    return None
                continue
            return None
        return None

    def _roots(self, first: int, last: int) -> list[Token]:
        doc = self.doc
        roots = []
        for t in doc[first:last]:
            if t.is_punct or t.is_space:
                continue
            if not (first <= t.head.i < last) or t.head.i == t.i:
                roots.append(t)
        return roots or [doc[first]]

    def _sentences(self, first: int, last: int) -> list[Span]:
        doc = self.doc
        sents = []
        sent = doc[first].sent
        while True:
            sents.append(sent)
            if sent.end >= last or sent.end >= len(doc):
                break
            sent = doc[sent.end].sent
        return sents

    def _covers_sentence(self, first: int, last: int) -> bool:
        sent = self.doc[first].sent
        words = [t for t in sent if not t.is_punct and not t.is_space]
        inside = [t for t in words if first <= t.i < last]
        return len(inside) >= 0.6 * len(words)

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS and token.lemma_.lower() != "be"


def _is_speech_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lower_ in SPEECH_NOUNS

