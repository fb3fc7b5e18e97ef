"""Evidence: what the words around one mention say it is, a person, an organisation or a place.

Why apart: the model labels a mention from a few words around it and gets names it has not
seen wrong (Indonesian names as organisations, an airline as a country, a suburb as a person).
The text usually says more, in ways every outlet shares: a title, an age or a speech verb for a
person; a company suffix, a ticker, "X-based" or "the company's shares" for an organisation;
"in", "the town of" for a place. These tests read the words around one mention; typing
(entity_types.py) weighs them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import (
    COMPANY_CONTEXT_NOUNS,
    COMPASS_POINTS,
    EXCHANGES,
    GENERIC_ORG_HEADS,
    KIN_NOUNS,
    LOC_HEADS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    PLACE_NOUNS,
    SAYING_VERBS,
)
from .titles import is_title_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .entities import Mention

SUBJECTS = ("nsubj", "nsubjpass")
_LAND_NOUNS = {
    "island",
    "islands",
    "peninsula",
    "mountain",
    "mountains",
    "valley",
    "coast",
    "desert",
    "forest",
    "sea",
    "river",
    "lake",
    "bay",
    "gulf",
    "strait",
    "straits",
}
_TRADES = {
    "producer",
    "maker",
    "manufacturer",
    "operator",
    "provider",
    "distributor",
    "supplier",
    "publisher",
    "developer",
    "retailer",
    "owner",
    "builder",
    "exporter",
    "importer",
    "trader",
    "refiner",
    "miner",
}
# Nouns whose "in" names what is held or believed in, not where: "a 20% stake in Sina".
_HELD_IN = {
    "stake",
    "interest",
    "investment",
    "share",
    "holding",
    "role",
    "confidence",
    "trust",
    "faith",
    "belief",
    "part",
    "hand",
    "say",
    "position",
    "involvement",
    "participation",
    "membership",
    "seat",
    "job",
}


def common_word(doc: Doc, word: str, kinds: tuple[str, ...] = ("adj", "adv")) -> bool:
    """Whether the model's lemmatizer knows the word, lower-cased, as one of these parts of
    speech ("exhausted", "stormy"); False when the model has no such index."""
    lookups = doc.vocab.lookups
    if not lookups.has_table("lemma_index"):
        return False
    index = lookups.get_table("lemma_index")
    words = _WORD_SETS.get(id(index))
    if words is None:  # the table holds lists: made sets once per process
        words = _WORD_SETS[id(index)] = {
            kind: frozenset(index.get(kind, ())) for kind in ("adj", "adv", "noun", "verb")
        }
    lower = word.lower()
    return any(lower in words[kind] for kind in kinds)


_WORD_SETS: dict[int, dict[str, frozenset[str]]] = {}


def lower_case_words(doc: Doc) -> set[str]:
    """The words the article writes in lower case, read once per Doc."""
    found = doc.user_data.get("briefings_lower_words")
    if found is None:
        words = doc_text(doc).split()
        found = doc.user_data["briefings_lower_words"] = {w for w in words if w.islower()} | {
            w.strip(".,;:!?\"'()“”‘’") for w in words if w.islower()
        }
    return found


def doc_text(doc: Doc) -> str:
    """The Doc's text, made once (spaCy joins every token each time it is asked)."""
    text = doc.user_data.get("briefings_text")
    if text is None:
        text = doc.user_data["briefings_text"] = doc.text
    return text


def is_person_noun(token: Token) -> bool:
    """A common noun only a person can be: a title, kin, an occupation ("pilot", "colleague")."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    return (
        is_title_head(lower)
        or is_title_head(lemma)
        or lower in KIN_NOUNS
        or lemma in KIN_NOUNS
        or lower in PERSON_NOUNS
        or lemma in PERSON_NOUNS
    )


def has_org_words(text: str) -> bool:
    """A name with a company suffix or a body's generic word: "Crown Equity Holdings Inc."."""
    words = text.replace(",", " ").split()
    if len(words) == 2 and words[0].lower() in COMPASS_POINTS:
        return False  # "West Bank", "South Bank": a point of the compass names a place, not a body
    return "&" in words or any(w.rstrip(".").lower() in ORG_SUFFIXES or w in GENERIC_ORG_HEADS for w in words[1:])


def reads_as_a_name(doc: Doc, m: Mention, common: int = 1) -> bool:
    """Two or three capitalised words, none an acronym or a word the article writes in lower
    case: "Sigit Heriyanto" could be a person's name, "JP Morgan" and "Pew Research" are not."""
    words = m.text.split()
    if not 2 <= len(words) <= 3 or any(not re.fullmatch(r"[A-Z][a-z\u00c0-\u024f'’-]+", w) for w in words):
        return False
    if sum(common_word(doc, w, ("noun", "adj", "verb")) for w in words) > common:
        return False  # "World Health Organization": English words, not a person's names
    return not {w.lower() for w in words} & lower_case_words(doc)


