"""Joins: short forms of a name the text ties to their full name after the first clustering.

Why apart: clustering joins a surname to its person and an acronym to its expansion; these
joins read other evidence the text gives, each where exactly one candidate fits: a ticker in
brackets ("The Boeing Co. (NYSE: BA)"), "aka" ("C.K. Walker aka “Lindsey”"), a team's or a
company's last word after its town ("Louisville Cardinals", "Cardinals"), a place's or a
body's distinctive word before its generic ones ("Washtenaw Avenue", "Washtenaw";
"Stansted International Airport", "Stansted"), a place's first or last word ("Las Vegas",
"Vegas"), and a person's name in the plural ("the Philip Agees of this world").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import EXCHANGES, PLACE_NOUNS
from . import places
from .evidence import common_word, doc_text
from .mentions import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .entities import Cluster

# Words after a distinctive one that make no other entity of it ("Washtenaw Avenue"); a body's
# generic words do ("IAAF Council" is not the IAAF), and so do a place's ("Texas City").
_GENERIC = {
    "airport",
    "international",
    "street",
    "avenue",
    "road",
    "station",
    "boulevard",
    "lane",
    "drive",
    "inc",
    "corp",
    "corporation",
    "co",
    "plc",
    "ltd",
    "limited",
    "holdings",
    "university",
    "college",
}
# (Not a ground's or a park's words: "Celtic Park" is not Celtic.)
_COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "greater",
    "new",
    "old",
}


def join_short_forms(doc: Doc, clusters: list[Cluster]) -> dict[int, Cluster]:
    """{id of a cluster: the cluster it is a short form of}, by the evidence above."""
    by_token = {i: c for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    merged: dict[int, Cluster] = {}
    for cluster, target in _tickers_and_akas(doc, by_token):
        if cluster is not target:
            merged.setdefault(id(cluster), target)
    names = {id(c): fold(c.mentions[0].text).split() for c in clusters}
    places_here = {fold(m.text) for c in clusters for m in c.mentions if m.place or m.label in ("GPE", "LOC")}
    people = [c for c in clusters if any(m.label == "PERSON" and len(m.text.split()) > 1 for m in c.mentions)]
    by_end: dict[str, list[Cluster]] = {}  # longer names by their first and last words
    for c in clusters:
        if len(names[id(c)]) > 1:
            for w in {names[id(c)][0], names[id(c)][-1]}:
                by_end.setdefault(w, []).append(c)
    for cluster in clusters:
        if id(cluster) in merged or any(m.place or m.honorific for m in cluster.mentions):
            continue
        words = names[id(cluster)]
        if len(words) != 1:
            target = (
                _person_of_plural(words, people, clusters, names)
                or _same_place(words, cluster, clusters, names)
                or _misspelt(words, cluster, clusters, names, people)
                or _state_of(words, cluster, clusters, names)
            )
            if (
                target is not None
                and target in people
                or target is not None
                and words[-1].endswith("s")
                and names[id(target)][-1] == words[-1][:-1]
            ):
                for m in cluster.mentions:
                    if m.text.endswith("s") and fold(m.text).split()[:-1] == words[:-1] and words[-1].endswith("s"):
                        # the name, not its plural, is what the person is called
                        m.text, m.label = m.text[:-1], "PERSON"
            if target is not None:
                merged[id(cluster)] = target
            continue
        word = words[0]
        if cluster in people or 2 * sum(m.label == "PERSON" for m in cluster.mentions) > len(cluster.mentions):
            continue
        if word in _COMPANY_WORDS and all(m.start > 0 and doc[m.start - 1].lower_ == "the" for m in cluster.mentions):
            companies = [c for c in clusters if c is not cluster and _company_suffix(names[id(c)])]
            if len(companies) == 1:
                merged[id(cluster)] = companies[0]  # "the Company" in a company's own release
                continue
        longer = [c for c in by_end.get(word, ()) if c is not cluster and c not in people]
        fits = [c for c in longer if _short_form(doc, word, names[id(c)], places_here, cluster, c)]
        if len(fits) == 1:
            merged[id(cluster)] = fits[0]
    return merged


_COMPANY_WORDS = {"company", "firm", "group", "bank", "corporation", "business"}
_SUFFIXES = {"inc", "corp", "corporation", "co", "plc", "ltd", "limited", "holdings", "llc", "ag", "sa", "nv"}


def _company_suffix(words: list[str]) -> bool:
    return len(words) > 1 and words[-1] in _SUFFIXES


def _short_form(
    doc: Doc, word: str, other: list[str], places_here: set[str], cluster: Cluster, target: Cluster
) -> bool:
    label = cluster.mentions[0].label
    target_place = any(m.label in ("GPE", "LOC") for m in target.mentions)
    if word == other[-1] and (" ".join(other[:-1]) in places_here or places.lookup(" ".join(other[:-1]))):
        country = places.lookup(target.mentions[0].text.rsplit(None, 1)[0])  # as written: lookup wants capitals
        if (
            country is not None
            and country.type == "GPE"
            and not target_place
            and any(m.label == "ORG" for m in cluster.mentions)
        ):
            return False  # a company's arm in a country is not the company: "Indonesia AirAsia", "AirAsia"
        return not target_place or label in ("GPE", "LOC")  # "Cardinals" of "Louisville Cardinals"
    if word == other[0] and set(other[1:]) <= _GENERIC:
        return True  # "Washtenaw" of "Washtenaw Avenue", "Stansted" of "Stansted International Airport"
    if (
        target_place
        and label in ("GPE", "LOC")
        and word in (other[0], other[-1])
        and not (len(other) > 2 and other[1] == "of" and other[0] in _STATE_WORDS)
        and not (len(other) == 2 and (set(other) - {word}) & (PLACE_NOUNS | _COMPASS))
    ):
        return True  # "Vegas" of "Las Vegas", "Jerez" of "Jerez de la Frontera"; not "Texas City", "East London"
    text = cluster.mentions[0].text
    return (
        word == other[0]
        and target.first < cluster.first
        and not common_word(doc, text, ("noun", "adj", "verb"))
        and any(c.isupper() for c in text[1:])
        and not text.isupper()
    )  # "WhiteWave" of "WhiteWave Foods"


def _person_of_plural(
    words: list[str], people: list[Cluster], clusters: list[Cluster], names: dict[int, list[str]]
) -> Cluster | None:
    """ "the Philip Agees in the world": a person's full name in the plural (or the plural of a
    full name whose surname alone names a person: "Agee said")."""
    if not words[-1].endswith("s") or len(words) > 3:
        return None
    singular = words[:-1] + [words[-1][:-1]]
    found = [c for c in people if any(fold(m.text).split() == singular for m in c.mentions)]
    if not found:
        found = [
            c
            for c in clusters
            if names[id(c)] == singular[-1:] and 2 * sum(m.label == "PERSON" for m in c.mentions) > len(c.mentions)
        ]
    return found[0] if len(found) == 1 else None


def _state_of(words: list[str], cluster: Cluster, clusters: list[Cluster], names: dict[int, list[str]]):
    """ "the State of New Jersey" is New Jersey; "the City of London" London."""
    if len(words) < 3 or words[0] not in _STATE_WORDS or words[1] != "of":
        return None
    found = [
        c
        for c in clusters
        if c is not cluster
        and names[id(c)] == words[2:]
        and any(m.place or m.label in ("GPE", "LOC") for m in c.mentions)
    ]
    if len(found) != 1:
        return None
    for m in cluster.mentions:
        m.label = "GPE"
    return found[0]


_STATE_WORDS = {
    "state",
    "commonwealth",
    "city",
    "republic",
    "kingdom",
    "province",
    "county",
    "town",
    "borough",
    "territory",
    "district",
}


def _same_place(words: list[str], cluster: Cluster, clusters: list[Cluster], names: dict[int, list[str]]):
    """ "Stansted Airport" and "Stansted International Airport": one distinctive word and generic ones."""
    if not set(words[1:]) <= _GENERIC:
        return None
    found = [
        c
        for c in clusters
        if c is not cluster
        and names[id(c)][0] == words[0]
        and len(names[id(c)]) > 1
        and set(names[id(c)][1:]) <= _GENERIC
        and c.first < cluster.first
    ]
    return found[0] if len(found) == 1 else None


def _misspelt(
    words: list[str], cluster: Cluster, clusters: list[Cluster], names: dict[int, list[str]], people: list[Cluster]
):
    """ "Malayasia Airlines" for "Malaysia Airlines": an organisation's or a place's name of two or
    more words written once with one or two letters wrong, when one name fits."""
    if cluster in people or len(cluster.mentions) > 1:
        return None
    text = " ".join(words)
    if any(c.isdigit() for c in text):
        return None  # "BBC Radio 1" and "BBC Radio 2" differ by a number, not a slip
    found = [
        c
        for c in clusters
        if c is not cluster
        and len(names[id(c)]) == len(words)
        and names[id(c)][0][0] == words[0][0]
        and c.first < cluster.first
        and abs(len(" ".join(names[id(c)])) - len(text)) <= 2
        and c not in people
        and 0 < _distance(" ".join(names[id(c)]), text) <= (2 if len(text) >= 10 else 1)
    ]
    return found[0] if len(found) == 1 else None


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from a to b."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, rows[-2][j - 2] + 1)
            row.append(cost)
        rows.append(row)
    return rows[-1][-1]


def _tickers_and_akas(doc: Doc, by_token: dict[int, Cluster]):
    """(cluster, target) pairs: "The Boeing Co. (NYSE: BA)" makes every "BA" Boeing; "C.K.
    Walker aka “Lindsey”" makes "Lindsey" C.K. Walker. Found in the text, then mapped to tokens."""
    text = doc_text(doc)
    tickers = [(m.start(), m.group(2)) for m in _TICKER.finditer(text) if m.group(1) in EXCHANGES]
    akas = [m.start() for m in _AKA.finditer(text)]
    if not tickers and not akas:
        return
    by_text: dict[str, list[Cluster]] = {}
    for cluster in {id(c): c for c in by_token.values()}.values():
        for m in cluster.mentions:
            by_text.setdefault(m.text, []).append(cluster)
    for at, ticker in tickers:
        bracket = doc.char_span(at, at + 1, alignment_mode="expand")
        owner = by_token.get(bracket.start - 1) if bracket is not None else None
        for cluster in by_text.get(ticker, []) if owner is not None else []:
            yield cluster, owner
    for at in akas:
        word = doc.char_span(at, at + 1, alignment_mode="expand")
        if word is None or word.start == 0:
            continue
        owner = by_token.get(word.start - 1)
        k = word.end
        while k < len(doc) and (doc[k].is_punct or doc[k].is_space):
            k += 1
        alias = by_token.get(k)
        if owner is not None and alias is not None:
            yield alias, owner


_TICKER = re.compile(r"\(\s?([A-Z][A-Za-z]*)\s?:\s?([A-Z][A-Z.]{0,5})\s?\)")  # "(NYSE: BA)": exchange, ticker
_AKA = re.compile(r"\b(?:aka|a\.k\.a\.?)(?=\s)", re.IGNORECASE)
