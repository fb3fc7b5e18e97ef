"""Content-addressed store of extractions: an unchanged article is never parsed twice.

The key covers everything an extraction depends on: the article text, the model's
name and version, the extractor's and the clean stage's own source code and the
key-point count.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import clean
from .model import Extraction
from .write import atomic_write, remove_stale_temp

_EXTRACTOR_FILES = ("model.py", "lexicon.py")  # besides extract/*.py: the data model and the word lists rules read
# In extract/ but not extraction: how texts are handed to workers, and the JSON of `briefings extract`.
_NOT_EXTRACTOR = ("batch.py", "as_json.py")


def extractor_files() -> list[Path]:
    """The extraction code and the data it reads: word lists, the speaker model's weights."""
    package = Path(__file__).parent
    extractors = sorted(p for p in (package / "extract").glob("*.py") if p.name not in _NOT_EXTRACTOR)
    extractors += sorted((package / "extract").glob("*.json"))
    return extractors + [package / f for f in _EXTRACTOR_FILES]


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of the extractor's files and of the clean stage before it: editing a rule or
    refitting a model invalidates the cache by itself."""
    digest = hashlib.sha256(clean.version().encode() + b"\0")
    for path in extractor_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def model_version(name: str) -> str:
    """Version of an installed pipeline package, or of a pipeline folder's meta.json."""
    meta = Path(name) / "meta.json"
    if meta.is_file():
        return str(json.loads(meta.read_text(encoding="utf-8")).get("version", meta.stat().st_mtime))
    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def cache_key(text: str, model: str, key_points: int) -> str:
    digest = hashlib.sha256()
    for part in (extractor_version(), model, model_version(model), str(key_points), text):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


class ExtractionCache:
    """Extractions by key: those seen by this process in memory, over one JSON file per key
    under `root` (`root=None`: memory only). Each is held in both its forms, the Extraction
    and the dict it is stored as (Extraction.to_dict, made once in a worker), so the build
    state is saved without converting anything again. A long-lived builder (serve) keeps one."""

    def __init__(self, root: Path | None):
        self.root = root
        self._swept: set[Path] = set()  # folders cleared of killed writers' temp files
        self._memory: dict[str, Extraction] = {}
        self._stored: dict[str, dict] = {}  # the same extractions as stored

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Extraction | None:
        found = self._memory.get(key)
        if found is not None or self.root is None:
            return found
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            found = Extraction.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged entry: extract again
        self._memory[key], self._stored[key] = found, data
        return found

    def put(self, key: str, data: dict) -> Extraction:
        """Store an extraction given as a worker sends it (Extraction.to_dict); returns it."""
        extraction = Extraction.from_dict(data)
        self._memory[key], self._stored[key] = extraction, data
        if self.root is None:
            return extraction
        path = self._path(key)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        atomic_write(path, text.encode("utf-8"))  # a torn entry would be trusted
        if path.parent not in self._swept:
            self._swept.add(path.parent)
            remove_stale_temp(path.parent)
        return extraction

    def stored(self, extracted: Iterable[tuple[str, Extraction]]) -> dict[str, dict]:
        """These (key, extraction) pairs as stored, by key, for the build state. The stored
        forms of other keys are let go (those of edited or deleted articles)."""
        stored = {key: self._stored.get(key) or extraction.to_dict() for key, extraction in extracted}
        self._stored = dict(stored)
        return stored

    def restore(self, stored: dict[str, dict]) -> None:
        """Take in extractions as the build state saved them."""
        self._memory.update((key, Extraction.from_dict(data)) for key, data in stored.items())
        self._stored.update(stored)

    def take_over(self, previous: ExtractionCache) -> None:
        """Start with what another cache (a builder of the same site before a config change) holds in memory."""
        self._memory.update(previous._memory)
        self._stored.update(previous._stored)
