"""Fetched articles into content/: what is already there, and writing new files whole.

An article already in content/ (the same canonical URL, or the same text) is never written
again, and no existing file is ever replaced: a new article takes a free name, is written to
a temporary file and linked into place only if that name is still free. What is in content/
is the truth; a small map of the URLs asked for to the canonical URLs they gave (in the
cache directory) lets a second run skip an article without downloading it again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..content import ContentError, is_page, slugify, split_front_matter
from ..reading import find_articles
from ..webpage.reader import WebArticle

# Query parameters that only say where a reader came from: the same article without them.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|at_medium|at_campaign)$", re.I)
_CANONICAL = re.compile(
    rb"""<link\b[^>]*\brel=["']?canonical["']?[^>]*>|"""
    rb"""<meta\b[^>]*\bproperty=["']og:url["'][^>]*>""",
    re.I,
)
_HREF = re.compile(rb"""\b(?:href|content)=["']([^"']+)["']""", re.I)


def normal_url(url: str) -> str:
    """A URL as compared: scheme and host in lower case, no default port, fragment or
    tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port not in (80, 443):
        host += f":{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), host, parts.path.rstrip("/") or "/", query, ""))


def text_key(text: str) -> str:
    """The same article text, however it is marked up: its words, in order."""
    return hashlib.sha256(" ".join(re.findall(r"\w+", text.lower())).encode()).hexdigest()


class Store:
    """content/ as `fetch` sees it. Thread-safe: the threads of one run share it."""

    def __init__(self, content_dir: Path, cache_dir: Path | None = None):
        self.content_dir = content_dir
        self.map_path = cache_dir / "fetched-urls.json" if cache_dir else None
        self._lock = threading.Lock()
        self.umask = os.umask(0o22)  # read it (there is no other way) and put it back
        os.umask(self.umask)
        self.urls: dict[str, str] = {}  # normal URL → file, for every article in content/
        self.texts: dict[str, str] = {}  # text_key → file
        self.names: set[str] = set()  # slugs taken, whatever the suffix
        self.asked: dict[str, str] = self._load_map()  # normal URL asked for → normal canonical URL
        self._scan()

    def _scan(self) -> None:
        self._remove_stale_temps()
        for path in find_articles(self.content_dir) if self.content_dir.is_dir() else []:
            shown = str(path.relative_to(self.content_dir.parent))
            self.names.add(slugify(path.stem))
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if is_page(path.name):  # a saved page: its canonical URL, without extracting it
                for tag in _CANONICAL.findall(data[:200_000]):
                    if href := _HREF.search(tag):
                        self.urls.setdefault(normal_url(href.group(1).decode("utf-8", "replace")), shown)
                continue
            try:
                meta, body, _, _ = split_front_matter(data.decode("utf-8-sig"))
            except (UnicodeDecodeError, ContentError):
                continue
            if isinstance(meta.get("url"), str) and meta["url"].strip():
                self.urls.setdefault(normal_url(meta["url"]), shown)
            if isinstance(meta.get("slug"), str):
                self.names.add(slugify(meta["slug"]))
            self.texts.setdefault(text_key(body), shown)

    def _remove_stale_temps(self) -> None:
        """Temp files a killed run left (hidden, so never read as articles), once they are old
        enough that no running fetch can still be writing them."""
        for path in self.content_dir.glob(".fetch-*.tmp") if self.content_dir.is_dir() else []:
            try:
                if time.time() - path.stat().st_mtime > 3600:
                    path.unlink()
            except OSError:
                pass

    def known(self, url: str) -> str | None:
        """The file already holding the article at `url`, as asked for; None if there is none."""
        key = normal_url(url)
        return self.urls.get(key) or self.urls.get(self.asked.get(key, ""))

    def add(self, article: WebArticle, asked: str) -> tuple[str, bool]:
        """Write the article as a new file unless content/ has it: (file, written)."""
        with self._lock:
            canonical = normal_url(article.url or asked)
            self.asked[normal_url(asked)] = canonical
            same = self.urls.get(canonical) or self.known(asked) or self.texts.get(text_key(article.body))
            if same:
                self._save_map()
                return same, False
            path = self._write_new(article)
            shown = str(path.relative_to(self.content_dir.parent))
            self.urls[canonical] = self.urls.setdefault(normal_url(asked), shown)
            self.texts[text_key(article.body)] = shown
            self._save_map()
            return shown, True

    def _write_new(self, article: WebArticle) -> Path:
        """The article under the first free name: its title's slug, then slug-2, slug-3…
        os.link refuses an existing name, so a file that appeared meanwhile is kept."""
        self.content_dir.mkdir(parents=True, exist_ok=True)
        base = slugify(article.title or "") or slugify(urlsplit(article.url or "").path.rsplit("/", 1)[-1]) or "article"
        if len(base) > 70:  # a long headline: cut at a word
            base = base[:71].rsplit("-", 1)[0]
        data = article.to_markdown().encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".fetch-", suffix=".tmp", dir=self.content_dir)
        try:
            os.fchmod(fd, 0o666 & ~self.umask)  # an ordinary file, not mkstemp's private one
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            for number in range(1, 1000):
                name = base if number == 1 else f"{base}-{number}"
                if name in self.names:
                    continue
                try:
                    os.link(tmp, self.content_dir / f"{name}.md")
                except FileExistsError:
                    self.names.add(name)
                    continue
                self.names.add(name)
                return self.content_dir / f"{name}.md"
            raise OSError(f"no free file name for {base}.md")
        finally:
            os.unlink(tmp)

    def _load_map(self) -> dict[str, str]:
        try:
            data = json.loads(self.map_path.read_text(encoding="utf-8")) if self.map_path else {}
        except (OSError, ValueError):
            return {}  # missing or damaged: only a shortcut, rebuilt as articles are fetched
        return (
            {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}
            if isinstance(data, dict)
            else {}
        )

    def _save_map(self) -> None:
        """Written whole (temp file + rename): a killed run leaves the old map or the new."""
        if not self.map_path:
            return
        tmp = None
        try:
            self.map_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".fetched-", suffix=".tmp", dir=self.map_path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(self.asked, out, sort_keys=True, indent=0)
            os.replace(tmp, self.map_path)
            tmp = None
        except OSError:
            pass  # the map saves a download next time; content/ is what counts
        finally:
            if tmp:
                Path(tmp).unlink(missing_ok=True)
