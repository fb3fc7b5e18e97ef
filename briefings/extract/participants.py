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
from .first_names import gender_of_first_name
from .titles import HONORIFICS, is_title_word, is_title_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_EDGE_WORDS = {"the", "a", "an", "and", "or", "of", "'s", "’s", "'", "’", "-", "—", "–", ",", ".", ";", ":"}
_ACRONYM_SKIP = {"of", "the", "and", "for", "in", "on", "&", "to", "de"}
_DASHES = {"-", "–", "—", "--"}
_POST_NOMINALS = {"QC", "KC", "MP", "MEP", "MSP", "AM", "OBE", "CBE", "MBE", "KBE", "DBE", "PhD", "Jr", "Jr."}
_DISEASE_NOUNS = {"virus", "outbreak", "epidemic", "vaccine", "vaccines", "patient", "patients", "case", "cases",
                  "infection", "infections", "symptoms", "strain", "pandemic", "fever", "crisis"}
_PREFIXES = {"pre", "post", "anti", "pro", "non", "ex"}
_VERBS_BEFORE_NAMES = {"vote", "get", "elect", "back", "support", "ask", "meet", "call", "tell", "let", "see"}
_STOP_WORDS = {"too", "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "it", "is", "we",
               "you", "he", "she", "they", "i", "my", "our", "your", "new", "all", "no", "not", "so", "but", "if",
               "how", "why", "what", "who", "when", "where", "this", "that", "more", "most", "fast", "top", "big"}
# Nouns for a body: the name right after one is that body's ("the regulator Ofcom").
ORG_NOUNS = {
    "department", "ministry", "agency", "firm", "company", "group", "bank", "regulator", "watchdog",
    "broadcaster", "network", "operator", "cartel", "website", "site", "body", "union", "carrier", "airline",
    "retailer", "manufacturer", "giant", "publisher", "newspaper", "paper", "channel", "station", "charity",
    "consultancy", "journal", "magazine", "insurer", "lender", "supermarket", "chain", "organisation",
    "organization", "association", "institute", "university", "club", "label", "studio", "conglomerate",
    "brewer", "carmaker", "maker", "distributor", "exchange", "portal", "provider", "utility", "tabloid",
    "band", "outfit", "orchestra", "choir",
}
# Words that end a body's name but are no name on their own: "the Information Commissioner's Office".
GENERIC_ORG_HEADS = {"Office", "Department", "Ministry", "Committee", "Council", "Agency", "Commission", "Board",
                     "Service", "Party", "Association", "Union", "Court", "Bureau", "Authority", "Institute",
                     "Foundation", "Trust", "Society", "Executive", "Assembly", "Inquiry", "Unit", "Panel"}
# Nouns only a person is: "Courtney Love, the widow of Kurt Cobain".
KIN_NOUNS = {"widow", "widower", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
             "girlfriend", "boyfriend", "fiancee", "fiance", "ex-wife", "ex-husband", "grandson", "granddaughter",
             "uncle", "aunt", "nephew", "niece", "cousin", "stepson", "stepdaughter"}
PEERAGE = {"Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Countess", "Duke", "Duchess"}
# The last word of a club's name after its town's: "Newcastle United".
CLUB_SUFFIXES = {"United", "Rovers", "Athletic", "Wanderers", "Albion", "Hotspur", "FC", "Academicals"}
# The last word of a structure's or a natural feature's name: "the Three Gorges Dam".
LOC_HEADS = {"Stadium", "Arena", "Park", "Dam", "Bridge", "River", "Lake", "Canal", "Tunnel", "Mountains",
             "Mountain", "Valley", "Island", "Islands", "Sea", "Ocean", "Desert", "Forest", "Bay", "Gulf",
             "Peninsula", "Glacier"}
# Nouns for a work: the name right after one is the work's ("the film Saving Private Ryan").
WORK_NOUNS = {
    "film", "films", "movie", "movies", "comedy", "drama", "thriller", "biopic", "documentary", "epic",
    "album", "single", "song", "novel", "book", "play", "musical", "show", "series", "sitcom", "soap",
    "game", "games", "programme", "program", "blockbuster", "sequel", "cartoon", "opera", "ballet",
    "horror", "hit", "title", "titles", "classic", "classics", "musical", "franchise", "biography",
}
PRODUCT_NOUNS = {"gadget", "gadgets", "device", "devices", "phone", "phones", "handset", "handsets", "console",
                 "consoles", "product", "products", "brand", "brands", "drug", "drugs", "software", "app", "apps"}
# Diseases the model takes for places or people ("diagnosed with Ebola").
DISEASES = {"Ebola", "HIV", "Aids", "AIDS", "Sars", "SARS", "Mers", "MERS", "Covid", "Covid-19", "COVID-19", "Zika",
            "MRSA", "Malaria", "Cholera", "Polio", "Measles", "Alzheimer's", "Parkinson's", "Huntington's"}
AWARDS = {"Oscar", "Academy Award", "Golden Globe", "Bafta", "Grammy", "Emmy", "Tony Award", "Brit Award",
          "Golden Bear", "Palme d'Or", "Super Bowl", "Superbowl", "Olympics", "World Cup", "Booker Prize",
          "Nobel Prize", "Turner Prize", "Mercury Prize"}
# The last word of an event's or prize's name: "Conservative Party Conference", "Athens Games".
EVENT_HEADS = {"Award", "Awards", "Prize", "Prizes", "Conference", "Summit", "Games", "Olympics", "Festival",
               "Cup", "Championship", "Championships", "Trophy", "Ceremony", "Globe", "Globes", "Oscars",
               "Bowl", "Marathon", "Grand Prix", "Expo", "Show", "Week", "Day", "Election", "Elections"}


