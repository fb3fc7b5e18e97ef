"""Content-addressed store of extractions: an unchanged article is never parsed twice.

The key covers everything an extraction depends on: the article text, the model's
name and version, the extractor's own source code and the key-point count.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .model import Extraction
from .write import atomic_write, remove_stale_temp

_EXTRACTOR_FILES = ("model.py", "lexicon.py")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Hash of the extraction code and the data it reads (word lists, the speaker model's
    weights): editing a rule or refitting a model invalidates the cache by itself."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    extract = sorted((package / "extract").glob("*.py")) + sorted((package / "extract").glob("*.json"))
    for path in extract + [package / f for f in _EXTRACTOR_FILES]:
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
    """One JSON file per key under `root`; `root=None` keeps nothing."""

    def __init__(self, root: Path | None):
        self.root = root
        self._swept: set[Path] = set()  # folders cleared of killed writers' temp files

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Extraction | None:
        if self.root is None:
            return None
        try:
            return Extraction.from_dict(json.loads(self._path(key).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged entry: extract again

    def put(self, key: str, extraction: Extraction, data: dict | None = None) -> None:
        """Store an extraction; `data`, when given, is extraction.to_dict() already made."""
        if self.root is None:
            return
        data = json.dumps(extraction.to_dict() if data is None else data, ensure_ascii=False, separators=(",", ":"))
        path = self._path(key)
        atomic_write(path, data.encode("utf-8"))  # a torn entry would be trusted
        if path.parent not in self._swept:
            self._swept.add(path.parent)
            remove_stale_temp(path.parent)
