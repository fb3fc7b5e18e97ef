"""What a paragraph looks like and where it stands, as numbers: the features of the boilerplate
model that bench/train_boilerplate.py fits and measures (an experiment: its out-of-fold
figures did not beat the form rules, so the clean stage ships no model; see that script).

None of them is a phrase of one outlet. They are the forms any page shares: whether the
paragraph is a sentence (ends in punctuation, has a verb-like word, starts upper case), how long
it is, its Title Case and capitals ratios, links, handles and credit punctuation (" / ", "|",
"©"), brackets, a call to the reader ("Read", "Follow", "you"), picture words, a date at its end;
and its context: where it sits (in the run above or below the story, or between two story
paragraphs), how long its neighbours are, whether it repeats the words of the story around it
(captions and pull-quotes echo the story, links to other stories do not), and whether the same
shape of line comes back elsewhere in the article (a run of "Related article: …", credits).

`article_features(views)` returns one row of floats per paragraph, in FEATURES order.
"""

from __future__ import annotations

import math
import re

from briefings.lexicon import PHOTO_AGENCIES, PICTURE_WORDS, SOCIAL_NETWORKS, TITLE_SMALL_WORDS

# Verbs that open a call to the reader ("Read more …", "Follow us …", "Sign up …"): a feature of
# the boilerplate model, which weighs them with everything else (below).
CLEAN_IMPERATIVES = frozenset(
    (
        "read",
        "watch",
        "see",
        "click",
        "tap",
        "follow",
        "like",
        "share",
        "subscribe",
        "sign",
        "join",
        "get",
        "download",
        "check",
        "learn",
        "find",
        "visit",
        "listen",
        "view",
        "shop",
        "buy",
        "tell",
        "send",
        "email",
        "e-mail",
        "discover",
        "explore",
        "browse",
        "tour",
        "donate",
        "support",
        "register",
        "log",
        "sign-up",
        "continue",
        "scroll",
        "go",
        "order",
        "try",
        "save",
        "enter",
        "vote",
        "comment",
        "tweet",
        "pin",
        "print",
        "more",
        "related",
        "also",
        "next",
        "previous",
        "back",
        "up",
        "don't",
        "never",
        "make",
        "take",
        "keep",
    )
)
# Words too common to show that a paragraph echoes the story around it.
CLEAN_STOPWORDS = frozenset(
    (
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "they",
        "their",
        "there",
        "which",
        "would",
        "about",
        "been",
        "will",
        "when",
        "what",
        "where",
        "said",
        "into",
        "more",
        "than",
        "them",
        "then",
        "some",
        "also",
        "after",
        "could",
        "other",
        "only",
        "over",
        "your",
        "just",
        "like",
        "most",
        "even",
        "many",
        "much",
        "such",
        "very",
        "while",
        "these",
        "those",
        "because",
        "before",
        "being",
        "both",
        "each",
        "here",
        "does",
        "made",
        "make",
        "says",
        "year",
        "years",
        "time",
        "first",
        "last",
        "still",
        "through",
        "since",
        "should",
        "really",
        "well",
        "back",
        "down",
        "ever",
        "going",
        "know",
        "think",
        "people",
        "told",
        "take",
        "came",
        "come",
        "get",
        "got",
        "it's",
        "that's",
        "there's",
        "we're",
        "they're",
        "don't",
        "didn't",
        "can't",
        "won't",
        "i'm",
        "you're",
    )
)


FEATURES = (
    "bias",
    # the paragraph's own form
    "log_words",
    "one_word",
    "short",
    "long",
    "ends_sentence",
    "ends_colon",
    "ends_question",
    "no_end",
    "starts_lower",
    "starts_bracket",
    "bracketed",
    "starts_quote",
    "has_quote",
    "sentences",
    "verb_like",
    "aux",
    "past_ed",
    "present_s",
    "gerund_no_aux",
    "title_ratio",
    "caps_ratio",
    "digit_ratio",
    "lower_ratio",
    "first_person_pl",
    "second_person",
    "imperative",
    "picture_words",
    "agency",
    "social",
    "link_like",
    "handle",
    "credit_punct",
    "pipe",
    "arrow",
    "copyright",
    "date_end",
    "year",
    "time",
    "ends_bracket_credit",
    "colon_label",
    # where it stands
    "top_run",
    "bottom_run",
    "rel_pos",
    "first",
    "last",
    "between_story",
    "prev_story",
    "next_story",
    "prev_short",
    "next_short",
    "neighbour_same_shape",
    "repeated_shape",
    "duplicate",
    "echo_story",
    "echo_neighbours",
    "new_names",
    "article_short_share",
    "prev_cut",
    "next_cut",
)

