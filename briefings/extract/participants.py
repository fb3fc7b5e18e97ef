"""Participants: each person, organisation and place once, by canonical name, typed, with role.

spaCy gives mentions; the stages live in their own modules and this one runs them in order:
mentions (cleaned names, missed mentions added, non-names dropped) → entity_types (evidence
for each mention's type) → clustering (one cluster per entity, canonical names) → typing
of clusters → roles; then salience orders them. `Participants` is what the quote and
key-point extractors read: the clusters with a token → participant map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import PEERAGE
from ..model import Participant
from .clustering import canonical_name, cluster_mentions, join_defined
from .entities import Cluster, Mention
from .entity_types import (
    cluster_type,
    is_club,
    is_stray_word,
    org_by_apposition,
    relabel_named_people,
    relabel_people,
    speech_count,
    weigh_evidence,
)
from .mentions import ENTITY_LABELS, clean_mention, defined_acronyms, fold, join_split_bodies
from .missed_names import untagged_name_mentions
from .not_participants import (
    drop_common_words,
    is_work_or_award,
    mere_modifiers,
    of_a_work,
    played,
    plural_pairs,
    products,
    thing_by_its_neighbours,
)
from .roles import find_role, roles_from_descriptions

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Cluster", "Mention", "Participants", "find_participants", "fold"]


class Participants:
    """The participants of one Doc, with a token → participant map for speaker lookup."""

    def __init__(self, clusters: list[Cluster]):
        self.clusters = clusters
        self._by_token: dict[int, Cluster] = {}
        for cluster in clusters:
            for mention in cluster.mentions:
                for i in range(mention.start, mention.end):
                    self._by_token[i] = cluster

    def add(self, cluster: Cluster) -> None:
        """One more participant, found after the fact (a speaker the model missed): it takes
        the tokens of its mentions that no participant holds yet."""
        self.clusters.append(cluster)
        for mention in cluster.mentions:
            for i in range(mention.start, mention.end):
                self._by_token.setdefault(i, cluster)

    def at(self, token_index: int) -> Cluster | None:
        return self._by_token.get(token_index)

    def in_span(self, start: int, end: int) -> Cluster | None:
        """The participant whose mention is in tokens [start, end), preferring people."""
        found = [self._by_token[i] for i in range(start, end) if i in self._by_token]
        people = [c for c in found if c.type == "PERSON"]
        return (people or found or [None])[0]

    def mentions_before(self, token_index: int) -> list[tuple[Mention, Cluster]]:
        """Every mention starting before the token, nearest first."""
        pairs = [(m, c) for c in self.clusters for m in c.mentions if m.start < token_index]
        return sorted(pairs, key=lambda pair: -pair[0].start)

    def to_list(self) -> list[Participant]:
        out = []
        for cluster in self.clusters:
            aliases = sorted(
                {m.text for m in cluster.mentions if m.text != cluster.name and not m.demonym}
                | {m.text for m in cluster.mentions if m.demonym}
            )
            out.append(
                Participant(
                    name=cluster.name,
                    type=cluster.type,
                    role=cluster.role,
                    nationality=cluster.nationality,
                    aliases=aliases,
                    mentions=len(cluster.mentions),
                )
            )
        return out


def find_participants(doc: Doc) -> Participants:
    mentions = [m for ent in doc.ents if ent.label_ in ENTITY_LABELS for m in clean_mention(ent)]
    mentions = defined_acronyms(doc, mentions)
    weigh_evidence(doc, mentions)
    mentions += untagged_name_mentions(doc, mentions)
    works = [m for m in mentions if is_work_or_award(doc, m)]
    # "retrieve a Jeep … waited in the Jeep": a name the text showed to be a thing stays one.
    things = {m.text for m in works if not m.place and thing_by_its_neighbours(doc, m)}
    mentions = [
        m
        for m in mentions
        if m not in works
        and not of_a_work(doc, m, works)
        and not (m.text in things and not m.evidence and not m.honorific)
    ]
    mentions = drop_common_words(doc, mentions)
    weigh_evidence(doc, mentions)
    relabel_people(mentions)
    relabel_named_people(doc, mentions)
    mentions = join_split_bodies(doc, mentions)
    clusters = cluster_mentions(doc, mentions)
    clusters = join_defined(doc, clusters)
    for cluster in clusters:
        cluster.type = cluster_type(cluster)
        placed = any(m.evidence in ("in", "place noun", "hometown") for m in cluster.mentions)  # "in Quito"
        if (
            cluster.type in ("GPE", "LOC", "PERSON")
            and not placed
            and (is_club(doc, cluster) or org_by_apposition(doc, cluster))
        ):
            cluster.type = "ORG"
        cluster.name = canonical_name(cluster)
        if cluster.type == "PERSON" and len(cluster.name.split()) == 1:
            peer = next(
                (doc[m.start - 1].text for m in cluster.mentions if m.start > 0 and doc[m.start - 1].text in PEERAGE),
                None,
            )
            if peer:
                cluster.name = f"{peer} {cluster.name}"  # "Lord Bach": a peer's title is part of the name
        if cluster.type == "PERSON":
            cluster.role, cluster.nationality = find_role(doc, cluster)
    clusters = _merge_same_names(doc, clusters)
    roles_from_descriptions(doc, clusters)
    things = plural_pairs(clusters) | products(doc, clusters)
    clusters = [
        c
        for c in clusters
        if c.type in ("PERSON", "ORG", "GPE", "LOC")
        and not is_stray_word(doc, c)
        and id(c) not in things
        and not mere_modifiers(doc, c)
        and not played(doc, c)
    ]
    # Salience: how often named, a named speaker's words counting as one more mention each, then
    # who comes first.
    clusters.sort(key=lambda c: (-(len(c.mentions) + speech_count(doc, c)), c.first))
    return Participants(clusters)


def _merge_same_names(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Two clusters that came out with one canonical name are one entity ("IPCL" tagged GPE
    beside "India Petrochemicals Limited (IPCL)"); the first named keeps its type unless the
    merged mentions make it a person."""
    by_name: dict[str, Cluster] = {}
    kept = []
    for cluster in sorted(clusters, key=lambda c: c.first):
        target = by_name.get(fold(cluster.name))
        if target is None:
            by_name[fold(cluster.name)] = cluster
            kept.append(cluster)
            continue
        target.mentions = sorted(target.mentions + cluster.mentions, key=lambda m: m.start)
        if cluster.type == "PERSON" and target.type != "PERSON" and cluster_type(target) == "PERSON":
            target.type = "PERSON"
        if target.type == "PERSON" and not target.role:
            target.role, target.nationality = find_role(doc, target)
    return kept
