"""Roles: the office or description the text attaches to a person, and their nationality.

Why apart: a role is read from the parse around a person's mentions (a title before the
name, an apposition after it, "X became president", "directed by X"), never guessed; a
wrong role is worse than none, so each pattern says what it accepts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import (
    DOER_ROLES,
    GENERIC_ORG_HEADS,
    KIN_NOUNS,
    LOC_HEADS,
    NOT_ROLES,
    ORG_NOUNS,
    PRODUCT_NOUNS,
    WORK_NOUNS,
)
from . import places
from .evidence import is_person_noun
from .mentions import Mention, is_honorific, join_tokens
from .titles import HONORIFICS, is_title_head, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .clustering import Cluster


def find_role(doc: Doc, cluster: Cluster) -> tuple[str | None, str | None]:
    """(role, nationality) from the first mention that gives one."""
    for mention in sorted(cluster.mentions, key=lambda m: m.start):
        role, nationality = title_before(doc, mention.start, mention.end)
        if role:
            return _one_of_them(doc, mention.start, role), nationality
        role = appositive_role(doc, mention)
        if role:
            return role, nationality
    # "veteran newscasters Tom Brokaw, Barbara Walters": a plural title covers the whole list.
    for mention in sorted(cluster.mentions, key=lambda m: m.start):
        head = doc[mention.end - 1]
        if head.dep_ != "conj":
            continue
        first = head.head
        while first.dep_ == "conj":
            first = first.head
        start = first.i
        while start > 0 and doc[start - 1].ent_type_ == "PERSON":
            start -= 1
        if start > 0 and doc[start - 1].tag_ in ("NNS", "NNPS") and first.ent_type_ == "PERSON":
            role, nationality = title_before(doc, start, first.i + 1)
            if role:
                return _one_of_them(doc, start, role), nationality
    return None, None


def _one_of_them(doc: Doc, start: int, role: str) -> str:
    """A plural title before several names is each one's in the singular: "biologists Jennifer
    Doudna and Emmanuelle Charpentier" makes each a biologist."""
    noun = doc[start - 1] if start > 0 else None
    if noun is not None and noun.tag_ == "NNS" and role.endswith(noun.text) and noun.lemma_ != noun.lower_:
        return role[: len(role) - len(noun.text)] + noun.lemma_
    return role


def roles_from_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
    """ "Tony Blair has pledged … The prime minister told the Jewish Chronicle": a sentence that
    opens with "The" and a title as its subject describes the previous sentence's subject, when
    that is a person the text gave no role yet."""
    by_token = {i: c for c in clusters if c.type == "PERSON" for m in c.mentions for i in range(m.start, m.end)}
    if not by_token:
        return
    previous = None
    for sent in doc.sents:
        first = sent[0]
        if previous is not None and first.lower_ == "the":
            head = first.head
            if (
                head.dep_ in ("nsubj", "nsubjpass")
                and head.head == sent.root
                and head.tag_ == "NN"
                and is_title_head(head.text)
                and all(t.i in range(first.i + 1, head.i) or t == first for t in head.lefts)
                and head.i - first.i <= 3
            ):
                subjects = [
                    by_token[t.i]
                    for t in previous
                    if t.dep_ in ("nsubj", "nsubjpass") and t.head == previous.root and t.i in by_token
                ]
                if len(subjects) == 1 and not subjects[0].role:
                    subjects[0].role = doc[first.i + 1 : head.i + 1].text
        previous = sent


def _role_head(doc: Doc, i: int, start: int, end: int) -> bool:
    """Whether doc[i], right before a name, is the person's title: a word of office, or a
    common noun the name hangs on ("actor Marlon Brando", "Bath prop Matt Stevens")."""
    token = doc[i]
    if is_title_head(token.text) or (token.text[:1].isupper() and is_person_noun(token) and token.pos_ == "PROPN"):
        return True  # "Minister", "Mother Superior"
    if token.pos_ != "NOUN" or token.tag_ not in ("NN", "NNS") or not token.is_alpha:
        return False
    if token.text[:1].isupper() and not token.is_sent_start:
        return False
    # The noun must qualify the name ("actor Marlon Brando"), not be the head of a clause the name
    # opens ("the client Morales referred to").
    verb = doc[end - 1].head
    if doc[end - 1].dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("relcl", "acl") and verb.head.i == i:
        return False
    if doc[end - 1].dep_ in ("nsubj", "nsubjpass") and token.dep_ == "pobj":
        return False  # "Before Sunday's ceremony Owen was …"
    return not (
        token.lower_ in NOT_ROLES
        or token.lower_ in WORK_NOUNS
        or token.lower_ in ORG_NOUNS
        or token.lower_ in PRODUCT_NOUNS
    )