def person_evidence(doc: Doc, m: Mention) -> str | None:
    """Why the text makes this mention a person's, or None: a title or a person noun right
    before it ("Captain Irianto", "daughter Maria Widodo"), an age after it ("Nathaly Cartas Leon,
    20,"), a person noun in apposition either way ("Hadi Tjahnanto, a senior air-force officer";
    "his wife, Páez")."""
    if m.honorific or m.kin:
        return "honorific"
    head = doc[m.end - 1]
    before = doc[m.start - 1] if m.start > 0 else None
    if (
        before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and not before.ent_type_
        and is_person_noun(before)
        and not before.is_sent_start
        and not _trade(doc, before)
    ):
        return "title"
    if (
        _age_after(doc, m.end)
        or (m.start >= 1 and re.fullmatch(r"\d{1,3}-year-old", doc[m.start - 1].text))
        or (
            m.start >= 5
            and doc[m.start - 1].lower_ == "old"
            and doc[m.start - 3].lower_ in ("year", "years")
            and doc[m.start - 5].like_num
        )
    ):
        return "age"  # "Nathaly Cartas Leon, 20,", "50-year-old Kevin Swanson"
    for child in head.children:
        if (
            child.dep_ == "appos"
            and child.i >= m.end
            and child.pos_ == "NOUN"
            and is_person_noun(child)
            and not child.ent_type_
        ):
            return "apposition"
    if (
        head.dep_ == "appos"
        and head.head.i < m.start
        and head.head.pos_ == "NOUN"
        and is_person_noun(head.head)
        and not head.head.ent_type_
    ):
        return "apposition"
    if _person_noun_after_comma(doc, m.end):
        return "apposition"  # "the son of Irianto, the veteran pilot who …", however parsed
    others = ([head.head] if head.dep_ == "conj" else []) + [c for c in head.children if c.dep_ == "conj"]
    if any(o.ent_type_ == "PERSON" and o.pos_ == "PROPN" for o in others) and reads_as_a_name(doc, m, common=0):
        return "listed"  # "by Wilda Asmarini, Fransiska Nangoy, Cindy Silviana …"
    return None


def _person_noun_after_comma(doc: Doc, end: int) -> bool:
    """ "NAME, the veteran pilot": a comma, a determiner, up to three modifiers, a person noun."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("the", "a", "an"):
        return False
    k = end + 2
    while k < len(doc) and k - end <= 5 and doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and not doc[k].ent_type_:
        if doc[k].pos_ == "NOUN" and is_person_noun(doc[k]) and not (k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN"):
            # one person, and no clause: not "…by The Grayzone, the security contractors removed …"
            return doc[k].tag_ == "NN" and not (k + 1 < len(doc) and doc[k + 1].pos_ in ("VERB", "AUX"))
        k += 1
    return False


def _trade(doc: Doc, noun: Token) -> bool:
    """ "steel producer Krivorizhstal", "oil distributor X": a trade's noun after what it deals in is
    a company's as often as a person's."""
    return noun.lower_ in _TRADES and noun.i > 0 and doc[noun.i - 1].text.islower() and doc[noun.i - 1].pos_ == "NOUN"


def _age_after(doc: Doc, end: int) -> bool:
    """ "NAME, 20," or "NAME (20)": an age."""
    if end + 2 >= len(doc):
        return False
    a, b, c = doc[end], doc[end + 1], doc[end + 2]
    return (
        (a.text == "," and c.text in (",", ".") or a.text == "(" and c.text == ")")
        and bool(re.fullmatch(r"\d{1,2}", b.text))
        and int(b.text) < 110
    )


def speaks(doc: Doc, m: Mention) -> bool:
    """The subject of a verb of saying: a person or an organisation, never a place's name alone."""
    head = doc[m.end - 1]
    return head.dep_ in SUBJECTS and head.head.lemma_ in SAYING_VERBS


