"""How long story grouping takes on top of a warm build (issue 19: ≤ 2 s for 5,000 articles),
and the memory it takes.

    bench/stories_speed.py SITE_DIR        # a site already built once (its extraction cache warm)
    bench/stories_speed.py -n 5000 [--cache DIR]   # generate a BBC site (make_site.py) and build it first

Loads the site model from the warm cache (as a build in a fresh process does), then times,
with every memo emptied first:
  stories_wordlist_s   loading the English word frequencies (wordfreq), once per process
  stories_periods_s    every digest's stories as a build makes them, one period at a time:
                       each article's evidence, links, clustering, summaries (points, quote,
                       participants, rank). What grouping adds to a build of N articles in a
                       fresh process, with stories_wordlist_s: the issue's "≤ 2 s at 5,000"
  stories_all_s        every article grouped as one period (the worst case: one period holding all N)
  stories_one_edit_s   every period again after one article's text changed, memos warm: what
                       `serve` redoes on an edit (one article's evidence, one period grouped)
  stories_memory_mb    the peak of what grouping every period allocates (tracemalloc), and
  stories_kept_mb      what stays allocated after it (the memos a long-lived builder keeps)
  stories_rss_mb       the peak resident memory of this whole process: N articles' site model
                       with its stories, as in a warm build's process (scale target: 700 MB)
Prints one JSON line. `bench/run.py` runs it on a site of 5,000 articles (`--stories-n`).
"""
from __future__ import annotations

import argparse
import json
import resource
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
    model = load_site(config).site  # grouped once here: the memos are emptied before each timing
    entries, digests = model.entries, model.digests

    def empty() -> None:
        stories.memo.forget()
        digest_points._MEMO.clear()

    def group_periods(edited=None, changed=None) -> None:
        for digest in digests:
            stories.find_stories([changed if e is edited else e for e in digest.entries], config.top_points)

    stories.evidence.english_frequencies.cache_clear()
    started = time.perf_counter()
    stories.evidence.english_frequencies()
    wordlist_s = time.perf_counter() - started
    empty()
    started = time.perf_counter()
    group_periods()
    periods_s = time.perf_counter() - started
    # One article's text edited: its evidence and its period's stories are made again.
    edited = entries[len(entries) // 2]
    changed = replace(edited, article=replace(edited.article, text=edited.article.text + " One more sentence."),
                      fingerprint=edited.fingerprint + "-edited")
    started = time.perf_counter()
    group_periods(edited, changed)
    one_edit_s = time.perf_counter() - started
    empty()
    started = time.perf_counter()
    everything = stories.find_stories(entries, config.top_points)
    all_s = time.perf_counter() - started
    empty()
    tracemalloc.start()
    group_periods()
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"n": len(entries), "digests": len(digests), "stories_wordlist_s": round(wordlist_s, 3),
            "stories_periods_s": round(periods_s, 3),
            "stories_periods_multi": sum(len(s.entries) > 1 for d in digests for s in d.stories),
            "stories_all_s": round(all_s, 3), "stories_all_multi": sum(len(s.entries) > 1 for s in everything),
            "stories_one_edit_s": round(one_edit_s, 4), "stories_memory_mb": round(peak / 2**20, 1),
            "stories_kept_mb": round(kept / 2**20, 1),
            "stories_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


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
