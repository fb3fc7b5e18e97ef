"""Page furniture: captions, promos, share rows, pleas, housekeeping, labels and counters.

Each test reads one paragraph and answers by its form: a caption names a picture or its
agency ("(AFP/Getty)", "1 of 4.", "in this picture illustration taken …", "Scene: … " with
no full stop); a promo points elsewhere ("Read more: …", "… click here."); a plea asks the
reader for something ("Sign up for our newsletter"). None looks at length alone: a long
credit is still a credit, and a long paragraph that mentions a newsletter is still story.
"""

from __future__ import annotations

import re

from ..lexicon import (
    AD_WORDS,
    CAPTION_POSITIONS,
    CLICK_PHRASES,
    COUNTER_WORDS,
    CREDIT_ROLES,
    HOUSEKEEPING_PHRASES,
    IRREGULAR_PAST,
    LABEL_OPENERS,
    OUTLET_TAGS,
    PAGE_CHROME,
    PAGE_NOTICES,
    PHOTO_AGENCIES,
    PICTURE_WORDS,
    PLEA_PHRASES,
    PLEA_WORDS,
    PROMO_HEADERS,
    PROMO_OPENERS,
    SHARE_WORDS,
    SOCIAL_NETWORKS,
    TITLE_SMALL_WORDS,
)
from .dates import DATE, MONTH_DAY

_TERMINAL = re.compile(r"[.!?…][\"'’”)\]]*$|[\"”’]$")
_WORD = re.compile(r"[\w+'’&-]+")


def _alternation(words, flags: str = "") -> str:
    return f"(?{flags}:%s)" % "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class _Phrases:
    """A long list of phrases, matched case-blind: a substring test on the lowered text first
    (C speed, and most paragraphs carry none), the regular expression only when one is there."""

    def __init__(self, phrases, after: str = "", also: str = ""):
        self.needles = tuple(p.lower() for p in phrases)
        self.pattern = re.compile(_alternation(phrases, "i") + after + (f"|(?i:{also})" if also else ""))
        self.also = re.compile(also, re.I) if also else None

    def search(self, text: str) -> re.Match | None:
        lower = text.lower()
        if any(needle in lower for needle in self.needles) or self.also is not None and self.also.search(text):
            return self.pattern.search(text)
        return None


_AGENCY = _alternation(PHOTO_AGENCIES)
_OUTLET = _alternation(OUTLET_TAGS)
_PICTURE = _alternation(PICTURE_WORDS)

# -- captions and image credits -------------------------------------------------------------