_WORD = re.compile(r"[A-Za-z][\w'’&.-]*|\d[\d,.:]*")
_TERMINAL = re.compile(r"[.!?…][\"'’”)\]]*$|[\"”’]$")
_AUX = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|"
    r"must|does|did|do|am|isn't|aren't|wasn't|weren't|won't|can't|didn't|doesn't|don't|said|says)\b"
)
_ED = re.compile(r"\b[a-z]{3,}ed\b")
# "Firefighter Sean Coyle uses a basket": a present-tense verb after a name, as captions run.
_PRESENT_S = re.compile(r"\b[A-Z][\w'’-]+\s+(?!is\b|has\b|was\b|this\b|his\b|its\b|as\b|us\b|plus\b)[a-z]{2,}(?<!s)s\b")
_ING = re.compile(r"\b[a-z]{3,}ing\b")
_PICTURE = re.compile(
    r"(?i)\b(?:%s|pictured|photographed|pose[sd]?|posing|caption|courtesy|shown|seen here)\b"
    % "|".join(re.escape(w) for w in PICTURE_WORDS)
)
_AGENCY = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(a) for a in sorted(PHOTO_AGENCIES, key=len, reverse=True)))
_SOCIAL = re.compile(r"(?i)\b(?:%s)\b" % "|".join(re.escape(s) for s in SOCIAL_NETWORKS))
_LINK = re.compile(r"(?i)https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|gov|edu|ly|io|tv)\b")
_HANDLE = re.compile(r"(?<![\w.])[@#]\w{2,}")
_CREDIT_PUNCT = re.compile(r"\S\s*/\s*[A-Z]|\bvia\s+[A-Z@]")
_ARROW = re.compile(r"[»›>→▶►]|\.\.\.$|…$")
_COPYRIGHT = re.compile(r"(?i)©|\(c\)\s*\d{4}|\ball rights reserved\b|\bcopyright\b")
_DATE_END = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}"
    r"|\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)\W{0,3}$"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\.?\b", re.I)
_BRACKET_END = re.compile(r"[(\[][^()\[\]]{1,40}[)\]]\.?$")
_COLON_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’&-]+){0,3}\s*:\s")
_QUOTE = re.compile(r"[\"“”]|(?:^|\s)[‘'][A-Za-z]")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[A-Z\"“‘'(])")


class _Para:
    """The cheap facts about one paragraph that its own features and its neighbours' share."""

    __slots__ = ("text", "words", "n", "story", "content", "names", "shape", "norm")

    def __init__(self, text: str):
        self.text = text
        self.words = _WORD.findall(text)
        self.n = len(self.words)
        self.story = self.n >= 15 and bool(_TERMINAL.search(text)) and text[:1].isupper()
        lowered = [w.lower().strip(".,'’") for w in self.words]
        self.content = {w for w in lowered if len(w) >= 4 and w not in CLEAN_STOPWORDS and not w[:1].isdigit()}
        self.names = {w.strip(".,'’") for w in self.words[1:] if w[:1].isupper() and len(w) > 2}
        first = re.sub(r"\d+", "0", " ".join(text.split()[:2]).lower())
        self.shape = (first, self.n <= 15, bool(_TERMINAL.search(text)))
        self.norm = " ".join(lowered)


