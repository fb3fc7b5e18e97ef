"""Who a cue's subject is: a participant's canonical name from a name, a pronoun or a noun.

No coreference model runs offline here, so pronouns are resolved the way a reader does it
with what the article states: the gender of each person (honorifics "Mr"/"Ms", gendered
words of office such as "spokeswoman", a list of common given names, and failing those the
pronouns the article uses in sentences about that person alone), then recency, preferring
the subjects of the nearest sentences and the people just quoted.

Nouns are looked up the same cautious way: "the mayor" is the one participant whose role is
mayor, "the ministry" the organisation whose name has "Ministry" in it, "Clinton's campaign"
is Clinton's. Anything that cannot be pinned on a participant resolves to None.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .first_names import gender_of_first_name
from .participants import Cluster, Mention, Participants, fold
from .titles import HONORIFICS, is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "nsubjpass")
UNKNOWN = Cluster(name="", type="PERSON")  # a person the article names but we could not resolve
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
MALE_HONORIFICS = {"mr", "sir", "lord", "baron", "herr", "father", "fr", "king", "prince"}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "lady", "dame", "baroness", "madam", "mme", "mlle", "frau",
                     "sister", "queen", "princess"}
MALE_WORDS = {"spokesman", "chairman", "congressman", "businessman", "councilman", "assemblyman",
              "king", "prince", "father", "husband", "son", "brother", "uncle", "grandfather",
              "boyfriend", "actor", "duke", "emperor", "nephew", "man", "gentleman", "sir"}
FEMALE_WORDS = {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman",
                "assemblywoman", "queen", "princess", "mother", "wife", "daughter", "sister", "aunt",
                "grandmother", "girlfriend", "actress", "duchess", "empress", "niece", "woman", "lady",
                "widow", "first lady"}
# Nouns naming a body whose words are its members' or its organisation's: "the ministry said".
INSTITUTION_NOUNS = {
    "ministry", "department", "commission", "committee", "council", "agency", "office", "government",
    "administration", "company", "firm", "group", "union", "party", "campaign", "bank", "court",
    "board", "association", "organisation", "organization", "foundation", "institute", "center",
    "centre", "university", "police", "service", "army", "military", "embassy", "authority", "fund",
    "network", "newspaper", "paper", "magazine", "channel", "team", "club", "federation", "senate",
    "house", "congress", "parliament", "assembly", "coalition", "alliance", "corporation", "bureau",
    "secretariat", "cabinet", "regime", "force", "forces", "league", "society",
}
# A body or a person speaking for someone: the someone ("Clinton's campaign", "a spokesman for
# the ministry", "the Trump campaign") is who the words are attributed to.
ON_BEHALF_NOUNS = {
    "campaign", "camp", "team", "office", "spokesman", "spokeswoman", "spokesperson", "representative",
    "aides", "aide", "staff", "statement", "website", "account", "administration", "government",
    "ministry", "department", "press", "release", "spokespeople", "lawyers", "lawyer", "attorney",
    "attorneys", "allies", "advisers", "surrogates", "twitter", "feed", "tweet", "tweets", "ad",
    "official", "officials", "spokespersons", "leadership", "leaders", "members",
}


def add_participant(participants: Participants, cluster: Cluster) -> None:
    """Make a speaker the model missed a participant, so every speaker stays one of them."""
    participants.add(cluster)


class Speakers:
    """Speaker resolution for one Doc; remembers whom it resolved, for the pronouns after."""

    def __init__(self, doc: Doc, participants: Participants, quoted: set[int]):
        self.doc = doc
        self.participants = participants
        self.quoted = quoted
        self._genders: dict[int, str | None] = {}
        self._events: list[tuple[int, Cluster]] = []  # (token index, speaker): quotes and pronouns resolved
        self._pronouns: dict[int, Cluster | None] = {}

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
        if subject.pos_ == "PRON":
            return None  # I, we, they, it, this: the writer, a group or a thing
        cluster = self._head_mention(subject)
        if cluster is not None:
            return cluster
        if subject.pos_ == "PROPN":
            return self.untagged_name(subject)
        if subject.pos_ == "NOUN":
            return self.nominal(subject)
        return None

    def by_name(self, tokens: list[Token]) -> Cluster | None:
        """A participant from a bare name ("PENCE:", "― Sonya Herridge"), made one if need be."""
        tokens = [t for t in tokens if t.text[:1].isalpha()]
        if not tokens or len(tokens) > 4:
            return None
        for t in tokens:
            cluster = self.participants.at(t.i)
            if cluster is not None and cluster.type in ("PERSON", "ORG"):
                return cluster
        words = [fold(t.text) for t in tokens]
        found = self._person_by_words(words)
        if found is not None:
            return found
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
                here = sorted((c for c in candidates if sent.start <= c[0] < limit and c[2] is not None),
                              key=lambda c: (c[2], -c[0]))
                if here:
                    return here[0][1]
            return None
        word = "he" if gender == "m" else "she"
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
                here += [(t.i, None, self._rank(t)) for t in sent if t.lower_ == word
                         and t.dep_ in SUBJECTS and t.i not in self.quoted]
                # A name the article gives no participant for ("Wines believes …"): if it is
                # the likeliest antecedent, the speaker is unknown, not the next person back.
                here += [(t.i, UNKNOWN, self._rank(t)) for t in sent if self._unknown_name(t)]
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
                if self.gender(cluster) in (gender, None):
                    return cluster
        return None

    def gender(self, cluster: Cluster) -> str | None:
        key = id(cluster)
        if key not in self._genders:
            self._genders[key] = self._gender(cluster)
        return self._genders[key]

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
                for t in child.subtree:
                    if t.dep_ in ("poss", "prep") or t.i in self.quoted:
                        continue
                    cluster = self.participants.at(t.i)
                    if cluster is not None and cluster.type == "PERSON" and child.dep_ != "compound" \
                            or cluster is not None and child.dep_ == "appos" and cluster.type == "ORG":
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
        if cluster.type in ("PERSON", "ORG"):
            return True
        # A place speaks only as itself ("Russia said"), not as a modifier ("New York businessman").
        return cluster.type == "GPE" and subject.pos_ == "PROPN"

    def untagged_name(self, subject: Token) -> Cluster | None:
        """A proper noun the model did not tag: a surname of someone named in full, or a new
        person when it reads as a full name ("Bob Corker said" with no entity on it)."""
        tokens = sorted([subject] + [c for c in subject.children if c.dep_ in ("compound", "flat")
                                     and c.pos_ == "PROPN" and c.i < subject.i], key=lambda t: t.i)
        while tokens and (tokens[0].text.rstrip(".") in HONORIFICS or is_title_word(tokens[0].text)):
            tokens.pop(0)
        if not tokens or any(t.i in self.quoted for t in tokens):
            return None
        found = self._person_by_words([fold(t.text) for t in tokens]) or self._org_by_word(tokens)
        if found is not None:
            return found
        if len(tokens) >= 2 and gender_of_first_name(tokens[0].text) and all(t.text[:1].isupper() for t in tokens):
            return self._new_person(tokens)
        return None

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
        orgs = [c for c in self.participants.clusters if c.type == "ORG"
                and fold(c.name).split()[:len(words)] == words]
        return orgs[0] if len(orgs) == 1 else None

    def _new_person(self, tokens: list[Token]) -> Cluster:
        text = " ".join(t.text for t in tokens)
        if text.isupper():
            text = text.title()
        mention = Mention(tokens[0].i, tokens[-1].i + 1, text, "PERSON")
        cluster = Cluster(mentions=[mention], name=text, type="PERSON")
        add_participant(self.participants, cluster)
        return cluster

    # -- nouns ----------------------------------------------------------------------------

    def nominal(self, subject: Token) -> Cluster | None:
        lemma = subject.lemma_.lower()
        # "Clinton's campaign", "the Trump campaign", "a spokesman for the ministry"
        if lemma in ON_BEHALF_NOUNS or subject.lower_ in ON_BEHALF_NOUNS:
            for child in subject.children:
                if child.dep_ in ("poss", "compound") \
                        or (child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from", "with")):
                    for t in child.subtree:
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
        if any(t.pos_ == "PROPN" and not is_title_word(t.text) for t in subject.subtree if t.i != subject.i
               and t.dep_ not in ("prep", "pobj")):
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
        return [(m.start, c, self._subject_rank(m)) for c in self.participants.clusters
                if c.type == "ORG" and not self.is_person(c) for m in c.mentions if m.start not in self.quoted]

    @staticmethod
    def is_person(cluster: Cluster) -> bool:
        """A person, or a full name the model typed as an organisation ("Quentin Davies")."""
        if cluster.type == "PERSON":
            return True
        words = cluster.name.split()
        return (cluster.type == "ORG" and 2 <= len(words) <= 3 and gender_of_first_name(words[0]) is not None
                and all(w[:1].isupper() and not w.isupper() for w in words))

    def _subject_rank(self, mention: Mention) -> int | None:
        doc = self.doc
        head = doc[mention.end - 1]
        # the token of the mention whose head is outside it
        for t in doc[mention.start:mention.end]:
            if not (mention.start <= t.head.i < mention.end) or t.head.i == t.i:
                head = t
                break
        if head.dep_ == "appos":
            head = head.head
        elif any(c.dep_ == "appos" for c in head.children) and head.dep_ in ("dobj", "pobj"):
            return 0  # introduced with a role ("concerns Henry Crespo, president of …"): about to speak
        return self._rank(head)

    def _unknown_name(self, token: Token) -> bool:
        return (token.dep_ in SUBJECTS and token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
                and token.text[:1].isupper() and token.i not in self.quoted and self.participants.at(token.i) is None
                and not is_title_word(token.text) and token.text.rstrip(".") not in HONORIFICS
                and not any(c.dep_ == "compound" and self.participants.at(c.i) for c in token.children))

    def _rank(self, head: Token) -> int | None:
        """How deep the clause is that this token is the subject of (0: the main clause)."""
        if head.dep_ not in SUBJECTS:
            return None
        depth, t = 0, head.head
        while t.head.i != t.i and depth < 10:
            depth, t = depth + 1, t.head
        return depth

    def _gender(self, cluster: Cluster) -> str | None:
        doc = self.doc
        votes = {"m": 0, "f": 0}
        for mention in cluster.mentions:
            if mention.start > 0:
                before = doc[mention.start - 1].text.rstrip(".").lower()
                if before in MALE_HONORIFICS:
                    votes["m"] += 2
                elif before in FEMALE_HONORIFICS:
                    votes["f"] += 2
        if votes["m"] != votes["f"]:
            return "m" if votes["m"] > votes["f"] else "f"
        role = f"{cluster.role or ''}".lower()
        words = set(re.findall(r"[a-z]+", role))
        if words & FEMALE_WORDS or "first lady" in role:
            return "f"
        if words & MALE_WORDS:
            return "m"
        first = cluster.name.split()[0] if len(cluster.name.split()) > 1 else None
        if first:
            by_name = gender_of_first_name(first)
            if by_name:
                return by_name
        return self._gender_from_pronouns(cluster)

    def _gender_from_pronouns(self, cluster: Cluster) -> str | None:
        """He or she, as the article itself refers to this person: the pronouns in the sentences
        that mention no other person, and in the sentence after each."""
        doc = self.doc
        person_at = {}
        for other in self.participants.clusters:
            if other.type == "PERSON":
                for m in other.mentions:
                    person_at[m.start] = other
        counts = {"m": 0, "f": 0}
        seen: set[int] = set()
        for mention in cluster.mentions:
            sent = doc[mention.start].sent
            if sent.start in seen:
                continue
            seen.add(sent.start)
            people = {id(c) for i, c in person_at.items() if sent.start <= i < sent.end}
            if people != {id(cluster)}:
                continue
            span = [t for t in sent if t.i > mention.start and t.i not in self.quoted]
            if sent.end < len(doc):
                nxt = doc[sent.end].sent
                if not any(nxt.start <= i < nxt.end for i in person_at):
                    span += [t for t in nxt if t.i not in self.quoted]
            for t in span:
                if t.lower_ in MALE_PRONOUNS:
                    counts["m"] += 1
                elif t.lower_ in FEMALE_PRONOUNS:
                    counts["f"] += 1
        if counts["m"] > 2 * counts["f"]:
            return "m"
        if counts["f"] > 2 * counts["m"]:
            return "f"
        return None


def sentence_span(doc: Doc, first: int, last: int) -> Span:
    return doc[doc[first].sent.start:doc[max(last - 1, first)].sent.end]