@dataclass
class Mention:
    start: int  # token indexes in the Doc
    end: int
    text: str  # cleaned surface form
    label: str  # PERSON, ORG, GPE, LOC after place lookup
    place: places.Place | None = None
    demonym: bool = False
    honorific: bool = False  # "Mr Lane", "Mrs Gescher": only people carry these
    kin: bool = False  # "Juninho's father", "Courtney Love, the widow of …": only people have these


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
    mentions = defined_acronyms(doc, mentions)
    mentions += untagged_name_mentions(doc, mentions)
    mentions = [m for m in mentions if not is_work_or_award(doc, m)]
    mentions = drop_common_words(doc, mentions)
    relabel_people(mentions)
    relabel_named_people(doc, mentions)
    mentions = join_split_bodies(doc, mentions)
    clusters = cluster_mentions(mentions)
    clusters = _join_defined(doc, clusters)
    for cluster in clusters:
        cluster.type = cluster_type(cluster)
        if cluster.type in ("GPE", "LOC", "PERSON") and (_is_club(doc, cluster) or _org_by_apposition(doc, cluster)):
            cluster.type = "ORG"
        cluster.name = canonical_name(cluster)
        if cluster.type == "PERSON" and len(cluster.name.split()) == 1:
            peer = next((doc[m.start - 1].text for m in cluster.mentions
                         if m.start > 0 and doc[m.start - 1].text in PEERAGE), None)
            if peer:
                cluster.name = f"{peer} {cluster.name}"  # "Lord Bach": a peer's title is part of the name
        if cluster.type == "PERSON":
            cluster.role, cluster.nationality = find_role(doc, cluster)
    clusters = _merge_same_names(doc, clusters)
    _roles_from_descriptions(doc, clusters)
    clusters = [c for c in clusters if c.type in ("PERSON", "ORG", "GPE", "LOC") and not _stray_word(doc, c)]
    # Salience: how often named, a named speaker's words counting as one more mention each, then
    # who comes first.
    clusters.sort(key=lambda c: (-(len(c.mentions) + _speaks(doc, c)), c.first))
    return Participants(clusters)