def title_before(doc: Doc, start: int, end: int | None = None) -> tuple[str | None, str | None]:
    """ "British Foreign Secretary William Hague" → ("Foreign Secretary", "British");
    "CBS news anchor Dan Rather" → ("CBS news anchor", None)."""
    end = end if end is not None else start + 1
    i = start - 1
    # Walk over honorifics inside the title run ("Prime Minister Mr Abe" is rare but cheap).
    while i >= 0 and doc[i].text.rstrip(".") in HONORIFICS:
        i -= 1
    last = i  # the role's last token: "Lt." is two
    if i >= 1 and doc[i].text == "." and not doc[i - 1].whitespace_ and is_title_head(doc[i - 1].text):
        i -= 1  # "Lt. David Lelevier"
    # "Minister for Work Jane Kennedy", "Minister for Defence Procurement Lord Bach": the title's
    # head stands before "for"/"of" and its capitalised portfolio.
    k = i
    while k >= 0 and i - k < 5 and doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].ent_type_ == "PERSON":
        k -= 1
    if (
        k < i
        and k >= 1
        and doc[k].lower_ in ("for", "of")
        and is_title_head(doc[k - 1].text)
        and doc[k - 1].text[:1].isupper()
    ):
        first = k - 1
        while first > 0 and is_title_word(doc[first - 1].text) and doc[first - 1].text[:1].isupper():
            first -= 1
        return doc[first : i + 1].text, None
    # "Parliamentary watchdog Sir Philip Mawer": before an honorific even a body's noun is a role.
    honorific = i < start - 1 and i >= 0 and doc[i].lower_ in ORG_NOUNS and doc[i].text.islower()
    if i < 0 or not (honorific or _role_head(doc, i, start, end)):
        return None, None
    first = i
    while first - 1 >= 0 and i - first < 7:
        token = doc[first - 1]
        if (
            token.text == "-"
            and not token.whitespace_
            and first - 2 >= 0
            and doc[first - 2].is_alpha
            and not doc[first - 2].whitespace_
        ):
            first -= 2  # "co-chairman", "fly-half"
        elif (
            is_title_word(token.text)
            or (token.text[:1].isupper() and is_person_noun(token))
            or token.text in LOC_HEADS | GENERIC_ORG_HEADS
            or (
                token.text[:1].isupper()
                and token.pos_ in ("PROPN", "ADJ", "NOUN")
                and not token.ent_type_
                and not places.is_demonym(token.text)
                and (not token.is_sent_start or doc[first].text.islower())
            )
        ):
            first -= 1
        elif (
            token.text.islower()
            and token.is_alpha
            and token.dep_ in ("amod", "compound", "nmod")
            and (token.pos_ in ("ADJ", "NOUN", "PROPN") or token.tag_ == "VBN")
            and token.lower_ not in NOT_ROLES
        ):
            first -= 1  # "political editor", "veteran comedian", "suspended sprinter"
        elif (
            re.fullmatch(r"\d+(?:m|km|kg)?", token.text)
            and first - 2 >= 0
            and doc[first - 2].text[:1].isupper()
            and not token.ent_type_
        ):
            first -= 1  # "World 100m champion"
        elif (
            token.lower_ in ("of", "and", "for")
            and first - 2 >= 0
            and doc[first - 2].text[:1].isupper()
            and doc[first - 2].ent_type_ not in ("PERSON",)
        ):
            first -= 1
        else:
            break
    while first <= i and doc[first].lower_ in ("of", "and", "for"):
        first += 1
    role = re.sub(r"^[Tt]hen-\s*", "", doc[first : max(i, last) + 1].text)  # "Then-DHS Director"
    nationality = None
    before = doc[first - 1] if first > 0 else None
    if before is not None and (before.ent_type_ in ("NORP", "GPE") or places.is_demonym(before.text)):
        place = places.lookup(before.text)
        if place is not None and place.type == "GPE":
            nationality = before.text if places.is_demonym(before.text) else None
        elif place is not None:
            role = f"{before.text} {role}"  # a party: "Tory co-chairman"
    if (
        before is not None
        and before.ent_type_ in ("ORG", "GPE")
        and not nationality
        and not role.startswith(before.text)
    ):
        org = _entity_before(doc, first)
        if org:
            role = f"{org} {role}"
    return role, nationality