_GALLERY_COUNTER = re.compile(r"^\d+\s+of\s+\d+(?:\.|$)")
_AGENCY_AT_END = re.compile(
    rf"[(\[]\s*(?:(?:{_PICTURE})\s*:?\s*)?[^()\[\]]{{0,40}}?\b{_AGENCY}"
    rf"(?:\s*/\s*{_AGENCY})*\s*[)\]]\.?$|(?:REUTERS|AP Photo|AFP PHOTO)\s*/[^/]{{2,60}}$"
)
_AGENCY_AT_START = re.compile(rf"^[A-Z][\w.'’ -]{{1,40}}?\s*/\s*(?:for\s+[A-Z]|{_AGENCY}\b)")
_CREDIT_LINE = re.compile(
    rf"(?i)^[\[(]?\s*(?:{_PICTURE})?\s*(?:credits?|courtesy|source|sources|copyright)\s*"
    r"[:|]\s*\S|^[\[(]?\s*(?:via|©|courtesy of)\s+\S|"
    r"^[\[(]?\s*(?:photo|photos|photograph|picture|pictures|image|images|video|illustration|"
    r"graphic|main image|top image|lead image|header image|photographer|photographers|"
    r"photography|featured image|hero image)s?\s*"
    r"(?:credit|courtesy|by)?\s*[:|]\s*\S|"
    r"^[\[(]?\s*(?:(?:staff|file|contributed|submitted|special|courtesy|handout)\s+)?"
    r"(?:photos?|images?|pictures?|videos?|illustrations?|graphics?|gifs?|artwork|"
    r"photo illustration|photograph|screenshots?|animation)\s+"
    r"(?:via|by|from|courtesy of|courtesy|credit)\s+\S|"
    r"^[\[(]?\s*(?:h/t|hat tip|ht)\s*:?\s+\S"
)
_SLASH_CREDIT = re.compile(
    rf"^(?:[Bb]y\s+)?[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){{0,5}}\s*/\s*"
    rf"(?:{_AGENCY}|for\s+[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){{0,5}})\.?$"
)
# A picture's source as a handle, on a line of its own: "NailSpin", "fingerprintsdecals".
_HANDLE = re.compile(r"[a-z]+[A-Z][\w]*[A-Z]?\w*|[A-Z][a-z]+[A-Z]\w*|[a-z]{10,}")
_NAMES_SLASH = re.compile(
    r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){1,4}\s*/\s*"
    r"[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,3}"
)
_CAPTION_PHRASE = re.compile(
    r"(?i)\bin this (?:undated |recent |handout |file |aerial |composite |combination |video |\d{4} )*"
    r"(?:photo|picture|image|photograph|frame grab|still|video grab|screenshot|screen grab|illustration|"
    r"picture illustration|file photo|handout photo|photo illustration)\b|\b(?:picture|photo|image) taken (?:on|in) "
    r"(?-i:[A-Z])|\b(?:photo|picture|image) (?:released|provided|obtained|distributed) by\b|\bmandatory credit\b|"
    r"\bview full size image\b|\b(?:is|are) (?:seen|pictured|shown) (?:here|in this|above|below)\b|"
    r"\b(?:is|are) here (?:seen|pictured|shown)\b|\b(?:is|are) show here\b|"
    r"\b(?:pictured|shown) (?:here|above|below)\b|\(pictured\)|\b(?:in|on) the (?:photo|picture|image) "
    r"(?:above|below)\b"
)
# A wire caption ends with where and when the picture was taken: "… in Jakarta December 29, 2014."
_PLACE_DATE_END = re.compile(
    rf"\b(?!(?:On|Since|Until|By|From|To|Before|After|In|At|Of|Monday|Tuesday|Wednesday|"
    rf"Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w.'’-]+,?\s+{MONTH_DAY},\s+\d{{4}}\.?$"
)
_POSITION = _alternation(CAPTION_POSITIONS)
_POSITION_IN_PARENS = re.compile(rf"\((?:{_POSITION})(?:\s+(?:and|to|&)\s+{_POSITION})*\)", re.I)  # "(far left)"
_IN_PICTURE = re.compile(rf"{_POSITION_IN_PARENS.pattern}|,\s*(?:{_POSITION}),|\bpictured\b", re.I)
# "Scene: The tragedy unfolded at …": a caption's label, a capitalised word or few before a colon.
# A chart's title and notes: "Commercial flights and passengers carried: 1975 - 2014", "** Includes …".
_CHART = re.compile(r"^[A-Z][^:.!?]{3,80}:\s*(?:since\s+)?\d{4}(?:\s*[-–]\s*\d{4})?(?:\s*\([^)]*\))?$")
FOOTNOTE = re.compile(r"^\*{1,3}\s*[A-Z]")  # "** Includes 162 unconfirmed passengers …" under a chart
_NETWORK_LABEL = re.compile(rf"^{_alternation(SOCIAL_NETWORKS)}\s*:")
_CAPTION_LABEL = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}:\s+[A-Z‘'\"“]")


# "Top photo: A man walks …", "Pictured: …", "Image copyright Getty Images Image caption …"
_PICTURE_LABEL = re.compile(
    r"(?i)^(?:(?:top|lead|main|header|featured|cover|above|below|inset|left|right)\s+"
    r"(?:photo|image|picture|photograph)|pictured|above|below|caption|photo caption|"
    r"image caption)\s*:\s*\S|^(?:image|media|video) (?:copyright|caption)\b"
)
# AP: "FILE - In this Dec. 3 … file photo"
_FILE_CAPTION = re.compile(
    r"^FILE\s*(?:PHOTO\s*)?[-–—:]\s+\S|(?i:\bin this\s+(?:[\w.,]+\s+){1,4}?"
    r"(?:file|handout|undated)\s+(?:photo|picture|image)\b)"
)
_GALLERY_SIZE = re.compile(
    r"(?i)^(?:slideshow|gallery|photo gallery|photos|pictures|images|video|videos)\s*"
    r"[(\[]\s*\d+\s*(?:images|photos|pictures|slides|videos)?\s*[)\]]$"
)


def is_caption(text: str) -> bool:
    """Photo and video captions, gallery counters with their caption, captions with the
    agency's credit at either end. A caption is a sentence or three, never an article's worth:
    a whole story scraped onto one line that ends in a caption is a story with a caption."""
    if not _caption_sized(text):
        return False
    if (
        _GALLERY_COUNTER.match(text)
        or _CAPTION_PHRASE.search(text)
        or _PICTURE_LABEL.match(text)
        or _FILE_CAPTION.search(text)
        or _GALLERY_SIZE.match(text.strip())
    ):
        return True
    if (
        _AGENCY_AT_END.search(text) or _POSITION_IN_PARENS.search(text) and len(_sentences(text)) <= 2
    ) and not _has_quote(text):
        return True  # "… pray at Juanda Airport (EPA)", "Dick Costolo (far left) and Cameron Diaz present …"
    if _AGENCY_AT_START.match(text) and not _SLASH_CREDIT.match(text):
        return True  # "Boston Herald / Polaris Firefighter Sean Coyle uses a basket …"
    if (
        _PLACE_DATE_END.search(text)
        and len(_sentences(text)) <= 2
        and not text.startswith(("—", "–", "-"))
        and sum(1 for w in text.split() if w[:1].islower()) >= 0.4 * len(text.split())
    ):
        return True  # a sentence describing a picture, not an epigraph's "— Mike Pompeo, …, April 15, 2019"
    return not _TERMINAL.search(text) and (is_caption_sentence(text) and bool(_IN_PICTURE.search(text)))


def _caption_sized(text: str) -> bool:
    """Three sentences at most, or a short block (credits and gallery buttons count as sentences)."""
    return len(text.split()) <= 60 or len(_sentences(text)) <= 3


def is_labelled_caption(text: str) -> bool:
    """ "Scene: The tragedy unfolded at Bullets and Burgers, …" — a label, a colon and a
    sentence that does not end as one (a story paragraph would)."""
    if _CHART.search(text):
        return True
    if (
        not _caption_sized(text)
        or _TERMINAL.search(text)
        or not _CAPTION_LABEL.match(text)
        or _NETWORK_LABEL.match(text)
    ):
        return False  # "Twitter: Tom Phillips - …" is a post quoted, not a caption
    after = text.split(":", 1)[1].split()
    lower = sum(1 for w in after if w[:1].islower())
    return len(after) >= 6 and 2 * lower >= len(after)  # a sentence after the label, not a title


def is_caption_sentence(text: str) -> bool:
    """A sentence of eight words or more in sentence case that stops without a full stop:
    how a scraped caption reads ("Mayweather continued to work on the pads in his gym")."""
    words = text.split()
    if len(words) < 8 or _TERMINAL.search(text) or text.endswith((":", ",", ";")) or not text[:1].isupper():
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower >= 0.5 * len(words)


def is_image_credit(text: str) -> bool:
    """ "Photo: Silver Screen Collection/Getty Images", "Richard Vogel/AP", "[via Buzzfeed]",
    "Credit: Public Domain", "Image Credit: Getty", "By Kevin Mazur/WireImage."."""
    words = text.split()
    if len(words) > 14:
        return False
    if _CREDIT_LINE.match(text) or _SLASH_CREDIT.match(text) or _HANDLE.fullmatch(text.strip()):
        return True
    if _NAMES_SLASH.fullmatch(text.strip()) and not re.search(r"\b(?:v|vs)\.?\s", text):
        return True  # "Jane's Tiny Things/Forever 21" (not a fixture: "Reading v Stockport/Swansea")
    return bool(re.fullmatch(rf"[(\[]?\s*{_AGENCY}(?:\s*/\s*{_AGENCY})*\s*[)\]]?\.?", text.strip()))


# Caption language inside a sentence of story, for the extractor's sentence checks (key
# points skip sentences that carry it).
# Caption language: "Smith, pictured, …", "(left)", "Pictured:", "Photo: Getty".
CAPTION_LANGUAGE = re.compile(
    r"(?i)\bpictured\b|\((?:left|right|centre|center|middle|top|bottom|above|below|inset|file(?: photo)?)\)"
    r"|\b(?:photo|image|picture)s?\s*(?:credit|courtesy)?\s*:"
    r"|\b(?:getty images|reuters/|ap photo|afp/|epa/|rex features|shutterstock)\b"
    r"|\bclick here\b|\bread more\b|\bscroll down\b|\bcontributed to this report\b|\bsubscribe\b"
)
# A caption label opening a sentence: "Flying high: Half of the kite …" (no verb before the colon,
# not a speaker's cue such as "He said: '…'").
CAPTION_LABEL_OPENING = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}:\s+(?![\"'‘“])")
SHOUTING = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b")  # an all-caps run: "WATCH THE VIDEO"


# -- promos, share rows and pleas -----------------------------------------------------------

_PROMO_OPENER = re.compile(rf"(?i)^{_alternation(PROMO_OPENERS)}\s*(?:[:|>»›]|\.\.\.|…)\s*\S")
_PROMO_HEADER = re.compile(
    rf"{_alternation(PROMO_HEADERS)}\s*(?:[:.!»›>]|\.\.\.|…)?\s*$|"
    r"(?:more|also) (?:from|on|stories from|news from|at) [\w.' -]{1,40}[:.]?$",
    re.I,
)
_ALSO_LIKE = re.compile(r"\byou (?:might|may|will) also (?:like|enjoy|be interested in)\b.{0,20}$", re.I)
_CAPS_OPENER = re.compile(r"^[A-Z]{2,}(?:[ /&-]+[A-Z]{2,}){0,3}\s*:\s*\S")  # "ADD TO CART: …", "WATCH: …"
# "(AirAsia Flight 8501: What we know so far about the plane’s disappearance)": a link, not an aside.
_LINK_IN_PARENS = re.compile(r"^\((?=[^)]*[A-Z])[^().!?]{3,200}[?]?\)$")
# A live blog pointing at its own pictures: "Our picture desk have compiled a gallery of …".
_SELF_MEDIA = re.compile(
    r"(?i)\bour (?:picture desk|picture editors|photo desk|video team|video desk|photographers)\b|"
    r"\b(?:compiled|put together) a (?:gallery|slideshow)\b"
)
_CLICK = _Phrases(CLICK_PHRASES, after=r"\b")
_HERE_LINK = re.compile(
    r"(?i)^(?:to\s+\w+\s+|you can\s+|for\s+)?(?:read|find|see|get|watch|listen|check|learn|view|"
    r"visit|go|sign up|download|shop|tour|browse|click|discover)\b.{0,160}\bhere[.!]?$"
)
_PAGINATION = re.compile(r"(?i)\bpage \d+ of \d+\b|^(?:next|previous|prev)\s*[›»>]|^[‹«<]\s*(?:previous|prev)")
_IN_PICTURES = re.compile(r"(?i)(?:,|–|—|-|:)\s*in (?:pictures|photos|images)\.?$")  # "…, in pictures"
_GALLERY_OPENER = re.compile(r"(?i)in (?:pictures|photos)\s*:|(?:photo|video) gallery\b|watch video\b|video:\s")
_SHARE_STRONG = {
    "facebook",
    "twitter",
    "whatsapp",
    "pinterest",
    "linkedin",
    "reddit",
    "tweet",
    "flipboard",
    "tumblr",
    "instagram",
    "email",
    "e-mail",
    "share",
    "shares",
    "enlarge",
    "gallery",
    "galleries",
    "pin",
    "embed",
    "print",
    "comments",
    "google+",
    "messenger",
    "sms",
    "rss",
}
_FOLLOW = re.compile(
    rf"(?i)^(?:please\s+|you can\s+)?(?:follow|like|find|join|connect with|subscribe to)\s+"
    rf"(?:[\w.'’@-]+\s+){{0,4}}"
    rf"(?:on|at|via)\s+{_alternation(SOCIAL_NETWORKS)}|^(?:follow|like)\s+@\w+|"
    rf"^(?:follow|like)\s+(?:us|me|him|her)\b|^share (?:this|on)\b|^\d[\d.,]*[kKmM]?\s*shares\b|"
    rf"^click to (?:share|email|print|tweet)\b|^an? (?:post|photo|video) shared by\b"
)
_PLEA_STRONG = _Phrases(
    PLEA_PHRASES,
    also=r"\bis an? (?:free )?(?:daily|weekly|monthly|morning|evening) "
    r"(?:newsletter|e-?mail|briefing|digest)\b",
)
_PLEA_WEAK = _Phrases(PLEA_WORDS, after=r"\b")
_READER = re.compile(r"(?i)\b(?:you|your|you're|yourself|our|us|we|we're)\b")
_HOUSEKEEPING = _Phrases(HOUSEKEEPING_PHRASES)
_SELF = re.compile(r"(?i)\b(?:we|our|us|this (?:story|article|post|posting|report|page|blog|piece|transcript))\b")
_HOUSEKEEPING_OPENER = re.compile(
    r"(?i)^(?:correction|clarification|update|updated|editor'?s note|editors' note|"
    r"note)\s*[:—–-]|^this (?:story|article|post|piece|report|interview|video|essay)"
    r"(?: \w+)? (?:originally|first|was|has been|is (?:republished|reprinted|adapted)|"
    r"appeared|ran)\b|^original (?:article|story) (?:on|at|from)\b|"
    r"^(?:originally|first) (?:published|appeared|posted|ran)\b"
)


def is_promo(text: str) -> bool:
    """Links to other stories and teasers: "Read more: …", "ALSO READ: …", "Related Articles:",
    "To listen to the complete interview, click here.", "Scroll down for video"."""
    tail, lower = text[-80:], text.lower()
    if (
        _PROMO_OPENER.match(text)
        or is_promo_header(text)
        or _IN_PICTURES.search(tail)
        or _GALLERY_OPENER.match(text)
        or "page" in lower
        and _PAGINATION.search(text)
    ):
        return True
    if _CAPS_OPENER.match(text) and _titled(text.split(":", 1)[1]):
        return True  # "ADD TO CART: US$25 League of Legends Gift Card", "VIEW PRICE: Funko Pop …"
    if (
        _LINK_IN_PARENS.match(text)
        or ("our " in lower or "gallery" in lower)
        and _SELF_MEDIA.search(text)
        and len(_sentences(text)) == 1
    ):
        return True
    # Every sentence a call to click, follow a link or look elsewhere.
    if not (_CLICK.search(text) or text.rstrip(".!").lower().endswith("here")):
        return False
    return not _has_quote(text) and all(_CLICK.search(s) or _HERE_LINK.match(s) for s in _sentences(text) or [text])


def _titled(text: str) -> bool:
    """Title Case: a headline or a product's name, not a sentence."""
    words = [w for w in text.split() if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and sum(1 for w in words if w[:1].isupper() or w[:1].isdigit()) >= 0.8 * len(words)


def is_promo_header(text: str) -> bool:
    """A header that opens a run of links: "Related Articles:", "Like this? You might also be interested in:"."""
    return bool(_PROMO_HEADER.match(text) or _ALSO_LIKE.search(text[-80:]))


def is_share(text: str) -> bool:
    """Share buttons and social residue: "Facebook Twitter WhatsApp Email", "Like us on Facebook",
    "Follow Lena on Twitter: @Lenadecasparis", "16shares Share on Facebook", "Photo Gallery"."""
    words = [w.lower() for w in _WORD.findall(text)]
    bare = [w for w in words if not w.isdigit()]
    if (
        bare
        and len(bare) <= 12
        and all(w in SHARE_WORDS or re.fullmatch(r"[\d.,]+[km]?shares?", w) for w in bare)
        and any(w in _SHARE_STRONG or "share" in w for w in bare)
    ):
        return True
    if not _FOLLOW.match(text):
        return False
    # Every sentence a call to follow or like, or a note where the story came from.
    return all(
        _FOLLOW.match(s) or _HOUSEKEEPING.search(s) or _HOUSEKEEPING_OPENER.match(s) or len(s.split()) <= 3
        for s in _sentences(text)
    )


def is_plea(text: str) -> bool:
    """Asks of the reader: newsletters, subscriptions, memberships, donations, comments.
    The asking must be what the paragraph is for: most of its sentences."""
    if _has_quote(text):
        return False  # someone quoted about a newsletter is story
    if not (_PLEA_STRONG.search(text) or _PLEA_WEAK.search(text)):
        return False
    return _mostly(text, lambda s: bool(_PLEA_STRONG.search(s) or _PLEA_WEAK.search(s) and _addresses_reader(s)))


def _addresses_reader(text: str) -> bool:
    """A call to the reader: an imperative or a "you", not a report about subscribers."""
    first = text.strip().split()[0].lower().strip(".,!?:")
    return bool(re.search(r"(?i)\b(?:you|your)\b", text)) or first in {
        "subscribe",
        "sign",
        "join",
        "donate",
        "register",
        "get",
        "support",
        "become",
        "follow",
        "share",
        "tell",
    }


def is_housekeeping(text: str) -> bool:
    """Live-blog and editors' notes: "We are going to leave our live coverage here …",
    "This story has been updated", "Correction: …", "This story originally appeared on …"."""
    if _has_quote(text):
        return False
    if _HOUSEKEEPING_OPENER.match(text):
        return True
    if not _HOUSEKEEPING.search(text):
        return False
    return _mostly(text, lambda s: bool(_HOUSEKEEPING.search(s) and _SELF.search(s)))


def _mostly(text: str, test) -> bool:
    """Whether most of the paragraph's sentences pass `test` (a question put to the reader,
    "Have something to add to this story?", counts for neither side)."""
    sentences = _sentences(text) or [text]
    statements = [s for s in sentences if not s.endswith("?")] or sentences
    return 2 * sum(1 for s in statements if test(s)) > len(statements)


# -- captions by their form alone: a clause that never ends --------------------------------------

_AUXILIARY = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|should|shall|"
    r"may|might|must|does|did|isn't|aren't|wasn't|weren't|won't|can't|didn't|doesn't|hasn't|"
    r"haven't|hadn't|wouldn't|couldn't)\b"
)
_LOOSE_END = re.compile(r"[:,;(\-–—/&+]$|\.\.\.$|…$|\)$")
_SOCIAL_MARKS = re.compile(r"@\w|#\w|https?:|www\.|pic\.twitter|\.com\b")


def has_finite_verb(text: str) -> bool:
    """An auxiliary, a past in -ed or an irregular past: a clause, not a title or a list item
    ("Pacquiao headed for the playground …", "… will be shown on Sky Sports")."""
    if _AUXILIARY.search(text):
        return True
    for word in re.findall(r"[a-z][a-z’']+", text):
        if len(word) >= 5 and word.endswith("ed") or word in IRREGULAR_PAST:
            return True
    return False


def is_loose_clause(text: str) -> bool:
    """A sentence of eight to forty words in sentence case, with a verb, that stops without a
    full stop: how a picture's caption reads once the page lost its layout ("Mayweather continued
    to work on the pads in his Las Vegas gym as he prepares for the fight"). Whether it is one
    depends on the story around it (stage.py): only where the story's paragraphs do end."""
    words = text.split()
    if (
        not 8 <= len(words) <= 40
        or _TERMINAL.search(text)
        or _LOOSE_END.search(text)
        or not text[:1].isupper()
        or words[0].lower().endswith("ing")
    ):  # "Defeating Weibo Gaming 3-0 …, the same roster …": a sentence
        return False
    if 2 * sum(1 for w in words if w[:1].islower()) < len(words) or _SOCIAL_MARKS.search(text):
        return False
    if "..." in text or "…" in text or len(_sentences(text)) > 1:
        return False  # a reader's comment, a paragraph whose last full stop was lost: not one clause
    return has_finite_verb(text)


# -- credits that are lists: references, a film's roll, a bare address ----------------------------

# "Kim, H., Mitsudomi, T., … Lung Cancer. 2013. 80(3):249-55.", "Dinwiddie et al. 2014. … doi:10.1016/…"
# Two authors at least, "Surname, I." each ("COLUMBIA, S.C. (AP) —" is a dateline, not an author)
_AUTHORS = re.compile(
    r"^[A-Z][a-z][\w'’-]*,\s+(?:[A-Z]\.\s*){1,3},?\s+(?:and\s+(?:[A-Z]\.\s*){1,3}[A-Z][a-z]|"
    r"[A-Z][a-z][\w'’-]*,\s+[A-Z]\.)"
)
_CITATION_MARKS = re.compile(
    r"\bet al\.|\bdoi:\s*10\.|\b(?:19|20)\d{2}\.\s+\d+(?:\(\d+\))?\s*:\s*\d+|"
    r"\b\d+\s*\(\d+\)\s*:\s*\d+\s*[-–]\s*\d+"
)
_REFERENCES_HEADER = re.compile(
    r"(?i)^(?:sources?|references?|bibliography|further reading|citations?|"
    r"works cited|notes)\s*:?$"
)


def is_citation(text: str) -> bool:
    """A reference to a paper: authors as "Surname, I.", "et al.", a volume(issue):pages, a DOI."""
    if len(text.split()) > 80:
        return False
    marks = len(_CITATION_MARKS.findall(text)) + bool(_AUTHORS.match(text))
    return marks >= 2 or bool(_AUTHORS.match(text)) and bool(re.search(r"\b(?:19|20)\d{2}\b", text))


def is_references_header(text: str) -> bool:
    """ "Sources:", "References": a header over a list of references."""
    return bool(_REFERENCES_HEADER.match(text.strip()))


_ROLE_WORD = re.compile(r"(?i)^(?:%s)s?$" % "|".join(re.escape(r) for r in CREDIT_ROLES))
_CAPS_RUN = re.compile(r"^((?:[A-Z][A-Z'’.-]*[ &/,-]+)+?)(?:BY\s+|OF\s+|TO\s+)?(?=[A-Z][a-z])")


def is_credits_roll(text: str) -> bool:
    """A line of a film's or feature's credits: a job in capitals, then who did it
    ("DIRECTOR & PRODUCER Ariane Wu", "SOUND MIXER Christopher Galipo", "ADDITIONAL MUSIC")."""
    words = text.split()
    if len(words) > 25:
        return False
    if text.isupper() and 2 <= len(words) <= 4:
        return all(_ROLE_WORD.match(w.strip("&/,")) or w in {"&", "AND", "/"} for w in words) and any(
            _ROLE_WORD.match(w.strip("&/,")) for w in words
        )
    run = _CAPS_RUN.match(text)
    if not run:
        return False
    caps = [w.strip("&/,.-") for w in run.group(1).split() if w.strip("&/,.-")]
    rest = text[run.end() :]
    names = re.fullmatch(
        r"(?:[A-Z][\w'’.-]*|&|,)(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le|of|the|for|&|and|,))*"
        r"\s*",
        re.sub(r",", " , ", rest),
    )
    return bool(caps) and any(_ROLE_WORD.match(w) for w in caps) and names is not None


_BARE_LINK = re.compile(
    r"(?i)^[<(\[]?(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co\.uk|"
    r"co|io|ly|tv|info|news|uk|us|ca|au|de|fr)(?:/\S*)?[>)\]]?\.?$"
)


def is_bare_link(text: str) -> bool:
    """A web address on a line of its own: "cironline.org", "http://example.com/x"."""
    return bool(_BARE_LINK.match(text.strip()))


_CHROME = re.compile(
    r"(?i)^[\[(]?(?:%s)[\])]?[.!:…]*$" % "|".join(re.escape(p) for p in sorted(PAGE_CHROME, key=len, reverse=True))
)
_NOTICE = _Phrases(PAGE_NOTICES)


def is_chrome(text: str) -> bool:
    """The page's own furniture: "hide caption", "Back to top", "Loading...", a cookie or script
    notice, a copyright line ("Copyright 2014 The Associated Press. All rights reserved. …")."""
    if _CHROME.match(text.strip()):
        return True
    if _has_quote(text) or len(text.split()) > 60 or not _NOTICE.search(text):
        return False
    return _mostly(
        text,
        lambda s: bool(
            _COPYRIGHT_LINE.match(s) or _NOTICE.search(s) and (len(s.split()) <= 6 or _TO_THE_READER.search(s))
        ),
    )


_TO_THE_READER = re.compile(
    r"(?i)\b(?:you|your|our|this (?:site|website|page|material|article|story|video|content)|"
    r"browser|by continuing)\b"
)
_COPYRIGHT_LINE = re.compile(r"(?i)^(?:copyright|©|\(c\))\s*(?:\d{4}|by\b|[A-Z])")


# -- labels, counters and the rest ----------------------------------------------------------

_LABEL_OPENER = re.compile(rf"(?i)^{_alternation(LABEL_OPENERS)}\s*:")
_AD = re.compile(rf"(?i)^{_alternation(AD_WORDS)}\s*[.:]?$")
_COUNTER = re.compile(rf"(?i)^(?:\d[\d,.]*\s*[km]?\s*{_alternation(COUNTER_WORDS)}\s*)+$|^\d{{6,}}$")


def is_label(text: str) -> bool:
    """ "Topics: Immigration, Unauthorized Immigration", "Tags:", "Advertisement"."""
    return bool(_AD.match(text) or _LABEL_OPENER.match(text) and len(text.split()) <= 20)


def is_counter(text: str) -> bool:
    """ "143 comments", "16shares", a bare number on a line of its own."""
    return bool(_COUNTER.match(text.strip()))


def is_other(text: str) -> bool:
    """Lines of symbols without a word or number in them: "|", "× 1594x906 ×"."""
    return not re.search(r"[A-Za-z]{2,}|\d", re.sub(r"\d+x\d+", "", text))


def is_dateline_only(text: str) -> bool:
    """A dateline on a line of its own: "WASHINGTON —", "LONDON (Reuters) -"."""
    return bool(
        re.fullmatch(
            rf"[A-Z][A-Z .'’-]{{2,40}}(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?"
            rf"(?:\s*\({_OUTLET}\)\s*(?:--|—|–|-|:)?|\s*(?:,\s*{DATE})?\s*(?:--|—|–))",
            text.strip(),
        )
    )


# -- shared -----------------------------------------------------------------------------------

_QUOTED = re.compile(
    r"[\"“”]([^\"“”]{12,})[\"“”]"
    r"|(?:^|[\s(])[‘']([^‘’']{12,})[’'](?=[\s,.;:!?)]|$)"
)


def _has_quote(text: str) -> bool:
    return bool(_QUOTED.search(text))


# A full stop after an initial or a title ends no sentence: "Follow Lucia I. Suarez", "Mr. Fernandes".
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)"
    r"\s+(?=[A-Z\"“‘'(])"
)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]