def _merge_same_names(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Two clusters that came out with one canonical name are one entity ("IPCL" tagged GPE
    beside "India Petrochemicals Limited (IPCL)"); the first named keeps its type unless the
    merged mentions make it a person."""
    by_name: dict[str, Cluster] = {}
    kept = []
    for cluster in sorted(clusters, key=lambda c: c.first):
        target = by_name.get(fold(cluster.name))
        if target is None:
            by_name[fold(cluster.name)] = cluster
            kept.append(cluster)
            continue
        target.mentions = sorted(target.mentions + cluster.mentions, key=lambda m: m.start)
        if cluster.type == "PERSON" and target.type != "PERSON" and cluster_type(target) == "PERSON":
            target.type = "PERSON"
        if target.type == "PERSON" and not target.role:
            target.role, target.nationality = find_role(doc, target)
    return kept


def _roles_from_descriptions(doc: Doc, clusters: list[Cluster]) -> None:
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
            if head.dep_ in ("nsubj", "nsubjpass") and head.head == sent.root and head.tag_ == "NN" \
                    and is_title_head(head.text) and all(t.i in range(first.i + 1, head.i) or t == first
                                                         for t in head.lefts) and head.i - first.i <= 3:
                subjects = [by_token[t.i] for t in previous if t.dep_ in ("nsubj", "nsubjpass")
                            and t.head == previous.root and t.i in by_token]
                if len(subjects) == 1 and not subjects[0].role:
                    subjects[0].role = doc[first.i + 1:head.i + 1].text
        previous = sent


# -- mentions -------------------------------------------------------------------------

def clean_mention(ent: Span) -> list[Mention]:
    """The cleaned mention(s) in an entity span; a "Japan-U.K." compound gives two, and so does
    "McNamara, Balde" from a team sheet."""
    tokens = list(ent)
    doc = ent.doc
    commas = [k for k, t in enumerate(tokens) if t.text in (",", ";")]
    if commas and 0 < commas[0] < len(tokens) - 1:
        return [m for part in _split_at(ent, commas) for m in clean_mention(part)]
    # "New York State Department of Health and State University of New York": two bodies.
    ands = [k for k, t in enumerate(tokens) if t.lower_ == "and" and 1 < k < len(tokens) - 2]
    if ent.label_ == "ORG" and len(ands) == 1 and _has_body_word(tokens[:ands[0]]) and \
            _has_body_word(tokens[ands[0] + 1:]) and tokens[ands[0] + 1].text[:1].isupper():
        return [m for part in _split_at(ent, ands) for m in clean_mention(part)]
    # "Association of Payment and Clearing Services (Apacs": an unclosed bracket ends a name;
    # "Nasa) Ames Research Center": an unopened one starts it.
    texts = [t.text for t in tokens]
    if "(" in texts and ")" not in texts:
        tokens = tokens[:texts.index("(")]
    elif ")" in texts and "(" not in texts:
        tokens = tokens[texts.index(")") + 1:]
    while tokens and re.match(r"\d", tokens[0].text) and len(tokens) > 1:
        tokens.pop(0)  # "745bn Indian rupees"
    label = ent.label_
    # "Scarlett Johansson - Racing Stripes": a dash between words ends a name.
    for k, token in enumerate(tokens):
        if k and token.text in _DASHES and token.whitespace_ and tokens[k - 1].whitespace_:
            tokens = tokens[:k]
            break
    while tokens and (tokens[0].lower_ in _EDGE_WORDS or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].lower_ in _EDGE_WORDS or tokens[-1].is_punct):
        tokens.pop()
    honorific = bool(tokens) and tokens[0].i > 0 and _is_honorific(doc[tokens[0].i - 1].text)
    if len(tokens) > 1 and _is_honorific(tokens[0].text) and tokens[1].text[:1].isupper() and label != "PERSON":
        label = "PERSON"  # "Ms Lomax" tagged ORG: an honorific makes a person
    # "Glasgow's Gartnavel Hospital": the owner's name is not part of the name; but in "the
    # Information Commissioner's Office" a bare generic word is no name without its owner.
    for k, token in enumerate(tokens[:-1]):
        if k and token.text in ("'s", "’s") and label != "PERSON" and tokens[k + 1].text[:1].isupper() \
                and not (k + 2 == len(tokens) and tokens[-1].text in GENERIC_ORG_HEADS):
            tokens = tokens[k + 1:]
            break
    # "Legendary Dutch coach Rinus Michels": an adjective opening a sentence glued to a demonym.
    if len(tokens) == 2 and label != "PERSON" and tokens[0].is_sent_start and places.is_demonym(tokens[1].text) \
            and not places.lookup(tokens[0].text):
        tokens = tokens[1:]
    # "Philippe Sands QC": letters after a name are not the name.
    while label == "PERSON" and len(tokens) > 2 and tokens[-1].text in _POST_NOMINALS:
        tokens.pop()
    if label == "PERSON":
        while tokens and (_is_honorific(tokens[0].text) or is_title_word(tokens[0].text)):
            honorific = honorific or _is_honorific(tokens[0].text)
            tokens.pop(0)  # "Mr Hague", "President Obama": the title is a role, not the name
        # "Vote Blair": an imperative verb caught at the front of a name.
        while len(tokens) > 1 and tokens[0].lower_ in _VERBS_BEFORE_NAMES and \
                (tokens[0].is_sent_start or (tokens[0].i > 0 and doc[tokens[0].i - 1].is_punct)):
            tokens.pop(0)
        # "Nottingham City Councillor Brian Parbutt": words before a title qualify it, they are no one.
        after = tokens[-1].i + 1 if tokens else 0
        if tokens and after + 1 < len(doc) and doc[after].text[:1].isupper() and is_title_head(doc[after].text) \
                and doc[after + 1].pos_ == "PROPN" and not places.lookup(_join(tokens)):
            return []
        # "Nottingham City Councillor Brian Parbutt": the name is what follows the title.
        titles = [k for k, t in enumerate(tokens) if k and t.text[:1].isupper() and is_title_head(t.text)]
        if titles and titles[-1] + 1 < len(tokens):
            tokens = tokens[titles[-1] + 1:]
    if not tokens:
        return []
    text = _join(tokens)
    if len(tokens) == 1 and (text.lower() in _STOP_WORDS or tokens[0].tag_ in ("VBG", "VBN", "VBD", "VB")):
        return []  # "TOO" in a shouted heading, "Registering" opening a sentence
    if re.fullmatch(r"\d[\d.,]*\s?[a-z]+", text):
        return []  # "7.60secs": a measure
    if label != "PERSON" and "-" in text:
        parts = [p for p in text.split("-") if p]
        found = [places.lookup(p) for p in parts]
        if len(parts) > 1 and all(found):
            return [Mention(tokens[0].i, tokens[-1].i + 1, p, f.type, place=f, demonym=places.is_demonym(p))
                    for p, f in zip(parts, found)]
    first = tokens[0].i
    if first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text[:1].isupper() and not doc[first - 1].ent_type_:
        wider = places.lookup(f"{doc[first - 1].text} {text}")
        if wider is not None:  # "the Liberal Democrats" tagged only on "Democrats"
            tokens = [doc[first - 1]] + tokens
            text = _join(tokens)
    place = places.lookup(text)
    if place is None and label == "GPE" and len(text) <= 3 and text.isalpha():
        place = places.lookup(text.upper())  # "the Uk"
    if place is not None and label == "PERSON" and place.type != "ORG" and not text.isupper() and len(tokens) == 1 \
            and not _listed_with_places(tokens[-1]):
        place = None  # "Jordan" the person; but "Labour" tagged PERSON is still the party
    if place and not (place.ambiguous and label == "PERSON"):
        return [Mention(tokens[0].i, tokens[-1].i + 1, text, place.type, place=place, demonym=places.is_demonym(text))]
    if label == "NORP":
        return []  # "Muslims", "Asian": groups, not participants
    if label == "PERSON" and len(tokens) == 1 and not honorific and _listed_with_places(tokens[0]):
        label = "GPE"  # "London, Birmingham, Glasgow and Cambridge"
    if len(tokens) == 1 and is_title_word(text):
        return []  # "Shadow", "State": a piece of a title the model tagged as an entity
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if after is not None and after.text[:1].isupper() and is_title_head(after.text) and \
            all(t.lower_ in ("and", "of", "&") or is_title_word(t.text) for t in tokens):
        return []  # "Trade and Industry" of "the Trade and Industry Secretary"
    if after is not None and after.lower_ in _DISEASE_NOUNS:
        return []  # "Ebola virus", "an Ebola case": a disease, not a place
    if tokens[0].lower_ in _PREFIXES or re.match(r"(?:pre|post|anti|pro|non|ex)-", text):
        return []  # "pre-Budget"
    if label == "GPE" and len(tokens) > 1 and tokens[-1].text in CLUB_SUFFIXES:
        label = "ORG"  # "Newcastle United"
    if label == "FAC" or (label == "ORG" and len(tokens) > 1 and tokens[-1].text in LOC_HEADS):
        label = "LOC"  # "the Three Gorges Dam": a structure or a feature of the land, not its builder
    if label != "ORG" and not honorific and (re.fullmatch(r"G\d{1,2}", text) or _org_noun_before(doc, tokens[0].i)):
        label = "ORG"  # "G7"; "agriculture department Defra", "website PayPal"
    if label == "PERSON" and len(tokens) == 1 and not honorific and \
            ((text.isupper() and len(text) > 1) or any(c.isdigit() for c in text)):
        label = "ORG"  # "CENTR", "O2": people's names are not acronyms
    return [Mention(tokens[0].i, tokens[-1].i + 1, text, label, honorific=honorific)]


def _has_body_word(tokens: list[Token]) -> bool:
    return any(t.text in GENERIC_ORG_HEADS or t.lower_ in ORG_SUFFIXES for t in tokens)


def _split_at(ent: Span, cuts: list[int]) -> list[Span]:
    from spacy.tokens import Span  # only reached while parsing, when spaCy is loaded anyway

    bounds = [-1] + cuts + [len(ent)]
    doc = ent.doc
    return [Span(doc, ent.start + a + 1, ent.start + b, label=ent.label_) for a, b in zip(bounds, bounds[1:])
            if b - a > 1]


def _is_honorific(word: str) -> bool:
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
    return token.lower_ in ORG_NOUNS and token.text.islower() and token.dep_ in ("compound", "nmod", "appos", "nsubj",
                                                                                 "nsubjpass", "dobj", "pobj")


def is_work_or_award(doc: Doc, mention: Mention) -> bool:
    """A film, game or award the model took for a participant: "Oscar", "the film Saving Private
    Ryan", "romantic comedy Shall We Dance?", "the Golden Globes"."""
    if mention.place:
        return False
    words = mention.text.split()
    if mention.text in AWARDS or mention.text in DISEASES or (words[-1] in EVENT_HEADS and len(words) > 1) or \
            (mention.text.endswith("s") and mention.text[:-1] in AWARDS):
        return True
    # Only the word right before counts, or one more after "the": "horror film The Grudge".
    i = mention.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].lower_ in WORK_NOUNS and doc[i].text.islower() and doc[i].pos_ == "NOUN" \
            and not mention.honorific:
        return True
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is not None and after.lower_ in ("starring", "co-starring", "award", "awards", "prize", "prizes",
                                              "trophy", "ceremony"):
        return True
    head = doc[mention.end - 1]
    for child in head.children:  # "The Aviator, a film biography of Howard Hughes"
        if child.dep_ == "appos" and child.i > head.i and (child.lower_ in WORK_NOUNS or any(
                c.dep_ == "compound" and c.lower_ in WORK_NOUNS for c in child.children)):
            return True
    while head.dep_ == "conj":
        head = head.head
    # "arcade classics such as Space Invaders, Lunar Lander and Bejewelled"
    if head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lower_ in WORK_NOUNS | PRODUCT_NOUNS:
        return True
    return False


