"""What the builds of one output directory leave for the next.

What each article file parsed to, each article's extraction, each article's story evidence
(stories/memo.py) and each page's fingerprint, kept in memory by a Builder and saved in the
cache directory, so that the next build, in this process or the next, re-reads, re-extracts,
regroups and re-renders only what changed. Beside
it, the signature of every input of the last build: a build whose inputs are unchanged
does nothing at all. And a marker that exists while output/ may differ from the saved
state: a build that finds it (the last one was killed) builds in full.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .cache import ExtractionCache, extractor_version, model_version
from .config import Config
from .lock import output_key
from .model import Extraction, Problem, SiteModel, article_from_dict, article_to_dict
from .pages import config_hash
from .reading import ArticleFiles, find_articles
from .render import template_dirs
from .stories import memo as story_memo
from .write import atomic_write, remove_stale_temp

STATE_VERSION = 1


class BuildState:
    """The state between the builds of `output`; nothing is saved without `persist`."""

    def __init__(
        self, config: Config, output: Path, *, drafts: bool = False, persist: bool = True, trust_stat: bool = False
    ):
        self.config, self.output, self.drafts = config, output, drafts
        self.files = ArticleFiles(trust_stat)  # what each article file parsed to
        self.extractions = ExtractionCache(config.cache_path)
        self.fingerprints: dict[str, str] = {}  # page url → fingerprint of the page in output/
        self.path = config.cache_path / f"build-{output_key(output)}.json" if persist else None
        self._dirty = self.path.with_suffix(".dirty") if self.path else None
        self._loaded = False
        self._saved: tuple | None = None  # (files, extraction keys, fingerprints) as on disk
        self._last: dict | None = None  # the last build's input signature and summary
        # A successful build, until save(): (input signature, its extractions, its entries'
        # fingerprints, its problems).
        self._pending: tuple[str, list[tuple[str, Extraction]], list[str], list[Problem]] | None = None

    def take_over(self, previous: BuildState) -> None:
        """Start from what the state of another builder of the site (before a config change) read and extracted."""
        self.files.take_over(previous.files)
        self.extractions.take_over(previous.extractions)

    # -- the inputs' signature -----------------------------------------------------------

    def input_signature(self) -> str:
        """Everything a build reads: article files, templates, config, extractor and model.
        Equal signatures and an intact output/ mean there is nothing to do."""
        config = self.config
        digest = hashlib.sha256()
        for part in (
            config_hash(config),
            str(self.drafts),
            extractor_version(),
            config.model,
            model_version(config.model),
        ):
            digest.update(part.encode() + b"\0")
        for folder in [config.content_path] + template_dirs(config):
            paths = (
                find_articles(folder)
                if folder == config.content_path
                else sorted(p for p in folder.rglob("*") if p.is_file())
                if folder.is_dir()
                else []
            )
            for path in paths:
                try:
                    data = path.read_bytes()
                except OSError:
                    data = b"\0unreadable"
                digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
        return digest.hexdigest()

    def last_build(self) -> dict:
        """The last build's input signature, article count, pages and problems ({} if unknown)."""
        if self._last is None:
            self._last = {}
            path = self._signature_path()
            try:
                if path is not None:
                    self._last = json.loads(path.read_text(encoding="utf-8"))
                    if not self.fingerprints:
                        self.fingerprints = dict.fromkeys(self._last["pages"], "")
            except (OSError, ValueError, KeyError, TypeError):
                self._last = {}
        return self._last

    def _signature_path(self) -> Path | None:
        return self.path.with_suffix(".sig.json") if self.path else None

    # -- output/ and the state -----------------------------------------------------------

    def output_matches(self, trusted: bool) -> bool:
        """Incremental only when output/ is what the last build left: every page there.
        `trusted`: this process wrote it, and nothing else writes there."""
        if not self.fingerprints or not self.output.is_dir():
            return False
        if trusted:
            return True
        return all(os.path.isfile(self.output / url) for url in self.fingerprints)

    def interrupted(self) -> bool:
        """A build was killed between writing output/ and saving its state."""
        return self._dirty is not None and self._dirty.exists()

    def mark_dirty(self) -> bool:
        """Say, until save(), that output/ may differ from the saved state. True when this call did."""
        if self._dirty is None or self._dirty.exists():
            return False
        self._dirty.parent.mkdir(parents=True, exist_ok=True)
        self._dirty.touch()
        return True

    def unmark_dirty(self) -> None:
        if self._dirty is not None:
            self._dirty.unlink(missing_ok=True)

    def built(self, signature: str, site: SiteModel, fingerprints: dict[str, str], problems: list[Problem]) -> None:
        """A build wrote `site` to output/ as these pages: remember it, to be saved by save().
        `signature`: its input signature, or "" for save() to compute."""
        self.fingerprints = fingerprints
        self._pending = (
            signature,
            [(e.extraction_key, e.extraction) for e in site.entries],
            [e.fingerprint for e in site.entries],
            problems,
        )

    # -- loading and saving ----------------------------------------------------------------

    def load(self) -> None:
        """Read the saved state, once; a missing or damaged one means a full build."""
        if self._loaded or self.path is None:
            self._loaded = True
            return
        self._loaded = True
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
            if state.get("version") != STATE_VERSION or state.get("output") != str(self.output):
                return
            files = {}
            for checksum, item in state["files"].items():
                if "problem" in item:
                    files[checksum] = Problem(**item["problem"])
                else:
                    files[checksum] = (article_from_dict(item["article"]), [Problem(**w) for w in item["warnings"]])
            self.extractions.restore(state["extractions"])
            self.files.restore(files)
            self.fingerprints = dict(state["pages"])
            evidence = story_memo.restore_evidence(state.get("evidence", {}))
            self._saved = (set(files), set(state["extractions"]), dict(self.fingerprints), evidence)
        except (OSError, ValueError, KeyError, TypeError):
            self.files.restore({})  # missing or damaged: build in full
            self.fingerprints = {}

    def save(self) -> None:
        """Save what the last successful build knows, so the next process builds incrementally."""
        if self._pending is None:
            return
        signature, extracted, entries, problems = self._pending
        self._pending = None
        self._save_state(extracted, entries)
        self._last = {
            "signature": signature or self.input_signature(),
            "articles": len(extracted),
            "pages": sorted(self.fingerprints),
            "problems": [p.to_dict() for p in problems],
        }
        path = self._signature_path()
        if path is not None:
            atomic_write(path, json.dumps(self._last, ensure_ascii=False).encode("utf-8"))
        if self._dirty is not None:
            self._dirty.unlink(missing_ok=True)  # state and output/ agree again
            remove_stale_temp(self._dirty.parent)  # state files a killed build was writing

    def _save_state(self, extracted: list[tuple[str, Extraction]], entries: list[str]) -> None:
        if self.path is None:
            return
        parsed = self.files.parsed
        evidence = story_memo.saved_evidence(entries)
        if self._saved == (set(parsed), {key for key, _ in extracted}, self.fingerprints, set(evidence["items"])):
            return  # nothing changed since the state on disk: skip a multi-megabyte write
        # Only this build's extractions: those of deleted or edited articles drop out here
        # (they stay in the extraction cache itself).
        extractions = self.extractions.stored(extracted)
        files = {}
        for checksum, item in parsed.items():
            if isinstance(item, Problem):
                files[checksum] = {"problem": item.to_dict()}
            else:
                files[checksum] = {"article": article_to_dict(item[0]), "warnings": [w.to_dict() for w in item[1]]}
        state = {
            "version": STATE_VERSION,
            "output": str(self.output),
            "files": files,
            "pages": self.fingerprints,
            "extractions": extractions,
            "evidence": evidence,
        }
        atomic_write(self.path, json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        self._saved = (set(parsed), set(extractions), dict(self.fingerprints), set(evidence["items"]))
