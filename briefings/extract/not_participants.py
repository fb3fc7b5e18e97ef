"""Not participants: things the model takes for names of people, organisations or places.

Why apart: on text from any outlet most false participants are not bad names but names of
other things: films, songs and shows ("Spider-Man 2", a title in quotes), awards and events,
products and vessels ("a Jeep", "the ship KD Lekir"), laws and court cases ("the Volcker
Rule", "Abbott v. Burke"), exams and protocols used as modifiers ("the GCSE system", "IMAP
access"), flight numbers and time zones. Each test reads the words around the name, never a
list of particular names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import (
    AWARDS,
    BODY_NOUNS,
    CHARACTER_VERBS,
    COMPANY_CONTEXT_NOUNS,
    DISEASE_NOUNS,
    DISEASES,
    EVENT_HEADS,
    KIN_NOUNS,
    LAW_HEADS,
    LIST_OF_PARTICIPANTS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    PLACE_NOUNS,
    PRODUCT_NOUNS,
    THING_NOUNS,
    VESSEL_NOUNS,
    WORK_CONTEXT_NOUNS,
    WORK_NOUNS,
    ZONE_NAMES,
)
from .evidence import common_word, is_person_noun, lower_case_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .entities import Cluster, Mention

_OPEN_QUOTES = {'"', "“", "‘", "'", "``", "«"}
_CLOSE_QUOTES = {'"', "”", "’", "'", "''", "»"}
_CODE = re.compile(r"[A-Z]{1,3}\d{3,}[a-z]?")  # "QZ8501", "MH370", "A320s": a flight or an aircraft model


def is_work_or_award(doc: Doc, mention: Mention) -> bool:
    """A film, game, product, law or award the model took for a participant: "Oscar", "the film
    Saving Private Ryan", "romantic comedy Shall We Dance?", "the Golden Globes", a title in
    quotes, "a Jeep", "Lou Gehrig's disease", "protocols like IMAP"."""
    if mention.place:
        return False
    words = mention.text.split()
    if (
        mention.text in AWARDS
        or mention.text in DISEASES
        or (words[-1] in EVENT_HEADS and len(words) > 1)
        or (mention.text.endswith("s") and mention.text[:-1] in AWARDS)
    ):
        return True
    if (len(words) > 1 and words[-1] in LAW_HEADS) or any(w in ("v.", "v", "vs.", "vs") for w in words[1:-1]):
        return True  # "the Volcker Rule", "Abbott v. Burke"
    if mention.text in ZONE_NAMES or any(_CODE.fullmatch(w) for w in words):
        return True  # "midnight GMT", "Flight QZ8501"
    if _quoted(doc, mention) or thing_by_its_neighbours(doc, mention) or _title_of_a_work(doc, mention):
        return True
    # Only the word right before counts, or one more after "the": "horror film The Grudge".
    i = mention.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if (
        i >= 0
        and doc[i].lower_ in WORK_NOUNS
        and doc[i].text.islower()
        and doc[i].pos_ == "NOUN"
        and not mention.honorific
    ):
        return True
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and after.lower_ in (
        "starring",
        "co-starring",
        "award",
        "awards",
        "prize",
        "prizes",
        "trophy",
        "ceremony",
    ):
        return True
    head = doc[mention.end - 1]
    for child in head.children:  # "The Aviator, a film biography of Howard Hughes"
        if (
            child.dep_ == "appos"
            and child.i > head.i
            and (
                child.lower_ in WORK_NOUNS
                or any(c.dep_ == "compound" and c.lower_ in WORK_NOUNS for c in child.children)
            )
        ):
            return True
    while head.dep_ == "conj":
        head = head.head
    # "arcade classics such as Space Invaders, Lunar Lander and Bejewelled", "protocols like IMAP"
    if head.dep_ == "pobj" and head.head.lower_ in ("as", "like", "including"):
        noun = head.head.head
        if noun.lower_ == "such":
            noun = noun.head
        elif head.head.lower_ == "as" and not (
            any(c.lower_ == "such" for c in noun.children) or doc[head.head.i - 1].lower_ == "such"
        ):
            return False  # "as Arsenal have lost …" is no list; "such classics as Space Invaders" is
        if (
            noun.pos_ == "NOUN"
            and noun.text.islower()
            and (
                noun.lemma_.lower() in WORK_NOUNS | PRODUCT_NOUNS
                or (mention.label != "PERSON" and not _may_list_participants(noun))
            )
        ):
            return True
    return False


def drop_common_words(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Words the model took for names that the text shows are not: "electro" (no capital),
    "Broadband's rapid rise" opening a sentence where "broadband" is written in lower case
    elsewhere, "12,600 MW" (a unit after a number, and every other "MW" with it)."""
    units = {
        m.text
        for m in mentions
        if m.label == "ORG"
        and m.text.isupper()
        and len(m.text) <= 4
        and m.start > 0
        and doc[m.start - 1].like_num
        and m.start <= doc[m.start - 1].head.i < m.end
        and not _looks_like_year(doc[m.start - 1].text)
    }  # the number counts the unit, not "25 EU members"
    openers = [
        m
        for m in mentions
        if m.end - m.start == 1
        and not m.place
        and m.label != "PERSON"
        and doc[m.start].is_sent_start
        and not m.text.isupper()
    ]
    # Read the whole text only when some single word opens a sentence (most articles: none).
    lower_words = lower_case_words(doc) if openers else set()
    common = {id(m) for m in openers if m.text.lower() in lower_words}
    # "Stormy weather has forced …": a common adjective opening a sentence before its noun.
    common |= {
        id(m)
        for m in openers
        if m.end < len(doc)
        and doc[m.end].pos_ == "NOUN"
        and doc[m.end].text.islower()
        and common_word(doc, m.text, ("adj", "adv"))
    }
    return [
        m
        for m in mentions
        if any(c.isupper() or c.isdigit() for c in m.text) and m.text not in units and id(m) not in common
    ]


