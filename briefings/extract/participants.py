"""Participants: each person, organisation and place once, by canonical name, typed, with role.

spaCy gives mentions; this module turns them into entities. Mentions are cleaned
(honorifics, possessives, stray "the"/"and"), joined into clusters (a surname joins the
full name seen in the article, a demonym joins its country, an acronym its expansion),
and each cluster takes its type from its most reliable mention, so the surname "Hague"
is not a city when William Hague is in the article.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Participant
from . import places
from .titles import HONORIFICS, is_title_word, is_title_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_EDGE_WORDS = {"the", "a", "an", "and", "or", "of", "'s", "’s", "'", "’", "-", "—", "–", ",", ".", ";", ":"}
_ACRONYM_SKIP = {"of", "the", "and", "for", "in", "on", "&", "to", "de"}


@dataclass
class Mention:
    start: int  # token indexes in the Doc
    end: int
    text: str  # cleaned surface form
    label: str  # PERSON, ORG, GPE, LOC after place lookup
    place: places.Place | None = None
    demonym: bool = False


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    name: str = ""
    type: str = ""
    role: str | None = None
    nationality: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


class Participants:
    """The participants of one Doc, with a token → participant map for speaker lookup."""

    def __init__(self, clusters: list[Cluster]):
        self.clusters = clusters
        self._by_token: dict[int, Cluster] = {}
        for cluster in clusters:
            for mention in cluster.mentions:
                for i in range(mention.start, mention.end):
                    self._by_token[i] = cluster

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
            aliases = sorted({m.text for m in cluster.mentions if m.text != cluster.name and not m.demonym}
                             | {m.text for m in cluster.mentions if m.demonym})
            out.append(Participant(
                name=cluster.name, type=cluster.type, role=cluster.role, nationality=cluster.nationality,
                aliases=aliases, mentions=len(cluster.mentions),
            ))
        return out


def find_participants(doc: Doc) -> Participants:
    mentions = [m for ent in doc.ents if ent.label_ in ENTITY_LABELS for m in clean_mention(ent)]
    mentions += untagged_name_mentions(doc, mentions)
    clusters = cluster_mentions(mentions)
    for cluster in clusters:
        cluster.type = cluster_type(cluster)
        cluster.name = canonical_name(cluster)
        if cluster.type == "PERSON":
            cluster.role, cluster.nationality = find_role(doc, cluster)
    clusters = [c for c in clusters if c.type in ("PERSON", "ORG", "GPE", "LOC")]
    clusters.sort(key=lambda c: (-len(c.mentions), c.first))
    return Participants(clusters)


# -- mentions -------------------------------------------------------------------------

def clean_mention(ent: Span) -> list[Mention]:
    """The cleaned mention(s) in an entity span; a "Japan-U.K." compound gives two."""
    tokens = list(ent)
    while tokens and (tokens[0].lower_ in _EDGE_WORDS or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in _EDGE_WORDS or tokens[-1].is_punct):
        tokens.pop()
    label = ent.label_
    if label == "PERSON":
        while tokens and (tokens[0].text.rstrip(".") in HONORIFICS or is_title_word(tokens[0].text)):
            tokens.pop(0)  # "Mr Hague", "President Obama": the title is a role, not the name
    if not tokens:
        return []
    text = _join(tokens)
    if label != "PERSON" and "-" in text:
        parts = [p for p in text.split("-") if p]
        found = [places.lookup(p) for p in parts]
        if len(parts) > 1 and all(found):
            return [Mention(tokens[0].i, tokens[-1].i + 1, p, "GPE", place=f, demonym=places.is_demonym(p))
                    for p, f in zip(parts, found)]
    place = places.lookup(text) if label != "PERSON" else None
    if place and not (place.ambiguous and label == "PERSON"):
        return [Mention(tokens[0].i, tokens[-1].i + 1, text, place.type, place=place, demonym=places.is_demonym(text))]
    if label == "NORP":
        return []  # "Democrats", "Muslims": groups, not participants
    if len(tokens) == 1 and is_title_word(text):
        return []  # "Shadow", "State": a piece of a title the model tagged as an entity
    if label == "FAC":
        label = "LOC"
    return [Mention(tokens[0].i, tokens[-1].i + 1, text, label)]


def untagged_name_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names of people the article states in full, where the small model missed a later
    mention ("Hague said" with no entity on "Hague")."""
    names = {fold(w) for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1
             for w in (m.text.split()[0], m.text.split()[-1])}
    tagged = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        if token.i not in tagged and token.pos_ == "PROPN" and token.text[:1].isupper() and fold(token.text) in names:
            found.append(Mention(token.i, token.i + 1, token.text, "PERSON"))
    return found


