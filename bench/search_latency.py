"""Search latency in a real browser at N articles (default 5,000).

Generates a site of N articles (bench/make_site.py), builds it for real (`briefings build`,
so search.json holds real extractions), opens output/search.html from disk (file://) in
Debian's chromium through Playwright, and times in the page:

- `load_ms`: navigation start to the load event (the index script parsed, the index folded);
- `prepare_ms`: folding the index once more, alone;
- per query, `search()` alone (median and max of 20 runs) and one keystroke end to end:
  the input event through search() and rendering the results into the page.

The target is under 50 ms per query. Prints a table and one JSON line.

    .venv/bin/python bench/search_latency.py -n 5000 [--cache DIR] [--site DIR]

--cache keeps the extraction cache between runs (a second run skips the parse); --site
reuses an already built site folder instead of generating one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO / "tests"))

from chromium import ARGS, CHROMIUM  # noqa: E402
from make_site import make_site  # noqa: E402

RUNS = 20

MEASURE = (
    """(queries) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const t0 = performance.now();
  const prepared = briefingsSearch.prepare(window.BRIEFINGS_SEARCH_INDEX);
  const prepareMs = performance.now() - t0;
  const input = document.getElementById('search-query');
  const rows = queries.map(q => {
    const times = [];
    let result;
    for (let i = 0; i < %d; i++) {
      const start = performance.now();
      result = briefingsSearch.search(prepared, q);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    const endToEnd = performance.now() - start;
    const shown = document.querySelectorAll('#search-results li').length;
    return {query: q, matches: result.total, shown: shown, median_ms: times[times.length >> 1],
            max_ms: times[times.length - 1], keystroke_ms: endToEnd};
  });
  return {load_ms: nav.loadEventEnd - nav.startTime, prepare_ms: prepareMs,
          articles: window.BRIEFINGS_SEARCH_INDEX.articles.length,
          participants: window.BRIEFINGS_SEARCH_INDEX.participants.length, rows: rows};
}"""
    % RUNS
)


def queries(index: dict) -> list[str]:
    """Names of the most covered people and organisations, common and rare words, a prefix
    being typed, and a miss."""
    people = sorted(index["participants"], key=lambda p: -p["articles"])
    names = [p["name"] for p in people if p["type"] == "PERSON"][:3] + [
        p["name"] for p in people if p["type"] == "ORG"
    ][:2]
    return names + ["government", "said", "economy growth", "a", "prime minister", "zzqxv"]


def build(site: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "briefings", "build", "--config", str(site / "config.yaml")],
        check=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    return time.perf_counter() - started


def measure(output: Path) -> dict:
    from playwright.sync_api import sync_playwright

    index = json.loads((output / "search.json").read_text(encoding="utf-8"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.goto((output / "search.html").as_uri())
            page.wait_for_function("() => window.briefingsSearch && window.BRIEFINGS_SEARCH_INDEX")
            figures = page.evaluate(MEASURE, queries(index))
        finally:
            browser.close()
    figures["index_bytes"] = (output / "search-index.js").stat().st_size
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=5000)
    parser.add_argument("--cache", type=Path, help="extraction cache to use and keep")
    parser.add_argument("--site", type=Path, help="a site folder to build (and keep) instead of a temporary one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not (site / "content").is_dir():
            make_site(site, args.n)
        if args.cache and "cache_dir:" not in (site / "config.yaml").read_text(encoding="utf-8"):
            with (site / "config.yaml").open("a", encoding="utf-8") as config:
                config.write(f"cache_dir: {args.cache.resolve()}\n")
        build_s = build(site)
        figures = measure(site / "output")
    figures["n"], figures["build_s"] = args.n, round(build_s, 1)
    worst = max(max(r["median_ms"], r["keystroke_ms"]) for r in figures["rows"])
    print(
        f"{figures['articles']} articles, {figures['participants']} participants, "
        f"search-index.js {figures['index_bytes'] / 1e6:.1f} MB; page load {figures['load_ms']:.0f} ms, "
        f"prepare {figures['prepare_ms']:.0f} ms",
        file=sys.stderr,
    )
    print(f"{'query':<28}{'matches':>8}{'median ms':>11}{'max ms':>9}{'keystroke ms':>14}", file=sys.stderr)
    for r in figures["rows"]:
        print(
            f"{r['query'][:27]:<28}{r['matches']:>8}{r['median_ms']:>11.2f}{r['max_ms']:>9.2f}"
            f"{r['keystroke_ms']:>14.2f}",
            file=sys.stderr,
        )
    print(f"worst per query: {worst:.1f} ms (target < 50 ms)", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
