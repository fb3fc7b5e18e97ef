"""Key points: the few sentences a busy reader needs.

News puts what matters first, so position is the strongest signal (Lead-3 is hard to
beat); centrality in the article and mentions of its main participants break ties and
push out filler ("The first dialogue was held last October."); a sentence too close to
one already chosen is skipped. Boilerplate never gets here: it is cut before the parse.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

from ..model import KeyPoint
from .participants import Participants

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MIN_WORDS = 6
MAX_WORDS = 80
REDUNDANT = 0.5  # lemma overlap (Jaccard) above which a sentence repeats a chosen one


def content_lemmas(sent: Span) -> list[str]:
    return [t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")]


def find_key_points(doc: Doc, participants: Participants, count: int = 3) -> list[KeyPoint]:
    sentences = [s for s in doc.sents if s.text.strip()]
    if not sentences or count <= 0:
        return []
    lemmas = [content_lemmas(s) for s in sentences]
    doc_freq = Counter(lemma for sent in lemmas for lemma in set(sent))
    main = {c.name for c in participants.clusters[:5]}

    scored = []
    for index, (sent, sent_lemmas) in enumerate(zip(sentences, lemmas)):
        words = sum(1 for t in sent if t.is_alpha)
        if words < MIN_WORDS or words > MAX_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        position = 1.0 / (1.0 + 0.35 * index)
        centrality = _centrality(sent_lemmas, doc_freq)
        people = {c.name for t in sent if (c := participants.at(t.i)) is not None} & main
        score = position + 0.6 * centrality + 0.08 * len(people) + (0.1 if words >= 12 else -0.15)
        scored.append((score, index, sent, set(sent_lemmas)))

    chosen: list[tuple[float, int, Span, set[str]]] = []
    for item in sorted(scored, key=lambda x: (-x[0], x[1])):
        if any(_jaccard(item[3], other[3]) > REDUNDANT for other in chosen):
            continue
        chosen.append(item)
        if len(chosen) == count:
            break
    return [KeyPoint(text=_clean(sent.text), position=index, score=round(score, 4))
            for score, index, sent, _ in chosen]


def _centrality(sent_lemmas: list[str], doc_freq: Counter) -> float:
    """How much of the article's recurring vocabulary the sentence carries (0..1)."""
    if not sent_lemmas:
        return 0.0
    recurring = sum(doc_freq[lemma] - 1 for lemma in set(sent_lemmas))
    return 1.0 - 1.0 / (1.0 + math.log1p(recurring) / 2)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _clean(text: str) -> str:
    return " ".join(text.split())
