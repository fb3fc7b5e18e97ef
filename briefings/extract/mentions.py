"""Mentions: the names spaCy found, cleaned into the forms a reader would call the entity by.

Why apart: everything after (clustering, typing, roles) compares names, so the name has to be
right first. A span from the model carries honorifics, titles, possessives, stray "the"/"and",
glued lists ("McNamara, Balde") and half-names ("Nasa) Ames Research Center"); and the model
misses later mentions of a name it saw in full, or calls a film, an award or a common word a
name. This module fixes the spans, adds the missed mentions and drops what names nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import (
    ACRONYM_SKIP,
    CLUB_SUFFIXES,
    DISEASE_NOUNS,
    GENERIC_ORG_HEADS,
    LOC_HEADS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NAME_STOP_WORDS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    PEERAGE,
    POST_NOMINALS,
    RANKS,
    VERBS_BEFORE_NAMES,
)
from . import places
from .entities import Mention
from .evidence import common_word, doc_text, is_person_noun
from .titles import HONORIFICS, is_title_head, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_EDGE_WORDS = {"the", "a", "an", "and", "or", "of", "'s", "’s", "'", "’", "-", "—", "–", ",", ".", ";", ":"}
_RIC = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,3}")  # a Reuters ticker: "LART.NS", "BARC.L"
# Words a body's name may stop at before "for"/"of" runs on: "Congregation for the Doctrine …".
_BODY_WORDS = {
    "Congregation",
    "Center",
    "Centre",
    "Council",
    "Institute",
    "School",
    "Academy",
    "Society",
    "Department",
    "Ministry",
    "Office",
    "Commission",
    "Association",
    "Union",
    "League",
    "Federation",
    "Bureau",
    "Agency",
    "Administration",
    "Foundation",
    "Fund",
    "Bank",
    "Church",
    "Order",
    "College",
}
_LINK = re.compile(r"https?:|www\.|\.\w+/\w")  # a link; but "GreatFire.org", "thestreet.com" are names
_DASHES = {"-", "–", "—", "--"}


def clean_mention(ent: Span) -> list[Mention]:
    """The cleaned mention(s) in an entity span; a "Japan-U.K." compound gives two, and so does
    "McNamara, Balde" from a team sheet."""
    tokens = list(ent)
    commas = [k for k, t in enumerate(tokens) if t.text in (",", ";")]
    if commas and 0 < commas[0] < len(tokens) - 1:
        return [m for part in _split_at(ent, commas) for m in clean_mention(part)]
    # "NBC News/Wall Street Journal": two names; but "BIA/Kelsey" is one.
    slashes = [k for k, t in enumerate(tokens) if t.text == "/"]
    if len(slashes) == 1 and 2 <= slashes[0] <= len(tokens) - 3:
        return [m for part in _split_at(ent, slashes) for m in clean_mention(part)]
    # "New York State Department of Health and State University of New York": two bodies.
    ands = [k for k, t in enumerate(tokens) if t.lower_ == "and" and 1 < k < len(tokens) - 2]
    if (
        ent.label_ == "ORG"
        and len(ands) == 1
        and _has_body_word(tokens[: ands[0]])
        and _has_body_word(tokens[ands[0] + 1 :])
        and tokens[ands[0] + 1].text[:1].isupper()
    ):
        return [m for part in _split_at(ent, ands) for m in clean_mention(part)]
    if ent.label_ == "ORG":
        tokens = _whole_body(ent.doc, tokens)
    tokens = _before_a_ticker(ent.doc, tokens)
    tokens, label, honorific = _trim(ent.doc, _trim_edges(tokens), ent.label_)
    if label == "PERSON":
        tokens, honorific = _person_name(ent.doc, tokens, honorific)
    if not tokens:
        return []
    return _mentions_of(ent.doc, tokens, label, honorific)


def _before_a_ticker(doc: Doc, tokens: list[Token]) -> list[Token]:
    """ "Larsen and Toubro (LART.NS)", cut by the model at "and": a company's name before its
    ticker in brackets runs back over "X and"."""
    end = tokens[-1].i + 1 if tokens else 0
    start = tokens[0].i if tokens else 0
    if not (end + 2 < len(doc) and doc[end].text == "(" and _RIC.fullmatch(doc[end + 1].text)) or start < 2:
        return tokens
    if doc[start - 1].lower_ in ("and", "&") and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha:
        return list(doc[start - 2 : end])
    return tokens


def _whole_body(doc: Doc, tokens: list[Token]) -> list[Token]:
    """ "the Congregation for the Doctrine of the Faith", cut by the model after "Congregation":
    a body's name runs on through "for"/"of" (with "the", "and") over capitalised words that are
    no place and no person."""
    while tokens and tokens[-1].lower_ in ("and", "of", "for"):
        tokens = tokens[:-1]  # "Center for Strategic and", cut before "International Studies"
    end = tokens[-1].i + 1 if tokens else 0
    k = end
    while k + 1 < len(doc) and doc[k].lower_ in ("for", "of"):
        j = k + 1
        while j < len(doc) and doc[j].lower_ in ("the", "and"):
            j += 1
        start = j
        while (
            j < len(doc)
            and doc[j].text[:1].isupper()
            and doc[j].is_alpha
            and doc[j].ent_type_ in ("", "ORG")
            and not doc[j].is_sent_start
        ):
            j += 1
            while (
                j + 1 < len(doc)
                and doc[j].lower_ in ("and", "of", "the")
                and doc[j + 1].text[:1].isupper()
                and doc[j + 1].ent_type_ in ("", "ORG")
            ):
                j += 1
        if j == start:
            break
        k = j
    # "Center for Strategic" + "and International Studies": a name cut at its "and".
    texts = [t.lower_ for t in tokens]
    if k == end and ("for" in texts or "of" in texts) and end + 1 < len(doc) and doc[end].lower_ == "and":
        j = end + 1
        while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and doc[j].ent_type_ in ("", "ORG"):
            j += 1
        # But a body the model found whole after the "and" is a second body: "the Helmholtz Centre
        # for Infection Research and Hannover Medical School".
        second_body = doc[end + 1].ent_iob_ == "B" and doc[j - 1].text in GENERIC_ORG_HEADS | _BODY_WORDS
        if (
            j > end + 1
            and doc[j - 1].text in GENERIC_ORG_HEADS | _BODY_WORDS | {"Studies", "Affairs", "Sciences"}
            and not second_body
        ):
            return tokens + list(doc[end:j])
    if k == end or not (tokens and tokens[-1].text in GENERIC_ORG_HEADS | _BODY_WORDS):
        return tokens
    return tokens + list(doc[end:k])


def _trim_edges(tokens: list[Token]) -> list[Token]:
    """Brackets, numbers, a dash and stray words cut off the ends of a span."""
    # "Association of Payment and Clearing Services (Apacs": an unclosed bracket ends a name;
    # "Nasa) Ames Research Center": an unopened one starts it.
    texts = [t.text for t in tokens]
    if "(" in texts and ")" not in texts:
        tokens = tokens[: texts.index("(")]
    elif ")" in texts and "(" not in texts:
        tokens = tokens[texts.index(")") + 1 :]
    while tokens and re.match(r"\d", tokens[0].text) and len(tokens) > 1:
        tokens.pop(0)  # "745bn Indian rupees"
    # "Jennifer Lawrence http://t.co/…", "Twitter @MattFriedmanSL", "Benjamin: Hello": a link, a
    # handle or a colon ends a name; a span that is only a link or a handle names no one.
    for k, token in enumerate(tokens):
        if _LINK.search(token.text) or token.text.startswith("@") or token.text == ":" or (k and token.text == "@"):
            tokens = tokens[:k]
            break
    # "AirAsia Flight 8501": a flight is not its airline, but the airline is named.
    for k, token in enumerate(tokens):
        if k and token.lower_ == "flight" and (k + 1 == len(tokens) or any(c.isdigit() for c in tokens[k + 1].text)):
            tokens = tokens[:k]
            break
    # "ranked Cardinals": a lower-case word before a name is not part of it (but "van", "al-" are).
    while (
        len(tokens) > 1
        and tokens[0].text.islower()
        and tokens[0].is_alpha
        and tokens[0].text not in NAME_PARTICLES
        and tokens[0].text not in NAME_PREFIXES
        and tokens[1].text != "-"
        and tokens[1].text[:1].isupper()
    ):
        tokens.pop(0)
    # "Besides Lahav", "Tour Joann": a sentence opened by a word that is no name.
    if (
        len(tokens) > 1
        and tokens[0].is_sent_start
        and tokens[0].tag_ not in ("NNP", "NNPS")
        and tokens[0].pos_ in ("ADJ", "ADV", "ADP", "SCONJ", "VERB", "INTJ")
        and tokens[1].text[:1].isupper()
    ):
        tokens.pop(0)
    # "Exhausted Sylvie": a common adjective opening a sentence, when the name stands without it elsewhere
    # (not a person's first name: "Rich Templeton").
    elif (
        len(tokens) > 1
        and tokens[0].is_sent_start
        and common_word(tokens[0].doc, tokens[0].text)
        and tokens[0].ent_type_ != "PERSON"
        and _stands_without(tokens[0].doc, tokens[1:])
    ):
        tokens.pop(0)
    # "Scarlett Johansson - Racing Stripes": a dash between words ends a name.
    for k, token in enumerate(tokens):
        if k and token.text in _DASHES and token.whitespace_ and tokens[k - 1].whitespace_:
            tokens = tokens[:k]
            break
    while tokens and (tokens[0].lower_ in _EDGE_WORDS or tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in _EDGE_WORDS or tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    # "the IPO of Shake Shack": a thing's letters and "of" before the name.
    if (
        len(tokens) > 2
        and tokens[0].text.isupper()
        and len(tokens[0].text) > 1
        and tokens[1].lower_ == "of"
        and tokens[2].text[:1].isupper()
    ):
        tokens = tokens[2:]
    return tokens


def _stands_without(doc: Doc, tokens: list[Token]) -> bool:
    """Whether these words appear elsewhere in the article without the word before them."""
    rest = " ".join(t.text for t in tokens)
    before = tokens[0].nbor(-1).text
    text = doc_text(doc)
    return any(
        not text[:at].rstrip().endswith(before)
        for at in (m.start() for m in re.finditer(r"\b" + re.escape(rest) + r"\b", text))
    )


def _trim(doc: Doc, tokens: list[Token], label: str) -> tuple[list[Token], str, bool]:
    """(tokens, label, honorific): an owner's name, a sentence-opening adjective and
    post-nominal letters cut off; an honorific makes a person."""
    honorific = bool(tokens) and tokens[0].i > 0 and is_honorific(doc[tokens[0].i - 1].text)
    if len(tokens) > 1 and is_honorific(tokens[0].text) and tokens[1].text[:1].isupper() and label != "PERSON":
        label = "PERSON"  # "Ms Lomax" tagged ORG: an honorific makes a person
    if (
        len(tokens) > 1
        and tokens[0].text.rstrip(".").lower() in RANKS
        and tokens[0].text[:1].isupper()
        and tokens[-1].text[:1].isupper()
        and label != "PERSON"
    ):
        label = "PERSON"  # "Captain Irianto" tagged GPE: a rank makes a person
    k = 0
    while k < len(tokens) and tokens[k].text[:1].isupper() and is_person_noun(tokens[k]):
        k += 1
    if (
        0 < k
        and len(tokens) - k >= 2
        and label != "PERSON"
        and all(t.text[:1].isupper() and not is_title_word(t.text) for t in tokens[k:])
        and not _has_body_word(tokens)
    ):
        label = "PERSON"  # "Mother Superior Marie Clare Millea" tagged ORG
    # "Glasgow's Gartnavel Hospital": the owner's name is not part of the name; but in "the
    # Information Commissioner's Office" a bare generic word is no name without its owner.
    # "King's College London": a generic word right after the owner keeps it in the name.
    for k, token in enumerate(tokens[:-1]):
        if (
            k
            and token.text in ("'s", "’s")
            and label != "PERSON"
            and tokens[k + 1].text[:1].isupper()
            and not (k + 2 == len(tokens) and tokens[-1].text in GENERIC_ORG_HEADS)
            and not (tokens[k + 1].lower_ in ORG_SUFFIXES or tokens[k + 1].text in GENERIC_ORG_HEADS)
        ):
            tokens = tokens[k + 1 :]
            break
    # "Legendary Dutch coach Rinus Michels": an adjective opening a sentence glued to a demonym.
    if (
        len(tokens) == 2
        and label != "PERSON"
        and tokens[0].is_sent_start
        and places.is_demonym(tokens[1].text)
        and not places.lookup(tokens[0].text)
    ):
        tokens = tokens[1:]
    # "Philippe Sands QC": letters after a name are not the name.
    while label == "PERSON" and len(tokens) > 2 and tokens[-1].text in POST_NOMINALS:
        tokens.pop()
    return tokens, label, honorific


def _person_name(doc: Doc, tokens: list[Token], honorific: bool) -> tuple[list[Token], bool]:
    """A person's span without the honorifics, titles and verbs caught at its front."""
    while tokens and (
        is_honorific(tokens[0].text)
        or is_title_word(tokens[0].text)
        or (len(tokens) > 1 and tokens[0].text[:1].isupper() and is_person_noun(tokens[0]))
    ):
        honorific = honorific or is_honorific(tokens[0].text)
        tokens.pop(0)  # "Mr Hague", "President Obama": the title is a role, not the name
    # "Vote Blair": an imperative verb caught at the front of a name.
    while (
        len(tokens) > 1
        and tokens[0].lower_ in VERBS_BEFORE_NAMES
        and (tokens[0].is_sent_start or (tokens[0].i > 0 and doc[tokens[0].i - 1].is_punct))
    ):
        tokens.pop(0)
    # "Nottingham City Councillor Brian Parbutt": words before a title qualify it, they are no one.
    after = tokens[-1].i + 1 if tokens else 0
    if (
        tokens
        and after + 1 < len(doc)
        and doc[after].text[:1].isupper()
        and (is_title_head(doc[after].text) or is_person_noun(doc[after]))
        and doc[after + 1].pos_ == "PROPN"
        and not places.lookup(join_tokens(tokens))
    ):
        return [], honorific  # "… Park Ranger Supervisor Robert Colligan": "Park Ranger" is no one
    # "Broad's Zhang", "Harvard's Church": the owner named before a person is where they work.
    owners = [k for k, t in enumerate(tokens) if t.tag_ == "POS" and 0 < k < len(tokens) - 1]
    if owners and tokens[owners[-1] + 1].text[:1].isupper():
        tokens = tokens[owners[-1] + 1 :]
    # "Nottingham City Councillor Brian Parbutt": the name is what follows the title.
    titles = [k for k, t in enumerate(tokens) if k and t.text[:1].isupper() and is_title_head(t.text)]
    if titles and titles[-1] + 1 < len(tokens):
        tokens = tokens[titles[-1] + 1 :]
    return tokens, honorific


