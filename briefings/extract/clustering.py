"""Clustering: mentions of one entity joined into one participant, and its canonical name.

Why apart: joining is where a reader's trust is won or lost. A surname joins the full name
seen in the article, a demonym its country, an acronym its expansion, a short form its
organisation; but two entities joined are worse than one entity twice, so each join needs
the text to fit exactly one candidate.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..lexicon import ACRONYM_SKIP, KIN_NOUNS, ORG_NOUNS, ORG_SUFFIXES
from . import places
from .entities import Cluster
from .evidence import place_evidence
from .joins import join_short_forms
from .mentions import Mention, acronym_of, fold, initials_start

if TYPE_CHECKING:
    from spacy.tokens import Doc


def cluster_mentions(doc: Doc, mentions: list[Mention]) -> list[Cluster]:
    clusters: dict[str, Cluster] = {}

    def add(key: str, mention: Mention) -> None:
        clusters.setdefault(key, Cluster()).mentions.append(mention)

    # Full names first: they are what surnames and honorific forms join.
    full_names = [m for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1]
    person_keys: list[tuple[str, list[str]]] = []
    for mention in full_names:
        words = fold(mention.text).split()
        key = _person_key(words, person_keys, _kin_of(doc, mention))
        if key is None:
            key = "PERSON:" + " ".join(words)
            person_keys.append((key, words))
        add(key, mention)

    other_names = {fold(m.text) for m in mentions if m.label != "PERSON" and not m.place}
    companies = {fold(m.text) for m in mentions if m.evidence in ("ticker", "suffix", "based")}
    for mention in mentions:
        if mention.label == "PERSON" and len(mention.text.split()) > 1:
            continue
        if mention.place:
            add("PLACE:" + mention.place.name, mention)
            continue
        if _family(doc, mention, person_keys):
            continue  # "the Finney family", "the Finneys": no one person
        # "Apple (NASDAQ: AAPL)" is no one's first name because "Apple Pay" was tagged a person.
        person = (
            None
            if _town(doc, mention, mentions) or fold(mention.text) in companies
            else _person_for_single(mention, person_keys, clusters)
        )
        if person:
            add(person, mention)
        elif mention.label == "PERSON" and fold(mention.text) not in other_names:
            add("PERSON:" + fold(mention.text), mention)
        else:
            # Same text, same entity, whatever label each mention got ("Royal Free" ORG and LOC;
            # a lone "Glasgow" tagged PERSON beside the city).
            # "Air Asia" is "AirAsia".
            add("NAME:" + re.sub(r" (?:com|net|org|co uk)$", "", fold(mention.text)).replace(" ", ""), mention)
    joined = _join_short_forms(doc, _join_acronyms(list(clusters.values())))
    return _apply_merges(joined, join_short_forms(doc, joined))


def _org_key(cluster: Cluster) -> list[str]:
    words = re.sub(r" (?:com|net|org|co uk)$", "", fold(cluster.mentions[0].text)).split()
    return words


def _join_short_forms(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Short forms of an organisation join it: "Shanda" and "JP Morgan" (its first words),
    "Cranfield" beside "Cranfield University", "the Institute" beside "American Film Institute",
    "the Church" beside "the Catholic Church", "US Federal Reserve" beside "Federal Reserve".
    Only when one organisation fits."""
    orgs = [c for c in clusters if c.mentions[0].label == "ORG" and not c.mentions[0].place and len(_org_key(c)) > 1]
    absorbed: dict[int, Cluster] = {}
    for cluster in clusters:
        first = cluster.mentions[0]
        if any(m.label == "PERSON" and len(m.text.split()) > 1 for m in cluster.mentions):
            continue
        if any(m.honorific for m in cluster.mentions):
            continue
        words = _org_key(cluster)
        targets = []
        for org in orgs:
            other = _org_key(org)
            if org is cluster or len(other) <= len(words):
                continue
            if (
                len(words) == 1
                and words[0] in (other[0], other[-1])
                and (words[0] in ORG_SUFFIXES | ORG_NOUNS or _always_after_the(doc, cluster))
            ):
                targets.append(org)  # "the Institute", "the Bank" (of England), "the Church"
            elif other[: len(words)] == words and not any(m.place for m in cluster.mentions):
                # a prefix: "JP Morgan" of "JP Morgan Chase", named first; but a country is not
                # the company named after it ("Malaysia", "Malaysia Airlines")
                if org.first < cluster.first and set(other[len(words) :]) <= ORG_SUFFIXES:
                    targets.append(org)
        # "US Federal Reserve": a country's name before another organisation's.
        if not targets and len(words) > 2 and first.label == "ORG":
            head = places.lookup(cluster.mentions[0].text.split()[0])
            if head is not None:
                rest = words[1:]
                targets = [o for o in orgs if o is not cluster and _org_key(o) == rest]
        if len({id(t) for t in targets}) == 1:
            absorbed[id(cluster)] = targets[0]
    return _apply_merges(clusters, absorbed)


