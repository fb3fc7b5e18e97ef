"""Missed names: mentions of people the model did not tag, found from the names it did tag.

Why apart: the small model tags "Hadi Tjahjanto" and then misses "Tjahjanto told Reuters";
it tags "Salinas" and misses "Guadalupe Salinas Hernández"; it misses a name after a title
("Chief Supt Deats"). Each finder here reads only proper nouns the text writes out, never a
list of names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import SAYING_VERBS
from .entities import Mention
from .evidence import common_word
from .mentions import fold, is_honorific, join_tokens, propn_mask
from .titles import is_title_head, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc


def untagged_name_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names of people the article states in full, where the small model missed a later
    mention ("Hague said" with no entity on "Hague")."""
    names = {
        fold(w)
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) > 1
        for w in (m.text.split()[0], m.text.split()[-1])
    }
    # "Soelistyo, head of …", missed, when "Soelistyo said" was tagged: one name a person goes by.
    names |= {
        fold(m.text)
        for m in mentions
        if m.label == "PERSON"
        and len(m.text.split()) == 1
        and not m.place
        and (m.evidence or _speaks_or_titled(doc, m))
    }
    tagged = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    propn = propn_mask(doc)
    for i in propn.nonzero()[0]:
        token = doc[int(i)]
        if token.i not in tagged and token.text[:1].isupper() and fold(token.text) in names:
            end = token.i + 1
            if _rest_of_name(doc, token, tagged):
                end += 1  # "Dai Shuqin, a 61-year-old, said", where only "Mrs Dai" was tagged
            found.append(Mention(token.i, end, join_tokens(list(doc[token.i : end])), "PERSON"))
            tagged.update(range(token.i, end))
    # "Nottingham City Councillor Brian Parbutt", "Dutch coach Rinus Michels": a title then two or
    # three names.
    for i in propn[1:].nonzero()[0]:  # words right before a proper noun
        token = doc[int(i)]
        if is_title_head(token.text) and token.i + 1 not in tagged and token.i < len(doc) - 2:
            while token.i + 2 < len(doc) and is_title_word(doc[token.i + 1].text):
                token = doc[token.i + 1]  # "Chief Supt Deats": the names start after the last title word
            end = token.i + 1
            while (
                end < len(doc)
                and end - token.i <= 3
                and doc[end].pos_ == "PROPN"
                and doc[end].text[:1].isupper()
                and doc[end].is_alpha
                and end not in tagged
            ):
                end += 1
            if end - token.i >= 3 and not (end < len(doc) and doc[end].pos_ == "PROPN"):
                found.append(Mention(token.i + 1, end, join_tokens(list(doc[token.i + 1 : end])), "PERSON"))
                tagged.update(range(token.i + 1, end))
    found += _untagged_full_names(doc, mentions, tagged, propn)
    return found


def _rest_of_name(doc: Doc, token, tagged: set[int]) -> bool:
    """The word after a missed name is the rest of it: an untagged capitalised proper noun the
    name is a compound of, and no common word or title."""
    if token.i + 1 >= len(doc) or token.i + 1 in tagged:
        return False
    after = doc[token.i + 1]
    return (
        token.dep_ == "compound"
        and token.head.i == after.i
        and after.pos_ == "PROPN"
        and after.is_alpha
        and after.text[:1].isupper()
        and not after.text.isupper()
        and not after.ent_type_
        and not is_title_word(after.text)
        and not common_word(doc, after.text, ("noun", "adj", "verb"))
    )


def _speaks_or_titled(doc: Doc, m: Mention) -> bool:
    head = doc[m.end - 1]
    return (
        head.dep_ in ("nsubj", "nsubjpass")
        and head.head.lemma_ in SAYING_VERBS
        or m.honorific
        or (m.start > 0 and is_title_head(doc[m.start - 1].text))
    )


def _untagged_full_names(doc: Doc, mentions: list[Mention], tagged: set[int], propn) -> list[Mention]:
    """ "Guadalupe Salinas Hernández", missed by the model, when it tagged "Salinas" alone as a
    person elsewhere: a run of two to four capitalised proper nouns holding a word the article
    names a person by."""
    words = {fold(m.text) for m in mentions if m.label == "PERSON" and len(m.text.split()) == 1 and not m.place}
    if not words:
        return []
    found = []
    i = 0
    while i < len(doc):
        if not propn[i] or i in tagged:
            i += 1
            continue
        end = i
        while end < len(doc) and propn[end] and end not in tagged and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        start = i
        while i < end and (is_honorific(doc[i].text) or is_title_word(doc[i].text)):
            i += 1  # "Mr Fernandes", "Chancellor Gerhard Schroeder": the name is what follows
        if i > start and 2 <= end - i <= 4 and any(fold(t.text) in words for t in doc[i:end]):
            found.append(Mention(i, end, join_tokens(list(doc[i:end])), "PERSON"))
        elif (
            i == start
            and 2 <= end - i <= 4
            and any(fold(t.text) in words for t in doc[i:end])
            and not doc[i].is_sent_start
            or 2 <= end - i <= 4
            and any(fold(t.text) in words for t in doc[i + 1 : end])
        ):
            found.append(Mention(i, end, join_tokens(list(doc[i:end])), "PERSON"))
        i = max(end, i + 1)
    return found
