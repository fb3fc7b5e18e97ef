"""Articles from the web: saved pages and fetched URLs become articles (page.py, with
meta.py, prune.py and markdown.py), downloaded politely (fetch.py), found through feeds
(feeds.py), written into content/ (store.py), one `briefings fetch` run (harvest.py)."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_READER = ("page.py", "meta.py", "prune.py", "markdown.py")


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
