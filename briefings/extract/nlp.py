"""Load the spaCy pipeline once per process, with a paragraph-aware sentence splitter."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

# Components extraction reads: POS and lemmas (cues, titles), the parse (sentences,
# subjects, appositives) and NER. Anything else a configured pipeline has is disabled.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "paragraph_breaks")

# Words that open a sentence and are capitalised mid-sentence only when a sentence starts
# there: scraped text glues a caption onto the next sentence without a full stop
# ("… back to health The green-eyed cat was brought …", "… to pay its bills He said: …").
_OPENERS = {"He", "She", "It", "They", "We", "His", "Their", "Its", "But", "However", "There", "This", "These", "Those"}
# Capitalised mid-sentence in titles too ("told The Grayzone", "In A Settlement"): a glue
# point only after a lower-case word and before a lower-case one ("a colleague The cost").
_WEAK_OPENERS = {"The", "A", "An", "In", "After", "When", "While", "Her"}
# The word before a glue point ends a noun phrase or a clause: a noun, a number, an
# adverb, a participle, an adjective or a closing bracket, never "of"/"by"/"told".
_ENDS_PHRASE = {"NN", "NNS", "NNP", "NNPS", "CD", "RB", "VBN", "VBG", "JJ", "-RRB-"}
_CLOSING = {"”", "’", "’’", "''", "»"}
_OPENING = {"“", "‘", "``", "«"}
_QUOTES = _CLOSING | _OPENING | {'"'}
_SENTENCE_END = {".", "!", "?", "...", "…"}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Sentence hints the parser must respect, set before it runs.

    - A line break always ends a sentence: the parser alone glues captions onto ledes
      (article text reaches the pipeline one paragraph per line, see content.py).
    - A caption glued onto the next sentence without a full stop is split where the
      sentence visibly restarts (a capitalised "He"/"The" after a noun; needs the tagger).
    - A closing quote mark stays with the sentence it closes: “… we stole.” is one
      sentence, not two with a lone ” opening the next; an opening mark after a full stop
      starts one.
    """
    tagged = doc.has_annotation("TAG")
    quotes_seen = 0  # straight double quotes so far in the current paragraph
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.is_space and "\n" in token.text:
            following.is_sent_start = True
            quotes_seen = 0
            continue
        if token.text == '"':
            quotes_seen += 1
        if _quote_side(doc, token, quotes_seen) == "open" and not token.whitespace_:
            following.is_sent_start = False  # “|The one thing … — the mark opens, never ends
        elif _quote_side(doc, following, quotes_seen + (following.text == '"')) == "close" and (
            token.text in _SENTENCE_END or token.text in _QUOTES and doc[token.i - 1].text in _SENTENCE_END
        ):
            following.is_sent_start = False  # we stole.|” — the mark closes the sentence before it
            nxt = _next_word(doc, token.i + 2)
            if nxt is not None and nxt.text not in _QUOTES and (nxt.is_title or nxt.like_num):
                nxt.is_sent_start = True
        elif (
            token.text in _SENTENCE_END and _quote_side(doc, following, quotes_seen + (following.text == '"')) == "open"
        ):
            following.is_sent_start = True  # … for an excuse.| “Sometimes I like …” — a quote opens a sentence
        elif tagged and _glue_point(doc, token):
            following.is_sent_start = True
    return doc


def _next_word(doc: Doc, i: int) -> Token | None:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _quote_side(doc: Doc, token: Token, quotes_seen: int) -> str | None:
    """ "open", "close" or None (not a quote mark) for a token; `quotes_seen` counts the
    straight double quotes of the paragraph up to and including this one."""
    if token.text not in _QUOTES:
        return None
    glued_left = token.i > 0 and not doc[token.i - 1].whitespace_ and not doc[token.i - 1].is_space
    glued_right = not token.whitespace_ and token.i + 1 < len(doc) and not doc[token.i + 1].is_space
    if glued_left and not glued_right:
        return "close"  # word.” next — whatever the mark, it closes
    if glued_right and not glued_left:
        return "open"
    if token.text in _CLOSING:
        return "close"
    if token.text in _OPENING:
        return "open"
    return "close" if quotes_seen % 2 == 0 else "open"  # straight quotes: the even ones close


def _glue_point(doc: Doc, token: Token) -> bool:
    """A new sentence starts right after `token` although no punctuation says so."""
    if token.i + 2 >= len(doc) or not token.whitespace_ or token.tag_ not in _ENDS_PHRASE:
        return False
    opener, after = doc[token.i + 1], doc[token.i + 2]
    if opener.text in _OPENERS:
        # not inside a Title Case run (a headline: "A Few Signs We Might Be …")
        return not (token.is_title and after.is_title and after.is_alpha)
    if opener.text in _WEAK_OPENERS and (token.is_lower or token.like_num or token.text == ")"):
        return after.is_lower or opener.text in ("In", "After", "When", "While") and not after.is_title
    return False


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """The named installed pipeline (a package name or a path); never downloads anything."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline '{name}' is not installed ({exc}); install its package or set `model:` in config.yaml"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    share_word_lists(nlp)
    for component in nlp.pipe_names:
        if component not in NEEDED:
            nlp.disable_pipe(component)
    return nlp


def share_word_lists(nlp: Language) -> None:
    """The lemmatizer's index of English words by part of speech, put where a Doc can read it
    (`doc.vocab.lookups`): extraction asks whether a capitalised word is also a common word."""
    if "lemmatizer" not in nlp.pipe_names or nlp.vocab.lookups.has_table("lemma_index"):
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and lookups.has_table("lemma_index"):
        nlp.vocab.lookups.set_table("lemma_index", lookups.get_table("lemma_index"))


def model_id(nlp: Language) -> str:
    """Name and version, part of the extraction cache key."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"


class ModelError(Exception):
    pass
