"""A headline for an article that came without one: its lede, compressed the way a sub-editor
writes a headline from it.

A `.txt` saved from a page often has no headline line, and the first sentence cut at a word
("On Saturday, I went to volunteer at the Operation Care International’s Christmas Party
For…") reads as a broken title. From the parse, the lede keeps its main clause and sheds what
a headline never carries: opening time and place phrases ("On Sunday, October 29,"),
relative and adverbial clauses, appositions, asides in brackets, a second clause after
"and"/"but" or a colon, and then, right to left, the modifiers that only add detail ("in the
civil fraud case against him"), until it fits. It never rewrites a word and never reorders
one: the headline is the lede's own words, in order. A lede it cannot shorten to a clause
with a subject and its verb gives no headline, and the title stays as the clean stage made it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

HEADLINE_CHARS = 80  # longer than most papers' headlines, shorter than a first sentence cut at a word
_CLAUSES = {"advcl", "relcl", "appos", "parataxis", "acl"}  # what a headline sheds whole
_DETAIL = {"prep", "npadvmod", "advmod", "agent", "dative"}  # shed from the right while too long
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
_OPEN = {"(", "["}
_NEGATIONS = {"not", "never", "no", "nor", "hardly", "rarely", "seldom", "neither"}
_COMPLEMENTS = {"dobj", "attr", "acomp", "xcomp", "ccomp", "dative", "oprd"}
# What a word needs after it: a headline never ends before it.
_NEEDED = {
    "dobj",
    "pobj",
    "xcomp",
    "ccomp",
    "pcomp",
    "attr",
    "acomp",
    "prt",
    "relcl",
    "case",
    "oprd",
    "dative",
    "agent",
    "acl",
    "aux",
}
# Words that lean on a word after them: a phrase cannot end on one.
_LEANS = {
    "det",
    "amod",
    "compound",
    "nummod",
    "poss",
    "case",
    "prep",
    "aux",
    "auxpass",
    "neg",
    "nmod",
    "cc",
    "mark",
    "predet",
    "quantmod",
    "advmod",
}
_CLOSE = {")": "(", "]": "["}


def lede_headline(doc: Doc, limit: int = HEADLINE_CHARS) -> str | None:
    """The first sentence of four words or more, compressed to at most `limit` characters."""
    sent = next((s for s in doc.sents if sum(t.is_alpha for t in s) >= 4), None)
    if sent is None:
        return None
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ in _SUBJECTS for c in root.children):
        return None  # no clause to keep: a list, a heading run into a sentence, a fragment
    dropped = _asides(sent) | _leading_adverbials(sent, root) | _clauses(sent, root) | _after_colon(sent, root)
    if any(sent.doc[i].dep_ == "neg" or sent.doc[i].lower_ in _NEGATIONS for i in dropped):
        return None  # "Not very often does one hear …": without its negation a lede says the opposite
    kept = [t for t in sent if t.i not in dropped]
    if len(_text(kept)) > limit:
        kept = [t for t in kept if t.i not in _times(sent, root)]  # "on Tuesday", "last week"
    if len(_text(kept)) > limit:
        kept = _clean_prefix(kept, root, limit)
    headline = _text(kept)
    if not headline or len(headline) > limit or len(headline.split()) < 4:
        return None
    shown = [t for t in kept if not (t.is_punct or t.is_space)]
    if (
        shown
        and shown[-1] == root
        and any(t.i > root.i and t.i not in {k.i for k in kept} and not t.is_punct for t in root.subtree)
    ):
        return None  # "… are paid", "a Husky went": the verb without what it was for
    if any(
        c.dep_ == "conj" and any(x.lower_ in ("but", "yet") for x in root.children if x.dep_ == "cc")
        for c in root.children
    ):
        return None  # "It may seem old fashioned, but I …": the point is after the "but"
    if not any(t.dep_ in _SUBJECTS and t.head == root for t in kept):
        return None
    return headline[:1].upper() + headline[1:]


def _asides(sent: Span) -> set[int]:
    """Tokens inside brackets, with the brackets."""
    out: set[int] = set()
    opened: list[int] = []
    for t in sent:
        if t.text in _OPEN:
            opened.append(t.i)
        elif t.text in _CLOSE and opened:
            out |= set(range(opened.pop(), t.i + 1))
    return out


def _leading_adverbials(sent: Span, root: Token) -> set[int]:
    """Phrases before the subject that set the scene: "On Saturday,", "Today", "In 2013,"."""
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return set()
    start = min(t.i for t in subject.subtree)
    out: set[int] = set()
    for child in root.children:
        if child.i < start and child.dep_ in _DETAIL | _CLAUSES | {"punct", "cc", "intj", "mark"}:
            out |= {t.i for t in child.subtree}
    return out


def _clauses(sent: Span, root: Token) -> set[int]:
    """Clauses hung on the sentence or its nouns, and a second clause joined to the first."""
    out: set[int] = set()
    for t in sent:
        if t.dep_ == "relcl" and t.head.pos_ in ("PRON", "DET", "NUM"):
            continue  # "those who will be eligible": the clause is what the pronoun means
        if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            continue  # "permission to leave his neighborhood": what the noun is of, not an aside
        if (
            t.dep_ in _CLAUSES
            and t.i > root.i
            or t.dep_ in ("relcl", "appos")
            or t.dep_ == "conj"
            and t.head == root
            and t.pos_ in ("VERB", "AUX")
        ):
            subtree = [x.i for x in t.subtree]
            out |= set(subtree)
            if t.dep_ in ("appos", "conj", "relcl", "advcl"):
                out |= _joint_before(sent, min(subtree), t.head)
    return out


def _joint_before(sent: Span, first: int, head: Token) -> set[int]:
    """The comma, "and" or "but" that joined a dropped clause to what stays."""
    out: set[int] = set()
    i = first - 1
    while i > sent.start and (sent.doc[i].dep_ in ("cc", "punct") and sent.doc[i].head in (head, sent.doc[first])):
        out.add(i)
        i -= 1
    return out


def _after_colon(sent: Span, root: Token) -> set[int]:
    """What follows a colon after the main clause: "Google doesn't just have a new logo today:
    the creative web company has also hidden a surprise …"."""
    for t in sent:
        if t.text in (":", ";", "—", "–") and t.i > root.i:
            return set(range(t.i, sent.end))
    return set()


