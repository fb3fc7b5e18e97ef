"""What a page says about itself: headline, date, author, outlet and canonical URL.

From the page's own markup only: Open Graph and other <meta> tags, JSON-LD, <link
rel=canonical>, <time> and date markup (htmldate, never a date guessed from the text), then
the <title>/<h1> and byline markup when those say nothing. These are trafilatura's own
readers, called one by one: its extract_metadata() also collects categories, tags and the
licence, a fifth of the cost of reading a page, which briefings does not use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None


def page_meta(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """The page's metadata, each field None when the page does not say."""
    found = examine_meta(tree)  # Open Graph, twitter:, dc., citation_ and plain <meta>
    if found.author and " " not in found.author:
        found.author = None  # a user name or a site handle, as trafilatura judges it
    try:
        found = extract_meta_json(tree, found)  # JSON-LD wins where it speaks
    except Exception:  # noqa: BLE001 - malformed JSON-LD is the page's problem, not a reason to fail
        pass
    title = found.title or extract_title(tree)
    author = found.author or extract_author(tree)
    canonical = found.url or extract_url(tree, url)
    date = find_date(tree, extensive_search=False, original_date=True, url=canonical)
    outlet = found.sitename or extract_sitename(tree)
    if outlet:
        outlet = outlet.lstrip("@")
        if "." not in outlet and not outlet[:1].isupper():
            outlet = outlet.title()  # "@thegazette" → "Thegazette", as trafilatura does
    return PageMeta(
        title=_clean(title), date=_date(date), author=_clean(author), outlet=_clean(outlet), url=_clean(canonical)
    )


def _clean(value: str | None) -> str | None:
    return " ".join(value.split())[:500] or None if isinstance(value, str) else None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
