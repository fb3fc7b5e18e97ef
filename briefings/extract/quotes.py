"""Direct quotes and who said them: spans (quote_marks.py), cues (cues.py), speakers
(speakers.py), and the rules that decide what is a quote at all.

A quote with no cue of its own continues the quote before it in the same paragraph, or the
previous paragraph's speaker when it opens its paragraph. A quote whose speaker cannot be
determined keeps speaker None. Scare quotes and titles of works (short, no speech cue) are
dropped; partial quotes inside a paraphrase are kept.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ..lexicon import FILLER_WORDS, QUOTED_WORK_NOUNS, WORK_TITLE_SMALL_WORDS
from ..model import Quote
from .cues import Attribution, Cues
from .participants import Cluster, Participants
from .quote_marks import QuoteSpan, find_quote_spans, interrupted, join_pieces
from .speaker_model import Attributed, candidates, choose, load_weights
from .speakers import Speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_quotes", "find_quote_spans"]


_DEFAULT = object()
# Where a title stands: after a possessive or "on"/"in" ("NPR’s “…”", "on “Meet the Press”").
_TITLE_PLACE = re.compile(r"(?:['’]s|\bon|\bin)\s*[“\"‘']$")
# After the name of a kind of work, a quote is its title, whatever its case ("her memoir, “Tough
# Choices.”", "the documentary “Weiner.”", "a memo titled “The Facts on Where the Race Stands.”").
_WORK_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(QUOTED_WORK_NOUNS)) + r")\s*,?\s*[“\"‘']$", re.IGNORECASE)
# A headline's byline after it: `,” by Variety's Gordon Cox`, not a passive's agent (`,” by Trump`).
_BYLINE_AFTER = re.compile(r"(?:,[“”\"‘’']|[“”\"‘’'],)\s*by\s+[A-Z][^\n:,]{0,50}?(?:'s|’s|s'|s’)\s")


def find_quotes(
    doc: Doc, participants: Participants, weights: dict[str, float] | None | object = _DEFAULT
) -> list[Quote]:
    """The article's quotes in order, each with its speaker's canonical name or None. `weights`:
    the speaker model's (speaker_model.py); the shipped ones by default, None for the rules alone."""
    text = doc.text
    kept, speakers = attribute_quotes(doc, participants)
    chosen = [q.found.speaker for _, q in kept]
    weights = load_weights() if weights is _DEFAULT else weights
    if weights:  # the quotes whose cue the rules could not resolve
        for k, options in candidates(doc, participants, speakers, [q for _, q in kept]).items():
            chosen[k] = choose(options, weights)
            chosen[k] = chosen[k] and speakers.fullest(chosen[k])
    quotes: list[Quote] = []
    previous: QuoteSpan | None = None
    for (span, q), speaker in zip(kept, chosen):
        piece = text[span.start : span.end]
        if previous is not None and interrupted(text, previous, span):
            joined = quotes[-1]  # "So," Alito declared, "I take it …": one quote, one speaker
            joined.pieces = (joined.pieces or [joined.text]) + [piece]
            joined.text, joined.end = join_pieces(joined.pieces), span.end
            joined.partial = joined.partial and q.partial
            if joined.speaker is None and speaker is not None:
                joined.speaker, joined.cue = speaker.name, q.found.cue
        else:
            quotes.append(
                Quote(
                    text=piece,
                    speaker=speaker.name if speaker else None,
                    cue=q.found.cue,
                    start=span.start,
                    end=span.end,
                    paragraph=q.paragraph,
                    partial=q.partial,
                )
            )
        previous = span
    # A fragment of a paraphrase that nobody is credited with is a scare quote ("a “can’t fail”
    # mentality"), not a quote; one that somebody is (`Lord Baker added it was “high”`) is.
    return [q for q in quotes if not (q.partial and q.speaker is None and len(q.text.split()) < 4)]


def attribute_quotes(doc: Doc, participants: Participants) -> tuple[list[tuple[QuoteSpan, Attributed]], Speakers]:
    """The quotes worth keeping, each with what the rules found for it, in order."""
    text = doc.text
    spans = find_quote_spans(text)
    starts = [t.idx for t in doc]
    quoted = set()  # tokens inside any quote: never a cue or a speaker
    token_ranges = []
    for span in spans:
        first = max(bisect.bisect_right(starts, span.start) - 1, 0)
        last = max(bisect.bisect_left(starts, span.end), first + 1)
        token_ranges.append((first, last))
        quoted.update(range(first, last))
    speakers = Speakers(doc, participants, quoted)
    finder = Cues(doc, text, quoted, speakers)

    kept: list[tuple[QuoteSpan, Attributed]] = []
    previous: tuple[QuoteSpan, Cluster | None] | None = None
    paragraphs = _paragraph_numbers(text)
    for span, (first, last) in zip(spans, token_ranges):
        found = finder.attribute(span, first, last)
        continued = previous is not None and _continues(previous[0], span, text, paragraphs)
        words = len(text[span.start : span.end].split())
        evidence = dict(found.evidence)
        before = {
            "reported_before": finder.reported_before(span, first, paragraphs),
            "previous_subject": finder.previous_subject(first),
        }
        evidence.update({kind: f.speaker for kind, f in before.items() if f is not None and f.speaker is not None})
        if continued and previous[1] is not None:
            evidence["continuation"] = previous[1]
        reported = before["reported_before"]
        if found.strength < 2 and continued and found.speaker is None:
            found = Attribution(previous[1], None, found.strength, kind="continuation")  # no cue of its own
        elif found.strength == 0:
            found = reported or before["previous_subject"] or found
        elif found.speaker is None and not found.unnamed and reported is not None and reported.speaker is not None:
            found = reported  # "a spokesman for the Commission had this to say: “…”"
        found.evidence = evidence
        if not _keep(text, span, found, continued, words):
            continue
        if found.speaker is not None and speakers.is_place(found.speaker):
            found.speaker = None  # "warning that Seoul will pay for such “stupid” acts": never a place
        elif found.speaker is not None:
            found.speaker = speakers.fullest(found.speaker)  # "Dai" is Dai Shuqin
        found.evidence = {kind: speakers.fullest(c) for kind, c in found.evidence.items() if not speakers.is_place(c)}
        if found.speaker is not None:
            speakers.note(first, found.speaker)
        kept.append(
            (
                span,
                Attributed(
                    first,
                    last,
                    paragraphs[span.paragraph],
                    words,
                    found,
                    partial=_fragment(text, span, doc[first].sent.start_char),
                ),
            )
        )
        previous = (span, found.speaker)
    return kept, speakers