def article_features(views: list[str], cut: list[bool] | None = None) -> list[list[float]]:
    """One row of floats per paragraph, in FEATURES order. `cut`: which paragraphs the form
    rules have already cut (boilerplate stands beside boilerplate)."""
    cut = cut or [False] * len(views)
    paras = [_Para(v) for v in views]
    count = len(paras)
    story_at = [i for i, p in enumerate(paras) if p.story]
    first_story = story_at[0] if story_at else count
    last_story = story_at[-1] if story_at else -1
    shapes: dict[tuple, int] = {}
    norms: dict[str, int] = {}
    for p in paras:
        shapes[p.shape] = shapes.get(p.shape, 0) + 1
        norms[p.norm] = norms.get(p.norm, 0) + 1
    everything: dict[str, int] = {}
    all_names: dict[str, int] = {}
    for p in paras:
        for w in p.content:
            everything[w] = everything.get(w, 0) + 1
        for w in p.names:
            all_names[w] = all_names.get(w, 0) + 1
    short_share = sum(1 for p in paras if p.n < 15) / count if count else 0.0
    rows = []
    for i, p in enumerate(paras):
        row = _row(paras, i, p, first_story, last_story, shapes, norms, everything, all_names, short_share)
        row.append(float(i > 0 and cut[i - 1]))
        row.append(float(i + 1 < len(cut) and cut[i + 1]))
        rows.append(row)
    return rows


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _row(paras, i, p: _Para, first_story, last_story, shapes, norms, everything, all_names, short_share):
    text, words, n = p.text, p.words, p.n
    count = len(paras)
    alpha = [w for w in words if w[:1].isalpha()]
    big = [w for w in alpha if w.lower() not in TITLE_SMALL_WORDS]
    title = _ratio(sum(1 for w in big if w[:1].isupper()), len(big))
    caps = _ratio(sum(1 for w in alpha if len(w) > 1 and w.isupper()), len(alpha))
    digits = _ratio(sum(1 for w in words if w[:1].isdigit()), n)
    lower = _ratio(sum(1 for w in alpha if w[:1].islower()), len(alpha))
    ends = bool(_TERMINAL.search(text))
    stripped = text.rstrip()
    sentences = len(_SENTENCE_END.findall(text)) + 1
    aux = bool(_AUX.search(text))
    has_ed = bool(_ED.search(text))
    present = bool(_PRESENT_S.search(text))
    first_word = words[0].lower() if words else ""
    lowered = text.lower()
    prev = paras[i - 1] if i > 0 else None
    nxt = paras[i + 1] if i + 1 < count else None
    # Echo: the share of this paragraph's content words found elsewhere in the article, and next door.
    others = {w for w, c in everything.items() if c - (1 if w in p.content else 0) > 0}
    echo = _ratio(len(p.content & others), len(p.content))
    near = set()
    for q in (prev, nxt):
        if q is not None:
            near |= q.content
    echo_near = _ratio(len(p.content & near), len(p.content))
    unseen_names = _ratio(sum(1 for w in p.names if all_names.get(w, 0) <= 1), len(p.names))
    same_shape_near = any(q is not None and q.shape == p.shape and q.n < 15 for q in (prev, nxt))
    return [
        1.0,
        math.log1p(n),
        float(n <= 1),
        float(n < 15),
        float(n >= 40),
        float(ends),
        float(stripped.endswith(":")),
        float(stripped.endswith("?")),
        float(not ends and not stripped.endswith(":")),
        float(text[:1].islower()),
        float(text[:1] in "([{"),
        float(text[:1] in "([" and stripped[-1:] in ")]"),
        float(text[:1] in "\"“‘'"),
        float(bool(_QUOTE.search(text))),
        min(sentences, 6) / 6,
        float(aux or has_ed or present),
        float(aux),
        float(has_ed),
        float(present),
        float(bool(_ING.search(text)) and not aux),
        title,
        caps,
        digits,
        lower,
        float(bool(re.search(r"(?i)\b(?:we|our|us)\b", text))),
        float(bool(re.search(r"(?i)\b(?:you|your)\b", text))),
        float(first_word in CLEAN_IMPERATIVES),
        float(bool(_PICTURE.search(text))),
        float(bool(_AGENCY.search(text))),
        float(bool(_SOCIAL.search(text))),
        float(bool(_LINK.search(text))),
        float(bool(_HANDLE.search(text))),
        float(bool(_CREDIT_PUNCT.search(text))),
        float("|" in text),
        float(bool(_ARROW.search(stripped))),
        float(bool(_COPYRIGHT.search(lowered if "©" not in text else text))),
        float(bool(_DATE_END.search(stripped))),
        float(bool(_YEAR.search(text))),
        float(bool(_TIME.search(text))),
        float(bool(_BRACKET_END.search(stripped)) and text[:1] not in "(["),
        float(bool(_COLON_LABEL.match(text))),
        float(i < first_story),
        float(i > last_story),
        _ratio(i, count - 1),
        float(i == 0),
        float(i == count - 1),
        float(first_story < i < last_story and prev is not None and nxt is not None and prev.story and nxt.story),
        float(prev is not None and prev.story),
        float(nxt is not None and nxt.story),
        float(prev is not None and prev.n < 15),
        float(nxt is not None and nxt.n < 15),
        float(same_shape_near),
        float(shapes[p.shape] >= 3),
        float(norms[p.norm] >= 2 and n > 0),
        echo,
        echo_near,
        unseen_names,
        short_share,
    ]
