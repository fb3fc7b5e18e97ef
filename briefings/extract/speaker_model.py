"""A learned choice of speaker for the quotes whose cue names nobody the rules can resolve.

When a cue names its speaker ("Mr Clarke said", "she said" with one woman in reach), the rules
(cues.py, speakers.py) decide. Where they cannot (a quote with no cue of its own, a verb whose
subject the parse lost, a fragment in a paraphrase), a reader still weighs who was just quoted,
who is the subject nearby, whom a "he" can be and who is only spoken *to*. This module scores each
person and organisation of the article, and "nobody we can name", by a dot product of such
features with weights fitted on PolNeAR's train split by bench/train_speakers.py, and keeps the
best. The weights ship as plain JSON beside this file (no pickle, no scikit-learn at run time);
the file is part of the extraction cache key (cache.py hashes extract/*.json), and without it
those quotes keep no speaker.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..lexicon import SAYING_VERBS
from .cues import Attribution
from .participants import Cluster, Participants
from .speakers import Speakers, determiner

if TYPE_CHECKING:
    from spacy.tokens import Doc

WEIGHTS = Path(__file__).with_name("speaker_weights.json")
SUBJECTS = ("nsubj", "nsubjpass")
# A mention that is the object of these is who the words went to, not who said them.
_ADDRESSING = SAYING_VERBS | {"send", "write", "brief", "advise", "warn", "ask", "tell", "inform", "address"}
Features = dict[str, float]


@dataclass
class Attributed:
    """A kept quote and what the rules found for it."""

    first: int  # its tokens [first, last)
    last: int
    paragraph: int
    words: int
    found: Attribution
    partial: bool = False  # a fragment inside a sentence that is not quoted as a whole


@lru_cache(maxsize=4)
def load_weights(path: Path = WEIGHTS) -> dict[str, float] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))["weights"]
    except (OSError, ValueError, KeyError):
        return None


def needs_model(found: Attribution) -> bool:
    """A quote the rules leave without a speaker although its cue does not say that nobody we
    can name spoke it ("an official said", "she was warned that": those stay None)."""
    return found.speaker is None and not found.unnamed


def choose(options: list[tuple[Cluster | None, Features]], weights: dict[str, float]) -> Cluster | None:
    """The candidate with the highest score; ties go to the earlier one (article order), so the
    result never depends on dictionary order."""
    best, best_score = None, float("-inf")
    for cluster, features in options:
        score = sum(weights.get(name, 0.0) * value for name, value in features.items())
        if score > best_score + 1e-9:
            best, best_score = cluster, score
    return best


def candidates(
    doc: Doc, participants: Participants, speakers: Speakers, quotes: list[Attributed]
) -> dict[int, list[tuple[Cluster | None, Features]]]:
    """For each quote that needs the model (by index), its candidate speakers with their
    features: every person and organisation of the article, then None ("nobody we can name")."""
    out: dict[int, list[tuple[Cluster | None, Features]]] = {}
    context = None
    quoted_before: dict[int, int] = {}  # quotes the rules gave each candidate so far
    for k, quote in enumerate(quotes):
        if needs_model(quote.found):
            context = context or _Context(doc, participants, speakers)
            previous = quotes[k - 1] if k else None
            following = quotes[k + 1] if k + 1 < len(quotes) else None
            pool = [c for c in context.people if context.can_be(c, quote.found.subject)]
            recency = context.recency(pool, quote.first)
            pronoun = context.antecedents(pool, quote.found.subject)
            options = [(c, context.features(c, quote, previous, following, recency, pronoun)) for c in pool]
            for c, f in options:
                f[f"quoted_before:{min(quoted_before.get(id(c), 0), 3)}"] = 1.0
            options.append((None, context.null_features(quote)))
            out[k] = options
        if quote.found.speaker is not None:
            quoted_before[id(quote.found.speaker)] = quoted_before.get(id(quote.found.speaker), 0) + 1
    return out


class _Context:
    """What the features of one Doc need, computed once: sentence numbers, mentions by person."""

    def __init__(self, doc: Doc, participants: Participants, speakers: Speakers):
        self.doc = doc
        self.speakers = speakers
        self.quoted = speakers.quoted
        starts = [s.start for s in doc.sents]
        self.sentence = [bisect.bisect_right(starts, i) - 1 for i in range(len(doc))]
        self.people = [c for c in participants.clusters if c.type in ("PERSON", "ORG") or speakers.is_person(c)]
        self.salience = {id(c): rank for rank, c in enumerate(participants.clusters)}
        self.heads = {id(c): [_head(doc, m.start, m.end) for m in c.mentions] for c in participants.clusters}

    def can_be(self, cluster: Cluster, subject: int) -> bool:
        """Whether the cue's subject can name this candidate: "she" is never a man or a body."""
        gender = _pronoun_gender(self.doc, subject)
        if gender not in ("m", "f"):
            return True
        if not (cluster.type == "PERSON" or self.speakers.is_person(cluster)):
            return False
        return self.speakers.gender(cluster) in (gender, None)

    def recency(self, pool: list[Cluster], first: int) -> dict[int, int]:
        """Rank of each candidate by its last mention before the quote (0: the nearest)."""
        last = []
        for c in pool:
            before = [h.i for h in self.heads.get(id(c), []) if h.i < first and h.i not in self.quoted]
            if before:
                last.append((-max(before), id(c)))
        return {key: rank for rank, (_, key) in enumerate(sorted(last))}

    def antecedents(self, pool: list[Cluster], pronoun: int) -> dict[str, dict[int, int]]:
        """For a "he"/"she" cue subject: each person's rank among those it can refer to, by their
        last mention before it ("any") and by their last mention as a subject ("subject")."""
        gender = _pronoun_gender(self.doc, pronoun)
        if gender not in ("m", "f"):
            return {}
        ranks = {}
        for label, only_subjects in (("any", False), ("subject", True)):
            last = []
            for c in pool:
                if not (c.type == "PERSON" or self.speakers.is_person(c)) or self.speakers.gender(c) not in (
                    gender,
                    None,
                ):
                    continue
                before = [
                    h.i
                    for h in self.heads.get(id(c), [])
                    if h.i < pronoun and h.i not in self.quoted and (not only_subjects or h.dep_ in SUBJECTS)
                ]
                if before:
                    last.append((-max(before), id(c)))
            ranks[label] = {key: rank for rank, (_, key) in enumerate(sorted(last))}
        return ranks

    def features(
        self,
        cluster: Cluster,
        quote: Attributed,
        previous: Attributed | None,
        following: Attributed | None,
        recency: dict[int, int],
        pronoun: dict[str, dict[int, int]],
    ) -> Features:
        doc, found = self.doc, quote.found
        f: Features = {"bias": 1.0, f"type:{_type(cluster, self.speakers)}": 1.0}
        for kind, speaker in found.evidence.items():
            if speaker is cluster:
                f[f"cue:{kind}"] = 1.0
        for label, ranks in pronoun.items():
            f[f"antecedent_{label}:{min(ranks.get(id(cluster), 3), 3)}"] = 1.0
        first_sent, last_sent = self.sentence[quote.first], self.sentence[max(quote.last - 1, quote.first)]
        before, after = None, None
        for head in self.heads.get(id(cluster), []):
            if quote.first <= head.i < quote.last:
                f["mentioned_inside"] = 1.0
                continue
            if head.i in self.quoted:
                continue
            sent = self.sentence[head.i]
            if head.i < quote.first:
                before = first_sent - sent if before is None else min(before, first_sent - sent)
            elif after is None:
                after = sent - last_sent
            if first_sent - 1 <= sent <= last_sent:
                if head.dep_ in SUBJECTS:
                    f["subject_near"] = 1.0
                    if head.head.lemma_.lower() in SAYING_VERBS:
                        f["speech_subject_near"] = 1.0
                if _addressed(head):
                    f["addressed_near"] = 1.0
        f[f"before:{_bucket(before)}"] = 1.0
        f[f"after:{_bucket(after)}"] = 1.0
        f[f"recency:{min(recency.get(id(cluster), 9), 3)}"] = 1.0
        f[f"salience:{min(self.salience.get(id(cluster), 9), 3)}"] = 1.0
        if previous is not None and previous.found.speaker is cluster:
            f["previous:" + str(min(quote.paragraph - previous.paragraph, 2))] = 1.0
        f[f"mentions:{_bucket(len(cluster.mentions))}"] = 1.0
        if following is not None and following.found.speaker is cluster and following.paragraph - quote.paragraph <= 1:
            f["next"] = 1.0
        if found.subject >= 0:
            subject = doc[found.subject]
            if any(self.speakers.participants.at(t.i) is cluster for t in subject.subtree if t.i != subject.i):
                f["in_subject"] = 1.0  # "Clinton aides said", "a spokesman for the ministry"
            if subject.pos_ == "NOUN" and cluster.role and subject.lemma_.lower() in cluster.role.lower().split():
                f["role_is_subject"] = 1.0  # "the senator said" and the article's one senator
        gender = _pronoun_gender(doc, found.subject)
        if gender:
            known = (
                self.speakers.gender(cluster) if cluster.type == "PERSON" or self.speakers.is_person(cluster) else "n"
            )
            f["gender:" + ("agree" if known == gender else "unknown" if known is None else "conflict")] = 1.0
        return f

    def null_features(self, quote: Attributed) -> Features:
        found = quote.found
        f: Features = {
            "null": 1.0,
            f"null:{found.kind}": 1.0,
            f"null_subject:{_subject_kind(self.doc, found.subject)}": 1.0,
        }
        if quote.words < 4:
            f["null:short"] = 1.0
        if found.subject >= 0 and self.doc[found.subject].pos_ == "NOUN":
            f[f"null_determiner:{determiner(self.doc[found.subject])}"] = 1.0
        return f