def _always_after_the(doc: Doc, cluster: Cluster) -> bool:
    """Every mention is one word after "the": a common noun standing for a name ("the Church",
    "the Agency"), which a distinctive one-word name seldom needs."""
    return all(
        m.end - m.start == 1 and m.start > 0 and doc[m.start - 1].lower_ == "the" and not m.place
        for m in cluster.mentions
    )


def _person_key(words: list[str], known: list[tuple[str, list[str]]], kin_of: str | None = None) -> str | None:
    """An existing person this full name is another form of ("Barack Hussein Obama", "Maria
    Widodo" and "Florentina Maria Widodo"); never one whose middle name differs ("George H.W.
    Bush" is not "George W. Bush"), nor the person this one is named as kin of ("Ms
    Khairunisa's father, Haidar Fauzi" is not Khairunisa Haidar Fauzi)."""
    for key, other in known:
        if kin_of is not None and kin_of in other:
            continue
        if (
            words == other
            or (words[0] == other[0] and words[-1] == other[-1] and _middles_agree(words, other))
            or (len(other) > len(words) and other[-len(words) :] == words)
            or (len(other) >= 2 and len(words) > len(other) and words[-len(other) :] == other)
        ):
            return key
    return None


def _kin_of(doc: Doc, mention: Mention) -> str | None:
    """The name whose kin this one is named as: "Ms Khairunisa's father, Haidar Fauzi" → "khairunisa"."""
    head = doc[mention.end - 1]
    noun = head.head if head.dep_ == "appos" else doc[mention.start - 1] if mention.start > 0 else None
    if noun is None or noun.lower_ not in KIN_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    return fold(owner.text) if owner is not None else None


def _family(doc: Doc, mention: Mention, person_keys: list[tuple[str, list[str]]]) -> bool:
    """ "the Finney's home", "the Finney family", "the Finneys": a surname after "the" names a family."""
    if (
        mention.end - mention.start != 1
        or mention.start == 0
        or doc[mention.start - 1].lower_ != "the"
        or mention.honorific
    ):
        return False
    word = fold(mention.text)
    surnames = {words[-1] for _, words in person_keys}
    after = doc[mention.end] if mention.end < len(doc) else None
    return (word in surnames and after is not None and (after.tag_ == "POS" or after.lower_ == "family")) or (
        word.endswith("s") and word[:-1] in surnames
    )


def _town(doc: Doc, mention: Mention, mentions: list[Mention]) -> bool:
    """ "in Shipley": a place's name, not the surname of Malcolm Shipley, when the word alone is
    never tagged a person."""
    return (
        mention.label in ("GPE", "LOC")
        and place_evidence(doc, mention) is not None
        and not any(m.text == mention.text and m.label == "PERSON" for m in mentions)
    )


def _middles_agree(one: list[str], other: list[str]) -> bool:
    """Middle names that may be the same: one missing, equal, or one the other's initial."""
    a, b = " ".join(one[1:-1]), " ".join(other[1:-1])
    return not a or not b or a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _person_for_single(
    mention: Mention, person_keys: list[tuple[str, list[str]]], clusters: dict[str, Cluster]
) -> str | None:
    """The full-name person a one-word mention refers to: surname first ("Al-Sayed" too), then
    first name, then the middle of three names (a first surname: "Salinas" for "Guadalupe Salinas
    Hernández"); with two candidates (Bill and Hillary Clinton) the one mentioned last before it."""
    word = fold(mention.text)
    size = len(word.split())
    shouted = mention.text.isupper() and len(mention.text) > 1
    if shouted and len(mention.text) < 3:
        return None  # "LA" is no one's first name, whatever "La Repubblica" was tagged
    # a transcript's label in capitals ("ALITO:") is a surname, never a first name
    for position in (-1,) if shouted else (-1, 0, 1):
        candidates = [
            key
            for key, words in person_keys
            if (
                " ".join(words[-size:]) == word
                if position == -1
                else size == 1 and len(words) == 3 and len(words[1]) > 1 and words[position] == word
                if position == 1
                else size == 1 and words[0] == word
            )
        ]
        if len(candidates) > 1:

            def last_before(key: str) -> int:
                starts = [m.start for m in clusters[key].mentions if m.start < mention.start]
                return max(starts, default=-1)

            candidates.sort(key=last_before, reverse=True)
        if candidates:
            return candidates[0]
    # "Mueller" for "Gerhard Müller": a German surname spelt without its umlaut.
    spelt = _umlauts(word)
    found = [key for key, words in person_keys if size == 1 and _umlauts(words[-1]) == spelt and word != words[-1]]
    return found[0] if len(found) == 1 else None


