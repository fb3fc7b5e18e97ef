"""Typing: whether a mention or a participant is a person, an organisation, a country/city or a place.

Why apart: the model's label is one guess per mention; the text holds better evidence
across the article ("Mr Spence" makes "Saxon Spence" a person, "Birmingham have confirmed"
makes the town its club, "Sibneft, a Russian oil company" an organisation). This module
weighs that evidence for mentions before clustering and for clusters after.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..lexicon import (
    CLUB_NOUNS,
    CLUB_SUFFIXES,
    GENERIC_ORG_HEADS,
    KIN_NOUNS,
    LOC_HEADS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    SAYING_VERBS,
    TRANSFER_WORDS,
)
from .entities import Mention
from .evidence import has_org_words, org_evidence, person_evidence, place_evidence, reads_as_a_name, speaks
from .first_names import gender_of_first_name
from .mentions import fold, propn_mask
from .titles import is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .entities import Cluster


def weigh_evidence(doc: Doc, mentions: list[Mention]) -> None:
    """Each mention's label corrected by what the words around it say (evidence.py): a person
    the model called an organisation or a place, an organisation or a place it called a person,
    a company it called a country, a town it called an organisation. The mention keeps the
    evidence, which outweighs the model's labels when its cluster is typed."""
    for m in mentions:
        if m.place:
            continue
        if m.label != "PERSON" and not has_org_words(m.text) and not org_evidence(doc, m):
            why = person_evidence(doc, m) or ("speaks" if speaks(doc, m) and reads_as_a_name(doc, m) else None)
            if why:
                m.label, m.evidence = "PERSON", why  # "Hadi Tjahnanto, a senior Indonesian air-force officer"
                continue
        if m.label == "PERSON":
            if (why := person_evidence(doc, m)) is not None:
                m.evidence = why
            elif (why := org_evidence(doc, m)) is not None:
                m.label, m.evidence = "ORG", why  # "Qualcomm (NASDAQ: QCOM)"
            elif (why := place_evidence(doc, m)) is not None:
                m.label, m.evidence = (
                    "LOC" if why in ("head", "land") else "GPE",
                    why,
                )  # "in São Paulo", "Mummy Mountain"
        elif m.label in ("GPE", "LOC"):
            if (why := org_evidence(doc, m)) is not None:
                m.label, m.evidence = "ORG", why  # "the AirAsia flight"
            elif (why := place_evidence(doc, m)) is not None:
                m.evidence = why
                if why == "land":
                    m.label = "LOC"  # "the island of Belitung"
        elif m.label == "ORG":
            if (why := org_evidence(doc, m) or ("speaks" if speaks(doc, m) else None)) is not None:
                m.evidence = why
            elif (why := place_evidence(doc, m)) in ("place noun", "in", "hometown", "land") and not has_org_words(
                m.text
            ):
                m.label, m.evidence = "GPE", why  # "the coastal town of Kumai", "in Edmonton"


def relabel_people(mentions: list[Mention]) -> None:
    """A name seen with "Mr"/"Mrs"/"Dr" somewhere is a person's, whatever the model said of its
    other mentions ("Saxon Spence" tagged ORG, then "Mrs Spence")."""
    surnames = {
        words[-1]
        for m in mentions
        if not m.place
        and (m.honorific or (m.label == "PERSON" and len(m.text.split()) > 1))
        and (words := fold(m.text).split())
    }
    # ("Dhiru Bhai Ambani" beside "Anil Ambani"; an honorific with no word after it has no surname)
    for m in mentions:
        if m.place or m.label == "PERSON" or (m.evidence and m.evidence not in _WEAK | {"org noun"}):
            continue  # "in São Paulo" stays a place though "São Paulo subway workers" was tagged a person
        words = fold(m.text).split()
        if m.honorific or (
            len(words) in (2, 3)
            and words[-1] in surnames
            and m.text[:1].isupper()
            and not any(w in ORG_NOUNS for w in words)
        ):
            m.label, m.evidence = "PERSON", "surname"  # "the CGA consultancy Jeanne-Marie Gescher" … "Mrs Gescher"


def relabel_named_people(doc: Doc, mentions: list[Mention]) -> None:
    """ "Gregory Vignal" tagged ORG is a person when it opens with a common given name and its
    surname stands alone elsewhere ("Vignal broke the deadlock"); a company named after its
    founder ("Thomas Cook") is seldom called by the surname alone."""
    for m in mentions:  # "Juninho's father", "Juninho's agent": only a person has kin or an agent
        if (
            m.label != "PERSON"
            and not m.place
            and m.end + 1 < len(doc)
            and doc[m.end].tag_ == "POS"
            and (doc[m.end + 1].lower_ in KIN_NOUNS or doc[m.end + 1].lower_ == "agent")
        ):
            m.label, m.kin = "PERSON", True
    candidates = [
        m
        for m in mentions
        if m.label != "PERSON"
        and not m.place
        and 2 <= len(m.text.split()) <= 3
        and all(w[:1].isupper() for w in m.text.split())
        and gender_of_first_name(m.text.split()[0].split("-")[0])
    ]  # "Jean-Pierre Jeunet"
    if not candidates:
        return
    propn = propn_mask(doc)
    orth = doc.to_array("ORTH")
    for m in candidates:
        surname = m.text.split()[-1]
        if surname.lower() in ORG_SUFFIXES or surname in GENERIC_ORG_HEADS | LOC_HEADS | CLUB_SUFFIXES:
            continue
        alone = any(
            not (i > 0 and propn[i - 1]) and not (i + 1 < len(doc) and propn[i + 1])
            for i in (orth == doc.vocab.strings[surname]).nonzero()[0]
            if propn[i]
        )
        head = doc[m.end - 1]
        kin = any(c.dep_ == "appos" and c.lemma_.lower() in KIN_NOUNS for c in head.children)
        if alone or kin:
            m.label = "PERSON"  # "Courtney Love, the widow of …"