def _paragraph_numbers(text: str) -> list[int]:
    """Line index → paragraph number counting non-empty lines only (blank lines are spacing)."""
    numbers, count = [], -1
    for line in text.split("\n"):
        if line.strip():
            count += 1
        numbers.append(max(count, 0))
    return numbers


def _keep(text: str, span: QuoteSpan, found: Attribution, continued: bool, words: int) -> bool:
    quoted = text[span.start : span.end]
    if all(w.lower() in FILLER_WORDS for w in re.findall(r"[\w-]+", quoted)):
        return False  # "shed of the usual “ums” and “ahs”": sounds, not words
    before = text[max(0, span.start - 20) : span.start]
    if _WORK_BEFORE.search(before) and words <= 15:
        return False
    if _BYLINE_AFTER.match(text, span.end):
        return False  # "“Met accused of whitewashing baby Jesus,” by Post’s Kathianne Boniello": a headline
    named = found.strength == 2 and found.direct and (found.hops <= 1 or found.naming and found.hops <= 2)
    if _looks_like_title(quoted, before) and not (named and (found.naming or not _TITLE_PLACE.search(before))):
        return False  # "Fox News Sunday", "on NPR’s “Wait, Wait … Don’t Tell Me!”": a title, not speech
    if found.strength == 2:
        return words >= 2 or found.direct or _stands_alone(text, span)
    if continued:
        return True
    # A fragment in a paraphrase (`Bolton called it a “fundamental mistake”`) is credited to the
    # verb's subject; a capitalised one is most often a name or a title ("Star Wars").
    lower = quoted[:1].islower()
    if found.strength == 1:
        return words >= (2 if found.speaker is not None else 4) or words >= 2 and lower
    # With no cue at all: a statement that reads as one, or a long stretch of words.
    return words >= 8 or words >= 4 and (lower or quoted.rstrip().endswith((".", "?", "!", ",")))


def _fragment(text: str, span: QuoteSpan, sentence_start: int) -> bool:
    """A quote set in running text (`called it “a disaster”`, `distorted by “biased” teachers`),
    not a statement: it neither opens its sentence nor follows a cue's comma or colon ("X said:
    “…”"), nor reads as a sentence of its own."""
    before = text[min(sentence_start, span.start) : span.start].rstrip(" “\"‘'")
    quoted = text[span.start : span.end].strip()
    if not before.strip() or before.endswith((":", ",")):
        return False
    return not (quoted[:1].isupper() and quoted.endswith((".", "?", "!")))


def _looks_like_title(quoted: str, before: str = "") -> bool:
    words = re.findall(r"[\w’'-]+", quoted)
    if not words or len(words) > 7:
        return False
    if quoted.rstrip().endswith(("?", "!")) and not _TITLE_PLACE.search(before):
        return False  # "Lock her up!" is a chant; "on NPR’s “Wait, Wait … Don’t Tell Me!”" a show
    capital = [w for w in words if w[:1].isupper() or w[:1].isdigit()]
    return (
        all(w[:1].isupper() or w[:1].isdigit() or w.lower() in WORK_TITLE_SMALL_WORDS for w in words)
        and len(capital) >= 1
        and words[0][:1].isupper()
        and not (len(words) == 1 and quoted.strip().endswith("."))
    )


def _continues(before: QuoteSpan, span: QuoteSpan, text: str, paragraphs: list[int]) -> bool:
    """A cue-less quote continues the one before it in the same paragraph, or opens the
    paragraph right after the one the previous quote was in."""
    if span.paragraph == before.paragraph:
        return True
    if paragraphs[span.paragraph] != paragraphs[before.paragraph] + 1:
        return False
    if before.closed and text[before.start : before.end].rstrip().endswith("?"):
        return False  # a question, then a paragraph of quote with no cue: the answer, someone else's
    paragraph_start = text.rfind("\n", 0, span.start) + 1
    return not text[paragraph_start : span.start - 1].strip()


def _stands_alone(text: str, span: QuoteSpan) -> bool:
    """A whole paragraph in quote marks is speech even when its cue is elsewhere."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    rest = text[start : span.start] + text[span.end : end if end >= 0 else len(text)]
    return len(rest.strip(" “”\"‘’'.,")) == 0
