"""How long story grouping takes, on top of a warm build (issue 19: ≤ 2 s for 5,000 articles).

    bench/stories_speed.py SITE_DIR        # a site already built once (its extraction cache warm)
    bench/stories_speed.py -n 5000 [--cache DIR]   # generate a BBC site (make_site.py) and build it first

Loads the site model from the warm cache, then times, with every memo emptied first:
  stories_all_s        every article of the site grouped as one set (the worst case: one period
                       holding all N), evidence included
  stories_periods_s    every digest's stories as a build makes them (one week at a time),
                       summaries (points, quote, participants, rank) included
  stories_one_edit_s   the same again after one article's text changed: what `serve` redoes
  stories_memory_mb    memory the grouping of all N allocates at its peak (tracemalloc)
Prints one JSON line. `bench/run.py` reports the first three for its own site too.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def measure(site: Path) -> dict:
    from briefings import digest_points, stories
    from briefings.build import load_site
    from briefings.config import load_config

    config = load_config(site / "config.yaml")
    model = load_site(config).site
    entries, digests = model.entries, model.digests

    def empty() -> None:
        stories.memo.forget()
        digest_points._MEMO.clear()

    stories.evidence.english_frequencies()  # loaded once per process, as in serve: not grouping
    empty()
    started = time.perf_counter()
    everything = stories.find_stories(entries)
    all_s = time.perf_counter() - started
    empty()
    started = time.perf_counter()
    for digest in digests:
        stories.find_stories(digest.entries)
    periods_s = time.perf_counter() - started
    # One article's text edited: its evidence and its period's stories are made again.
    edited = entries[len(entries) // 2]
    changed = replace(edited, article=replace(edited.article, text=edited.article.text + " One more sentence."),
                      fingerprint=edited.fingerprint + "-edited")
    started = time.perf_counter()
    for digest in digests:
        stories.find_stories([changed if e is edited else e for e in digest.entries])
    one_edit_s = time.perf_counter() - started
    empty()
    tracemalloc.start()
    stories.find_stories(entries)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"n": len(entries), "digests": len(digests), "stories_all_s": round(all_s, 3),
            "stories_all_multi": sum(len(s.entries) > 1 for s in everything),
            "stories_periods_s": round(periods_s, 3), "stories_one_edit_s": round(one_edit_s, 4),
            "stories_memory_mb": round(peak / 2**20, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, nargs="?")
    parser.add_argument("-n", type=int, default=5000)
    parser.add_argument("--cache", type=Path, default=None, help="extraction cache to reuse for a generated site")
    args = parser.parse_args()
    if args.site:
        print(json.dumps(measure(args.site)))
        return 0
    from make_site import make_site

    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp) / "site", args.n)
        if args.cache:
            with (site / "config.yaml").open("a", encoding="utf-8") as config:
                config.write(f"cache_dir: {args.cache.absolute()}\n")
        subprocess.run([sys.executable, "-m", "briefings", "build"], cwd=site, check=True, capture_output=True)
        print(json.dumps(measure(site)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