def _mentions_of(doc: Doc, tokens: list[Token], label: str, honorific: bool) -> list[Mention]:
    """The mention(s) a cleaned span makes: a known place, two places ("Japan-U.K."), a name
    with its label corrected, or none (a common word, a measure, a disease, part of a title)."""
    text = join_tokens(tokens)
    if not text:
        return []  # "xenon\n\n": nothing of a name left
    if len(tokens) == 1 and (text.lower() in NAME_STOP_WORDS or tokens[0].tag_ in ("VBG", "VBN", "VBD", "VB")):
        return []  # "TOO" in a shouted heading, "Registering" opening a sentence
    if re.fullmatch(r"\d[\d.,]*\s?[a-z]+", text):
        return []  # "7.60secs": a measure
    if label != "PERSON" and "-" in text:
        parts = [p for p in text.split("-") if p]
        found = [places.lookup(p) for p in parts]
        if len(parts) > 1 and all(found):
            return [
                Mention(tokens[0].i, tokens[-1].i + 1, p, f.type, place=f, demonym=places.is_demonym(p))
                for p, f in zip(parts, found)
            ]
    first = tokens[0].i
    if (
        first > 0
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].text[:1].isupper()
        and not doc[first - 1].ent_type_
    ):
        wider = places.lookup(f"{doc[first - 1].text} {text}")
        if wider is not None:  # "the Liberal Democrats" tagged only on "Democrats"
            tokens = [doc[first - 1]] + tokens
            text = join_tokens(tokens)
    place = places.lookup(text)
    if place is None and label == "GPE" and len(text) <= 3 and text.isalpha():
        place = places.lookup(text.upper())  # "the Uk"
    if (
        place is not None
        and label == "PERSON"
        and place.type != "ORG"
        and not text.isupper()
        and len(tokens) == 1
        and not _listed_with_places(tokens[-1])
    ):
        place = None  # "Jordan" the person; but "Labour" tagged PERSON is still the party
    if place and not (place.ambiguous and label == "PERSON"):
        return [Mention(tokens[0].i, tokens[-1].i + 1, text, place.type, place=place, demonym=places.is_demonym(text))]
    if label == "NORP":
        return []  # "Muslims", "Asian": groups, not participants
    if _not_a_name(doc, tokens, text):
        return []
    label = _corrected_label(doc, tokens, text, label, honorific)
    return [Mention(tokens[0].i, tokens[-1].i + 1, text, label, honorific=honorific)]


