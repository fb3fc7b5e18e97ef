"""Load the spaCy pipeline once per process, with a paragraph-aware sentence splitter."""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# Components extraction reads: POS and lemmas (cues, titles), the parse (sentences,
# subjects, appositives) and NER. Anything else a configured pipeline has is disabled.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "paragraph_breaks")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: the parser alone glues captions onto ledes.

    Article text reaches the pipeline with one paragraph per line (see content.py)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """The named installed pipeline (a package name or a path); never downloads anything."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"spaCy pipeline '{name}' is not installed ({exc}); "
                         "install its package or set `model:` in config.yaml") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    for component in nlp.pipe_names:
        if component not in NEEDED:
            nlp.disable_pipe(component)
    return nlp


def model_id(nlp: Language) -> str:
    """Name and version, part of the extraction cache key."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


class ModelError(Exception):
    pass
