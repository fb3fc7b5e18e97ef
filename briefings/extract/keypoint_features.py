"""What the key-point scorer knows about each candidate sentence.

Only evidence that carries from one news article to another:
- its rank among the candidates: news puts what matters first;
- whether it is specific: a statement of news names someone or something the article is
  about (one of its participants) or gives a figure or a date. A sentence that does
  neither ("As attempts to break a world record go, it was pretty impressive.") is a
  hook or a comment, not a key point;
- its lexical centrality: how much of the article's vocabulary it shares (tf-idf cosine
  with the other candidates), standardised within the article so that its weight means
  the same in a short wire story and a long feature.
How much each counts is in keypoint_weights.py, fitted by bench/keypoints_cv.py.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .sentence_form import opener_kind

if TYPE_CHECKING:
    from spacy.tokens import Span

    from .participants import Participants

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_FIGURES = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"}


@dataclass
class Candidate:
    sent: Span
    index: int  # sentence index in the article
    rank: int  # index among candidates
    lemmas: Counter = field(default_factory=Counter)
    names: frozenset = frozenset()  # participants named in it
    leans: str | None = None  # opener_kind: "person", "group", "previous" or None
    unspecific: bool = False  # names no participant, gives no figure or date
    centrality: float = 0.0  # standardised within the article
    score: float = 0.0


def content_lemmas(sent: Span) -> list[str]:
    return [t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop and t.pos_ in _CONTENT_POS]


def candidate(sent: Span, index: int, rank: int, participants: Participants) -> Candidate:
    names = frozenset(c.name for t in sent if (c := participants.at(t.i)) is not None)
    unspecific = not names and not any(e.label_ in _FIGURES for e in sent.ents)
    return Candidate(sent, index, rank, Counter(content_lemmas(sent)), names, opener_kind(sent), unspecific)


def set_centrality(candidates: list[Candidate]) -> None:
    """Each candidate's tf-idf cosine with the rest of the candidates, standardised."""
    doc_freq, total = Counter(), Counter()
    for c in candidates:
        doc_freq.update(c.lemmas.keys())
        total.update(c.lemmas)
    n = len(candidates)
    idf = {lemma: math.log((n + 1) / df) + 1 for lemma, df in doc_freq.items()}
    raw = []
    for c in candidates:
        vec = {k: v * idf[k] for k, v in c.lemmas.items()}
        rest = {k: (v - c.lemmas.get(k, 0)) * idf[k] for k, v in total.items()}
        raw.append(_cosine(vec, rest))
    mean = sum(raw) / n
    spread = math.sqrt(sum((v - mean) ** 2 for v in raw) / n)
    for c, value in zip(candidates, raw):
        c.centrality = (value - mean) / spread if spread > 1e-9 else 0.0


def _cosine(a: dict, b: dict) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