def org_evidence(doc: Doc, m: Mention) -> str | None:
    """Why the text makes this mention an organisation's, or None: a company suffix, a ticker,
    "X-based" before it, a company noun after it ("Qualcomm shares", "the AirAsia flight"), an
    organisation noun in apposition ("Mengniu Dairy, one of China's largest dairy companies") or
    before it ("a company called Espiamos")."""
    if has_org_words(m.text):
        return "suffix"
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.text == "(" and m.end + 2 < len(doc) and doc[m.end + 1].text in EXCHANGES:
        return "ticker"
    if m.start >= 2 and doc[m.start - 1].lower_ == "based" and doc[m.start - 2].text in ("-", "–"):
        return "based"
    if m.start >= 1 and doc[m.start - 1].lower_.endswith("-based"):
        return "based"
    k = m.end + (1 if after is not None and after.tag_ == "POS" else 0)
    if k < len(doc) and doc[k].lower_ in COMPANY_CONTEXT_NOUNS and doc[k].pos_ == "NOUN":
        return "company noun"
    head = doc[m.end - 1]
    for child in head.children:
        if child.dep_ == "appos" and child.i >= m.end:
            if child.lemma_.lower() in ORG_NOUNS and child.pos_ == "NOUN":
                return "apposition"
            if child.lower_ == "one" and any(
                p.lower_ == "of" and any(o.lemma_.lower() in ORG_NOUNS for o in p.children) for p in child.children
            ):
                return "apposition"
    if m.start >= 2 and doc[m.start - 1].lower_ in ("called", "named") and doc[m.start - 2].lower_ in ORG_NOUNS:
        return "called"
    before = doc[m.start - 1] if m.start > 0 else None
    if (
        before is not None
        and before.text.islower()
        and before.lemma_.lower() in ORG_NOUNS
        and before.pos_ in ("NOUN", "ADJ")
    ):
        return "org noun"  # "the Italian daily La Repubblica", "the regulator Ofcom"
    if (
        after is not None
        and after.tag_ == "POS"
        and m.end + 2 < len(doc)
        and doc[m.end + 1].ent_type_ == "PERSON"
        and doc[m.end + 2].ent_type_ == "PERSON"
        and len(m.text.split()) == 1
    ):
        return "employer"  # "Morningstar's Karin Anderson"
    if m.label in ("GPE", "LOC") and _listed_with_a_company(head):
        return "listed"  # "co-owned by General Electric and Safran of France"
    if m.label in ("GPE", "LOC") and head.dep_ == "dobj" and head.head.lemma_ == "tell":
        return "told"  # "told MetroTV": a place is not told things; a person would have shown it
    return None


def _listed_with_a_company(head: Token) -> bool:
    """A name joined by "and" to an organisation's name that has a company suffix or was tagged one."""
    others = [head.head] if head.dep_ == "conj" else []
    others += [c for c in head.children if c.dep_ == "conj"]
    return any(o.ent_type_ == "ORG" and o.pos_ == "PROPN" for o in others)


def place_evidence(doc: Doc, m: Mention) -> str | None:
    """Why the text makes this mention a place's, or None: "the town of Kumai", "in Edmonton"
    (a bare name after "in"), a place's generic word ("Mummy Mountain")."""
    words = m.text.split()
    if len(words) > 1 and words[-1] in LOC_HEADS:
        return "head"
    if m.start >= 2 and doc[m.start - 1].lower_ == "of" and doc[m.start - 2].lower_ in PLACE_NOUNS:
        return "land" if doc[m.start - 2].lower_ in _LAND_NOUNS else "place noun"  # "the island of Belitung"
    if (
        m.start >= 3
        and doc[m.start - 1].lower_ == "as"
        and doc[m.start - 2].lower_ == "known"
        and doc[m.start - 3].lower_ in PLACE_NOUNS
    ):
        return "place noun"  # "the unincorporated area known as Good Hope"
    before = doc[m.start - 1] if m.start > 0 else None
    head = doc[m.end - 1]
    if before is not None and before.pos_ == "ADJ" and m.start >= 2 and doc[m.start - 2].lower_ == "in":
        before = doc[m.start - 2]  # "In fair Verona"
    if (
        before is not None
        and before.lower_ == "in"
        and before.dep_ in ("prep", "ROOT")
        and not has_org_words(m.text)
        and head.dep_ == "pobj"
        and head.head.i == before.i
        and before.head.lemma_.lower() not in _HELD_IN
    ):
        return "in"  # "in Edmonton", but not "in Greenwald's passport" nor "a stake in Sina"
    if (
        head.dep_ == "appos"
        and head.head.ent_type_ in ("GPE", "LOC")
        and head.head.i < m.start
        or m.start >= 2
        and doc[m.start - 1].text == ","
        and doc[m.start - 2].ent_type_ in ("GPE", "FAC")
        and (m.end >= len(doc) or doc[m.end].text in (",", "."))
    ):
        return "in"  # "Woodhill, Milton Keynes,", "Guildford, Surrey": a place and the place it is in
    if (
        m.start >= 2
        and before.lower_ == "of"
        and doc[m.start - 2].text == ","
        and head.dep_ == "pobj"
        and (m.end >= len(doc) or doc[m.end].is_punct)
    ):
        return "hometown"  # "Malcolm Shipley, of Shipley, said"
    return None
