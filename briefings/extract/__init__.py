"""Extraction: participants, quotes and key points, as pure functions over a Doc.

`extract_doc` runs on the parsed Doc of a text the clean stage has already cut free of
boilerplate (`prepare` is that stage for a bare text, for benches and tests). Nothing here
imports spaCy at module level, so a build whose extractions are all cached never loads it.
Beside the extractors: `batch.py` runs them over many texts (cache first, then worker
processes), `as_json.py` is the JSON of `briefings extract`; neither changes what is found,
so neither is part of the extraction cache key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..clean import prepare
from ..model import Extraction
from .headline import lede_headline
from .keypoints import find_key_points
from .participants import find_participants
from .quotes import find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["prepare", "extract_doc"]


def extract_doc(doc: Doc, key_points: int = 3) -> Extraction:
    participants = find_participants(doc)
    quotes = find_quotes(doc, participants)
    points = find_key_points(doc, participants, key_points, quotes)
    return Extraction(
        key_points=points, quotes=quotes, participants=participants.to_list(), headline=lede_headline(doc)
    )
