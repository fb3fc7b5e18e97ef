"""Speech cues: the verb, noun, label or punctuation that says who spoke a quote.

Strongest evidence first (see `Cues.attribute`):

1. a transcript label inside it ("PENCE: …") or a dash after it ("…” ― Sonya Herridge");
2. the speech verb (or speech noun: "Trump's claim that …") that governs it in the parse,
   "X said", "said X", "X told reporters", "X, the Y, said", "X was quoted as saying";
3. any other speech verb in its sentence(s), nearest first; "according to X";
4. a colon cue: "X: “…”", or a sentence ending in a colon right before ("He said:");
5. for a fragment inside a paraphrase (`Gingrich dismissed Estonia as the “suburbs of …”`),
   the subject of the verb it hangs from;
6. a speech verb in the short sentence right after it (“…” Then he added.).

A cue's subject becomes a participant in speakers.py (names, pronouns by gender, nouns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import NAMING_VERBS, REPORTING_VERBS, SAYING_NOUNS, SAYING_VERBS
from .participants import Cluster
from .quote_marks import QuoteSpan
from .speakers import Speakers, unnamed_person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_DASHES = "―—–-"
_LABEL = re.compile(r"\s*([A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3})\s*:\s")
_DASH_NAME = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4})")


@dataclass
class Attribution:
    speaker: Cluster | None = None
    cue: str | None = None
    strength: int = 0  # 2: a speech cue; 1: the subject of a paraphrase's verb; 0: none
    direct: bool = False  # the cue governs the quote in the parse
    hops: int = 0  # how far up the parse the cue is from the quote (1: the quote is its object)
    naming: bool = False  # the cue names something: "called the winner “Miss Piggy”"
    at: int = -1  # the cue's token
    kind: str = "none"  # which rule found it: "label", "governor", "nearby", … (a speaker model's feature)
    subject: int = -1  # the token of the cue's subject ("he", "Trump", "the spokesman"), or -1
    evidence: dict[str, Cluster] = field(default_factory=dict)  # every cue's speaker, by kind
    # The cue says the words are someone's the article does not name: "she was warned that …",
    # "an official said", "the man shouted". Nobody is credited with them.
    unnamed: bool = False


class Cues:
    """The speech cues of one Doc's quotes."""

    def __init__(self, doc: Doc, text: str, quoted: set[int], speakers: Speakers):
        self.doc = doc
        self.text = text
        self.quoted = quoted
        self.speakers = speakers

    def attribute(self, span: QuoteSpan, first: int, last: int) -> Attribution:
        """The strongest cue's attribution; every cue found, strong or weak, in its `evidence`."""
        found = self._evidence(span, first, last)
        evidence = {kind: f.speaker for kind, f in found.items() if f is not None and f.speaker is not None}
        for kind in ("label", "dash", "governor", "paraphrase"):
            if found.get(kind):
                return _kind(found[kind], kind, evidence)
        fallback, nearby = found.get("unresolved"), found.get("nearby")
        if nearby and (nearby.speaker is not None or fallback is None):
            return _kind(nearby, "nearby", evidence)
        for kind in ("according", "colon", "unresolved", "after"):
            if found.get(kind):
                return _kind(found[kind], kind, evidence)
        last_paraphrase = found.get("paraphrase_unresolved")
        return _kind(last_paraphrase, "paraphrase", evidence) if last_paraphrase else Attribution(evidence=evidence)

    def _evidence(self, span: QuoteSpan, first: int, last: int) -> dict[str, Attribution | None]:
        doc = self.doc
        found: dict[str, Attribution | None] = {"label": self._label(span), "dash": self._dash(span)}
        roots = self._roots(first, last)
        # A whole statement belongs to the first speech verb over it, named or not ("He said the
        # man shouted: “…”"); a fragment may sit in reported speech whose own subject is a thing
        # (`Holm said the ad “unmistakably and wrongfully” suggests …`): look further up for it.
        statement = (
            self.text[span.start : span.end].rstrip().endswith((".", "?", "!"))
            or len(self.text[span.start : span.end].split()) >= 8
        )
        # the speech verb or noun that governs the quote
        found["governor"] = _first(self._governor(root, speech=True, resolved=not statement) for root in roots)
        found["unresolved"] = _first(self._governor(r, speech=True, resolved=False) for r in roots)
        if not self.covers_sentence(first, last):
            for root in roots:  # `dismissed Estonia as the “suburbs of St. Petersburg”`
                paraphrase = self._governor(root, speech=False)
                found["paraphrase_unresolved"] = paraphrase
                if paraphrase and paraphrase.speaker is not None:
                    found["paraphrase"] = paraphrase
                    break
        sentences = self._sentences(first, last)
        found["nearby"] = self._nearby_verb(sentences, first, last)
        found["according"] = self._according_to(sentences)
        found["colon"] = self._colon(first)
        if sentences[-1].end < len(doc):
            nxt = doc[sentences[-1].end].sent
            if "\n" not in self.text[span.end : nxt.start_char] and len(nxt) <= 30:
                after = self._nearby_verb([nxt], first, last)
                # not when the verb introduces a quote of its own ("X added, “…”") or says
                # something else ("But Mark Oaten accused Mr Clarke of …")
                if (
                    after
                    and not any(t.i in self.quoted for t in nxt if t.i > after.at)
                    and not _says_something_else(doc[after.at])
                ):
                    found["after"] = after
        return found

    def previous_subject(self, first: int) -> Attribution | None:
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
        return Attribution(speaker, None, 1, False, kind="previous_subject", subject=subject.i)

    # -- cues ---------------------------------------------------------------------------

    def _label(self, span: QuoteSpan) -> Attribution | None:
        """A transcript's speaker label: the turn's own ("Benjamin: Hello. …"), or one at the
        start of the quote ("“PENCE: Well, look, …”")."""
        if span.label is not None:
            cluster = self.speakers.by_name(self._tokens(*span.label))
            return Attribution(cluster, ":", 2, True, kind="label") if cluster else None
        m = _LABEL.match(self.text, span.start)
        if not m or m.end() > span.end:
            return None
        name = m.group(1)
        if not (name.isupper() or len(name.split()) >= 2) or len(name) < 2:
            return None
        cluster = self.speakers.by_name(self._tokens(m.start(1), m.end(1)))
        return Attribution(cluster, ":", 2, True, kind="label") if cluster else None

    def _dash(self, span: QuoteSpan) -> Attribution | None:
        """An attribution after a dash: "“…” ― Sonya Herridge"."""
        after = span.end
        while after < len(self.text) and self.text[after] in "”\"’'.,!? ":
            after += 1
        m = _DASH_NAME.match(self.text, after)
        if not m or after == span.end and self.text[after : after + 1] not in _DASHES:
            return None
        stop = re.compile(r"[\n“\"‘]").search(self.text, m.end(1))
        rest = self.text[m.end(1) : stop.start() if stop else len(self.text)]
        if len(rest.strip(" .,")) > 40:
            return None  # a dash inside a sentence, not a signature
        cluster = self.speakers.by_name(self._tokens(m.start(1), m.end(1)))
        return Attribution(cluster, "—", 2, True, kind="dash") if cluster else None

    def _governor(self, root: Token, speech: bool, resolved: bool = True) -> Attribution | None:
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
                        return Attribution(speaker, node.text, 2, True, steps, subject=owner.i)
                continue
            if node.pos_ not in ("VERB", "AUX"):
                continue
            if speech and not _is_speech_verb(node):
                continue
            subject = self._subject_of(node)
            # "she was warned that “…”": a cue whose speaker the sentence does not name
            passive = subject is None and speech and any(c.dep_ == "nsubjpass" for c in node.children)
            if subject is not None or passive:
                speaker = self.speakers.of_subject(subject) if subject is not None else None
                if speaker is not None or not resolved or not speech:
                    return Attribution(
                        speaker,
                        node.text,
                        2 if speech else 1,
                        True,
                        steps,
                        node.lemma_.lower() in NAMING_VERBS,
                        at=node.i,
                        subject=subject.i if subject is not None else -1,
                        unnamed=passive or speaker is None and unnamed_person(subject),
                    )
            elif not speech:
                return None
        return None

    def _nearby_verb(self, sentences: list[Span], first: int, last: int) -> Attribution | None:
        # not a verb in a clause the quote itself governs ("“That makes me smart,” when Clinton blasted him")
        verbs = [
            t
            for sent in sentences
            for t in sent
            if t.i not in self.quoted
            and _is_speech_verb(t)
            and not (t.dep_ in ("advcl", "relcl", "acl") and t.head.i in self.quoted)
        ]
        verbs.sort(key=lambda t: min(abs(t.i - first), abs(t.i - last)))
        first_found = None
        for verb in verbs:
            subject = self._subject_of(verb)
            if subject is not None:
                speaker = self.speakers.of_subject(subject)
                found = Attribution(
                    speaker,
                    verb.text,
                    2,
                    at=verb.i,
                    subject=subject.i,
                    unnamed=speaker is None and unnamed_person(subject),
                )
                if found.speaker is not None:
                    return found
                first_found = first_found or found
        return first_found

    def _according_to(self, sentences: list[Span]) -> Attribution | None:
        doc = self.doc
        for sent in sentences:
            for t in sent:
                if (
                    t.lower_ == "according"
                    and t.i + 1 < len(doc)
                    and doc[t.i + 1].lower_ == "to"
                    and t.i not in self.quoted
                ):
                    objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
                    speaker = self.speakers.of_subject(objects[0]) if objects else None
                    if speaker is None:
                        speaker = self.speakers.participants.in_span(t.i + 2, min(t.i + 8, sent.end))
                        if speaker is not None and speaker.type not in ("PERSON", "ORG"):
                            speaker = None
                    return Attribution(
                        speaker, "according to", 2, kind="according", subject=objects[0].i if objects else -1
                    )
        return None

    def _colon(self, first: int) -> Attribution | None:
        """ "Hewitt: “…”" — a name right before a colon that opens the quote."""
        doc = self.doc
        i = first - 1
        while i >= 0 and doc[i].is_punct and doc[i].text != ":":
            i -= 1
        if i >= 1 and doc[i].text == ":" and "\n" not in doc[i].text_with_ws:
            name = doc[i - 1]
            if (
                name.dep_ in ("dobj", "dative")
                and name.head.pos_ == "VERB"
                or name.dep_ == "pobj"
                and name.head.lower_ in ("to", "with")
                and name.head.head.pos_ == "VERB"
            ):
                return None  # "told Indonesian newspaper Kompas: “…”": whom the words went to
            cluster = self.speakers.participants.at(name.i)
            if cluster is not None and cluster.type in ("PERSON", "ORG"):
                return Attribution(cluster, ":", 2, True, kind="colon", subject=name.i)
            if name.pos_ == "PROPN":
                found = self.speakers.untagged_name(name)
                if found is not None:
                    return Attribution(found, ":", 2, True, kind="colon", subject=name.i)
        return None

    def reported_before(self, span: QuoteSpan, first: int, paragraphs: list[int]) -> Attribution | None:
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
            if found.speaker is not None:
                return _kind(found, "reported_before")
        # "Alito cut her off: “No, …”", "a spokesman for the Commission had this to say: “…”":
        # whoever the sentence is about introduces the quote
        subject = self._best_subject(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.i not in self.quoted:
            speaker = self.speakers.of_subject(subject)
            if speaker is not None and speaker.type in ("PERSON", "ORG"):
                return Attribution(speaker, ":", 2, True, kind="reported_before", subject=subject.i)
        return _kind(found, "reported_before") if found is not None else None

    # -- parse helpers ----------------------------------------------------------------------

    def _subject_of(self, verb: Token) -> Token | None:
        """The verb's subject, or the one it inherits: "saying" after "Trump boasted", "fear"
        after "led Dainis Ivans to", "was quoted as saying"."""
        node = verb
        if (
            verb.tag_ == "VBG"
            and verb.i > 0
            and self.doc[verb.i - 1].pos_ == "PROPN"
            and self.speakers.participants.at(verb.i - 1) is not None
            and verb.i - 1 not in self.quoted
        ):
            return self.doc[verb.i - 1]  # "footage of Hillary Clinton asking, “…”"
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
            # "He said the firm sold adapters …, adding: “…”": the parser may hang "adding" on
            # the reported clause; it is the reporting verb's subject that adds
            outer = verb.head
            while outer.dep_ in ("ccomp", "conj") and outer.head.i != outer.i and not _is_speech_verb(outer):
                outer = outer.head
            if outer is not verb.head and _is_speech_verb(outer):
                node = outer
        for depth in range(4):
            quoted_as = _quoted_as(node)
            if quoted_as is not None and quoted_as.i not in self.quoted:
                return quoted_as
            subject = self._best_subject(node)
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            agent = (
                next((c for c in agent.children if c.dep_ == "pobj" and c.i not in self.quoted), None)
                if agent
                else None
            )
            if subject is not None and subject.dep_ == "nsubjpass" and depth == 0 and node.lemma_.lower() != "quote":
                # The speech verb itself is passive: its subject is who the words went to or were
                # about ("she was warned that …", "Hoboken is considered an “Abbott district”").
                return agent
            if subject is not None:
                if subject.lower_ in ("it", "this", "that") and subject.dep_ == "nsubjpass":
                    return None
                return subject
            if agent is not None:
                return agent
            if node.dep_ == "acl" and node.head.pos_ == "PROPN" and node.head.i not in self.quoted:
                return node.head  # "footage of Trump saying, “…”"
            if node.dep_ == "xcomp":
                # "led Dainis Ivans to fear": the object; not "had this to say": a pronoun is a thing
                obj = next((c for c in node.head.children if c.dep_ == "dobj" and c.i not in self.quoted), None)
                if obj is not None and obj.i < node.i and obj.pos_ != "PRON":
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

    def _best_subject(self, verb: Token) -> Token | None:
        """The verb's subject; of two (the parser's "said Army Capt. Christian Pardo"), the person;
        after a quote or a comma, the name right after a verb of saying ("…,” said Fleming, “…",
        "The biggest reason, writes Beyer, is …"), however the parser hung it."""
        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return inverted
        # never a date ("Saturday at the convention Sen. Elizabeth Warren (D-MA) said", misparsed)
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and c.i not in self.quoted
            and not c.is_punct
            and c.ent_type_ not in ("DATE", "TIME")
        ]
        if len(subjects) > 1:
            people = [
                c
                for c in subjects
                if (cluster := self.speakers.participants.at(c.i)) is not None and cluster.type == "PERSON"
            ]
            return people[-1] if people else subjects[0]
        if subjects:
            return subjects[0]
        # the name right before a subjectless verb: "“Go back to Univision,” Trump barked" (the verb
        # taken for a noun), "Sen. Elizabeth Warren (D-MA) said"
        i = verb.i - 1
        if i > 0 and self.doc[i].text == ")":
            i = next((j - 1 for j in range(i - 1, max(i - 8, 0), -1) if self.doc[j].text == "("), i)
        before = self.doc[i] if i >= 0 else None
        if (
            before is not None
            and before.pos_ == "PROPN"
            and before.i not in self.quoted
            and (
                before.dep_ == "compound"
                and before.head.i == verb.i
                or i < verb.i - 1
                and (cluster := self.speakers.participants.at(i)) is not None
                and cluster.type == "PERSON"
            )
        ):
            return before
        return self._fronted_subject(verb)

    def _fronted_subject(self, verb: Token) -> Token | None:
        """ "“…,” Gene Sperling, a top outside Clinton adviser, said": the name between the
        quote and its verb, with its apposition, however the parser hung them."""
        doc = self.doc
        if not (verb.lemma_.lower() in REPORTING_VERBS and verb.i >= 4 and doc[verb.i - 1].text == ","):
            return None
        comma = next((i for i in range(verb.i - 2, max(verb.i - 14, 0), -1) if doc[i].text == ","), None)
        if comma is None or any(t.pos_ in ("VERB", "AUX") or t.i in self.quoted for t in doc[comma + 1 : verb.i - 1]):
            return None
        name, start = doc[comma - 1], comma - 1
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
        quote_before = start > 0 and doc[start - 1].text in ("”", '"', "’", "'")
        return name if name.pos_ == "PROPN" and name.i not in self.quoted and quote_before else None

    def _inverted_subject(self, verb: Token) -> Token | None:
        doc = self.doc
        if not (verb.lemma_.lower() in REPORTING_VERBS and 0 < verb.i < len(doc) - 1 and doc[verb.i - 1].is_punct):
            return None
        name = doc[verb.i + 1]
        while name.dep_ == "compound" and name.head.i > name.i:
            name = name.head  # "reports Corrie Driebusch": the name's last word
        if name.pos_ != "PROPN" or name.i in self.quoted or name.ent_type_ in ("DATE", "TIME"):
            return None  # not "Trump, in Kentucky, said Tuesday that …"
        if name.head.i == verb.i:
            return name if name.dep_ in ("advmod", "npadvmod", "attr", "dobj") else None
        # "…,” said Fleming, “can be …": the parser made the name the subject of the quote (but
        # in "Huhn said Fiorina “was …”" it is the quote's own subject)
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in self.quoted for c in verb.children):
            return None
        return name if name.dep_ == "nsubj" and name.head.i in self.quoted else None

    def _roots(self, first: int, last: int) -> list[Token]:
        roots = [
            t
            for t in self.doc[first:last]
            if not (t.is_punct or t.is_space) and (not first <= t.head.i < last or t.head.i == t.i)
        ]
        return roots or [self.doc[first]]

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

    def covers_sentence(self, first: int, last: int) -> bool:
        sent = self.doc[first].sent
        words = [t for t in sent if not t.is_punct and not t.is_space]
        inside = [t for t in words if first <= t.i < last]
        return len(inside) >= 0.6 * len(words)

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []


def _quoted_as(verb: Token) -> Token | None:
    """ "newspapers quote Salinas as saying": the one quoted spoke, not who quotes him."""
    if verb.lemma_.lower() != "quote" or not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _says_something_else(verb: Token) -> bool:
    """A verb after a quote that reports something of its own, not the quote: "But Mark Oaten
    accused Mr Clarke of avoiding …", "He said that …"."""
    if verb.sent[0].lower_ in ("but", "however", "meanwhile", "yet"):
        return True
    return any(
        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children)
        for c in verb.children
    )


def _kind(found: Attribution, kind: str, evidence: dict[str, Cluster] | None = None) -> Attribution:
    found.kind = kind
    if evidence is not None:
        found.evidence = evidence
    return found


def _first(items):
    return next((item for item in items if item), None)


def _is_speech_verb(token: Token) -> bool:
    if token.lemma_.lower() == "put" and token.pos_ == "VERB":  # "as the New York Times put it"
        return {("mark", "as"), ("dobj", "it")} <= {(c.dep_, c.lower_) for c in token.children}
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SAYING_VERBS and token.lemma_.lower() != "be"


def _is_speech_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lower_ in SAYING_NOUNS