def drop_common_words(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Words the model took for names that the text shows are not: "electro" (no capital),
    "Broadband's rapid rise" opening a sentence where "broadband" is written in lower case
    elsewhere, "12,600 MW" (a unit after a number, and every other "MW" with it)."""
    units = {m.text for m in mentions if m.label == "ORG" and m.text.isupper() and len(m.text) <= 4
             and m.start > 0 and doc[m.start - 1].like_num and m.start <= doc[m.start - 1].head.i < m.end
             and not _looks_like_year(doc[m.start - 1].text)}  # the number counts the unit, not "25 EU members"
    openers = [m for m in mentions if m.end - m.start == 1 and not m.place and m.label != "PERSON"
               and doc[m.start].is_sent_start and not m.text.isupper()]
    # Read the whole text only when some single word opens a sentence (most articles: none).
    lower_words = {t.text for t in doc if t.text.islower() and not t.is_sent_start} if openers else set()
    common = {id(m) for m in openers if m.text.lower() in lower_words}
    return [m for m in mentions if any(c.isupper() or c.isdigit() for c in m.text) and m.text not in units
            and id(m) not in common]


def _looks_like_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", text))


def relabel_people(mentions: list[Mention]) -> None:
    """A name seen with "Mr"/"Mrs"/"Dr" somewhere is a person's, whatever the model said of its
    other mentions ("Saxon Spence" tagged ORG, then "Mrs Spence")."""
    surnames = {words[-1] for m in mentions if not m.place and (m.honorific or (
        m.label == "PERSON" and len(m.text.split()) > 1)) and (words := fold(m.text).split())}
    # ("Dhiru Bhai Ambani" beside "Anil Ambani"; an honorific with no word after it has no surname)
    for m in mentions:
        if m.place or m.label == "PERSON":
            continue
        words = fold(m.text).split()
        if m.honorific or (len(words) in (2, 3) and words[-1] in surnames and m.text[:1].isupper()
                           and not any(w in ORG_NOUNS for w in words)):
            m.label = "PERSON"


def relabel_named_people(doc: Doc, mentions: list[Mention]) -> None:
    """ "Gregory Vignal" tagged ORG is a person when it opens with a common given name and its
    surname stands alone elsewhere ("Vignal broke the deadlock"); a company named after its
    founder ("Thomas Cook") is seldom called by the surname alone."""
    for m in mentions:  # "Juninho's father", "Juninho's agent": only a person has kin or an agent
        if m.label != "PERSON" and not m.place and m.end + 1 < len(doc) and doc[m.end].tag_ == "POS" \
                and (doc[m.end + 1].lower_ in KIN_NOUNS or doc[m.end + 1].lower_ == "agent"):
            m.label, m.kin = "PERSON", True
    candidates = [m for m in mentions if m.label != "PERSON" and not m.place and 2 <= len(m.text.split()) <= 3
                  and all(w[:1].isupper() for w in m.text.split())
                  and gender_of_first_name(m.text.split()[0].split("-")[0])]  # "Jean-Pierre Jeunet"
    if not candidates:
        return
    propn = _propn_mask(doc)
    orth = doc.to_array("ORTH")
    for m in candidates:
        surname = m.text.split()[-1]
        if surname.lower() in ORG_SUFFIXES or surname in GENERIC_ORG_HEADS | LOC_HEADS | CLUB_SUFFIXES:
            continue
        alone = any(not (i > 0 and propn[i - 1]) and not (i + 1 < len(doc) and propn[i + 1])
                    for i in (orth == doc.vocab.strings[surname]).nonzero()[0] if propn[i])
        head = doc[m.end - 1]
        kin = any(c.dep_ == "appos" and c.lemma_.lower() in KIN_NOUNS for c in head.children)
        if alone or kin:
            m.label = "PERSON"  # "Courtney Love, the widow of …"


def _propn_mask(doc: Doc):
    """Which tokens are proper nouns, as a numpy array: one C call instead of a Token per word."""
    from spacy.symbols import PROPN

    return doc.to_array("POS") == PROPN


def join_split_bodies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Texas Parks and Wildlife Department", cut by the model at "and": two capitalised parts
    joined by "and" whose second ends in a body's generic word are one body."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.label == "ORG" and prev.label == "ORG" and not prev.place \
                and m.start == prev.end + 1 and doc[prev.end].lower_ in ("and", "&") \
                and m.text.split()[-1] in GENERIC_ORG_HEADS and len(m.text.split()) > 1:
            out[-1] = Mention(prev.start, m.end, _join(list(doc[prev.start:m.end])), "ORG")
            continue
        out.append(m)
    return out


def defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "The State Administration of Radio, Film and Television (SARFT)": the words before a
    parenthesised acronym whose initials spell it are one organisation, however the model cut
    them; the acronym is marked to join it (see `_join_defined`)."""
    out = list(mentions)
    for token in doc:
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = _acronym(doc[token.i + 1].text)
        if acronym is None:
            continue
        end = token.i
        if end > 0 and doc[end - 1].tag_ == "POS":  # "the New York Stock Exchange's (NYSE)"
            end -= 1
        start = _initials_start(doc, end, acronym)
        if start is None:
            # "India Petrochemicals Limited (IPCL)": a bracketed acronym right after a body's name
            # defines it even when its letters are not the words' initials.
            at = token.i + 1
            if doc[at].text.isupper() and any(m.label == "ORG" and m.end == end for m in out) \
                    and not any(m.start <= at < m.end for m in out):
                out.append(Mention(at, at + 1, doc[at].text, "ORG"))
            continue
        if any(m.place and m.start >= start and m.end <= end for m in out) and end - start == 1:
            continue
        text = _join(list(doc[start:end]))
        out = [m for m in out if m.end <= start or m.start >= end]
        out.append(Mention(start, end, text, "ORG"))
    return sorted(out, key=lambda m: m.start)


def _acronym(text: str) -> str | None:
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


def _initials_start(doc: Doc, end: int, acronym: str) -> int | None:
    """The start of the capitalised run ending at `end` whose initials spell `acronym`
    ("China Central Television" for CCTV too: the last letter may stand for a word's part)."""
    letters = ""
    for start in range(end - 1, max(end - 14, -1), -1):
        token = doc[start]
        if token.text[:1].isupper() and token.is_alpha:
            letters = token.text[0] + letters
        elif token.lower_ not in _ACRONYM_SKIP and token.text not in (",", "&"):
            return None
        if token.text[:1].isupper() and (letters == acronym or (len(letters) > 2 and letters == acronym[:-1]
                                                               and start < end - 1)):
            return start
        if len(letters) > len(acronym):
            return None
    return None


def _join_defined(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """An acronym joins the organisation it stands beside: "China Central Television (CCTV)",
    "CENTR, the Council of European National Top Level Domain Registries"."""
    by_token = {i: c for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    merged: dict[int, Cluster] = {}
    for cluster in clusters:
        for m in cluster.mentions:
            parenthesised = m.start >= 2 and doc[m.start - 1].text == "(" and m.end < len(doc) and doc[m.end].text == ")"
            if not ((m.text.isupper() or (parenthesised and _acronym(m.text))) and m.end - m.start == 1
                    and not m.place):
                continue
            target = None
            if parenthesised:
                i = m.start - 2
                if doc[i].tag_ == "POS":
                    i -= 1
                target = by_token.get(i)
                if not m.text.isupper() and _initials_start(doc, i + 1, _acronym(m.text)) is None:
                    target = None  # "Sepa" must spell what it stands beside, unlike "(Reuters)"
            elif m.end + 1 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].lower_ == "the":
                target = by_token.get(m.end + 2)
            if target is not None and target is not cluster and (target.mentions[0].label == "ORG"):
                merged[id(cluster)] = target
    return _apply_merges(clusters, merged)


_SAY_VERBS = {"say", "tell", "add", "insist", "argue", "claim", "warn", "note", "explain", "admit", "conclude",
              "predict", "concede", "write", "agree", "acknowledge", "continue", "believe"}


def _speaks(doc: Doc, cluster: Cluster) -> int:
    """How many of the cluster's mentions are the subject of a verb of saying."""
    count = 0
    for m in cluster.mentions:
        head = doc[m.end - 1]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in _SAY_VERBS:
            count += 1
    return count


# Nouns that follow a club's name: "Birmingham manager Steve Bruce".
_CLUB_NOUNS = {"manager", "coach", "boss", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger",
               "flanker", "prop", "hooker", "lock", "fly-half", "scrum-half", "fans", "supporters", "chairman",
               "squad", "player", "players", "forward", "full-back", "centre-back", "skipper",
               "frontman", "frontwoman", "guitarist", "drummer", "bassist", "keyboardist"}  # "Nirvana frontman"


# Nouns and verbs of a player's transfer between clubs.
_TRANSFER_WORDS = {"move", "transfer", "loan", "switch", "return", "sign", "join", "swap", "deal", "bid"}


def _is_club(doc: Doc, cluster: Cluster) -> bool:
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
        if head.dep_ in ("nsubj", "nsubjpass") and head.tag_ == "NNP" and not full_name \
                and not any(c.dep_ == "conj" for c in head.children):
            verb = head.head
            aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            if verb.tag_ == "VBP" or any(a.tag_ == "VBP" for a in aux):
                return True
        if after is not None and after.lower_ in _CLUB_NOUNS and (not person or (
                m.end + 1 < len(doc) and doc[m.end + 1].ent_type_ == "PERSON")):
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
        if h.dep_ == "pobj" and h.head.lower_ in ("from", "to") and h.head.head.lemma_ in _TRANSFER_WORDS:
            return True  # "his move from Middlesbrough", "a loan to Botafogo"
        if h.dep_ == "dobj" and h.head.lemma_ in ("join", "rejoin") and any(
                c.dep_ == "prep" and c.lower_ == "from" for c in h.head.children):
            return True  # "joined Chelsea from Porto"
    return False


def _org_by_apposition(doc: Doc, cluster: Cluster) -> bool:
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


def _stray_word(doc: Doc, cluster: Cluster) -> bool:
    """A single word the model called a person, seen once, with no title, honorific or full
    name and saying nothing: a capitalised word, a game, a product ("Java", "Assault")."""
    if cluster.type != "PERSON" or len(cluster.mentions) > 1:
        return False
    m = cluster.mentions[0]
    if len(m.text.split()) > 1 or m.honorific or m.kin or _speaks(doc, cluster):
        return False
    if m.start > 0 and is_title_word(doc[m.start - 1].text):
        return False
    if m.start > 0 and doc[m.start - 1].lower_ in ("at", "in") and doc[m.start - 1].dep_ == "prep":
        cluster.type = "LOC"  # "limped out at Kingsholm": a ground, a town
        return False
    return True


def untagged_name_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names of people the article states in full, where the small model missed a later
    mention ("Hague said" with no entity on "Hague")."""
    names = {fold(w) for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1
             for w in (m.text.split()[0], m.text.split()[-1])}
    tagged = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    propn = _propn_mask(doc)
    for i in propn.nonzero()[0]:
        token = doc[int(i)]
        if token.i not in tagged and token.text[:1].isupper() and fold(token.text) in names:
            found.append(Mention(token.i, token.i + 1, token.text, "PERSON"))
    # "Nottingham City Councillor Brian Parbutt", "Dutch coach Rinus Michels": a title then two or
    # three names.
    for i in propn[1:].nonzero()[0]:  # words right before a proper noun
        token = doc[int(i)]
        if is_title_head(token.text) and token.i + 1 not in tagged and token.i < len(doc) - 2:
            end = token.i + 1
            while end < len(doc) and end - token.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and doc[end].is_alpha and end not in tagged:
                end += 1
            if end - token.i >= 3 and not (end < len(doc) and doc[end].pos_ == "PROPN"):
                found.append(Mention(token.i + 1, end, _join(list(doc[token.i + 1:end])), "PERSON"))
                tagged.update(range(token.i + 1, end))
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
            add("NAME:" + re.sub(r" (?:com|net|org|co uk)$", "", fold(mention.text)), mention)
    return _join_short_forms(_join_acronyms(list(clusters.values())))


# Words that end an organisation's name without being its distinctive part.
ORG_SUFFIXES = {
    "university", "college", "bank", "group", "inc", "corp", "corporation", "company", "co", "plc", "ltd",
    "limited", "holdings", "airlines", "airways", "motors", "international", "entertainment", "interactive",
    "pictures", "studios", "records", "media", "communications", "technologies", "systems",
    "institute", "foundation", "trust", "partners", "capital", "securities", "markets", "chase",
    "global", "worldwide", "labs", "software", "networks", "telecom", "energy", "oil", "petroleum",
}


def _org_key(cluster: Cluster) -> list[str]:
    words = re.sub(r" (?:com|net|org|co uk)$", "", fold(cluster.mentions[0].text)).split()
    return words


def _join_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """Short forms of an organisation join it: "Shanda" and "JP Morgan" (its first words),
    "Cranfield" beside "Cranfield University", "the Institute" beside "American Film Institute",
    "US Federal Reserve" beside "Federal Reserve". Only when one organisation fits."""
    orgs = [c for c in clusters if c.mentions[0].label == "ORG" and not c.mentions[0].place
            and len(_org_key(c)) > 1]
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
            if len(words) == 1 and words[0] in (other[0], other[-1]) and words[0] in ORG_SUFFIXES | ORG_NOUNS:
                targets.append(org)  # "the Institute", "the Bank" (of England)
            elif other[:len(words)] == words:  # a prefix: "JP Morgan" of "JP Morgan Chase", named first
                if org.first < cluster.first and set(other[len(words):]) <= ORG_SUFFIXES:
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


def _person_key(words: list[str], known: list[tuple[str, list[str]]]) -> str | None:
    """An existing person this full name is another form of ("Barack Hussein Obama")."""
    for key, other in known:
        if words == other or (words[0] == other[0] and words[-1] == other[-1]) or \
                (len(other) > len(words) and other[-len(words):] == words):
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
        acronym = text if text.isupper() else _acronym(text) if len(text.split()) == 1 else None
        target = by_initials.get(acronym) if acronym and 2 <= len(acronym) <= 6 else None  # "MoD", "Nato" too
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
        else:
            kept.append(cluster)
    return kept


def _apply_merges(clusters: list[Cluster], merged: dict[int, Cluster]) -> list[Cluster]:
    """Move each merged cluster's mentions into its final target (following chains); keep the rest."""
    kept = []
    for cluster in clusters:
        target = merged.get(id(cluster))
        while target is not None and id(target) in merged:
            target = merged[id(target)]
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
        else:
            kept.append(cluster)
    return kept


def cluster_type(cluster: Cluster) -> str:
    if any(m.label == "PERSON" and (len(m.text.split()) > 1 or m.kin) for m in cluster.mentions):
        return "PERSON"
    if any(m.place for m in cluster.mentions):
        return next(m.place.type for m in cluster.mentions if m.place)
    # A lone word tagged PERSON in some mentions and a place or an organisation in others is
    # the place or organisation: a person would be named in full somewhere.
    # A name in full says more than its acronym: "Ministry of Defence" ORG over "MoD" tagged GPE.
    mentions = [m for m in cluster.mentions if len(m.text.split()) > 1] or cluster.mentions
    labels = [m.label for m in mentions if m.label != "PERSON"] or [m.label for m in mentions]
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
        role, nationality = title_before(doc, mention.start, mention.end)
        if not role:
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
        if start > 0 and doc[start - 1].tag_ == "NNS" and first.ent_type_ == "PERSON":
            role, nationality = title_before(doc, start, first.i + 1)
            if role:
                return role, nationality
    return None, None


# Nouns that stand before a name without being the person's role.
_NOT_ROLES = {
    "year", "years", "week", "weekend", "day", "days", "month", "time", "season", "today", "tonight",
    "morning", "evening", "night", "people", "fans", "crowd", "side", "team", "duo", "trio", "pair", "couple",
    "quartet", "number", "record", "victory", "defeat", "win", "goal", "goals", "hopefuls", "hopeful",
    "friend", "friends", "tribute", "message", "letter", "report", "statement", "interview", "speech",
    "birthday", "death", "case", "trial", "return", "name", "names", "brand", "thing", "things",
    "man", "woman", "men", "women", "person", "boy", "girl", "child", "children",
}


def _role_head(doc: Doc, i: int, start: int, end: int) -> bool:
    """Whether doc[i], right before a name, is the person's title: a word of office, or a
    common noun the name hangs on ("actor Marlon Brando", "Bath prop Matt Stevens")."""
    token = doc[i]
    if is_title_head(token.text):
        return True
    if token.pos_ != "NOUN" or token.tag_ not in ("NN", "NNS") or not token.is_alpha:
        return False
    if token.text[:1].isupper() and not token.is_sent_start:
        return False
    return not (token.lower_ in _NOT_ROLES or token.lower_ in WORK_NOUNS or token.lower_ in ORG_NOUNS
                or token.lower_ in PRODUCT_NOUNS)


def title_before(doc: Doc, start: int, end: int | None = None) -> tuple[str | None, str | None]:
    """ "British Foreign Secretary William Hague" → ("Foreign Secretary", "British");
    "CBS news anchor Dan Rather" → ("CBS news anchor", None)."""
    end = end if end is not None else start + 1
    i = start - 1
    # Walk over honorifics inside the title run ("Prime Minister Mr Abe" is rare but cheap).
    while i >= 0 and doc[i].text.rstrip(".") in HONORIFICS:
        i -= 1
    # "Minister for Work Jane Kennedy", "Minister for Defence Procurement Lord Bach": the title's
    # head stands before "for"/"of" and its capitalised portfolio.
    k = i
    while k >= 0 and i - k < 5 and doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].ent_type_ == "PERSON":
        k -= 1
    if k < i and k >= 1 and doc[k].lower_ in ("for", "of") and is_title_head(doc[k - 1].text) \
            and doc[k - 1].text[:1].isupper():
        first = k - 1
        while first > 0 and is_title_word(doc[first - 1].text) and doc[first - 1].text[:1].isupper():
            first -= 1
        return doc[first:i + 1].text, None
    # "Parliamentary watchdog Sir Philip Mawer": before an honorific even a body's noun is a role.
    honorific = i < start - 1 and i >= 0 and doc[i].lower_ in ORG_NOUNS and doc[i].text.islower()
    if i < 0 or not (honorific or _role_head(doc, i, start, end)):
        return None, None
    first = i
    while first - 1 >= 0 and i - first < 7:
        token = doc[first - 1]
        if token.text == "-" and not token.whitespace_ and first - 2 >= 0 and doc[first - 2].is_alpha \
                and not doc[first - 2].whitespace_:
            first -= 2  # "co-chairman", "fly-half"
        elif is_title_word(token.text) or (token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN")
                                           and not token.ent_type_ and not places.is_demonym(token.text)
                                           and (not token.is_sent_start or doc[first].text.islower())):
            first -= 1
        elif token.text.islower() and token.is_alpha and token.dep_ in ("amod", "compound", "nmod") and \
                (token.pos_ in ("ADJ", "NOUN", "PROPN") or token.tag_ == "VBN") and token.lower_ not in _NOT_ROLES:
            first -= 1  # "political editor", "veteran comedian", "suspended sprinter"
        elif re.fullmatch(r"\d+(?:m|km|kg)?", token.text) and first - 2 >= 0 and doc[first - 2].text[:1].isupper() \
                and not token.ent_type_:
            first -= 1  # "World 100m champion"
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
    if before is not None and (before.ent_type_ in ("NORP", "GPE") or places.is_demonym(before.text)):
        place = places.lookup(before.text)
        if place is not None and place.type == "GPE":
            nationality = before.text if places.is_demonym(before.text) else None
        elif place is not None:
            role = f"{before.text} {role}"  # a party: "Tory co-chairman"
    if before is not None and before.ent_type_ in ("ORG", "GPE") and not nationality and not role.startswith(before.text):
        org = _entity_before(doc, first)
        if org:
            role = f"{org} {role}"
    return role, nationality


def appositive_role(doc: Doc, mention: Mention) -> str | None:
    """ "NAME, the education secretary,"; "The Shadow Secretary …, NAME, said"; "such
    Hollywood directors as NAME"."""
    head = doc[mention.end - 1]
    coordinated = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
    for child in head.children:
        if coordinated:
            break  # "O'Kelly and O'Connell, one of the best partnerships": the pair's description
        if child.dep_ == "appos" and child.i > head.i and child.ent_type_ != "PERSON" and child.lower_ != "part":
            span = doc[child.left_edge.i:_hyphen_end(doc, child.right_edge.i) + 1]
            comma = next((t.i for t in span if t.i > child.i and t.text == ","), None)
            if len(span) > 12 and comma is not None:  # "the widow of X, who did not want …"
                span = doc[child.left_edge.i:comma]
            if 1 <= len(span) <= 12 and any(is_title_head(t.text) or t.pos_ == "NOUN" for t in span):
                return _trim_role(doc, span)
    title = head.head
    if head.dep_ == "appos" and title.i < mention.start and (is_title_head(title.text) or (
            title.pos_ == "NOUN" and title.tag_ in ("NN", "NNS") and title.lower_ not in _NOT_ROLES | WORK_NOUNS | ORG_NOUNS)):
        begin = mention.start
        while begin > title.i + 1 and _is_honorific(doc[begin - 1].text):
            begin -= 1
        span = doc[title.left_edge.i:begin]
        text = _strip_det(span.text.rstrip(" ,"))
        if 1 <= len(text.split()) <= 12:
            return text
    # "Ross, who is the presenter of BBC One's Film 2005": the noun with its modifiers.
    for child in head.children:
        if child.dep_ == "relcl" and child.lemma_ == "be" and not coordinated:
            for attr in child.children:
                if attr.dep_ == "attr" and attr.pos_ == "NOUN" and attr.lower_ not in _NOT_ROLES | WORK_NOUNS:
                    mods = [t for t in attr.lefts if t.dep_ in ("amod", "compound") and t.i == attr.i - 1]
                    return " ".join([t.text for t in mods] + [attr.text])
    # "Directed by Andrey Zvyagintsev", "hosted by Jonathan Ross": the doer of the work.
    if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.tag_ == "VBN":
        doer = _DOERS.get(head.head.head.lemma_.lower())
        if doer:
            return doer
    # "Vladimir Putin became president", "X is chief executive of Y"
    if head.dep_ == "nsubj" and head.head.lemma_ in ("become", "be", "remain") and head.head.i > head.i:
        for child in head.head.children:
            if child.dep_ == "attr" and is_title_head(child.text) and child.i > head.i:
                span = doc[child.left_edge.i:child.right_edge.i + 1]
                if len(span) > 8:  # "the on-field organiser of a team whose players …"
                    span = doc[child.left_edge.i:child.i + 1]
                if len(span) <= 8:
                    return _trim_role(doc, span)
    # "such Hollywood directors as Oliver Stone and Joel Schumacher"
    h = head
    while h.dep_ == "conj":
        h = h.head
    if h.dep_ == "pobj" and h.head.lower_ == "as":
        noun = h.head.head
        possessive = mention.end < len(doc) and doc[mention.end].tag_ == "POS"
        if noun.pos_ == "NOUN" and any(c.lower_ == "such" for c in noun.children) and not possessive and \
                noun.lower_ not in _NOT_ROLES | WORK_NOUNS | ORG_NOUNS | PRODUCT_NOUNS:
            mods = [c for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound") and c.lower_ != "such"]
            return " ".join([m.text for m in mods] + [noun.lemma_])
    return None


# Work done "by NAME" that names its doer's role.
_DOERS = {"direct": "director", "host": "host", "present": "presenter", "produce": "producer",
          "compose": "composer", "found": "founder", "co-found": "co-founder", "coach": "coach"}


def _hyphen_end(doc: Doc, i: int) -> int:
    """ "vice-chairman of IPCL" parsed as three appositions: the last token of the whole."""
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        i = max(doc[i + 2].right_edge.i, i + 2)
    return i


def _trim_role(doc: Doc, span: Span) -> str:
    """An appositive as a role: no leading "now"/"also", no trailing "in New York"."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("now", "also", "currently", "still", "then", "once", "himself", "herself"):
        tokens.pop(0)
    for k, token in enumerate(tokens):
        if k and token.lower_ in ("in", "from") and k + 1 < len(tokens) and tokens[k + 1].ent_type_ in ("GPE", "LOC"):
            tokens = tokens[:k]
            break
    return _strip_det(_join(tokens))


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|a|an|The|A|An)\s+", "", text.strip(" ,;")).strip()


def _entity_before(doc: Doc, first: int) -> str | None:
    """The organisation that ends right before a title ("ExxonMobil CEO"), not one the
    title itself is part of ("the Trade and Industry Secretary")."""
    for ent in doc.ents:
        if ent.end == first and ent.label_ in ("ORG", "GPE") and not places.is_demonym(ent.text):
            return _strip_det(re.sub(r"['’]s$", "", ent.text))
    return None
