"""Who a cue's subject is: a participant's canonical name from a name, a pronoun or a noun.

No coreference model runs offline here, so pronouns are resolved the way a reader does it
with what the article states: the gender of each person (gender.py), then recency, preferring
the subjects of the nearest sentences and the people just quoted.

Nouns are looked up the same cautious way: "the mayor" is the one participant whose role is
mayor, "the ministry" the organisation whose name has "Ministry" in it, "Clinton's campaign"
is Clinton's. Anything that cannot be pinned on a participant resolves to None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..lexicon import (
    CAPITALS_AND_STATES,
    FEMALE_WORDS,
    INSTITUTION_NOUNS,
    MALE_WORDS,
    NICKNAMES,
    ON_BEHALF_NOUNS,
    SAYING_VERBS,
    SPEAKER_NOUNS,
)
from .evidence import common_word, lower_case_words, person_evidence, reads_as_a_name
from .first_names import gender_of_first_name
from .gender import Genders
from .participants import Cluster, Mention, Participants, fold
from .titles import HONORIFICS, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "nsubjpass")
_PLACE_PREPOSITIONS = {
    "in",
    "at",
    "from",
    "to",
    "near",
    "across",
    "outside",
    "inside",
    "around",
    "into",
    "toward",
    "towards",
    "through",
    "of",
    "the",
}
UNKNOWN = Cluster(name="", type="PERSON")  # a person the article names but we could not resolve


class Speakers:
    """Speaker resolution for one Doc; remembers whom it resolved, for the pronouns after."""

    def __init__(self, doc: Doc, participants: Participants, quoted: set[int]):
        self.doc = doc
        self.participants = participants
        self.quoted = quoted
        self._genders = Genders(doc, participants, quoted)
        self._events: list[tuple[int, Cluster]] = []  # (token index, speaker): quotes and pronouns resolved
        self._pronouns: dict[int, Cluster | None] = {}
        self._places: dict[int, bool] = {}

    # -- public ---------------------------------------------------------------------------

    def note(self, token_index: int, cluster: Cluster | None) -> None:
        """A speaker just attributed at this token: the most likely antecedent of "he said" next."""
        if cluster is not None:
            self._events.append((token_index, cluster))

    def of_subject(self, subject: Token) -> Cluster | None:
        """The participant a cue's subject names: a name, a pronoun or a noun phrase."""
        if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Kevin Barrett, …, who represents …" → Barrett
        lower = subject.lower_
        if lower in ("he", "she"):
            return self.pronoun(subject.i, "m" if lower == "he" else "f")
        if lower == "it":
            return self.pronoun(subject.i, "n")  # an organisation: "what it called …"
        if subject.pos_ == "PRON" or subject.pos_ == "PROPN" and unnamed_person(subject):
            return None  # I, we, they, it, this: the writer, a group or a thing; "an Iowa Democrat"
        cluster = self._head_mention(subject)
        if cluster is not None:
            return cluster
        if subject.pos_ == "PROPN":
            return self.untagged_name(subject)
        if subject.pos_ == "NOUN":
            return self.nominal(subject)
        return None

    def fullest(self, cluster: Cluster) -> Cluster:
        """The one person named in full that a shorter name of the participants stands for:
        "Supt Deats" (a rank kept) is Mick Deats, "Dai" is Dai Shuqin, "Joe" is Joseph Worley,
        "Mueller" is Gerhard Müller; when exactly one person fits."""
        words = cluster.name.split()
        if cluster.type != "PERSON" or len(words) > 2 or len(words) == 2 and not is_title_word(words[0]):
            return cluster
        name = _forms(words[-1])
        same = []
        for other in self.participants.clusters:
            full = other.name.split()
            if other is cluster or other.type != "PERSON" or len(full) < 2 or is_title_word(full[0]):
                continue
            if (
                name & _forms(full[-1])
                or len(words) == 1
                and name & (_forms(full[0]) | _forms(NICKNAMES.get(full[0], "")))
            ):
                same.append(other)
        return same[0] if len(same) == 1 else cluster

    def by_name(self, tokens: list[Token]) -> Cluster | None:
        """A participant from a bare name ("PENCE:", "― Sonya Herridge"), made one if need be."""
        tokens = [t for t in tokens if t.text[:1].isalpha()]
        if not tokens or len(tokens) > 4:
            return None
        for t in tokens:
            cluster = self.participants.at(t.i)
            # not a mention the model ran on past the name ("Benjamin: Hello")
            if cluster is not None and cluster.type in ("PERSON", "ORG") and ":" not in cluster.name:
                return cluster
        words = [fold(t.text) for t in tokens]
        found = self._person_by_words(words) or next(
            (c for c in self.participants.clusters if c.type in ("PERSON", "ORG") and fold(c.name).split() == words),
            None,
        )
        if found is not None:
            return found  # never a second participant of the same name, whatever type the first got
        if not all(t.text[:1].isupper() for t in tokens) or any(is_title_word(t.text) for t in tokens):
            return None
        return self._new_person(tokens)

    def pronoun(self, token_index: int, gender: str) -> Cluster | None:
        """The person "he"/"she" at this token refers to, or None."""
        if token_index in self._pronouns:
            return self._pronouns[token_index]
        self._pronouns[token_index] = None  # no cycles
        found = self._pronoun(token_index, gender)
        self._pronouns[token_index] = found
        if found is not None:
            self.note(token_index, found)
        return found

    def _pronoun(self, token_index: int, gender: str) -> Cluster | None:
        doc = self.doc
        sent = doc[token_index].sent
        candidates = self._candidates() if gender != "n" else self._organisations()
        if gender == "n":
            # "it" is the organisation that is the subject of its sentence or the one before
            for distance in range(2):
                if distance:
                    if sent.start == 0:
                        break
                    sent = doc[sent.start - 1].sent
                limit = token_index if distance == 0 else sent.end
                here = sorted(
                    (c for c in candidates if sent.start <= c[0] < limit and c[2] is not None),
                    key=lambda c: (c[2], -c[0]),
                )
                if here:
                    return here[0][1]
            return None
        word = "he" if gender == "m" else "she"
        nouns: set[int] = set()  # speaker nouns ("a spokesman for …") among the candidates
        for distance in range(0, 6):
            if sent.start <= 0 and distance:
                break
            if distance:
                sent = doc[sent.start - 1].sent
            limit = token_index if distance == 0 else sent.end
            here = [c for c in candidates if sent.start <= c[0] < limit]
            # The same pronoun as subject of an earlier sentence is the same person: follow
            # it back ("During his tour, he paused … “My hope,” he said").
            if distance:
                here += [
                    (t.i, None, self._rank(t))
                    for t in sent
                    if t.lower_ == word and t.dep_ in SUBJECTS and t.i not in self.quoted
                ]
                # A name the article gives no participant for ("Wines believes …"): if it is
                # the likeliest antecedent, the speaker is unknown, not the next person back.
                here += [(t.i, UNKNOWN, self._rank(t)) for t in sent if self._unknown_name(t)]
                nouns = {t.i for t in sent if self._speaker_noun(t, gender)}
                here += [(i, self._speaking_for(doc[i]), self._rank(doc[i])) for i in nouns]
            if not here:
                continue
            # Subjects first (main clause before subordinate, then left to right), then the
            # other mentions nearest first.
            subjects = sorted((c for c in here if c[2] is not None), key=lambda c: (c[2], c[0]))
            # In the pronoun's own sentence only another clause's subject can be it: not "Midway"
            # in "During his tour of Midway, he paused".
            others = sorted((c for c in here if c[2] is None), key=lambda c: -c[0]) if distance else []
            for i, cluster, _ in subjects + others:
                if cluster is None:
                    return self.pronoun(i, gender)
                if cluster is UNKNOWN:
                    return None
                if distance and i in nouns or self.gender(cluster) in (gender, None):  # "a spokesman for …"
                    return cluster
        return None

    def gender(self, cluster: Cluster) -> str | None:
        return self._genders.of(cluster)

    # -- names ----------------------------------------------------------------------------

    def _head_mention(self, subject: Token) -> Cluster | None:
        """The participant the subject's head names, or a name in apposition or compound with
        it ("spokesman Brian Fallon"), never one inside a possessive or a prepositional phrase
        ("Trump's spokesman", "Mr. Morgan of the Sierra Club" is Morgan)."""
        cluster = self.participants.at(subject.i)
        if cluster is not None and self._usable(cluster, subject):
            return cluster
        for child in subject.children:
            if child.dep_ in ("appos", "compound", "flat", "nmod") and child.i not in self.quoted:
                # not a name inside a possessive or a prepositional phrase of the apposition
                # ("Guillaume Long, the foreign minister of Ecuador under Correa")
                aside = {t.i for d in child.subtree if d.dep_ in ("poss", "prep") for t in d.subtree}
                for t in child.subtree:
                    if t.i in aside or t.i in self.quoted:
                        continue
                    cluster = self.participants.at(t.i)
                    if (
                        cluster is not None
                        and cluster.type == "PERSON"
                        and child.dep_ != "compound"
                        or cluster is not None
                        and child.dep_ == "appos"
                        and cluster.type == "ORG"
                    ):
                        return cluster
        # "spokesman Brian Fallon": the name comes as compounds of a title-headed noun
        if subject.pos_ == "NOUN":
            for child in subject.children:
                if child.dep_ == "compound" and child.pos_ == "PROPN":
                    cluster = self.participants.at(child.i)
                    if cluster is not None and cluster.type == "PERSON" and child.i > subject.i:
                        return cluster
        return None

    def _usable(self, cluster: Cluster, subject: Token) -> bool:
        # A place never speaks ("warning that Seoul will pay", "Hoboken is considered"), but what
        # the model types GPE is sometimes a surname ("Stenberg said").
        return cluster.type in ("PERSON", "ORG") or subject.pos_ == "PROPN" and not self.is_place(cluster)

    def is_place(self, cluster: Cluster) -> bool:
        """A GPE or LOC, unless it reads as a surname the model typed GPE: not a known country,
        capital or US state, never where something is ("in Seoul", "the North"), and the subject
        of a verb of saying ("Stenberg said")."""
        if cluster.type not in ("GPE", "LOC"):
            return False
        key = id(cluster)
        if key not in self._places:
            doc = self.doc
            self._places[key] = (
                any(m.place is not None or m.text in CAPITALS_AND_STATES for m in cluster.mentions)
                or any(m.start > 0 and doc[m.start - 1].lower_ in _PLACE_PREPOSITIONS for m in cluster.mentions)
                or not any(
                    doc[m.end - 1].dep_ == "nsubj" and doc[m.end - 1].head.lemma_.lower() in SAYING_VERBS
                    for m in cluster.mentions
                )
            )
        return self._places[key]

    def untagged_name(self, subject: Token) -> Cluster | None:
        """A proper noun the model did not tag: a surname of someone named in full, or a new
        person when it reads as a full name ("Bob Corker said" with no entity on it)."""
        tokens = sorted(
            [subject]
            + [c for c in subject.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < subject.i],
            key=lambda t: t.i,
        )
        while tokens and (tokens[0].text.rstrip(".") in HONORIFICS or is_title_word(tokens[0].text)):
            tokens.pop(0)
        if not tokens or any(t.i in self.quoted for t in tokens):
            return None
        found = self._person_by_words([fold(t.text) for t in tokens]) or self._org_by_word(tokens)
        if found is not None:
            return found
        speaks = subject.dep_ == "nsubj" and subject.head.lemma_.lower() in SAYING_VERBS
        if (
            len(tokens) == 1
            and speaks
            and subject.tag_ == "NNP"
            and subject.is_title
            and not subject.ent_type_
            and not common_word(self.doc, subject.text, ("noun", "adj", "verb", "adv"))
            and subject.lower_ not in lower_case_words(self.doc)
        ):
            return self._new_person(tokens)  # "Husted said", a surname the model missed
        if (
            len(tokens) >= 2
            and all(t.text[:1].isupper() for t in tokens)
            and (gender_of_first_name(tokens[0].text) or speaks and self._reads_as_person(tokens))
        ):
            return self._new_person(tokens)  # "…,” reports Corrie Driebusch: a name, whatever its first name
        return None

    def _reads_as_person(self, tokens: list[Token]) -> bool:
        """A name, or one a person noun stands beside ("Guillaume Long, the foreign minister")."""
        mention = Mention(tokens[0].i, tokens[-1].i + 1, " ".join(t.text for t in tokens), "PERSON")
        return reads_as_a_name(self.doc, mention) or person_evidence(self.doc, mention) is not None

    def _person_by_words(self, words: list[str]) -> Cluster | None:
        """The person whose surname (or full name) these words are, when only one fits."""
        people = [c for c in self.participants.clusters if c.type == "PERSON"]
        full = [c for c in people if fold(c.name).split() == words]
        if full:
            return full[0]
        last = words[-1]
        matches = [c for c in people if fold(c.name).split()[-1] == last]
        if len(words) == 1 and not matches:
            matches = [c for c in people if fold(c.name).split()[0] == last]
        if len(matches) > 1 and len(words) == 1:
            # "Trump" alone: the person the article itself calls that most often
            uses = [(sum(fold(m.text) == last for m in c.mentions), c) for c in matches]
            uses.sort(key=lambda u: -u[0])
            if uses[0][0] > uses[1][0]:
                return uses[0][1]
        return matches[0] if len(matches) == 1 else None

    def _org_by_word(self, tokens: list[Token]) -> Cluster | None:
        """ "Peabody said" when the article names "Peabody Energy": the one organisation whose
        name starts with these words."""
        words = [fold(t.text) for t in tokens]
        orgs = [
            c for c in self.participants.clusters if c.type == "ORG" and fold(c.name).split()[: len(words)] == words
        ]
        return orgs[0] if len(orgs) == 1 else None

    def _new_person(self, tokens: list[Token]) -> Cluster:
        text = " ".join(t.text for t in tokens)
        if text.isupper():
            text = text.title()
        mention = Mention(tokens[0].i, tokens[-1].i + 1, text, "PERSON")
        cluster = Cluster(mentions=[mention], name=text, type="PERSON")
        self.participants.add(cluster)  # a speaker the model missed: every speaker is a participant
        return cluster

    # -- nouns ----------------------------------------------------------------------------

    def nominal(self, subject: Token) -> Cluster | None:
        lemma = subject.lemma_.lower()
        # "Clinton's campaign", "the Trump campaign", "a spokesman for the ministry"
        if lemma in ON_BEHALF_NOUNS or subject.lower_ in ON_BEHALF_NOUNS:
            for child in subject.children:
                if child.dep_ in ("poss", "compound") or (
                    child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from", "with")
                ):
                    # the body itself before its owner: "a spokesman for Adelson's Sands" is Sands's
                    heads = [g for g in child.children if g.dep_ == "pobj"]
                    for t in heads + list(child.subtree):
                        cluster = self.participants.at(t.i)
                        if cluster is not None and cluster.type in ("PERSON", "ORG") and t.i not in self.quoted:
                            return cluster
        if lemma in INSTITUTION_NOUNS:
            return self._organisation(lemma, subject.i)
        return self._by_role(subject)

    def _organisation(self, noun: str, before: int) -> Cluster | None:
        """The organisation mentioned last before the token whose name has the noun in it."""
        best: tuple[int, Cluster] | None = None
        for cluster in self.participants.clusters:
            if cluster.type != "ORG" or noun not in fold(cluster.name).split():
                continue
            starts = [m.start for m in cluster.mentions if m.start < before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), cluster)
        return best[1] if best else None

    def _by_role(self, subject: Token) -> Cluster | None:
        """ "the mayor said" → the one person whose role is mayor (the latest named, if several)."""
        if any(
            t.pos_ == "PROPN" and not is_title_word(t.text)
            for t in subject.subtree
            if t.i != subject.i and t.dep_ not in ("prep", "pobj")
        ):
            return None
        words = {subject.lemma_.lower(), subject.lower_}
        best: tuple[int, Cluster] | None = None
        for cluster in self.participants.clusters:
            if cluster.type != "PERSON" or not cluster.role:
                continue
            role_words = re.findall(r"[\w-]+", cluster.role.lower())
            if not role_words or role_words[-1] not in words:
                continue
            starts = [m.start for m in cluster.mentions if m.start < subject.i]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), cluster)
        return best[1] if best else None

    # -- pronouns -------------------------------------------------------------------------

    def _candidates(self) -> list[tuple[int, Cluster, int | None]]:
        """(token, person, subject rank or None) for every person mention outside quotes and
        every speaker already resolved; rank 0 is a main-clause subject."""
        out = []
        for cluster in self.participants.clusters:
            if not self.is_person(cluster):
                continue
            for mention in cluster.mentions:
                if mention.start in self.quoted:
                    continue
                out.append((mention.start, cluster, self._subject_rank(mention)))
        out += [(i, c, 0) for i, c in self._events if self.is_person(c)]
        return out

    def _organisations(self) -> list[tuple[int, Cluster, int | None]]:
        return [
            (m.start, c, self._subject_rank(m))
            for c in self.participants.clusters
            if c.type == "ORG" and not self.is_person(c)
            for m in c.mentions
            if m.start not in self.quoted
        ]

    @staticmethod
    def is_person(cluster: Cluster) -> bool:
        """A person, or a full name the model typed as an organisation ("Quentin Davies")."""
        if cluster.type == "PERSON":
            return True
        words = cluster.name.split()
        return (
            cluster.type == "ORG"
            and 2 <= len(words) <= 3
            and gender_of_first_name(words[0]) is not None
            and all(w[:1].isupper() and not w.isupper() for w in words)
        )

    def _subject_rank(self, mention: Mention) -> int | None:
        doc = self.doc
        head = doc[mention.end - 1]
        # the token of the mention whose head is outside it
        for t in doc[mention.start : mention.end]:
            if not (mention.start <= t.head.i < mention.end) or t.head.i == t.i:
                head = t
                break
        if head.dep_ == "appos":
            head = head.head
        elif any(c.dep_ == "appos" for c in head.children) and head.dep_ in ("dobj", "pobj"):
            # introduced with a role ("concerns Henry Crespo, president of …"): about to speak, after the main subject
            return 1
        return self._rank(head)

    def _unknown_name(self, token: Token) -> bool:
        return (
            token.dep_ in SUBJECTS
            and token.pos_ == "PROPN"
            and token.ent_type_ == "PERSON"
            and token.text[:1].isupper()
            and token.i not in self.quoted
            and self.participants.at(token.i) is None
            and not is_title_word(token.text)
            and token.text.rstrip(".") not in HONORIFICS
            and not any(c.dep_ == "compound" and self.participants.at(c.i) for c in token.children)
        )

    def _speaker_noun(self, token: Token, gender: str) -> bool:
        """ "A spokesman for the UK Film Council said: … He added: …": a person named only by a
        noun, the subject of a verb of saying, who can be this "he" or "she"."""
        lower = token.lower_
        if lower in (FEMALE_WORDS if gender == "m" else MALE_WORDS):
            return False
        return (
            token.dep_ == "nsubj"
            and token.pos_ == "NOUN"
            and token.lemma_.lower() in SPEAKER_NOUNS
            and token.i not in self.quoted
            and token.head.lemma_.lower() in SAYING_VERBS
            and self.participants.at(token.i) is None
        )

    def _speaking_for(self, token: Token) -> Cluster:
        """Whom a speaker noun's words belong to: "a spokesman for the council" the council's,
        "an official" nobody's we can name (UNKNOWN)."""
        return self.nominal(token) or UNKNOWN

    def _rank(self, head: Token) -> int | None:
        """How deep the clause is that this token is the subject of (0: the main clause)."""
        if head.dep_ not in SUBJECTS:
            return None
        depth, t = 0, head.head
        while t.head.i != t.i and depth < 10:
            depth, t = depth + 1, t.head
        return depth


