"""What one article brings to story grouping: its content words, its participants, its date.

Computed from an article and its extraction alone (never the rest of the period), so it is
remembered by the entry's fingerprint: `serve`, rebuilding the site model on every edit,
recomputes it only for the article that changed. The site model never loads spaCy, so
words are Snowball stems (PyStemmer, in C) rather than spaCy lemmas: "rallies" and
"rallying" still meet, at a hundredth of the cost.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

import Stemmer  # PyStemmer

# Function words and the verbs and nouns of news prose that say nothing about which event a
# text tells ("said", "told", "year"); without them two articles meet on their subject.
STOP_WORDS = frozenset(
    """
a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because
become becomes becoming been before beforehand behind being below beside besides between beyond both but by can
cannot could did do does doing done down due during each either else elsewhere enough even ever every everyone
everything everywhere except few first for former formerly from further get gets getting give given go going got
had has have having he hence her here hereafter hereby herein hers herself him himself his how however i if in
indeed into is it its itself just last latter least less made make many may me meanwhile might mine more moreover
most mostly much must my myself namely neither never nevertheless next no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own part per
perhaps please put rather re really same say says said saying see seem seemed seeming seems several she should
show since so some somehow someone something sometime sometimes somewhere still such take than that the their
them themselves then thence there thereafter thereby therefore therein thereupon these they this those though
through throughout thru thus to together too toward towards under until up upon us used using very via was we
well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether
which while whither who whoever whole whom whose why will with within without would yet you your yours yourself
yourselves mr mrs ms dr told tell telling added adding asked according also new news year years week weeks day
days month months time times today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december people way ways lot lots
bbc reuters
""".split()
)
_TOKEN = re.compile(r"[a-z][a-z0-9']*[a-z0-9]|\d{4,}")  # words, and numbers of four digits or more ("8501")
_STEMMER = Stemmer.Stemmer("english")
PARTICIPANTS_USED = 12  # an article's most salient participants; the rest are passing mentions
TERMS_KEPT = 60  # an article's weightiest terms kept: the most grouping may use (Weights.top_terms)


@dataclass(frozen=True)
class Evidence:
    """One article as the grouping sees it."""

    terms: dict[str, float]  # stem → weight (sublinear count times rarity in English), weightiest first
    participants: frozenset[str]  # its most salient participants' names, folded
    date: dt.date | None


def evidence_of(title: str, text: str, participant_names: list[str], date: dt.date | None) -> Evidence:
    counts = _counts(text)
    for word, n in _counts(title).items():  # the headline says what the story is: twice
        counts[word] += 2 * n
    found: dict[str, int] = {}  # stem → count
    rarity: dict[str, float] = {}  # stem → rarity of its commonest form here
    for word, n in counts.items():
        known = _WORDS.get(word) or _learn(word)
        if known is _STOP:
            continue
        stem, rare = known
        found[stem] = found.get(stem, 0) + n
        rarity[stem] = min(rarity.get(stem, rare), rare)
    # Sublinear term frequency times rarity in English at large ("search" weighs less than
    # "airasia"): a link then means the same whatever else the period holds, in a week of
    # five articles as in a year of five thousand.
    weighted = sorted(((stem, (1.0 + math.log(n)) * rarity[stem]) for stem, n in found.items()), key=_weightiest_first)[
        :TERMS_KEPT
    ]
    return Evidence(dict(weighted), frozenset(fold(name) for name in participant_names[:PARTICIPANTS_USED]), date)


def _weightiest_first(item: tuple[str, float]) -> tuple[float, str]:
    return -item[1], item[0]


RARE = 1e-7  # the frequency of a word wordfreq's small English list lacks (its own floor is about 1e-6)
# Each word seen, as (stem, rarity in English), or _STOP: the same few thousand words recur in
# every article, so each is stemmed and looked up once per process, not once per use.
_STOP = ("", 0.0)
_WORDS: dict[str, tuple[str, float]] = {}
_WORDS_KEPT = 500_000


def _learn(word: str) -> tuple[str, float]:
    if len(_WORDS) >= _WORDS_KEPT:
        _WORDS.clear()
    stem = _STEMMER.stemWord(word)
    if len(word) <= 2 or word in STOP_WORDS or stem in STOP_WORDS:
        known = _STOP
    else:
        known = (stem, math.sqrt(-math.log(english_frequencies().get(word, RARE))))
    _WORDS[word] = known
    return known


def _counts(text: str) -> Counter[str]:
    """Each word of `text` (lower case, apostrophes dropped) with its count."""
    counts = Counter(_TOKEN.findall(text.lower().replace("\u2019", "'")))
    for word in [w for w in counts if "'" in w]:
        counts[word.replace("'", "")] += counts.pop(word)
    return counts


@functools.lru_cache(maxsize=1)
def english_frequencies() -> dict[str, float]:
    """Word → frequency in English (wordfreq's small list: 29,000 words, from Wikipedia,
    subtitles, news, books and the web), loaded once per process, when first needed."""
    import wordfreq  # 0.1 s to load: only when stories are grouped

    return wordfreq.get_frequency_dict("en", wordlist="small")


@functools.lru_cache(maxsize=1 << 16)  # the same names recur across a site's articles
def fold(name: str) -> str:
    """A name as it is compared: case, accents and punctuation aside ("O'Neill" = "ONeill")."""
    return re.sub(r"[\W_]+", "", name.casefold())
