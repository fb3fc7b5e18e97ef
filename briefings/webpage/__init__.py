"""A web page → an article, for saved pages (content/*.html, read by content.py) and fetched
ones (briefings/fetch) alike: reader.py reads the page, meta.py its metadata, merge.py joins
a body split into chunks, prune.py cuts what trafilatura keeps of its navigation, markdown.py
writes the main text as Markdown."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_READER = ("reader.py", "meta.py", "merge.py", "prune.py", "markdown.py")


@lru_cache(maxsize=1)
def reader_version() -> str:
    """What a saved page's article depends on besides its bytes: the reader's code and the
    versions of trafilatura and htmldate. Part of a page's checksum, so a changed reader
    reads every saved page anew. Cheap: nothing is imported."""
    from importlib import metadata  # 30 ms to import: only once a saved page is read

    digest = hashlib.sha256()
    for name in _READER:
        digest.update((Path(__file__).parent / name).read_bytes())
    for package in ("trafilatura", "htmldate"):
        try:
            digest.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()[:16]