def _looks_like_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", text))


def _may_list_participants(noun: Token) -> bool:
    """Whether "NOUNs like X" may name participants: bodies, places, people."""
    lemma = noun.lemma_.lower()
    return lemma in ORG_NOUNS or lemma in PLACE_NOUNS or lemma in LIST_OF_PARTICIPANTS or is_person_noun(noun)


def _quoted(doc: Doc, mention: Mention) -> bool:
    """A title in quotes: the quote marks hold the name and nothing else ("“Mail Kimp Remix”",
    "'Final Verdicts'"); not a person's name, which a nickname may be ("aka “Lindsey”")."""
    if mention.start == 0 or mention.end >= len(doc) or mention.label == "PERSON":
        return False
    end = mention.end
    if end < len(doc) - 1 and doc[end].text in (".", ",", "?", "!"):
        end += 1
    return doc[mention.start - 1].text in _OPEN_QUOTES and doc[end].text in _CLOSE_QUOTES


def thing_by_its_neighbours(doc: Doc, mention: Mention) -> bool:
    """A name the words around show to be a thing: "a Jeep" (an indefinite article before a
    one-word name heading its phrase), "the ship KD Lekir", "Queen Miri, the $70 million yacht",
    "Lou Gehrig's disease", "the Serial Serial podcast"."""
    head = doc[mention.end - 1]
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    if (
        before is not None
        and before.lower_ in ("a", "an")
        and before.head == head
        and mention.end - mention.start == 1
        and not (after is not None and after.pos_ in ("NOUN", "PROPN"))
    ):
        return True
    if (
        before is not None
        and before.lower_ in VESSEL_NOUNS | PRODUCT_NOUNS
        and before.text.islower()
        and before.pos_ == "NOUN"
        and not mention.honorific
    ):
        return True
    for child in head.children:
        if (
            child.dep_ == "appos"
            and child.i >= mention.end
            and child.lower_ in VESSEL_NOUNS | PRODUCT_NOUNS | THING_NOUNS
        ):
            return True  # "Queen Miri, the $70 million yacht", "CRISPR-Cas9, a powerful and general technology"
    if (
        after is not None
        and after.tag_ == "POS"
        and mention.end + 1 < len(doc)
        and doc[mention.end + 1].lower_ in DISEASE_NOUNS | {"disease", "syndrome"}
    ):
        return True
    if _named_thing(doc, mention.start):
        return True
    return (
        after is not None
        and mention.label in ("GPE", "LOC")
        and after.lower_ in WORK_NOUNS
        and after.pos_ == "NOUN"
        and after.text.islower()
    )


