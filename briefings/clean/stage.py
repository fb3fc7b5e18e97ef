"""The clean stage: every paragraph judged, boilerplate cut, every cut kept with its place.

Three passes over the paragraphs. First each one alone, by its form (bylines.py,
furniture.py). Then by where it stands: labels and the headline above the lede, whatever a
wire dateline's lede has above it, the links after a "Related" header, the writer's note
and sign-off closing the article. Last, spans inside the story paragraphs that remain
(inline.py): the lede's dateline, glued share rows, "Scroll down for video".
A paragraph that quotes someone speaking is story, whatever else it looks like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import SPEECH_VERBS, TITLE_SMALL_WORDS
from . import bylines, furniture, inline
from .units import Unit, split_numbered_list, split_units, standalone

HEADLINE = "headline"


@dataclass(frozen=True)
class Cut:
    """One piece of boilerplate taken out: its kind, its span in the text given to the
    stage, the line it starts on and the text itself."""

    kind: str
    start: int
    end: int
    line: int
    text: str


@dataclass(frozen=True)
class Judged:
    """The paragraphs and what the stage made of them."""

    text: str  # the text given to the stage
    units: tuple[Unit, ...]
    kinds: tuple[str | None, ...]  # a boilerplate kind, HEADLINE, or None for story
    spans: tuple[tuple[inline.Span, ...], ...]  # spans cut inside each story paragraph


def judge(text: str, first_line: int = 1, markdown: bool = False) -> Judged:
    units = split_units(text, first_line, markdown)
    views = [_plain(u.text) if markdown else u.text for u in units]
    kinds = rule_kinds(views, markdown, standalone(text, units), [u.text for u in units])
    live_blog = _is_live_blog(views)
    story = [i for i, k in enumerate(kinds) if k is None]
    lede = story[0] if story else None
    spans: list[tuple[inline.Span, ...]] = []
    for i, (unit, view) in enumerate(zip(units, views)):
        found: list[inline.Span] = []
        if kinds[i] is None and view == unit.text:  # Markdown markup in the way: no spans
            # The lede, or the paragraph after a standfirst, may open with the dateline.
            opening = i == lede or i in story[1:2] and not spans[lede]
            found = (inline.lede_spans(view) if opening else []) + inline.paragraph_spans(view, live_blog)
            found = [s for s in found if not _eats_quote(view, s)]
        spans.append(tuple(sorted(found, key=lambda s: s[1])))
    return Judged(text, tuple(units), tuple(kinds), tuple(spans))


def rule_kinds(
    views: list[str], markdown: bool = False, alone: list[bool] | None = None, sources: list[str] | None = None
) -> list[str | None]:
    """What the form rules make of each paragraph: alone, then by where it stands. `alone`:
    which paragraphs are whole blocks of the text (units.standalone); all, when not given.
    `sources`: each paragraph as written, for Markdown (its headings and list items)."""
    alone = alone if alone is not None else [True] * len(views)
    sources = sources if sources is not None else views
    kinds: list[str | None] = [None if story_speaks(v) else paragraph_kind(v) for v in views]
    if markdown:  # rules, tables and markup without words ("* * *", "| --- |") are the author's layout
        kinds = [None if k in ("other", "counter") else k for k in kinds]
        # and so are headings and lists: a caption is neither (a fetched page's text is Markdown)
        kinds = [None if k == "caption" and _STRUCTURE.match(u) else k for k, u in zip(kinds, sources)]
    _top(views, kinds)
    _above_wire_lede(views, kinds)
    _runs(views, kinds)
    _tail(views, kinds)
    live_blog = _is_live_blog(views)
    if live_blog:
        _live_blog(views, kinds)
    elif not markdown:
        _loose_captions(views, kinds, alone)
    _repeated_captions(views, kinds)
    if markdown:
        kinds = [None if k == "caption" and _STRUCTURE.match(u) else k for k, u in zip(kinds, sources)]
    return kinds


def _is_live_blog(views: list[str]) -> bool:
    return sum(1 for v in views if _LIVE_TIME.match(v)) >= 3


_STRUCTURE = re.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s)")


def paragraph_kind(text: str) -> str | None:
    """The kind of boilerplate a paragraph is by its form alone, or None."""
    if furniture.is_other(text):
        return "counter" if furniture.is_counter(text) else "other"
    if furniture.is_counter(text):
        return "counter"
    if (
        bylines.is_credit(text)
        or furniture.is_image_credit(text)
        or furniture.is_citation(text)
        or furniture.is_credits_roll(text)
    ):
        return "credit"
    if bylines.is_byline(text) or bylines.is_contact(text):
        return "byline"
    if bylines.is_stamp(text):
        return "stamp"
    stamped = bylines.stamp_prefix(text)
    if stamped and paragraph_kind(text[stamped:]) is not None:
        return "stamp"  # a stamp and furniture: "Posted: Thursday, …, 8:09 PM Inappropriate video? Alert us."
    if furniture.is_caption(text):
        return "caption"
    for kind, test in (
        ("share", furniture.is_share),
        ("promo", furniture.is_promo),
        ("plea", furniture.is_plea),
        ("housekeeping", furniture.is_housekeeping),
        ("caption", furniture.is_labelled_caption),
        ("label", furniture.is_label),
        ("dateline", furniture.is_dateline_only),
        ("other", furniture.is_chrome),
        ("other", furniture.is_bare_link),
    ):
        if test(text):
            return kind
    return None


_SPEECH = re.compile(r"(?i)\b(?:%s)\b" % "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in SPEECH_VERBS))
_DIRECT = re.compile(
    r"[\"“]([^\"“”]+)[\"”]"
    r"|(?:^|[\s(—–-])[‘']([^‘’']+)[’'](?=[\s,.;:!?)—–-]|$)"
)


def story_speaks(text: str) -> bool:
    """A direct quote of three words or more and a reporting verb outside it: the story
    speaking, never boilerplate whatever else the paragraph looks like."""
    outside, quoted = text, False
    for match in _DIRECT.finditer(text):
        inside = match.group(1) or match.group(2) or ""
        if len(inside.split()) >= 3:
            quoted = True
            outside = outside.replace(inside, " ")
    return quoted and bool(_SPEECH.search(outside))


def _eats_quote(text: str, span: inline.Span) -> bool:
    """Whether a span would cut into a direct quote (three words or more) or a quote with its speaker."""
    for match in _DIRECT.finditer(text):
        inside = match.group(1) or match.group(2) or ""
        if len(inside.split()) >= 3 and span[1] < match.end() and match.start() < span[2]:
            return True
    return story_speaks(text[span[1] : span[2]])


# -- where a paragraph stands -----------------------------------------------------------------

_TOP = 6  # paragraphs above the lede that may be labels, a headline or furniture


def looks_like_headline(text: str) -> bool:
    """A title line: a few words that do not end as a sentence or open as a quote; more than
    one sentence only in Title Case ("What Do You Think This Guy Is Doing? You Will …")."""
    words = text.split()
    if (
        not 2 <= len(words) <= 25
        or text.endswith((".", ",", ";", ":"))
        or not re.search(r"[A-Za-z]{2,}", text)
        or text.startswith(('"', "“", "‘", "'", "(", "[", "-", "—", "•", "*"))
    ):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    if re.search(r"[.!?]\s+[A-Z]", text) and capitalised < 0.6 * len(words):
        return False
    return capitalised >= 1


def _top(views: list[str], kinds: list[str | None]) -> None:
    """Above the lede: section labels, a kicker, then the headline."""
    candidates = []
    for i in range(min(_TOP, len(views))):
        if kinds[i] is not None:
            continue
        text = views[i]
        if len(text.split()) == 1 and not re.search(r"[.!?]$", text):
            if candidates:
                break  # under the headline: the story's own furniture ("Headingley" above a fixture)
            kinds[i] = "label"  # "Sports", "Investing": one word is never a title
            continue
        if not candidates and re.fullmatch(bylines.NAME, text) and 2 <= len(text.split()) <= 4 and not text.isupper():
            kinds[i] = "caption"  # a name alone over the story: the caption of its picture ("Kate Henshaw")
            continue
        if not looks_like_headline(text) or len(candidates) == 2:
            break
        candidates.append(i)
    if not candidates:
        return
    first, last = candidates[0], candidates[-1]
    # A short Title Case line above a longer headline is a kicker: "CommBank Test Series v India".
    if (
        last != first
        and len(views[first].split()) <= 6
        and len(views[last].split()) > len(views[first].split())
        and _title_case(views[first])
    ):
        kinds[first], kinds[last] = "label", HEADLINE
    else:
        kinds[first] = HEADLINE


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _above_wire_lede(views: list[str], kinds: list[str | None]) -> None:
    """Above a wire story's lede ("JAKARTA (Reuters) - …") stands only page furniture."""
    for j in range(min(_TOP, len(views))):
        if kinds[j] is None and inline.opens_with_tag(views[j]):
            for i in range(j):
                if kinds[i] is None:
                    kinds[i] = "caption" if furniture.is_caption_sentence(views[i]) else "promo"
            return


