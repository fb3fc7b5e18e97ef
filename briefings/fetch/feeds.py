"""A feed's entries: RSS 2.0, RSS 1.0 and Atom through feedparser, JSON Feed (which
feedparser 6 does not read) from its JSON. Each entry gives the link to its article page and
what the feed itself says of it, the fallback when that page cannot be had."""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from urllib.parse import urljoin


class FeedError(Exception):
    """Why a feed gave no entries."""


@dataclass(frozen=True)
class Entry:
    link: str | None  # the article page, absolute
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    content: str = ""  # HTML or text of the entry's full content or summary, whichever is longer
    source: str | None = None  # the feed's own title: the outlet


def read_feed(data: bytes, url: str) -> list[Entry]:
    """The entries of a feed, newest first. Raises FeedError when it is not a feed."""
    if not data.strip():
        raise FeedError("empty feed")
    if data.lstrip()[:1] in (b"{", b"["):
        return _json_feed(data, url)
    import feedparser  # a tenth of a second to import: only when a feed is read

    parsed = feedparser.parse(data, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not a feed (not RSS, Atom or JSON Feed{f': {problem}' if problem else ''})")
    source = _one_line(parsed.feed.get("title"))
    entries = [
        Entry(
            link=_absolute(item.get("link"), url),
            title=_one_line(item.get("title")),
            date=_struct_date(item.get("published_parsed") or item.get("updated_parsed")),
            author=_one_line(item.get("author")),
            content=_longest(item),
            source=source,
        )
        for item in parsed.entries
    ]
    return newest_first(entries)


def _json_feed(data: bytes, url: str) -> list[Entry]:
    try:
        feed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a feed (JSON that does not parse: {exc})") from None
    if (
        not isinstance(feed, dict)
        or not str(feed.get("version", "")).startswith("https://jsonfeed.org/version/")
        or not isinstance(feed.get("items"), list)
    ):
        raise FeedError("not a feed (JSON, but not a JSON Feed: no version or items)")
    source = _one_line(feed.get("title")) if isinstance(feed.get("title"), str) else None
    entries = []
    for item in feed["items"]:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        names = [a.get("name") for a in authors if isinstance(a, dict) and isinstance(a.get("name"), str)]
        link = item.get("url") if isinstance(item.get("url"), str) else None
        content = max(
            (item.get(k) for k in ("content_html", "content_text", "summary") if isinstance(item.get(k), str)),
            key=len,
            default="",
        )
        entries.append(
            Entry(
                link=_absolute(link, url),
                title=_one_line(_str(item.get("title"))),
                date=_iso_date(_str(item.get("date_published") or item.get("date_modified"))),
                author=", ".join(names) or None,
                content=content,
                source=source,
            )
        )
    return newest_first(entries)


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries newest first, undated ones after them in feed order."""
    return sorted(entries, key=lambda e: (e.date is None, -(e.date.toordinal() if e.date else 0)))


def select(entries: list[Entry], since: dt.date | None = None, limit: int | None = None) -> list[Entry]:
    """Entries published on or after `since` (undated ones too), at most `limit` of them."""
    kept = [e for e in entries if since is None or e.date is None or e.date >= since]
    return kept[:limit] if limit is not None else kept


def _longest(item) -> str:
    texts = [c.get("value", "") for c in item.get("content", []) if isinstance(c, dict)]
    texts.append(item.get("summary", "") or "")
    return max(texts, key=len)


def _absolute(link: str | None, base: str) -> str | None:
    return urljoin(base, link.strip()) if link and link.strip() else None


def _struct_date(value: time.struct_time | None) -> dt.date | None:
    try:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday) if value else None
    except (ValueError, AttributeError):
        return None


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None


def _str(value) -> str | None:
    return value if isinstance(value, str) else None


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