def _head(doc: Doc, start: int, end: int):
    """The token of a mention whose head lies outside it."""
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            return t
    return doc[end - 1]


def _addressed(token) -> bool:
    """ "told Prelogar", "a letter to Thatcher", "she was warned": the words went to this one."""
    if token.dep_ in ("dobj", "dative", "iobj") and token.head.lemma_.lower() in _ADDRESSING:
        return True
    if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in _ADDRESSING:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "to":
        verb = token.head.head
        return verb.lemma_.lower() in _ADDRESSING or verb.pos_ == "NOUN"
    return False


def _type(cluster: Cluster, speakers: Speakers) -> str:
    if cluster.type == "ORG" and speakers.is_person(cluster):
        return "PERSON_LIKE"
    return cluster.type


def _subject_kind(doc: Doc, i: int) -> str:
    if i < 0:
        return "none"
    token = doc[i]
    if token.lower_ in ("he", "she"):
        return "he_she"
    if token.pos_ == "PRON":
        return "other_pronoun"
    if token.pos_ == "PROPN":
        return "name"
    return "noun"


def _pronoun_gender(doc: Doc, i: int) -> str | None:
    if i < 0:
        return None
    return {"he": "m", "she": "f", "it": "n"}.get(doc[i].lower_)


def _bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    return str(distance) if distance <= 2 else "3-5" if distance <= 5 else "6+"
