"""He or she: a person's gender as the article states it, for resolving "he said" and "she said".

No coreference model runs offline here, so gender comes from what the text says of each person:
honorifics ("Mr", "Ms"), gendered words of office ("spokeswoman"), a list of common given names,
and failing those the pronouns the article uses in sentences about that person alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import FEMALE_HONORIFICS, FEMALE_PRONOUNS, FEMALE_WORDS, MALE_HONORIFICS, MALE_PRONOUNS, MALE_WORDS
from .first_names import gender_of_first_name
from .participants import Cluster, Participants

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Genders:
    """The gender of each participant of one Doc ("m", "f" or None), worked out once."""

    def __init__(self, doc: Doc, participants: Participants, quoted: set[int]):
        self.doc = doc
        self.participants = participants
        self.quoted = quoted
        self._known: dict[int, str | None] = {}

    def of(self, cluster: Cluster) -> str | None:
        key = id(cluster)
        if key not in self._known:
            self._known[key] = self._gender(cluster)
        return self._known[key]

    def _gender(self, cluster: Cluster) -> str | None:
        doc = self.doc
        votes = {"m": 0, "f": 0}
        for mention in cluster.mentions:
            if mention.start > 0:
                before = doc[mention.start - 1].text.rstrip(".").lower()
                if before in MALE_HONORIFICS:
                    votes["m"] += 2
                elif before in FEMALE_HONORIFICS:
                    votes["f"] += 2
        if votes["m"] != votes["f"]:
            return "m" if votes["m"] > votes["f"] else "f"
        role = f"{cluster.role or ''}".lower()
        words = set(re.findall(r"[a-z]+", role))
        if words & FEMALE_WORDS or "first lady" in role:
            return "f"
        if words & MALE_WORDS:
            return "m"
        first = cluster.name.split()[0] if len(cluster.name.split()) > 1 else None
        if first:
            by_name = gender_of_first_name(first)
            if by_name:
                return by_name
        return self._gender_from_pronouns(cluster)

    def _gender_from_pronouns(self, cluster: Cluster) -> str | None:
        """He or she, as the article itself refers to this person: the pronouns in the sentences
        that mention no other person, and in the sentence after each."""
        doc = self.doc
        person_at = {}
        for other in self.participants.clusters:
            if other.type == "PERSON":
                for m in other.mentions:
                    person_at[m.start] = other
        counts = {"m": 0, "f": 0}
        seen: set[int] = set()
        for mention in cluster.mentions:
            sent = doc[mention.start].sent
            if sent.start in seen:
                continue
            seen.add(sent.start)
            people = {id(c) for i, c in person_at.items() if sent.start <= i < sent.end}
            if people != {id(cluster)}:
                continue
            span = [t for t in sent if t.i > mention.start and t.i not in self.quoted]
            if sent.end < len(doc):
                nxt = doc[sent.end].sent
                if not any(nxt.start <= i < nxt.end for i in person_at):
                    span += [t for t in nxt if t.i not in self.quoted]
            for t in span:
                if t.lower_ in MALE_PRONOUNS:
                    counts["m"] += 1
                elif t.lower_ in FEMALE_PRONOUNS:
                    counts["f"] += 1
        if counts["m"] > 2 * counts["f"]:
            return "m"
        if counts["f"] > 2 * counts["m"]:
            return "f"
        return None