def _named_thing(doc: Doc, start: int) -> bool:
    """A name given to a made thing: "this software, known as Red Wolf", "The system, called
    CRISPR", "a tool dubbed X"."""
    i = start - 1
    if i >= 0 and doc[i].text in ("“", '"', "‘", "'"):
        i -= 1  # known as “Wolf Pack”
    if i >= 0 and doc[i].lower_ in ("called", "named", "dubbed"):
        i -= 1
    elif i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ == "known":
        i -= 2
    else:
        return False
    if i >= 0 and doc[i].text == ",":
        i -= 1
    return i >= 0 and doc[i].lower_ in THING_NOUNS and doc[i].text.islower()


def _title_of_a_work(doc: Doc, mention: Mention) -> bool:
    """ "her performance in Hotel Rwanda", "Spider-Man 2" (a sequel's number), "Al Otro Lado Del
    Rio" (the model's name is the start of a longer run of capitalised words), "The Phantom of
    the Opera movie" (a work's noun after a title opened by a capitalised "The")."""
    head = doc[mention.end - 1]
    if head.dep_ == "pobj" and head.head.lower_ == "in" and head.head.head.lower_ in WORK_CONTEXT_NOUNS:
        return True
    if (
        mention.label != "ORG"
        and mention.end - mention.start > 1
        and re.fullmatch(r"\d{1,2}", doc[mention.end - 1].text)
    ):
        return True
    if (
        mention.label == "PERSON"
        and mention.end + 1 < len(doc)
        and all(
            t.text[:1].isupper() and t.is_alpha and not t.ent_type_ and not t.is_sent_start
            for t in doc[mention.end : mention.end + 2]
        )
    ):
        return True
    # "Harry Potter and the Prisoner of Azkaban": a capitalised common noun, in no name, before
    # or after the mention's "of"/"and the" is a title's.
    owner = head.head.head
    if (
        head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and not mention.start <= owner.i < mention.end
        and _title_word(doc, owner)
    ):
        return True
    if (
        mention.end + 2 < len(doc)
        and doc[mention.end].lower_ in ("and", "of")
        and doc[mention.end + 1].lower_ == "the"
        and _title_word(doc, doc[mention.end + 2], people_too=True)
    ):
        return True
    after = doc[mention.end] if mention.end < len(doc) else None
    opened = mention.start > 0 and doc[mention.start - 1].text == "The" and not doc[mention.start - 1].is_sent_start
    return opened and after is not None and after.lower_ in WORK_NOUNS and after.text.islower()


def _title_word(doc: Doc, token: Token, people_too: bool = False) -> bool:
    """A common noun written with a capital mid-sentence and in no name: a title's word
    ("Prisoner"); a person's noun only when asked ("the Mayor of London" is an office)."""
    return (
        token.text[:1].isupper()
        and not token.is_sent_start
        and not token.ent_type_
        and token.is_alpha
        and (people_too or not is_person_noun(token))
        and common_word(doc, token.text, ("noun",))
    )