def _runs(views: list[str], kinds: list[str | None]) -> None:
    """After a promo header ("Related Articles:"), link lines are promos until story resumes;
    after a pointer ("You can read more about … here."), the one line it points to; after the
    story's last paragraph and the furniture below it, a short closing line ("Tour … home.")."""
    for i in range(len(views) - 1):
        if (
            kinds[i] == "promo"
            and kinds[i + 1] is None
            and re.search(r"(?i)\bhere[.!:]?$", views[i])
            and _link_like(views[i + 1])
            and not re.search(r"[.!?]$", views[i + 1])
        ):
            kinds[i + 1] = "promo"
    if (
        len(views) >= 3
        and kinds[-1] is None
        and kinds[-2] in ("promo", "plea", "share")
        and len(views[-1].split()) <= 12
        and len(furniture._sentences(views[-1])) == 1
        and views[-1].endswith(".")
        and not story_speaks(views[-1])
    ):
        kinds[-1] = "promo"
    for i, view in enumerate(views):  # a chart's notes stand with its captions and source
        if (
            kinds[i] is None
            and furniture.FOOTNOTE.match(view)
            and any(kinds[j] in ("caption", "credit") for j in (i - 1, i + 1) if 0 <= j < len(kinds))
        ):
            kinds[i] = "caption"
    for i, view in enumerate(views):  # "Sources:" over a list of references: all credits
        if (
            kinds[i] is None
            and furniture.is_references_header(view)
            and i + 1 < len(views)
            and furniture.is_citation(views[i + 1])
        ):
            kinds[i] = "credit"
            j = i + 1
            while j < len(views) and (kinds[j] is not None or furniture.is_citation(views[j])):
                kinds[j] = kinds[j] or "credit"
                j += 1
    i = 0
    while i < len(views):
        if kinds[i] == "promo" and furniture.is_promo_header(views[i]):
            j = i + 1
            while j < len(views) and (kinds[j] is not None or _link_like(views[j])):
                if kinds[j] is None:
                    kinds[j] = "promo"
                j += 1
            i = j
        else:
            i += 1