def _umlauts(word: str) -> str:
    return word.replace("ue", "u").replace("oe", "o").replace("ae", "a")


def _join_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """ "NSC" joins "National Security Council" when both are in the article."""
    by_initials: dict[str, Cluster] = {}
    for cluster in clusters:
        text = cluster.mentions[0].text
        if cluster.mentions[0].label == "ORG" and len(text.split()) > 1:
            words = [w for w in text.split() if w.lower() not in ACRONYM_SKIP and w[0].isalpha()]
            by_initials.setdefault("".join(w[0] for w in words).upper(), cluster)
            # "IBM" for "International Business Machines Corp.": a company suffix has no letter
            while len(words) > 2 and words[-1].lower().rstrip(".") in ORG_SUFFIXES:
                words.pop()
                by_initials.setdefault("".join(w[0] for w in words).upper(), cluster)
    kept = []
    for cluster in clusters:
        text = cluster.mentions[0].text.replace(".", "")
        acronym = text if text.isupper() else acronym_of(text) if len(text.split()) == 1 else None
        target = by_initials.get(acronym) if acronym and 2 <= len(acronym) <= 6 else None  # "MoD", "Nato" too
        # a place's letters join no organisation
        if target is not None and any(m.place and m.place.type == "GPE" for m in cluster.mentions):
            target = None
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
        else:
            kept.append(cluster)
    return kept


def join_defined(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """An acronym joins the organisation it stands beside: "China Central Television (CCTV)",
    "CENTR, the Council of European National Top Level Domain Registries"."""
    by_token = {i: c for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    merged: dict[int, Cluster] = {}
    for cluster in clusters:
        for m in cluster.mentions:
            parenthesised = (
                m.start >= 2 and doc[m.start - 1].text == "(" and m.end < len(doc) and doc[m.end].text == ")"
            )
            if not (
                (m.text.isupper() or (parenthesised and acronym_of(m.text))) and m.end - m.start == 1 and not m.place
            ):
                continue
            target = None
            if parenthesised:
                i = m.start - 2
                if doc[i].tag_ == "POS":
                    i -= 1
                target = by_token.get(i)
                if not m.text.isupper() and initials_start(doc, i + 1, acronym_of(m.text)) is None:
                    target = None  # "Sepa" must spell what it stands beside, unlike "(Reuters)"
            elif m.end + 1 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].lower_ == "the":
                target = by_token.get(m.end + 2)
            if target is not None and target is not cluster and (target.mentions[0].label == "ORG"):
                merged[id(cluster)] = target
    return _apply_merges(clusters, merged)


def _apply_merges(clusters: list[Cluster], merged: dict[int, Cluster]) -> list[Cluster]:
    """Move each merged cluster's mentions into its final target (following chains); keep the rest.
    Two joins pointing at each other ("Stansted Airport" ⇄ "Stansted International Airport") make
    one cluster: the chain stops where it comes back, at its first-named member."""
    kept = []
    for cluster in clusters:
        target = merged.get(id(cluster))
        chain = [cluster]
        while target is not None and id(target) in merged and target not in chain:
            chain.append(target)
            target = merged[id(target)]
        if target is not None and target in chain:  # a cycle: its first-named member keeps the rest
            target = min(chain[chain.index(target) :], key=lambda c: c.first)
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
        else:
            kept.append(cluster)
    return kept


def canonical_name(cluster: Cluster) -> str:
    place = next((m.place for m in cluster.mentions if m.place), None)
    if place:
        return place.name
    forms = Counter(m.text for m in cluster.mentions)
    if cluster.type == "PERSON":
        full = [m.text for m in cluster.mentions if len(m.text.split()) > 1] or list(forms)
        return max(full, key=lambda t: (forms[t], len(t.split()), len(t)))
    # The longest spelled-out form: "National Security Council" over "NSC"; but a place by its name,
    # "New Jersey", not "State of New Jersey".
    if cluster.type in ("GPE", "LOC"):
        named = [
            t for t in forms if not re.match(r"(?:State|Commonwealth|City|Republic|Kingdom|Province|County) of ", t)
        ]
        forms = Counter({t: forms[t] for t in named}) or forms
    # Spellings that differ only in spaces are one form, written as the text mostly writes it:
    # "AirAsia" (24 times) over "Air Asia" (4).
    spelt: Counter[str] = Counter()
    for text, count in forms.items():
        spelt[text.replace(" ", "")] += count
    usual = {
        t: max((u for u in forms if u.replace(" ", "") == t.replace(" ", "")), key=lambda u: (forms[u], u))
        for t in forms
    }
    best = max(
        forms,
        key=lambda t: (not t.replace(".", "").isupper(), len(usual[t].split()), spelt[t.replace(" ", "")], len(t)),
    )
    return usual[best]