def played(doc: Doc, cluster: Cluster) -> bool:
    """A character, not a participant: "who played abortionist Vera Drake"; or a thing the text
    says it is: "GCSE is an exam nobody will fail"."""
    for m in cluster.mentions:
        head = doc[m.end - 1]
        # an actor plays a person: not "the defence portrayed Mr Ebbers as …", nor "Chelsea played Arsenal"
        before = doc[m.start - 1] if m.start > 0 else None  # "played abortionist Vera Drake", not "play Roger Federer"
        if (
            head.dep_ == "dobj"
            and head.head.lemma_ in CHARACTER_VERBS
            and cluster.type == "PERSON"
            and before is not None
            and before.pos_ == "NOUN"
            and before.text.islower()
            and not any(x.honorific for x in cluster.mentions)
            and not any(
                c.dep_ == "prep" and c.lower_ in ("as", "against", "for", "with")
                for c in head.head.children
                if c.i > head.i
            )
        ):
            return True
        if head.dep_ == "nsubj" and head.head.lemma_ == "be" and cluster.type == "ORG" and _code_like(m.text):
            attr = next((c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
            if (
                attr is not None
                and any(d.lower_ in ("a", "an") for d in attr.children)
                and not _may_list_participants(attr)
            ):
                return True
    return False


def of_a_work(doc: Doc, mention: Mention, works: list[Mention]) -> bool:
    """ "Eternal Sunshine of the Spotless Mind": a name in an "of" phrase of a work is the work's."""
    head = doc[mention.end - 1]
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    owner = head.head.head
    return any(w.start <= owner.i < w.end + 3 for w in works)  # "Harry Potter and the Prisoner of Azkaban"


def mere_modifiers(doc: Doc, cluster: Cluster) -> bool:
    """A name used only to qualify things, never as a doer: "the GCSE system", "IMAP access",
    "DVR recordings", "Stormy weather"."""
    if (
        any(m.place or m.honorific or m.kin for m in cluster.mentions)
        or cluster.type != "ORG"
        or not any(_code_like(m.text) for m in cluster.mentions)
    ):
        return False
    uses = [_use(doc, m) for m in cluster.mentions]
    return "doer" not in uses and uses.count("modifier") * 2 >= len(uses)


def _code_like(text: str) -> bool:
    """One word in capitals or with a digit or an inner capital: "GCSE", "IMAP", "POP3", "iPad"."""
    return (
        " " not in text
        and len(text) > 1
        and (text.isupper() or any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:]))
    )


def _use(doc: Doc, m: Mention) -> str:
    """ "modifier" (of a common noun that is no person and no company's), "doer" (a subject,
    an owner, a source), or "other"."""
    head = doc[m.end - 1]
    if head.dep_ in ("nsubj", "nsubjpass", "poss") or (m.end < len(doc) and doc[m.end].tag_ == "POS"):
        return "doer"
    if head.dep_ == "pobj" and head.head.lower_ in ("by", "to", "according"):
        return "doer"
    while head.dep_ == "conj":  # "the O-level and CSE system"
        head = head.head
    noun = head.head
    if (
        head.dep_ in ("compound", "amod", "nmod")
        and noun.i >= m.end
        and noun.pos_ == "NOUN"
        and noun.text.islower()
        and not is_person_noun(noun)
        and noun.lower_ not in COMPANY_CONTEXT_NOUNS | KIN_NOUNS | BODY_NOUNS
        and noun.lemma_.lower() not in ORG_NOUNS
    ):
        return "modifier"
    return "other"


# Second words that make a body's name, not a product's: "BBC News", "Sony Pictures".
_BODY_SECOND_WORDS = {
    "news",
    "radio",
    "television",
    "tv",
    "online",
    "sport",
    "sports",
    "world",
    "music",
    "records",
    "films",
    "books",
    "press",
    "times",
    "post",
    "pictures",
    "studios",
    "games",
    "entertainment",
    "bank",
    "group",
    "foundation",
    "university",
    "college",
    "school",
    "party",
    "council",
    "police",
    "airlines",
    "airways",
    "motors",
    "energy",
    "capital",
    "partners",
    "foods",
    "media",
}


def products(doc: Doc, clusters: list[Cluster]) -> set[int]:
    """Ids of clusters named by a company's name and a common word: "Apple Pay", "Apple Watch"
    beside "Apple" (but "BBC News" beside "BBC" is the broadcaster's)."""
    companies = {c.name.lower() for c in clusters if c.type == "ORG" and len(c.name.split()) == 1}
    out = set()
    for c in clusters:
        words = c.name.split()
        if (
            len(words) == 2
            and words[0].lower() in companies
            and words[1][:1].isupper()
            and words[1].lower() not in _BODY_SECOND_WORDS | ORG_SUFFIXES
            and common_word(doc, words[1], ("noun", "verb"))
        ):
            out.add(id(c))
    return out


def plural_pairs(clusters: list[Cluster]) -> set[int]:
    """Ids of clusters whose name is another's plural ("GCSE" and "GCSEs", "Mac" and "Macs"):
    things counted, never a body, a person or a place."""
    by_name = {
        c.name: c
        for c in clusters
        if c.type != "PERSON" and len(c.name.split()) == 1 and not any(m.place for m in c.mentions)
    }
    out: set[int] = set()
    for name, cluster in by_name.items():
        single = by_name.get(name[:-1]) if name.endswith("s") else None
        if single is not None:
            out |= {id(cluster), id(single)}
    return out