def appositive_role(doc: Doc, mention: Mention) -> str | None:
    """ "NAME, the education secretary,"; "The Shadow Secretary …, NAME, said"; "such
    Hollywood directors as NAME"."""
    head = doc[mention.end - 1]
    # "O'Kelly and O'Connell, one of the best partnerships": the pair's description; but "Bini and
    # Felicity Ruby, a colleague of Bini" describes her alone (a singular person noun).
    coordinated = (
        head.dep_ == "conj"
        and not any(c.dep_ == "appos" and c.tag_ == "NN" and is_person_noun(c) for c in head.children)
    ) or any(c.dep_ == "conj" for c in head.children)
    for child in head.children:
        if coordinated:
            break  # "O'Kelly and O'Connell, one of the best partnerships": the pair's description
        if (
            child.dep_ == "appos"
            and child.i > head.i
            and child.ent_type_ != "PERSON"
            and child.lower_ != "part"
            and doc[child.left_edge.i - 1].text != "("
            and child.is_alpha
            and child.lower_ not in NOT_ROLES
            and not places.is_demonym(child.text)
        ):  # not "(spy)", "Indonesian"
            span = doc[child.left_edge.i : _hyphen_end(doc, child.right_edge.i) + 1]
            comma = next((t.i for t in span if t.i > child.i and t.text == ","), None)
            if comma is not None:  # "the widow of X, who did not want …"
                span = doc[child.left_edge.i : comma]
            text = _trim_role(doc, span)
            if 1 <= len(text.split()) <= 12 and any(is_title_head(t.text) or t.pos_ == "NOUN" for t in span):
                return text
    title = head.head
    # "the head of Ecuador's SENAIN, Rommy Vallejo": the office, in apposition to its body's name
    if (
        head.dep_ == "appos"
        and title.i < mention.start
        and title.dep_ == "pobj"
        and title.head.lower_ == "of"
        and is_title_head(title.head.head.text)
        and not coordinated
    ):
        office = title.head.head
        text = _trim_role(doc, doc[office.left_edge.i : title.i + 1])
        if 1 <= len(text.split()) <= 8:
            return text
    if (
        head.dep_ != "appos"
        and mention.start >= 2
        and doc[mention.start - 1].text == ","
        and doc[mention.start - 2].pos_ == "NOUN"
        and is_person_noun(doc[mention.start - 2])
    ):
        title = doc[mention.start - 2]  # "her boyfriend, Andy Paul Chen, who …", parsed otherwise
        if title.lower_ not in NOT_ROLES:
            text = _trim_role(doc, doc[title.left_edge.i : title.i + 1])
            if text:
                return text
    if (
        head.dep_ == "appos"
        and title.i < mention.start
        and (
            is_title_head(title.text)
            or (
                title.pos_ == "NOUN"
                and title.tag_ in ("NN", "NNS")
                and title.lower_ not in NOT_ROLES | WORK_NOUNS | ORG_NOUNS
                and _person_like(title)
            )
        )
    ):
        begin = mention.start
        while begin > title.i + 1 and is_honorific(doc[begin - 1].text):
            begin -= 1
        end = next((t.i for t in doc[title.i : begin] if t.text == ","), begin)
        text = _trim_role(doc, doc[title.left_edge.i : end])
        if 1 <= len(text.split()) <= 12:
            return text
    # "with Kenneth Baker, now Lord Baker of Dorking, as education secretary"
    role = _as_role(doc, mention)
    if role:
        return role
    # "identified the surfer as 50-year-old Kevin Swanson": the person noun the name is given for
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.pos_ == "VERB":
        noun = next(
            (
                c
                for c in head.head.head.children
                if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and is_person_noun(c)
            ),
            None,
        )
        if noun is not None:
            text = _trim_role(doc, doc[noun.left_edge.i : noun.i + 1])
            if text:
                return text
    # "Ross, who is the presenter of BBC One's Film 2005": the noun with its modifiers.
    for child in head.children:
        if child.dep_ == "relcl" and child.lemma_ == "be" and not coordinated:
            for attr in child.children:
                if attr.dep_ == "attr" and attr.pos_ == "NOUN" and attr.lower_ not in NOT_ROLES | WORK_NOUNS:
                    mods = [t for t in attr.lefts if t.dep_ in ("amod", "compound") and t.i == attr.i - 1]
                    return " ".join([t.text for t in mods] + [attr.text])
    # "Directed by Andrey Zvyagintsev", "hosted by Jonathan Ross": the doer of the work.
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.tag_ == "VBN":
        doer = DOER_ROLES.get(head.head.head.lemma_.lower())
        if doer:
            return doer
    # "a disturbed young man named Elliot Rodger", "an 8-year-old boy called Arya Galih Gegana"
    if (
        head.dep_ in ("oprd", "attr", "dobj")
        and head.head.lower_ in ("named", "called")
        and head.head.dep_ == "acl"
        and head.head.head.pos_ == "NOUN"
    ):
        noun = head.head.head
        text = _trim_role(doc, doc[noun.left_edge.i : noun.i + 1])
        if text and is_person_noun(noun):
            return text
    # "The co-pilot was Rémi Emmanuel Plesel": a person noun as the subject, the name after "was".
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        for child in head.head.children:
            if child.dep_ == "nsubj" and child.i < head.i and child.pos_ == "NOUN" and is_person_noun(child):
                text = _trim_role(doc, doc[_word_start(doc, child.left_edge.i) : child.i + 1])
                if text:
                    return text
    # "Vladimir Putin became president", "X is chief executive of Y", "Jennifer Lawrence is a Cardinals fan"
    if head.dep_ == "nsubj" and head.head.lemma_ in ("become", "be", "remain") and head.head.i > head.i:
        for child in head.head.children:
            if (
                child.dep_ == "attr"
                and (is_title_head(child.text) or child.pos_ == "NOUN" and is_person_noun(child))
                and child.i > head.i
            ):
                span = doc[child.left_edge.i : child.right_edge.i + 1]
                if len(span) > 8:  # "the on-field organiser of a team whose players …"
                    span = doc[child.left_edge.i : child.i + 1]
                if len(span) <= 8:
                    return _trim_role(doc, span)
    # "such Hollywood directors as Oliver Stone and Joel Schumacher"
    h = head
    while h.dep_ == "conj":
        h = h.head
    if h.dep_ == "pobj" and h.head.lower_ == "as":
        noun = h.head.head
        possessive = mention.end < len(doc) and doc[mention.end].tag_ == "POS"
        if (
            noun.pos_ == "NOUN"
            and any(c.lower_ == "such" for c in noun.children)
            and not possessive
            and noun.lower_ not in NOT_ROLES | WORK_NOUNS | ORG_NOUNS | PRODUCT_NOUNS
        ):
            mods = [c for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound") and c.lower_ != "such"]
            return " ".join([m.text for m in mods] + [noun.lemma_])
    return None


def _as_role(doc: Doc, mention: Mention) -> str | None:
    """ "NAME (, an aside,) as education secretary": the office the name held "as"."""
    k = mention.end
    if k < len(doc) and doc[k].text == ",":
        close = next((j for j in range(k + 1, min(k + 10, len(doc))) if doc[j].text == ","), None)
        k = close + 1 if close is not None else k
    if k + 1 >= len(doc) or doc[k].lower_ != "as":
        return None
    j = k + 1
    while j < len(doc) and (doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN") or doc[j].text == "-") and j - k <= 5:
        j += 1
    words = doc[k + 1 : j]
    if not words or not (is_title_head(words[-1].text) or is_person_noun(words[-1])):
        return None
    return _trim_role(doc, words) or None


def _person_like(token: Token) -> bool:
    """A noun that may name a person: a known one, or one formed like one ("organiser",
    "campaigner", "novelist"), not "a paw, Joe"."""
    return is_person_noun(token) or bool(re.search(r"(?:er|or|ist|ian|ant|ent|man|woman|ee)s?$", token.lower_))


def _word_start(doc: Doc, i: int) -> int:
    """The first token of a hyphenated word ending at token i: "co-pilot" is three."""
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return i


def _hyphen_end(doc: Doc, i: int) -> int:
    """ "vice-chairman of IPCL" parsed as three appositions: the last token of the whole."""
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        i = max(doc[i + 2].right_edge.i, i + 2)
    return i


_LEADING = {
    "now",
    "also",
    "currently",
    "still",
    "then",
    "once",
    "himself",
    "herself",
    "the",
    "a",
    "an",
    "another",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "this",
    "that",
    "one",
}
_RELATIVES = {"who", "whom", "whose", "which", "that"}
_QUANTIFIERS = {"several", "many", "some", "few", "numerous", "various", "countless", "dozens", "hundreds"}


def _trim_role(doc: Doc, span: Span) -> str:
    """A description as a role: its noun with the words that qualify it, and nothing the
    sentence goes on to say. No leading "his"/"another"/"now", no age ("his 22-year-old
    daughter"), no common-noun owner ("the pilot's brother"), no relative clause or participle
    ("a journalist who visited…", "a lawyer representing…"), no "of" phrase that only
    describes ("owner of this lovely hotel", but "head of Indonesia's search and rescue
    agency"), no trailing "in New York"."""
    tokens = list(span)
    now = _current_post(doc, span)
    if now is not None:
        return _trim_role(doc, now)  # "a former executive who is now CEO of X": the post they hold
    cut = {t.i for t in tokens if t.dep_ in ("relcl", "acl") and t.i > span.start for t in t.subtree}
    cut |= {t.i for t in tokens if t.lower_ in _RELATIVES and t.i > span.start for t in doc[t.i : span.end]}
    for t in tokens:
        if t.lower_ == "of" and t.dep_ == "prep" and t.i > span.start:
            objects = [c for c in t.children if c.dep_ == "pobj"]
            if objects and not _names_its_object(objects[0]):
                cut |= {x.i for x in t.subtree}
        kin = any(x.lower_ in KIN_NOUNS for x in tokens)  # "Morales' wife": the relation, not its other party
        if t.tag_ == "POS" and t.i > span.start and (kin or not doc[t.i - 1].pos_ == "PROPN"):
            owner = doc[t.i - 1]
            cut |= {x.i for x in owner.subtree if x.i <= t.i}  # "the pilot's" brother
    tokens = [t for t in tokens if t.i not in cut]
    tokens = _drop_ages(tokens)
    while tokens and (tokens[0].lower_ in _LEADING or tokens[0].is_punct or _praise(tokens)):
        if tokens[0].lower_ == "then" and len(tokens) > 1 and tokens[1].text == "-":
            tokens.pop(0)  # "Then-DHS Director"
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in ("and", "or", "of")):
        tokens.pop()
    for k, token in enumerate(tokens):
        if k and token.lower_ in ("in", "from") and k + 1 < len(tokens) and tokens[k + 1].ent_type_ in ("GPE", "LOC"):
            tokens = tokens[:k]
            break
        if k and token.lower_ in ("at", "with", "during", "since", "until") and token.dep_ == "prep":
            tokens = tokens[:k]  # "a colleague of Bini at the company ThoughtWorks"
            break
    return _strip_det(join_tokens(tokens))


def _current_post(doc: Doc, span: Span) -> Span | None:
    """What follows "who is now" (or "currently") in a description, when a post follows it."""
    words = [t.lower_ for t in span]
    for k in range(1, len(words) - 3):
        if (
            words[k] == "who"
            and words[k + 1] in ("is", "'s")
            and words[k + 2] in ("now", "currently")
            and any(t.pos_ in ("NOUN", "PROPN") for t in span[k + 3 :])
        ):
            return doc[span.start + k + 3 : span.end]
    return None


def _praise(tokens: list[Token]) -> bool:
    """A participle praising the person, not saying what they do: "a noted cryptography expert",
    "a renowned architect"."""
    return len(tokens) > 2 and tokens[0].tag_ == "VBN" and tokens[0].dep_ == "amod" and tokens[1].lower_ != "and"


def _names_its_object(noun: Token) -> bool:
    """ "of Indonesia's … agency", "of the legal team", "of IPCL": an "of" phrase that says
    whose office it is, kept in a role; "of this lovely hotel", "of several books" are not."""
    if noun.pos_ == "PROPN" or noun.ent_type_:
        return True
    dets = [c for c in noun.children if c.dep_ in ("det", "predet", "poss", "nummod") or c.lower_ in _QUANTIFIERS]
    return all(c.lower_ == "the" or c.dep_ == "poss" and c.pos_ == "PROPN" or c.ent_type_ for c in dets)


def _drop_ages(tokens: list[Token]) -> list[Token]:
    """ "22-year-old" (one token or five) out of a role."""
    text = [t.lower_ for t in tokens]
    out, k = [], 0
    while k < len(tokens):
        if re.fullmatch(r"\d+-years?-old", text[k]):
            k += 1
            continue
        if text[k].isdigit() and text[k + 1 : k + 5] in (["-", "year", "-", "old"], ["-", "years", "-", "old"]):
            k += 5
            continue
        out.append(tokens[k])
        k += 1
    return out


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an|The|A|An)\s+", "", text.strip(" ,;")).strip()


def _entity_before(doc: Doc, first: int) -> str | None:
    """The organisation that ends right before a title ("ExxonMobil CEO"), not one the
    title itself is part of ("the Trade and Industry Secretary")."""
    for ent in doc.ents:
        if ent.end == first and ent.label_ in ("ORG", "GPE") and not places.is_demonym(ent.text):
            return _strip_det(re.sub(r"['’]s$", "", ent.text))
    return None