_INDEFINITE = {"a", "an", "one", "another", "some", "many", "several", "few", "other", "most", "two", "three"}
# Nouns for a person with nothing to tie them to one the article names.
_ANYONE = {"man", "woman", "person", "people", "someone", "somebody", "voter", "resident", "passer-by", "witness"}


def determiner(noun: Token) -> str:
    """How a common-noun subject is introduced: "an official" (indefinite), "officials"
    (plural), "the senator" (definite), "Trump's spokesman" (possessive), or bare."""
    for child in noun.children:
        if child.dep_ == "poss":
            return "possessive"
        if child.dep_ in ("det", "nummod", "amod") and child.lower_ in _INDEFINITE:
            return "indefinite"
    if noun.tag_ == "NNS":
        return "plural"
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return "definite"
    return "bare"


def unnamed_person(subject: Token | None) -> bool:
    """A subject that names nobody the article names: "an official", "some critics", "the man",
    with no name beside it ("a spokesman for the ministry" names the ministry)."""
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return False
    if subject.pos_ == "PROPN":  # one of a party or a people, not the party: "an Iowa Democrat", "one Republican"
        return (
            subject.tag_ == "NNP"
            and subject.ent_type_ == "NORP"
            and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in subject.children)
        )
    if any(t.pos_ == "PROPN" for t in subject.subtree):
        return False
    return determiner(subject) in ("indefinite", "plural") or subject.lower_ in _ANYONE


_TRANSLITERATED = str.maketrans({"ü": "ue", "ö": "oe", "ä": "ae", "Ü": "Ue", "Ö": "Oe", "Ä": "Ae", "ß": "ss"})


def _forms(word: str) -> set[str]:
    """A name word as the article may spell it: "Müller", "Muller", "Mueller"."""
    return {fold(word), fold(word.translate(_TRANSLITERATED))} - {""}