def _is_story(text: str) -> bool:
    """A paragraph of story by its shape: fifteen words or more that end as a sentence."""
    return len(text.split()) >= 15 and bool(furniture._TERMINAL.search(text))


def _loose_captions(views: list[str], kinds: list[str | None], alone: list[bool]) -> None:
    """Below the lede, a whole paragraph that is a clause without its full stop, in an article
    whose story paragraphs do end theirs, is a picture's caption left behind by the layout
    ("Pacquiao will take on Mayweather at the MGM Grand in Las Vegas on May 2 …")."""
    story = [i for i, v in enumerate(views) if kinds[i] is None and _is_story(v)]
    if len(story) < 3:
        return
    # Below the lede: the first paragraph that ends as a sentence of eight words or more.
    lede = next(
        i for i, v in enumerate(views) if kinds[i] is None and len(v.split()) >= 8 and furniture._TERMINAL.search(v)
    )
    loose = [
        kinds[i] is None and alone[i] and i > lede and furniture.is_loose_clause(v) and not story_speaks(v)
        for i, v in enumerate(views)
    ]
    # Other long paragraphs that do not end: a text that drops its full stops (comments, notes).
    unended = [
        i
        for i, v in enumerate(views)
        if kinds[i] is None and len(v.split()) >= 15 and not _is_story(v) and not loose[i]
    ]
    if len(unended) > 0.2 * (len(story) + len(unended)):
        return
    for i in range(lede + 1, len(views)):
        if not loose[i] or i + 1 < len(views) and views[i + 1][:1].islower():
            continue  # the sentence runs on in the next paragraph ("… Parry revealed Real Madrid" / "did …")
        if i + 1 == len(views) and not loose[i - 1]:
            continue  # the article's last line alone: a closing note ("Halo 2 is out on 9 November in the US …")
        kinds[i] = "caption"