def _not_a_name(doc: Doc, tokens: list[Token], text: str) -> bool:
    """A piece of a title, a disease, a prefixed word: the model's entity names no one."""
    if len(tokens) == 1 and is_title_word(text):
        return True  # "Shadow", "State": a piece of a title the model tagged as an entity
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if (
        after is not None
        and after.text[:1].isupper()
        and is_title_head(after.text)
        and all(t.lower_ in ("and", "of", "&") or is_title_word(t.text) for t in tokens)
    ):
        return True  # "Trade and Industry" of "the Trade and Industry Secretary"
    if after is not None and after.lower_ in DISEASE_NOUNS:
        return True  # "Ebola virus", "an Ebola case": a disease, not a place
    return tokens[0].lower_ in NAME_PREFIXES or bool(re.match(r"(?:pre|post|anti|pro|non|ex)-", text))  # "pre-Budget"


def _corrected_label(doc: Doc, tokens: list[Token], text: str, label: str, honorific: bool) -> str:
    """The model's label, corrected by the name's own form and the word before it."""
    if (
        label == "PERSON"
        and not honorific
        and _listed_with_places(tokens[-1])
        and not (len(tokens) > 1 and re.fullmatch(r"[A-Z]\.?", tokens[0].text))
    ):
        label = "GPE"  # "London, Birmingham, Glasgow and Cambridge", "Woodhill, Milton Keynes"; not "R. Salgia"
    if label == "GPE" and len(tokens) > 1 and tokens[-1].text in CLUB_SUFFIXES:
        label = "ORG"  # "Newcastle United"
    if len(tokens) > 2 and tokens[0].text in PEERAGE | {"Prince", "Princess"} and tokens[1].lower_ == "of":
        label = "PERSON"  # "the Duchess of Cambridge": a peer is named by her title and her place
    if label == "FAC" or (label == "ORG" and len(tokens) > 1 and tokens[-1].text in LOC_HEADS):
        label = "LOC"  # "the Three Gorges Dam": a structure or a feature of the land, not its builder
    if label != "ORG" and not honorific and (re.fullmatch(r"G\d{1,2}", text) or _org_noun_before(doc, tokens[0].i)):
        label = "ORG"  # "G7"; "agriculture department Defra", "website PayPal"
    if (
        label == "PERSON"
        and len(tokens) == 1
        and not honorific
        and ((text.isupper() and len(text) > 1) or any(c.isdigit() for c in text))
    ):
        label = "ORG"  # "CENTR", "O2": people's names are not acronyms
    return label


