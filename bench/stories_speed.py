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
  stories_periods_saved_s  the same with each article's evidence read back from the build
                       state (what a build in a fresh process does; stories_saved_mb: its size)
  stories_one_period_s the newest --one-period articles (1,000) grouped as one period, a stress
                       case: a week holding that many (the bench site's weeks hold 34)
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

ONE_PERIOD = 1000


def measure(site: Path, one_period: int = ONE_PERIOD) -> dict:
    from briefings import digest_points, stories
    from briefings.build import load_site
    from briefings.config import load_config

    config = load_config(site / "config.yaml")
    started = time.perf_counter()
    stories.evidence.english_frequencies()  # the first use in this process
    wordlist_s = time.perf_counter() - started
    model = load_site(config).site  # grouped once here: the memos are emptied before each timing
    entries, digests = model.entries, model.digests

    def empty() -> None:
        stories.memo.forget()
        digest_points._MEMO.clear()

    def group_periods(edited=None, changed=None) -> None:
        for digest in digests:
            stories.find_stories([changed if e is edited else e for e in digest.entries], config.top_points)

    empty()
    started = time.perf_counter()
    group_periods()
    periods_s = time.perf_counter() - started
    # As a build in a fresh process: the evidence read back with the build state.
    saved = json.dumps(stories.memo.saved_evidence(e.fingerprint for e in entries))
    empty()
    started = time.perf_counter()
    stories.memo.restore_evidence(json.loads(saved))
    group_periods()
    saved_s = time.perf_counter() - started
    # One article's text edited: its evidence and its period's stories are made again.
    edited = entries[len(entries) // 2]
    changed = replace(
        edited,
        article=replace(edited.article, text=edited.article.text + " One more sentence."),
        fingerprint=edited.fingerprint + "-edited",
    )
    started = time.perf_counter()
    group_periods(edited, changed)
    one_edit_s = time.perf_counter() - started
    empty()
    started = time.perf_counter()
    everything = stories.find_stories(entries[:one_period], config.top_points)
    all_s = time.perf_counter() - started
    empty()
    tracemalloc.start()
    group_periods()
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "n": len(entries),
        "digests": len(digests),
        "stories_wordlist_s": round(wordlist_s, 3),
        "stories_periods_s": round(periods_s, 3),
        "stories_periods_saved_s": round(saved_s, 3),
        "stories_saved_mb": round(len(saved) / 2**20, 1),
        "stories_periods_multi": sum(len(s.entries) > 1 for d in digests for s in d.stories),
        "stories_one_period_n": min(one_period, len(entries)),
        "stories_one_period_s": round(all_s, 3),
        "stories_one_period_multi": sum(len(s.entries) > 1 for s in everything),
        "stories_one_edit_s": round(one_edit_s, 4),
        "stories_memory_mb": round(peak / 2**20, 1),
        "stories_kept_mb": round(kept / 2**20, 1),
        "stories_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, nargs="?")
    parser.add_argument("-n", type=int, default=5000)
    parser.add_argument("--one-period", type=int, default=ONE_PERIOD, help="articles grouped as one period")
    parser.add_argument("--cache", type=Path, default=None, help="extraction cache to reuse for a generated site")
    args = parser.parse_args()
    if args.site:
        print(json.dumps(measure(args.site, args.one_period)))
        return 0
    from make_site import make_site

    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp) / "site", args.n)
        if args.cache:
            with (site / "config.yaml").open("a", encoding="utf-8") as config:
                config.write(f"cache_dir: {args.cache.absolute()}\n")
        subprocess.run([sys.executable, "-m", "briefings", "build"], cwd=site, check=True, capture_output=True)
        print(json.dumps(measure(site, args.one_period)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
