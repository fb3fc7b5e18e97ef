"""The boilerplate model: a logistic regression over the form and context features of
features.py, for the paragraphs the form rules left as story.

The rules recognise what they were written for with high precision; scraped pages from other
outlets carry captions, promos and credits in forms no rule names. The model weighs what any
such paragraph shares (not a sentence, echoes the story, sits in a run of short lines between
story paragraphs, credit punctuation, a call to the reader …). Its weights are fitted by
bench/train_boilerplate.py on the hand-labelled development articles, with the threshold chosen
by cross-validation grouped by outlet, and shipped here as weights.json: applying them is a dot
product in pure Python. The file is part of the clean stage's version hash, so new weights
re-read every article. A paragraph that quotes someone speaking is never weighed.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from .features import FEATURES, article_features

WEIGHTS = Path(__file__).with_name("weights.json")


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[float, ...], float] | None:
    if not WEIGHTS.exists():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS.name} was fitted on other features: run bench/train_boilerplate.py")
    return tuple(float(w) for w in data["weights"]), float(data["threshold"])


def probabilities(views: list[str], kinds: list[str | None]) -> list[float]:
    """The model's probability that each paragraph is boilerplate (0 without weights)."""
    loaded = _load()
    if loaded is None:
        return [0.0] * len(views)
    weights, _ = loaded
    rows = article_features(views, [k is not None for k in kinds])
    return [_sigmoid(sum(w * x for w, x in zip(weights, row))) for row in rows]


def weigh(views: list[str], kinds: list[str | None], speaks) -> None:
    """Mark as boilerplate (in `kinds`) each paragraph left as story that the model finds to be
    boilerplate, with the kind its form suggests. `speaks(text)`: the story speaking, never cut."""
    loaded = _load()
    if loaded is None or not any(k is None for k in kinds):
        return
    threshold = loaded[1]
    for i, p in enumerate(probabilities(views, kinds)):
        if kinds[i] is None and p >= threshold and not speaks(views[i]):
            kinds[i] = kind_of(views[i])


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= -500 else 0.0


_CREDIT = re.compile(r"(?i)\b(?:getty|reuters|ap photo|afp|epa|courtesy|credit|photo by|image by|source)\b|\S/\S|©")
_PICTURE = re.compile(r"(?i)\b(?:photo|picture|image|video|pictured|poses?|posing|left|right|above|below)\b|[(\[]")
_SOCIAL = re.compile(r"(?i)\b(?:facebook|twitter|instagram|share|follow|@\w+)")
_PLEA = re.compile(r"(?i)\b(?:subscribe|newsletter|sign up|donate|member)")


def kind_of(text: str) -> str:
    """The kind a paragraph the model cut most likely is, by its words."""
    short = len(text.split()) <= 8
    if _PLEA.search(text):
        return "plea"
    if _SOCIAL.search(text) and short:
        return "share"
    if _CREDIT.search(text) and short:
        return "credit"
    if not re.search(r"[.!?]$", text.strip()) and _PICTURE.search(text) or len(text.split()) >= 8 \
            and not re.search(r"[.!?][\"'’”)]*$", text.strip()):
        return "caption"
    return "promo"