_WEAK = {"speaks", "listed", "told"}  # a person or an organisation alike


def cluster_type(cluster: Cluster) -> str:
    # What the text says outweighs what the model guessed: "In Edmonton" over "Edmonton" tagged ORG,
    # "in São Paulo" over "São Paulo subway workers" tagged PERSON.
    # Weak evidence ("Franco and Rogen" listed with a company, "Pfannes said") yields to a full name.
    placed = any(m.place for m in cluster.mentions)
    strong = [m.label for m in cluster.mentions if m.evidence and m.evidence not in _WEAK and not placed]
    if strong:
        return Counter(strong).most_common(1)[0][0]
    if any(m.label == "PERSON" and (len(m.text.split()) > 1 or m.kin) for m in cluster.mentions):
        return "PERSON"
    weak = [m.label for m in cluster.mentions if m.evidence and not placed]
    if weak:
        return Counter(weak).most_common(1)[0][0]
    if any(m.place for m in cluster.mentions):
        return next(m.place.type for m in cluster.mentions if m.place)
    # A lone word tagged PERSON in some mentions and a place or an organisation in others is
    # the place or organisation: a person would be named in full somewhere.
    # A name in full says more than its acronym: "Ministry of Defence" ORG over "MoD" tagged GPE.
    mentions = [m for m in cluster.mentions if len(m.text.split()) > 1] or cluster.mentions
    labels = [m.label for m in mentions if m.label != "PERSON"] or [m.label for m in mentions]
    return Counter(labels).most_common(1)[0][0]


def is_club(doc: Doc, cluster: Cluster) -> bool:
    """A town's name standing for its sports club: "Birmingham have confirmed" (a plural verb
    after a singular name), "Birmingham manager Steve Bruce", "displays against West Brom".
    Countries stay countries (a national side is its country); people stay people unless a
    plural verb says otherwise."""
    if any(m.place or m.honorific for m in cluster.mentions):
        return False
    person = cluster.type == "PERSON"
    full_name = any(len(m.text.split()) > 1 and m.label == "PERSON" for m in cluster.mentions)
    for m in cluster.mentions:
        head = doc[m.end - 1]
        after = doc[m.end] if m.end < len(doc) else None
        if (
            head.dep_ in ("nsubj", "nsubjpass")
            and head.tag_ == "NNP"
            and not full_name
            and not any(c.dep_ == "conj" for c in head.children)
        ):
            verb = head.head
            aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            if verb.tag_ == "VBP" or any(a.tag_ == "VBP" for a in aux):
                return True
        if (
            after is not None
            and after.lower_ in CLUB_NOUNS
            and (not person or (m.end + 1 < len(doc) and doc[m.end + 1].ent_type_ == "PERSON"))
        ):
            return True  # "Sale Sharks prop Andrew Sheridan"
        if person:
            continue
        if after is not None and after.text == "," and m.end + 1 < len(doc) and doc[m.end + 1].lower_ == "who":
            return True  # "Manchester City, who are badly in need of a play-maker": a place is no "who"
        h = head
        while h.dep_ == "conj":
            h = h.head
        if h.dep_ == "pobj" and h.head.lower_ in ("against", "v", "vs"):
            return True
        if h.dep_ == "pobj" and h.head.lower_ in ("from", "to") and h.head.head.lemma_ in TRANSFER_WORDS:
            return True  # "his move from Middlesbrough", "a loan to Botafogo"
        if (
            h.dep_ == "dobj"
            and h.head.lemma_ in ("join", "rejoin")
            and any(c.dep_ == "prep" and c.lower_ == "from" for c in h.head.children)
        ):
            return True  # "joined Chelsea from Porto"
    return False


def org_by_apposition(doc: Doc, cluster: Cluster) -> bool:
    """ "Sibneft, a Russian oil company": the name of a body the model took for a place."""
    if any(m.place or m.honorific for m in cluster.mentions):
        return False
    if any(len(m.text.split()) > 1 and m.label == "PERSON" for m in cluster.mentions):
        return False
    for m in cluster.mentions:
        head = doc[m.end - 1]
        if any(c.dep_ == "appos" and c.i > head.i and c.lower_ in ORG_NOUNS for c in head.children):
            return True
    return False


def is_stray_word(doc: Doc, cluster: Cluster) -> bool:
    """A single word the model called a person, seen once, with no title, honorific or full
    name and saying nothing: a capitalised word, a game, a product ("Java", "Assault")."""
    if cluster.type != "PERSON" or len(cluster.mentions) > 1:
        return False
    m = cluster.mentions[0]
    if len(m.text.split()) > 1 or m.honorific or m.kin or speech_count(doc, cluster) or person_evidence(doc, m):
        return False
    if m.start > 0 and is_title_word(doc[m.start - 1].text):
        return False
    if m.start > 0 and doc[m.start - 1].lower_ in ("at", "in") and doc[m.start - 1].dep_ == "prep":
        cluster.type = "LOC"  # "limped out at Kingsholm": a ground, a town
        return False
    return True


def speech_count(doc: Doc, cluster: Cluster) -> int:
    """How many of the cluster's mentions are the subject of a verb of saying."""
    count = 0
    for m in cluster.mentions:
        head = doc[m.end - 1]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in SAYING_VERBS:
            count += 1
    return count
