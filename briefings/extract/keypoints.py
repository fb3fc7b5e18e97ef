"""Key points: the few sentences a busy reader needs.

News puts what matters first, so position is the strongest signal (Lead-3 is hard to
beat). On top of it: a sentence must be whole story text (captions, labels, promos and
glued fragments are never candidates), overlong sentences lose, sentences that carry the
article's recurring vocabulary, the words of its captions (a caption states what the
editor found most important) and its main participants gain, quoted speech loses a
little (a reader needs the fact, not the colour), and a sentence too close to one
already chosen is skipped. Boilerplate is cut before the parse (briefings/clean); the
forms of caption language a sentence may still carry come from there too, and this module
drops the sentences that carry them.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..clean.furniture import CAPTION_LANGUAGE as _CAPTION
from ..clean.furniture import CAPTION_LABEL_OPENING as _LABEL
from ..clean.furniture import SHOUTING as _SHOUTING
from ..model import KeyPoint, Quote
from .participants import Participants

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MIN_WORDS = 6
MAX_WORDS = 80
LONG_WORDS = 45  # past this a sentence loses score with every word
MAX_CANDIDATES = 30  # the lede region; later sentences rarely matter and cost time
REDUNDANT = 0.5  # lemma overlap (Jaccard) above which a sentence repeats a chosen one

POSITION_DECAY = 0.5  # position prior 1 / (1 + decay * rank)
W_CENTRAL = 0.05  # cosine with the rest of the article
W_CAPTION = 0.25  # cosine with the article's own captions
W_PEOPLE = 0.02  # per main participant named (at most two)
W_QUOTE = 0.10  # fully quoted speech
W_LONG = 0.02  # per word past LONG_WORDS
SHORT_WORDS = 12  # below this a sentence is rarely more than background ("The first dialogue was held last October.")
W_SHORT = 0.15

_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}

# A sentence ends in punctuation; a caption or label does not.
_ENDS = re.compile(r"[.!?…][\"'’”)\]]*$|[\"’”]$")
# Words that glue a caption onto a story sentence when they follow it: "… his wife Masters chairman …"
_GLUE_BEFORE_TAGS = {"NN", "NNS", "CD", "VBN", "JJ", "-RRB-"}
_NOT_GLUE_WORDS = {"so", "then", "now", "today", "while", "and", "but", "or", "that", "because"}
_OPEN_QUOTES = {"“", "‘", '"', "'", "``"}
_TITLE_SMALL = {"of", "a", "an", "the", "and", "for", "in", "to", "on"}  # inside a Title Case run
# Before a Title Case run these make it part of the sentence: "visited the White House: …",
# "the new Avengers: Age of Ultron movie".
_NOT_BEFORE_LABEL = {"DT", "IN", "PRP$", "POS", "TO", "CC", "WDT", "JJ", "JJR", "JJS"}
_CLOSE_QUOTES = {"”", "’", '"', "'", "''"}


@dataclass
class _Candidate:
    sent: Span
    index: int  # sentence index in the article
    rank: int  # index among candidates
    words: int
    lemmas: Counter = field(default_factory=Counter)
    score: float = 0.0


def find_key_points(doc: Doc, participants: Participants, count: int = 3,
                    quotes: Sequence[Quote] = ()) -> list[KeyPoint]:
    """The `count` most important sentences, by importance (KeyPoint.position keeps article order)."""
    if count <= 0:
        return []
    sentences = [s for s in doc.sents if s.text.strip()]
    candidates, captions = [], Counter()
    for index, sent in enumerate(sentences):
        lemmas = Counter(content_lemmas(sent))
        if not is_story_sentence(sent):
            if _CAPTION.search(sent.text) or _LABEL.search(sent.text.strip()) or not _ENDS.search(sent.text.strip()):
                captions.update(lemmas)
            continue
        if len(candidates) < MAX_CANDIDATES:
            words = sum(1 for t in sent if t.is_alpha)
            candidates.append(_Candidate(sent, index, len(candidates), words, lemmas))
    if not candidates:
        return []
    _score(candidates, captions, participants, quotes)
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.score, c.index)):
        if any(_jaccard(cand.lemmas, other.lemmas) > REDUNDANT for other in chosen):
            continue
        chosen.append(cand)
        if len(chosen) == count:
            break
    return [KeyPoint(text=_clean(c.sent.text), position=c.index, score=round(c.score, 4)) for c in chosen]


def content_lemmas(sent: Span) -> list[str]:
    return [t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop and t.pos_ in _CONTENT_POS]


def is_story_sentence(sent: Span) -> bool:
    """A whole sentence of story text: not a caption, label, promo or glued fragment."""
    text = sent.text.strip()
    words = sum(1 for t in sent if t.is_alpha)
    if words < MIN_WORDS or words > MAX_WORDS or not _ENDS.search(text):
        return False
    if _CAPTION.search(text) or _LABEL.search(text) or _SHOUTING.search(text):
        return False
    if text[0].islower() or not any(t.tag_ in _FINITE for t in sent):
        return False  # a fragment: starts mid-sentence or has no finite verb
    return glued_clause(sent) is None and glued_label(sent) is None


def glued_label(sent: Span) -> int | None:
    """Where a caption label starts inside the sentence ("… Peter O'Toole needed entertaining
    Fall of an Empire: The Story of …": a Title Case run and a colon right after a lower-case
    word, not a speaker's cue such as "told Barnes: 'She …'"), or None."""
    doc = sent.doc
    for colon in sent:
        if colon.text != ":" or colon.i + 1 >= sent.end or doc[colon.i + 1].text in _OPEN_QUOTES:
            continue
        start = colon.i
        while start - 1 > sent.start and (doc[start - 1].is_title or doc[start - 1].lower_ in _TITLE_SMALL):
            start -= 1
        while start < colon.i and not doc[start].is_title:
            start += 1  # the run starts with a capital, not with "of"
        before = doc[start - 1]
        if start < colon.i and start > sent.start and before.is_alpha and before.is_lower and before.whitespace_ \
                and before.tag_ not in _NOT_BEFORE_LABEL:
            return start
    return None


def glued_clause(sent: Span) -> int | None:
    """Where a second clause starts glued on without punctuation ("… with his wife Masters
    chairman Billy Payne talked …": a caption ran into the story), or None."""
    doc = sent.doc
    for u in sent[1:]:
        t = doc[u.i - 1]
        if not u.is_title or u.text == "I" or not t.whitespace_ or t.lower_ in _NOT_GLUE_WORDS:
            continue
        if t.tag_ not in _GLUE_BEFORE_TAGS or not (t.is_lower or t.like_num or t.text == ")"):
            continue
        subject = _subject_opened_by(u)
        if subject is None or subject.head.dep_ in ("relcl", "acl", "advcl", "ccomp", "csubj", "xcomp"):
            continue
        if t.dep_ == "compound" and t.head.i >= u.i:
            continue  # "security expert Manny Gomez": the noun belongs to the name
        if any(x.tag_ in _FINITE for x in doc[sent.start:t.i]):
            return u.i
    return None


def _subject_opened_by(u: Token) -> Token | None:
    w = u
    while w.dep_ not in ("nsubj", "nsubjpass") and w.head is not w and w.head.i > w.i and w.head.left_edge.i == u.i:
        w = w.head
    return w if w.dep_ in ("nsubj", "nsubjpass") and w.left_edge.i == u.i else None


def _score(candidates: list[_Candidate], captions: Counter, participants: Participants,
           quotes: Sequence[Quote]) -> None:
    doc_freq = Counter()
    for c in candidates:
        doc_freq.update(c.lemmas.keys())
    n = len(candidates)
    idf = {lemma: math.log((n + 1) / df) + 1 for lemma, df in doc_freq.items()}
    total = Counter()
    for c in candidates:
        total.update(c.lemmas)
    caption_vec = {k: v * idf.get(k, 1.0) for k, v in captions.items()}
    main = {c.name for c in participants.clusters[:3]}
    quoted = [(q.start, q.end) for q in quotes]
    for c in candidates:
        vec = {k: v * idf[k] for k, v in c.lemmas.items()}
        rest = {k: (v - c.lemmas.get(k, 0)) * idf[k] for k, v in total.items()}
        people = {p.name for t in c.sent if (p := participants.at(t.i)) is not None} & main
        c.score = (1.0 / (1.0 + POSITION_DECAY * c.rank)
                   + W_CENTRAL * _cosine(vec, rest)
                   + W_CAPTION * _cosine(vec, caption_vec)
                   + W_PEOPLE * min(len(people), 2)
                   - W_QUOTE * _quoted_share(c.sent, quoted)
                   - W_LONG * max(0, c.words - LONG_WORDS)
                   - (W_SHORT if c.words < SHORT_WORDS and not people else 0.0))


def _quoted_share(sent: Span, quoted: list[tuple[int, int]]) -> float:
    """The share of the sentence's characters inside a quote found by quotes.py, else by marks."""
    start, end = sent.start_char, sent.end_char
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in quoted)
    if not quoted:
        text = sent.text.strip()
        return 1.0 if text[:1] in _OPEN_QUOTES and text[-1:] in _CLOSE_QUOTES else 0.0
    return min(1.0, inside / max(1, end - start))


def _cosine(a: dict, b: dict) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _jaccard(a: Counter, b: Counter) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def _clean(text: str) -> str:
    return " ".join(text.split())