def _repeated_captions(views: list[str], kinds: list[str | None]) -> None:
    """A short paragraph repeated inside a caption or credit that was cut is that caption
    ("The SOFIA flying observatory." and "Credit: NASA View full size image The SOFIA flying observatory.")."""
    cut = [" ".join(views[j].split()).lower() for j, k in enumerate(kinds) if k in ("caption", "credit")]
    if not cut:
        return
    for i, view in enumerate(views):
        plain = " ".join(view.split()).lower()
        if kinds[i] is None and 3 <= len(plain.split()) <= 25 and any(plain in c and plain != c for c in cut):
            kinds[i] = "caption"


def _link_like(text: str) -> bool:
    """A headline of another story: Title Case, or no full stop, and short."""
    words = text.split()
    if not words or len(words) > 25 or story_speaks(text):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised >= 0.6 * len(words) or not re.search(r"[.!?]$", text)


_LIVE_TIME = re.compile(r"^\d{1,2}[.:]\d{2}\s+[A-Z]")
_WE = re.compile(r"(?i)\b(?:we|we're|we've|our|us)\b")
_YOU = re.compile(r"(?i)\b(?:you|your)\b")


def _live_blog(views: list[str], kinds: list[str | None]) -> None:
    """A live blog's notes to its readers ("We are trying to get the answers for you.") and
    lead-ins to something the page no longer has (a line ending in ':' followed by the next
    timed entry)."""
    for i, view in enumerate(views):
        if kinds[i] is not None or story_speaks(view):
            continue
        entry = re.sub(r"^\d{1,2}[.:]\d{2}\s+", "", view)
        if len(furniture._sentences(entry)) == 1 and _WE.search(entry) and _YOU.search(entry):
            kinds[i] = "housekeeping"
        elif (
            view.endswith(":")
            and not _LIVE_TIME.match(view)
            and (i + 1 == len(views) or _LIVE_TIME.match(views[i + 1]))
        ):
            kinds[i] = "housekeeping"


def _tail(views: list[str], kinds: list[str | None]) -> None:
    """Closing the article: a note about the writer, a sign-off ("-- Bryan Denson"), a
    signature ("Kim Gump, Dallas")."""
    story = [i for i, k in enumerate(kinds) if k is None]
    for i in story[-2:]:
        if bylines.is_bio(views[i]):
            kinds[i] = "bio"
        elif bylines.sign_off_author(views[i]) is not None:
            kinds[i] = "byline"
    if story and kinds[story[-1]] is None:
        if bylines.signature_author(views[story[-1]]) is not None:
            kinds[story[-1]] = "byline"


# -- the cleaned text ---------------------------------------------------------------------------


def story_text(judged: Judged) -> tuple[str, list[Cut], Cut | None]:
    """The story as paragraphs separated by blank lines, every cut, and the headline line."""
    kept: list[str] = []
    cuts: list[Cut] = []
    headline = None
    raw = judged.text
    for unit, kind, spans in zip(judged.units, judged.kinds, judged.spans):
        if kind == HEADLINE:
            headline = Cut(HEADLINE, unit.start, unit.end, unit.line, unit.text)
            continue
        if kind is not None:
            cuts.append(Cut(kind, unit.start, unit.end, unit.line, raw[unit.start : unit.end]))
            continue
        text, at = [], 0
        for span_kind, start, end in spans:
            if start < at:
                continue
            text.append(unit.text[at:start])
            raw_start, raw_end = unit.offset(raw, start), unit.offset(raw, end)
            cuts.append(
                Cut(
                    span_kind,
                    raw_start,
                    raw_end,
                    unit.line + raw.count("\n", unit.start, raw_start),
                    unit.text[start:end].strip(),
                )
            )
            at = end
        text.append(unit.text[at:])
        paragraph = " ".join("".join(text).split())
        if paragraph:
            kept.extend(split_numbered_list(paragraph))
    return "\n\n".join(kept), cuts, headline


_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)|!?\[([^\]]*)\]\([^)]*\)|[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}")


def _plain(text: str) -> str:
    """A Markdown paragraph as a reader sees it, for judging: "**By Jane Doe**" is a byline."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text).split())