def _join(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return re.sub(r"\s+", " ", text)


def fold(text: str) -> str:
    """Key for comparing names: case, diacritics and dots ignored."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[.\s]+", " ", ascii_text).strip().lower()


# -- clustering -----------------------------------------------------------------------

def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}

    def add(key: str, mention: Mention) -> None:
        clusters.setdefault(key, Cluster()).mentions.append(mention)

    # Full names first: they are what surnames and honorific forms join.
    full_names = [m for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1]
    person_keys: list[tuple[str, list[str]]] = []
    for mention in full_names:
        words = fold(mention.text).split()
        key = _person_key(words, person_keys)
        if key is None:
            key = "PERSON:" + " ".join(words)
            person_keys.append((key, words))
        add(key, mention)

    other_names = {fold(m.text) for m in mentions if m.label != "PERSON" and not m.place}
    for mention in mentions:
        if mention.label == "PERSON" and len(mention.text.split()) > 1:
            continue
        if mention.place:
            add("PLACE:" + mention.place.name, mention)
            continue
        person = _person_for_single(mention, person_keys, clusters)
        if person:
            add(person, mention)
        elif mention.label == "PERSON" and fold(mention.text) not in other_names:
            add("PERSON:" + fold(mention.text), mention)
        else:
            # Same text, same entity, whatever label each mention got ("Royal Free" ORG and LOC;
            # a lone "Glasgow" tagged PERSON beside the city).
            add("NAME:" + fold(mention.text), mention)
    return _join_acronyms(list(clusters.values()))


def _person_key(words: list[str], known: list[tuple[str, list[str]]]) -> str | None:
    """An existing person this full name is another form of ("Barack Hussein Obama")."""
    for key, other in known:
        if words == other or (words[0] == other[0] and words[-1] == other[-1]):
            return key
    return None


def _person_for_single(mention: Mention, person_keys: list[tuple[str, list[str]]],
                       clusters: dict[str, Cluster]) -> str | None:
    """The full-name person a one-word mention refers to: surname first, then first name;
    with two candidates (Bill and Hillary Clinton) the one mentioned last before it."""
    word = fold(mention.text)
    for position in (-1, 0):
        candidates = [key for key, words in person_keys if words[position] == word]
        if len(candidates) > 1:
            def last_before(key: str) -> int:
                starts = [m.start for m in clusters[key].mentions if m.start < mention.start]
                return max(starts, default=-1)
            candidates.sort(key=last_before, reverse=True)
        if candidates:
            return candidates[0]
    return None


def _join_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """ "NSC" joins "National Security Council" when both are in the article."""
    by_initials: dict[str, Cluster] = {}
    for cluster in clusters:
        text = cluster.mentions[0].text
        if cluster.mentions[0].label == "ORG" and len(text.split()) > 1:
            initials = "".join(w[0] for w in text.split() if w.lower() not in _ACRONYM_SKIP and w[0].isalpha())
            by_initials.setdefault(initials.upper(), cluster)
    kept = []
    for cluster in clusters:
        text = cluster.mentions[0].text.replace(".", "")
        target = by_initials.get(text) if text.isupper() and 2 <= len(text) <= 6 else None
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
        else:
            kept.append(cluster)
    return kept


def cluster_type(cluster: Cluster) -> str:
    if any(m.label == "PERSON" and len(m.text.split()) > 1 for m in cluster.mentions):
        return "PERSON"
    if any(m.place for m in cluster.mentions):
        return next(m.place.type for m in cluster.mentions if m.place)
    # A lone word tagged PERSON in some mentions and a place or an organisation in others is
    # the place or organisation: a person would be named in full somewhere.
    labels = [m.label for m in cluster.mentions if m.label != "PERSON"] or [m.label for m in cluster.mentions]
    return Counter(labels).most_common(1)[0][0]


def canonical_name(cluster: Cluster) -> str:
    place = next((m.place for m in cluster.mentions if m.place), None)
    if place:
        return place.name
    forms = Counter(m.text for m in cluster.mentions)
    if cluster.type == "PERSON":
        full = [m.text for m in cluster.mentions if len(m.text.split()) > 1] or list(forms)
        return max(full, key=lambda t: (forms[t], len(t.split()), len(t)))
    # The longest spelled-out form: "National Security Council" over "NSC".
    return max(forms, key=lambda t: (not t.replace(".", "").isupper(), len(t.split()), forms[t], len(t)))


# -- roles ----------------------------------------------------------------------------

def find_role(doc: Doc, cluster: Cluster) -> tuple[str | None, str | None]:
    """(role, nationality) from the first mention that gives one."""
    for mention in sorted(cluster.mentions, key=lambda m: m.start):
        role, nationality = title_before(doc, mention.start)
        if not role:
            role = appositive_role(doc, mention)
        if role:
            return role, nationality
    return None, None


def title_before(doc: Doc, start: int) -> tuple[str | None, str | None]:
    """ "British Foreign Secretary William Hague" → ("Foreign Secretary", "British")."""
    i = start - 1
    # Walk over honorifics inside the title run ("Prime Minister Mr Abe" is rare but cheap).
    while i >= 0 and doc[i].text.rstrip(".") in HONORIFICS:
        i -= 1
    if i < 0 or not is_title_head(doc[i].text):
        return None, None
    first = i
    while first - 1 >= 0:
        token = doc[first - 1]
        if is_title_word(token.text) or (token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN")
                                         and not token.ent_type_ and not token.is_sent_start):
            first -= 1
        elif token.lower_ in ("of", "and", "for") and first - 2 >= 0 and doc[first - 2].text[:1].isupper() \
                and not doc[first - 2].ent_type_ in ("PERSON",):
            first -= 1
        else:
            break
    while first <= i and doc[first].lower_ in ("of", "and", "for"):
        first += 1
    role = doc[first:i + 1].text
    nationality = None
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.ent_type_ in ("NORP", "GPE") and places.lookup(before.text):
        nationality = before.text if places.is_demonym(before.text) else None
    if before is not None and before.ent_type_ == "ORG" and not nationality:
        org = _entity_before(doc, first)
        if org:
            role = f"{org} {role}"
    return role, nationality


def appositive_role(doc: Doc, mention: Mention) -> str | None:
    """ "NAME, the education secretary," or "The Shadow Secretary …, NAME, said"."""
    head = doc[mention.end - 1]
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.ent_type_ != "PERSON":
            span = doc[child.left_edge.i:child.right_edge.i + 1]
            if 1 <= len(span) <= 12 and any(is_title_head(t.text) or t.pos_ == "NOUN" for t in span):
                return _strip_det(span.text)
    if head.dep_ == "appos" and head.head.i < mention.start and is_title_head(head.head.text):
        title = head.head
        span = doc[title.left_edge.i:mention.start]
        text = _strip_det(span.text.rstrip(" ,"))
        if 1 <= len(text.split()) <= 12:
            return text
    return None


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an|The|A|An)\s+", "", text.strip(" ,;")).strip()


def _entity_before(doc: Doc, first: int) -> str | None:
    """The organisation that ends right before a title ("ExxonMobil CEO"), not one the
    title itself is part of ("the Trade and Industry Secretary")."""
    for ent in doc.ents:
        if ent.end == first and ent.label_ == "ORG":
            return _strip_det(re.sub(r"['’]s$", "", ent.text))
    return None