def _has_body_word(tokens: list[Token]) -> bool:
    return any(t.text in GENERIC_ORG_HEADS or t.text in _BODY_WORDS or t.lower_ in ORG_SUFFIXES for t in tokens)


def _split_at(ent: Span, cuts: list[int]) -> list[Span]:
    from spacy.tokens import Span  # only reached while parsing, when spaCy is loaded anyway

    bounds = [-1] + cuts + [len(ent)]
    doc = ent.doc
    return [
        Span(doc, ent.start + a + 1, ent.start + b, label=ent.label_) for a, b in zip(bounds, bounds[1:]) if b - a > 1
    ]


def is_honorific(word: str) -> bool:
    return word.rstrip(".") in HONORIFICS


def _listed_with_places(token: Token) -> bool:
    """ "London, Birmingham, Glasgow and Cambridge": a word in a list of places is a place,
    whatever the model tagged it."""
    first = token
    while first.dep_ == "conj":
        first = first.head
    members, todo = [], [first]
    while todo:
        member = todo.pop()
        members.append(member)
        todo.extend(c for c in member.children if c.dep_ == "conj")
    return any(t.i != token.i and t.ent_type_ in ("GPE", "LOC") for t in members)


def _org_noun_before(doc: Doc, i: int) -> bool:
    """ "the agriculture department Defra": a name right after a noun for a body is that body."""
    if i == 0:
        return False
    token = doc[i - 1]
    return (
        token.lower_ in ORG_NOUNS
        and token.text.islower()
        and token.dep_ in ("compound", "nmod", "appos", "nsubj", "nsubjpass", "dobj", "pobj")
    )


