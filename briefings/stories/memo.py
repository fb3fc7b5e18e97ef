"""What story grouping remembers between builds of one process, so that `serve`, which
rebuilds the site model on every edit, regroups only the period the edit touched.

Two memos, both keyed by entry fingerprints (an article's file checksum and extraction
key: everything grouping and summaries read of it), so a hit is exactly what a fresh
computation would give and no build state need hand them over:
- an article's evidence (evidence.py), by its own fingerprint;
- a period's stories, by the fingerprints of its articles in order (and the settings),
  kept as indices into the period's entries and restored onto a rebuilt site's objects.
Each is bounded; the oldest entries go first. The evidence, the costly part of grouping a
site in a fresh process, is also kept on disk with the build state (state.py).
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..model import Entry, QuoteRef, Story, StoryParticipant, TopPoint
from .evidence import Evidence

MEMO_SIZE = 4096  # periods remembered; articles' evidence: four times as many
_EVIDENCE: dict[str, Evidence] = {}
_STORIES: dict[tuple, list[tuple]] = {}


def forget() -> None:
    """Empty both memos (benchmarks time grouping from nothing)."""
    _EVIDENCE.clear()
    _STORIES.clear()


def evidence(entry: Entry, make: Callable[[Entry], Evidence]) -> Evidence:
    """`make(entry)`, remembered by the entry's fingerprint (when it has one)."""
    key = entry.fingerprint
    found = _EVIDENCE.get(key) if key else None
    if found is None:
        found = make(entry)
        if key:
            _remember(_EVIDENCE, key, found, 4 * MEMO_SIZE)
    return found


def saved_evidence(fingerprints: Iterable[str]) -> dict:
    """The remembered evidence of these entries, as JSON to keep beside the build state,
    so that a build in the next process reads it instead of going through every text again."""
    found = {}
    for key in fingerprints:
        item = _EVIDENCE.get(key)
        if item is not None:
            # Stems in one string and weights as raw doubles: exact, and quick to read back
            # (a list of pairs per term took longer to parse than to make the evidence anew).
            found[key] = [
                " ".join(item.terms),
                base64.b64encode(array("d", item.terms.values()).tobytes()).decode(),
                sorted(item.participants),
                item.date.isoformat() if item.date else None,
            ]
    return {"version": evidence_version(), "items": found}


def restore_evidence(saved: dict) -> set[str]:
    """Remember evidence saved by saved_evidence() by the same code (weights kept as raw
    doubles, so it groups as the evidence it was made from), and say whose; any other is ignored."""
    if not saved or saved.get("version") != evidence_version():
        return set()
    for key, (stems, weights, participants, date) in saved["items"].items():
        if key not in _EVIDENCE:
            terms = dict(zip(stems.split(" "), array("d", base64.b64decode(weights)))) if stems else {}
            _remember(
                _EVIDENCE,
                key,
                Evidence(terms, frozenset(participants), dt.date.fromisoformat(date) if date else None),
                4 * MEMO_SIZE,
            )
    return set(saved["items"])


@functools.cache
def evidence_version() -> str:
    """What evidence depends on besides an article: evidence.py itself and the word list
    (and the byte order its weights are saved in)."""
    from importlib.metadata import version

    source = Path(__file__).with_name("evidence.py").read_bytes()
    return hashlib.sha256(source + f"{version('wordfreq')}|{sys.byteorder}".encode()).hexdigest()[:16]


def stories(entries: Sequence[Entry], settings: tuple, make: Callable[[Sequence[Entry]], list[Story]]) -> list[Story]:
    """`make(entries)`, remembered by `settings` and the entries' fingerprints: on a hit, the
    remembered stories rebuilt onto these entries."""
    fingerprints = tuple(e.fingerprint for e in entries)
    if not all(fingerprints):  # entries made outside a build: nothing to key them by
        return make(entries)
    key = (settings, fingerprints)
    saved = _STORIES.get(key)
    if saved is not None:
        return [_restore(story, entries) for story in saved]
    found = make(entries)
    order = {id(e): i for i, e in enumerate(entries)}
    _remember(_STORIES, key, [_save(story, order) for story in found], MEMO_SIZE)
    return found


def _remember(memo: dict, key, value, size: int) -> None:
    if len(memo) >= size:
        memo.pop(next(iter(memo)))
    memo[key] = value


def _save(story: Story, order: dict[int, int]) -> tuple:
    """A story as indices into its period's entries."""
    quote = story.quote
    where = {
        id(participant): (order[id(entry)], index)  # a story participant as (entry, its index there)
        for entry in story.entries
        for index, participant in enumerate(entry.extraction.participants)
    }
    return (
        story.id,
        [order[id(e)] for e in story.entries],
        [(p.text, order[id(p.entry)], [order[id(e)] for e in p.sources], p.score) for p in story.points],
        None if quote is None else (order[id(quote.entry)], quote.entry.extraction.quotes.index(quote.quote)),
        [(*where[id(p.participant)], p.articles) for p in story.participants],
        story.score,
    )


def _restore(saved: tuple, entries: Sequence[Entry]) -> Story:
    story_id, members, points, quote, participants, score = saved
    ordered = [entries[i] for i in members]
    story = Story(id=story_id, lead=ordered[0], entries=ordered, score=score)
    story.points = [
        TopPoint(text, entries[first], [entries[i] for i in sources], point_score)
        for text, first, sources, point_score in points
    ]
    if quote is not None:
        entry = entries[quote[0]]
        story.quote = QuoteRef(entry.extraction.quotes[quote[1]], entry)
    story.participants = [StoryParticipant(entries[e].extraction.participants[i], n) for e, i, n in participants]
    return story