def _times(sent: Span, root: Token) -> set[int]:
    """When the main clause happened, which a headline leaves to the story: "on Tuesday"."""
    out: set[int] = set()
    for child in root.children:
        if (
            child.dep_ == "npadvmod"
            and child.ent_type_ in ("DATE", "TIME")
            or child.dep_ == "prep"
            and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in child.children)
        ):
            out |= {t.i for t in child.subtree}
    for t in sent:  # "Countries around Asia on Tuesday stepped up": a date hung on the subject
        if t.dep_ == "prep" and t.i < root.i and all(x.ent_type_ in ("DATE", "TIME") for x in t.subtree if x != t):
            out |= {x.i for x in t.subtree}
    return out


def _clean_prefix(kept: list[Token], root: Token, limit: int) -> list[Token]:
    """The longest run of `kept` from its start that fits and ends where a phrase ends: past
    the main verb and its object's first noun, never on a word that leans on the next one
    ("the", "of", "AirAsia" in "AirAsia plane")."""
    best: list[Token] = []
    for k in range(len(kept)):
        prefix = kept[: k + 1]
        if len(_text(prefix)) > limit:
            break
        last = prefix[-1]
        if (
            last.i <= root.i
            or last.pos_ not in ("NOUN", "PROPN", "NUM", "PRON", "ADV", "ADJ", "VERB", "ADP")
            or last.pos_ == "ADP"
            and last.dep_ != "prt"
        ):
            continue
        if any(t.head.i > last.i and t.dep_ in _LEANS for t in prefix):
            continue
        verb = last.head if last.dep_ == "prt" else last  # "held up" needs what "held" needs
        after = kept[k + 1] if k + 1 < len(kept) else None
        if (
            any(c.dep_ in _NEEDED and c.i > last.i for c in verb.children)
            or last.dep_ in _SUBJECTS
            and last.head.i > last.i
            or after is not None
            and after.text in ("'s", "’s", "'", "’")
        ):
            continue  # "held up" without what, "those" without who, "a plane" that is a clause's subject
        best = prefix
    return best


def _text(tokens: list[Token]) -> str:
    """Tokens as text, without the punctuation a cut leaves dangling at either end."""
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ in ("cc", "mark", "prep")):
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct and tokens[0].text not in ("“", '"', "‘"):
        tokens = tokens[1:]
    text = "".join(t.text_with_ws for t in tokens).strip()
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = text.replace("“", "").replace("”", "").replace('"', "")
    return " ".join(text.split())