def join_split_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Texas Parks and Wildlife Department", cut by the model at "and": two capitalised parts
    joined by "and" whose second ends in a body's generic word are one body."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == "ORG"
            and prev.label == "ORG"
            and not prev.place
            and m.start == prev.end + 1
            and doc[prev.end].lower_ in ("and", "&")
            and m.text.split()[-1] in GENERIC_ORG_HEADS
            and len(m.text.split()) > 1
        ):
            out[-1] = Mention(prev.start, m.end, join_tokens(list(doc[prev.start : m.end])), "ORG")
            continue
        out.append(m)
    return out


def defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "The State Administration of Radio, Film and Television (SARFT)": the words before a
    parenthesised acronym whose initials spell it are one organisation, however the model cut
    them; the acronym is marked to join it (see `join_defined`)."""
    out = list(mentions)
    for token in doc:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = acronym_of(doc[token.i + 1].text)
        if acronym is None:
            continue
        end = token.i
        if end > 0 and doc[end - 1].tag_ == "POS":  # "the New York Stock Exchange's (NYSE)"
            end -= 1
        start = initials_start(doc, end, acronym)
        if start is None:
            # "India Petrochemicals Limited (IPCL)": a bracketed acronym right after a body's name
            # defines it even when its letters are not the words' initials.
            at = token.i + 1
            if (
                doc[at].text.isupper()
                and any(m.label == "ORG" and m.end == end for m in out)
                and not any(m.start <= at < m.end for m in out)
            ):
                out.append(Mention(at, at + 1, doc[at].text, "ORG"))
            continue
        if any(m.place and m.start >= start and m.end <= end for m in out) and end - start == 1:
            continue
        text = join_tokens(list(doc[start:end]))
        out = [m for m in out if m.end <= start or m.start >= end]
        out.append(Mention(start, end, text, "ORG"))
    return sorted(out, key=lambda m: m.start)


def acronym_of(text: str) -> str | None:
    """ "SARFT", "U.N.", or "Sepa" (the BBC writes pronounceable acronyms in title case), upper-cased."""
    letters = text.replace(".", "")
    if not (2 <= len(letters) <= 8 and letters.isalpha()):
        return None
    if letters.isupper() or (len(letters) >= 4 and letters.istitle()):
        return letters.upper()
    capitals = "".join(c for c in letters if c.isupper())
    if len(capitals) >= 2 and letters[0].isupper():
        return capitals  # "MoD", "DfES": the capitals are the initials
    return None


def initials_start(doc: Doc, end: int, acronym: str) -> int | None:
    """The start of the capitalised run ending at `end` whose initials spell `acronym`
    ("China Central Television" for CCTV too: the last letter may stand for a word's part)."""
    letters = ""
    for start in range(end - 1, max(end - 14, -1), -1):
        token = doc[start]
        if token.text[:1].isupper() and token.is_alpha:
            letters = token.text[0] + letters
        elif token.lower_ not in ACRONYM_SKIP and token.text not in (",", "&"):
            return None
        if token.text[:1].isupper() and (
            letters == acronym or (len(letters) > 2 and letters == acronym[:-1] and start < end - 1)
        ):
            return start
        if len(letters) > len(acronym):
            return None
    return None


def propn_mask(doc: Doc):
    """Which tokens are proper nouns, as a numpy array: one C call instead of a Token per word."""
    from spacy.symbols import PROPN

    return doc.to_array("POS") == PROPN


def join_tokens(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Key for comparing names: case, diacritics, dots and hyphens between words ignored
    ("Kim Jong-un" is "Kim Jong Un")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", ascii_text)
    return re.sub(r"[.\s]+", " ", ascii_text).strip().lower()
