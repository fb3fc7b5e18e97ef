"""The corpus files copied into tests/data/corpus are the originals of ../shared, byte for byte,
so the tests read the same words on a plain clone as on CI (issue 20)."""

from __future__ import annotations

import pytest

from conftest import CORPUS, SHARED


def test_the_copies_are_the_originals():
    if not SHARED.is_dir():
        pytest.skip(f"nothing to compare with: {SHARED} is not beside this clone (CI has it)")
    copies = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")
    assert len(copies) == 16
    for copy in copies:
        name = copy.relative_to(CORPUS).as_posix()
        if name == "keypoints/dev-first-40.jsonl":
            original = b"".join((SHARED / "eval" / "keypoints" / "dev.jsonl").read_bytes().splitlines(True)[:40])
        else:
            original = (SHARED / "corpus" / name).read_bytes()
        assert copy.read_bytes() == original, name


def test_every_copy_is_listed_in_the_readme():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for copy in CORPUS.rglob("*"):
        if copy.is_file() and copy.name != "README.md":
            assert copy.name.removesuffix(".txt") in readme, copy
