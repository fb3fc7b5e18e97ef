"""A quote reads the same wherever it is shown: article pages, digest cards and the listings
give the speaker alone (a top story's quote adds the article it is from), never the reporting
verb ("(said)" on one page and not on another, "Unattributed (say)") (issue 20)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.slow  # needs the spaCy model


class Figures(HTMLParser):
    """Each quote figure of a page: (the quote's words, its caption as text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[tuple[str, str]] = []
        self._part: str | None = None
        self._words = self._caption = ""

    def handle_starttag(self, tag, attrs):
        if tag == "blockquote":
            self._part, self._words = "words", ""
        elif tag == "figcaption":
            self._part, self._caption = "caption", ""

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self.figures.append((" ".join(self._words.split()), " ".join(self._caption.split())))
        if tag in ("blockquote", "figcaption"):
            self._part = None

    def handle_data(self, data):
        if self._part == "words":
            self._words += data
        elif self._part == "caption":
            self._caption += data


def figures(path) -> list[tuple[str, str]]:
    parser = Figures()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.figures


def test_cards_and_article_pages_caption_a_quote_alike(built_sample):
    out, _ = built_sample
    on_articles = {
        words: (caption, page) for page in (out / "articles").glob("*.html") for words, caption in figures(page)
    }
    on_cards = [f for page in (out / "digests").glob("2*.html") for f in figures(page)]
    assert on_cards and on_articles
    for words, caption in on_cards:
        said, page = on_articles[words]
        # A top story's quote also names the article it is from: "— X, in <its title>".
        source = caption.removeprefix(said + ", in ")
        title = html.unescape(re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)[1])
        assert caption == said or (source != caption and title.startswith(source)), words
    assert any(caption == "— Unattributed" for caption, _ in on_articles.values())


def test_no_page_shows_the_reporting_verb(built_sample):
    out, _ = built_sample
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'class="cue"' not in html, page
        assert not re.search(r"Unattributed</span>\s*\(", html), page
