"""Which sentences may be key points at all, judged by their form alone.

A key point is read on its own, away from the article: it must be a whole sentence of
story text (not a caption, label, promo or a fragment glued on by scraping), state
something (not ask), be the reporter's statement rather than a quotation with its cue
(quotes are listed apart), and not lean on the sentence before it ("But …", "He …")
unless what it leans on is shown too. These are pure tests over a parsed sentence;
selection (keypoints.py) decides among the sentences that pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..clean.furniture import CAPTION_LABEL_OPENING, CAPTION_LANGUAGE, SHOUTING
from ..lexicon import CUE_VERB_LEMMAS, DEPENDENT_OPENERS, GROUP_PRONOUNS, PERSON_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MIN_WORDS = 6
MAX_WORDS = 80
MIN_QUOTED_WORDS = 6  # fewer quoted words than this state nothing by themselves

_FINITE = {"VBD", "VBZ", "VBP", "MD"}

# A sentence ends in punctuation; a caption or label does not.
_ENDS = re.compile(r"[.!?…][\"'’”)\]]*$|[\"’”]$")
# Caption language ("pictured", "(left)", "Photo:"), a caption's label ("Flying high: …") and an
# all-caps run are the clean stage's forms (it cuts the paragraphs they mark); a key point also
# refuses two caption forms only a sentence shows: a photographer's credit ("Kevin C. Downs/for
# New York Daily News …") and a position in the picture ("Jessica Chastain, left, and …").
_SENTENCE_CAPTION = re.compile(r"\b[A-Z][\w.'’-]*\s*/\s*for\s+(?:the\s+)?[A-Z]|,\s*(?:left|right|centre|center)\s*[,)]")
# A wire photo caption ends with where and when the picture was taken, the date right after
# the place: "People walk past the Bombay Stock Exchange (BSE) building in Mumbai May 13, 2014."
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|"
    r"Sep(?:tember|t?\.)|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# A sports wire caption opens with the date and place: "Dec 27, 2014; Louisville, KY, USA; …"
_DATED_CAPTION = re.compile(rf"^{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s*;")
_PICTURE_DATE = re.compile(
    rf"(?:^|\s)([\w'’.,-]+)\s+"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\.?$"
)
_DATE_PREPOSITIONS = {
    "on",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "from",
    "to",
    "of",
    "in",
    "between",
    "and",
    "through",
    "dated",
    "as",
    "at",
    "for",
    "during",
    "than",
}
# Words that glue a caption onto a story sentence when they follow it: "… his wife Masters chairman …"
_GLUE_BEFORE_TAGS = {"NN", "NNS", "CD", "VBN", "JJ", "-RRB-"}
_NOT_GLUE_WORDS = {"so", "then", "now", "today", "while", "and", "but", "or", "that", "because"}
OPEN_QUOTES = {"“", "‘", '"', "'", "``"}
CLOSE_QUOTES = {"”", "’", '"', "'", "''"}
_TITLE_SMALL = {"of", "a", "an", "the", "and", "for", "in", "to", "on"}  # inside a Title Case run
_HEADLINE_SMALL = {"at", "by", "with", "from", "as", "or", "but", "vs", "is"}
# Before a Title Case run these make it part of the sentence: "visited the White House: …",
# "the new Avengers: Age of Ultron movie".
_NOT_BEFORE_LABEL = {"DT", "IN", "PRP$", "POS", "TO", "CC", "WDT", "JJ", "JJR", "JJS"}
_TIME_WORDS = {"DATE", "TIME"}


def is_story_sentence(sent: Span) -> bool:
    """A whole sentence of story text: not a caption, label, promo or glued fragment."""
    text = sent.text.strip()
    words = sum(1 for t in sent if t.is_alpha)
    if words < MIN_WORDS or words > MAX_WORDS or not _ENDS.search(text):
        return False
    if (
        CAPTION_LANGUAGE.search(text)
        or _SENTENCE_CAPTION.search(text)
        or CAPTION_LABEL_OPENING.search(text)
        or SHOUTING.search(text)
    ):
        return False
    if text[0].islower() or not any(_is_finite(t) for t in sent):
        return False  # a fragment: starts mid-sentence or has no finite verb
    if headline_case(sent):
        return False  # a headline run into the text: a promo for another story
    return glued_clause(sent) is None and glued_label(sent) is None and not photo_caption(sent)


def headline_case(sent: Span) -> bool:
    """Every word capitalised but the small ones, as in a headline ("Lena Dunham Has Declared
    Today Taylor Swift Day."): a sentence of the story is not set in title case."""
    words = [t for t in sent if t.is_alpha and t.lower_ not in _TITLE_SMALL and t.lower_ not in _HEADLINE_SMALL]
    return len(words) >= 4 and all(t.is_title or t.is_upper for t in words)


def _is_finite(token: Token) -> bool:
    # The small tagger often calls a present-tense main verb VB ("Syrians wait in line"):
    # with a subject of its own it is finite all the same.
    return token.tag_ in _FINITE or (
        token.tag_ == "VB" and token.dep_ == "ROOT" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def photo_caption(sent: Span) -> bool:
    """A wire photo caption: a scene in the present tense that ends with the place and date
    of the picture ("People walk past the Bombay Stock Exchange (BSE) building in Mumbai May
    13, 2014."). A story sentence puts a preposition before its date ("… on May 13, 2014.")."""
    if _DATED_CAPTION.search(sent.text.strip()):
        return True
    match = _PICTURE_DATE.search(sent.text.strip())
    if match is None or match.group(1).lower().strip(",") in _DATE_PREPOSITIONS:
        return False
    root = sent.root
    tenses = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return bool(tenses & {"VBZ", "VBP"}) and not tenses & {"VBD", "MD"}


def glued_label(sent: Span) -> int | None:
    """Where a caption label starts inside the sentence ("… Peter O'Toole needed entertaining
    Fall of an Empire: The Story of …": a Title Case run and a colon right after a lower-case
    word, not a speaker's cue such as "told Barnes: 'She …'"), or None."""
    doc = sent.doc
    for colon in sent:
        if colon.text != ":" or colon.i + 1 >= sent.end or doc[colon.i + 1].text in OPEN_QUOTES:
            continue
        start = colon.i
        while start - 1 > sent.start and (doc[start - 1].is_title or doc[start - 1].lower_ in _TITLE_SMALL):
            start -= 1
        while start < colon.i and not doc[start].is_title:
            start += 1  # the run starts with a capital, not with "of"
        before = doc[start - 1]
        if (
            start < colon.i
            and start > sent.start
            and before.is_alpha
            and before.is_lower
            and before.whitespace_
            and before.tag_ not in _NOT_BEFORE_LABEL
        ):
            return start
    return None


def glued_clause(sent: Span) -> int | None:
    """Where a second clause starts glued on without punctuation ("… with his wife Masters
    chairman Billy Payne talked …": a caption ran into the story), or None."""
    doc = sent.doc
    for u in sent[1:]:
        t = doc[u.i - 1]
        if not u.is_title or u.text == "I" or not t.whitespace_ or t.lower_ in _NOT_GLUE_WORDS:
            continue
        if t.tag_ not in _GLUE_BEFORE_TAGS or not (t.is_lower or t.like_num or t.text == ")"):
            continue
        subject = _subject_opened_by(u)
        if subject is None or subject.head.dep_ in ("relcl", "acl", "advcl", "ccomp", "csubj", "xcomp"):
            continue
        if t.dep_ == "compound" and t.head.i >= u.i:
            continue  # "security expert Manny Gomez": the noun belongs to the name
        if any(_is_finite(x) for x in doc[sent.start : t.i]):
            return u.i
    return None


def _subject_opened_by(u: Token) -> Token | None:
    w = u
    while w.dep_ not in ("nsubj", "nsubjpass") and w.head is not w and w.head.i > w.i and w.head.left_edge.i == u.i:
        w = w.head
    return w if w.dep_ in ("nsubj", "nsubjpass") and w.left_edge.i == u.i else None


def is_question(sent: Span) -> bool:
    return sent.text.strip().rstrip("\"'’”)]").endswith("?")


def quoted_mask(sent: Span, quoted: Sequence[tuple[int, int]] = ()) -> list[bool]:
    """For each token of the sentence, whether it is inside quoted speech, read from the
    sentence's own marks: an opening mark (glued to the word after it) to the next closing
    one (glued to the word before it); an opening mark never closed quotes to the end (a
    quotation running on), and a closing mark after punctuation with no opening before it
    quotes from the start ("We are ready to pay on April 9.'" ends one). quotes.py's spans
    count only when they lie within the sentence: where marks are unbalanced (straight
    apostrophes used as quote marks) they can run on across many sentences."""
    tokens = list(sent)
    mask = [
        any(s <= t.idx and t.idx + len(t) <= e for s, e in quoted if sent.start_char <= s and e <= sent.end_char)
        for t in tokens
    ]
    inside, opened_any = None, False
    for k, token in enumerate(tokens):
        before = tokens[k - 1] if k else None
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        opening = (
            token.text in OPEN_QUOTES
            and not token.whitespace_
            and after is not None
            and not after.is_punct
            and (before is None or before.whitespace_ or before.text in "([—–-")
        )
        closing = (
            token.text in CLOSE_QUOTES
            and before is not None
            and not before.whitespace_
            and (after is None or token.whitespace_ or after.is_punct)
        )
        if inside is None and opening:
            inside, opened_any = k, True
        elif inside is not None and closing:
            mask[inside + 1 : k] = [True] * (k - inside - 1)
            inside = None
        elif inside is None and closing and not opened_any and before.is_punct:
            mask[:k] = [True] * k
            opened_any = True
    if inside is not None:
        mask[inside + 1 :] = [True] * (len(tokens) - inside - 1)
    return mask


def cue_only(sent: Span, quoted: Sequence[tuple[int, int]] = ()) -> bool:
    """A cue and a quotation that says nothing alone: "“And he didn’t,” Doherty said in a
    phone interview." (the quoted words lean on what came before or are too few to state
    anything), or quoted words with no cue at all ("'Which is remarkable when you consider
    what she does.'": whose words they are is in the sentence before). A quotation that
    states something with its cue ("'I'd be over the moon to get it,' said Locke") may be a
    key point."""
    mask = quoted_mask(sent, quoted)
    words = [(t, inside) for t, inside in zip(sent, mask) if t.is_alpha]
    said = [t for t, inside in words if inside]
    if not said:
        return False
    outside = [t for t, inside in words if not inside]
    if not outside:
        return True
    if not _quotation_and_cue(sent, mask, outside):
        return False  # reported speech with a quoted phrase in it ("… called Christie a “failed” governor")
    first = said[0].lower_
    return (
        len(said) < MIN_QUOTED_WORDS
        or first in DEPENDENT_OPENERS
        or first in PERSON_PRONOUNS
        or first in GROUP_PRONOUNS
    )


def _quotation_and_cue(sent: Span, mask: list[bool], outside: list[Token]) -> bool:
    """ "'…,' he said …" (the sentence opens on the quotation) or "He said: '…'" (a speech
    verb, a colon, then quotation to the end)."""
    opens_quoted = next((inside for t, inside in zip(sent, mask) if t.is_alpha), False)
    if opens_quoted:
        return any(t.lemma_.lower() in CUE_VERB_LEMMAS for t in outside)
    for k, token in enumerate(sent):
        if token.text == ":" and any(t.lemma_.lower() in CUE_VERB_LEMMAS for t in sent[max(0, k - 3) : k]):
            rest = [inside for t, inside in zip(sent[k + 1 :], mask[k + 1 :]) if t.is_alpha]
            return bool(rest) and all(rest)
    return False


def opener_kind(sent: Span) -> str | None:
    """How the sentence leans on what came before: "person" ("He …", "Her …"), "group"
    ("They …"), "previous" ("But …", "It …", "This …"), or None when it stands alone.
    "This week …" and "That night …" name a time and stand alone."""
    first = next((t for t in sent if t.is_alpha), None)
    if first is None:
        return None
    word = first.lower_
    if word in PERSON_PRONOUNS:
        return "person"
    if word in GROUP_PRONOUNS:
        return "group"
    if word in DEPENDENT_OPENERS:
        if word in ("this", "that", "these", "those") and first.dep_ == "det" and first.head.ent_type_ in _TIME_WORDS:
            return None
        return "previous"
    return None
