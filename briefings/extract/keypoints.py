"""Key points: the few sentences a busy reader needs, trimmed as an editor would trim them.

News puts what matters first, so position carries most of the weight, but a feature's
opening line is often a hook and a wire story's third sentence often a detail. Over a
parsed Doc:
1. candidates: whole story sentences (sentence_form.py) from the first MAX_CANDIDATES,
   never a question, never a cue with a quotation that says nothing alone;
2. each candidate is scored: its rank, less a few places when it is unspecific (names
   no participant, gives no figure), plus its lexical centrality (keypoint_features.py),
   with the two weights fitted on news highlights (keypoint_weights.py, written by
   bench/keypoints_cv.py);
3. the best are taken in turn, skipping one that repeats a point already taken and one
   that leans on what came before ("But …", "He …") unless what it leans on is a point
   already taken and earlier in the article;
4. the points are listed in the article's order, which is the editor's order of
   importance (the lede first, every point after what it leans on), each trimmed
   (trim.py), the untrimmed sentence kept in KeyPoint.original.
Boilerplate is cut before the parse (the clean stage, briefings/clean); what survives
inside a sentence fails the form tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import KeyPoint, Quote
from .keypoint_features import Candidate, candidate, content_lemmas, set_centrality
from .keypoint_weights import CENTRALITY, UNSPECIFIC
from .participants import Participants
from .sentence_form import cue_only, glued_clause, glued_label, is_question, is_story_sentence
from .trim import trim

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_key_points", "candidates", "glued_clause", "glued_label", "is_story_sentence", "content_lemmas"]

MAX_CANDIDATES = 30  # the lede region; later sentences rarely matter and cost time
REDUNDANT = 0.5  # lemma overlap (Jaccard) above which a sentence repeats a chosen one


def find_key_points(
    doc: Doc, participants: Participants, count: int = 3, quotes: Sequence[Quote] = ()
) -> list[KeyPoint]:
    """The `count` most important sentences, in article order (score: how each was chosen)."""
    if count <= 0:
        return []
    found = candidates(doc, participants, quotes)
    for c in found:
        c.score = score(c)
    chosen = sorted(choose(found, count, participants), key=lambda c: c.index)
    return [
        KeyPoint(text=trim(c.sent), position=c.index, score=round(c.score, 4), original=" ".join(c.sent.text.split()))
        for c in chosen
    ]


def candidates(doc: Doc, participants: Participants, quotes: Sequence[Quote] = ()) -> list[Candidate]:
    """The sentences that may be key points, described by their features."""
    quoted = [(q.start, q.end) for q in quotes]
    found: list[Candidate] = []
    for index, sent in enumerate(s for s in doc.sents if s.text.strip()):
        if len(found) == MAX_CANDIDATES:
            break
        if is_story_sentence(sent) and not is_question(sent) and not cue_only(sent, quoted):
            found.append(candidate(sent, index, len(found), participants))
    if found:
        set_centrality(found)
    return found


def score(c: Candidate, unspecific: float = UNSPECIFIC, centrality: float = CENTRALITY) -> float:
    """Higher is more important; in places of rank: each weight says how many places a
    feature is worth."""
    return -c.rank - (unspecific if c.unspecific else 0.0) + centrality * c.centrality


def choose(found: list[Candidate], count: int, participants: Participants) -> list[Candidate]:
    """Up to `count` candidates, best first, none repeating another, none leaning on a
    sentence the reader is not shown before it."""
    order = sorted(found, key=lambda c: (-c.score, c.index))
    chosen: list[Candidate] = []
    while len(chosen) < count:
        taken = {id(c) for c in chosen}
        pick = next(
            (
                c
                for c in order
                if id(c) not in taken
                and _stands_with(c, chosen, participants)
                and not any(_jaccard(c, other) > REDUNDANT for other in chosen)
            ),
            None,
        )
        if pick is None:
            break
        chosen.append(pick)  # rescanning from the top lets a sentence in once what it leans on is
    return chosen


def _stands_with(c: Candidate, chosen: list[Candidate], participants: Participants) -> bool:
    """Whether the sentence reads right after the points already chosen."""
    if c.leans is None or any(other.index == c.index - 1 for other in chosen):
        return True
    if c.leans != "person":
        return False  # "But …", "It …", "They …": only right after the sentence they follow
    named = next(
        (cluster.name for _, cluster in participants.mentions_before(c.sent.start) if cluster.type == "PERSON"), None
    )  # "He" is the person last named
    return named is not None and any(named in other.names and other.index < c.index for other in chosen)


def _jaccard(a: Candidate, b: Candidate) -> float:
    sa, sb = set(a.lemmas), set(b.lemmas)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0
