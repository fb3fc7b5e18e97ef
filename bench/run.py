"""`make bench`: build a generated site of N BBC articles and print one JSON line and a table.

Figures (all measured in this one run, so ratios hold on a noisy machine):
  spacy_pass_s   a bare `nlp.pipe` over the same prepared texts, same components, same
                 number of processes, model load included (the floor for a cold build)
  cold_build_s   `briefings build` in a fresh process with an empty cache (cold_ratio = ÷ spacy_pass_s;
                 with --repeat K (3), K such pairs back to back, and the median pair reported;
                 cold_cpu_ratio: the same with CPU seconds, workers included, less moved by other load)
  warm_build_s   `briefings build` again, nothing changed
  one_edit_s     one article's title edited: an incremental build in a warm Builder (as serve
                 keeps one), checked byte-identical to a clean build
  render_build_s `briefings build --clean` with the extraction cache warm: every page rendered
                 and written, our counterpart of a render-only generator (render_vs_PEER = ÷ peer)
  peak_rss_mb    peak resident memory of the cold build's whole process tree (sum of PSS)
  serve_*        `briefings serve`: time from saving an edit until, as a browser would, the
                 reload event has come and the article, digest and participant pages all
                 serve it; the server's build time for those edits; builds caused by a
                 burst of 50 saves
  serve_text_edit_*  `briefings serve`, idle: one sentence appended to an article's body and
                 saved, then its page polled until it serves the sentence; 7 articles spread
                 over the site (median, p90, min, max)
  stories_*      story grouping of --stories-n articles (5,000) on top of a warm build, and its
                 memory (bench/stories_speed.py, in a fresh process; the site of that size
                 built first with this run's extraction cache, so only texts past N are parsed)
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_site import make_site  # noqa: E402

PYTHON = sys.executable
BRIEFINGS = [PYTHON, "-m", "briefings"]


def tree_memory_kb(root_pid: int) -> int:
    """Memory of a process and all its descendants, from /proc: the sum of their PSS
    (proportional set size), so pages forked children share with their parent count once,
    as the machine pays for them; a sum of RSS would count them once per process."""
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            total += int(next(line.split()[1] for line in rollup.splitlines() if line.startswith("Pss:")))
            for task in os.scandir(f"/proc/{pid}/task"):
                todo.extend(int(child) for child in Path(task.path, "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            pass
    return total


# Sampling costs CPU that the measured build then lacks (a few ms a sample, on a machine
# whose two cores the build keeps busy): often enough for phases lasting seconds, no more.
RSS_SAMPLE_S = 0.25


def timed(cmd: list[str], cwd: Path, sample_rss: bool = False) -> tuple[float, int, str, float]:
    """(wall seconds, peak tree RSS in KB, stderr, CPU seconds of the process and the
    children it waited for) of a command."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True)
    reader.start()
    peak = 0
    while True:  # wait4, not Popen.wait: its resource usage is the CPU time
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if sample_rss:
            peak = max(peak, tree_memory_kb(proc.pid))
        time.sleep(RSS_SAMPLE_S if sample_rss else 0.01)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join()
    err = "".join(errors)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err}")
    return wall, peak, err, usage.ru_utime + usage.ru_stime


def spacy_pass(site: Path, processes: int) -> tuple[float, float]:
    """A bare nlp.pipe pass over the texts our build parses, model load included: (wall
    seconds, CPU seconds with its worker processes')."""
    code = f"""
import resource, sys, time
from briefings.config import load_config
from briefings.reading import load_articles
config = load_config({str(site / "config.yaml")!r})
articles, _ = load_articles(config.content_path, config.root)
texts = [a.text for a in articles]  # cleaned as they are read: what the build parses
started = time.perf_counter()
own = resource.getrusage(resource.RUSAGE_SELF)
from briefings.extract.nlp import load
from briefings.extract.batch import BATCH_SIZE
nlp = load(config.model)
for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process={processes}):
    pass
wall = time.perf_counter() - started
now, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, now.ru_utime + now.ru_stime - own.ru_utime - own.ru_stime + workers.ru_utime + workers.ru_stime)
"""
    out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, check=True).stdout
    wall, cpu = out.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def one_edit(site: Path, workdir: Path) -> tuple[float, bool]:
    """Incremental build after a title edit, in a warm Builder; and whether it equals a clean build."""
    from briefings.build import Builder
    from briefings.config import load_config

    config = load_config(site / "config.yaml")
    builder = Builder(config, save_every_build=False)  # as serve keeps it
    builder.build()
    builder.warm()
    paths = sorted((site / "content").glob("*.md"))
    retitle(paths[len(paths) // 2], "An edited title")
    started = time.perf_counter()
    builder.build()
    seconds = time.perf_counter() - started
    clean = workdir / "clean"
    Builder(config, output=clean, persist=False).build(clean=True)
    same = _tree(config.output_path) == _tree(clean)
    return seconds, same


def retitle(path: Path, title: str, atomic: bool = False) -> None:
    text = re.sub(r"^title: .*$", f"title: {json.dumps(title)}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
    if not atomic:
        path.write_text(text, encoding="utf-8")
        return
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # an editor's atomic save


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def serve_figures(site: Path, port: int, edits: int = 10) -> dict:
    """Edit-to-visible times and builds per 50-save burst, against a real `briefings serve`."""
    proc = subprocess.Popen(
        [*BRIEFINGS, "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")), daemon=True).start()
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base, timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        from briefings.build import Builder
        from briefings.config import load_config

        site_model = Builder(load_config(site / "config.yaml"), persist=False).load_site().site
        reloads = _event_stream(base)  # what an open page's reload script listens to
        times = []
        for n in range(edits):
            entry = site_model.entries[(n * 37) % len(site_model.entries)]
            # The participant pages that list this entry (a busy participant's pages are paged).
            people = [
                page.url for p in site_model.participants for page in p.pages if any(e is entry for e in page.items)
            ][:3]
            urls = [entry.url, entry.digest.url, *people]
            path = site / entry.article.source
            marker = f"Edited{n}x{os.getpid()}"
            while not reloads.empty():
                reloads.get_nowait()
            started = time.perf_counter()
            retitle(path, marker, atomic=True)
            # As a browser: wait for the reload event, then load the pages. Polling the
            # server instead would compete with the build it waits for.
            try:
                reloads.get(timeout=30)
            except queue.Empty:
                pass
            pending = set(urls)
            while pending and time.perf_counter() - started < 30:
                for url in list(pending):
                    if marker in urllib.request.urlopen(base + url, timeout=5).read().decode("utf-8"):
                        pending.discard(url)
                if pending:
                    time.sleep(0.01)
            times.append(time.perf_counter() - started)
            time.sleep(0.5)
        builds = [float(m.group(1)) for line in lines if (m := re.search(r"Built: .* in ([0-9.]+)s", line))]
        built_before = sum("Built:" in line for line in lines)
        path = site / site_model.entries[0].article.source
        original = path.read_text(encoding="utf-8")
        for n in range(50):
            path.write_text(original + f"\n<!-- {n} -->\n", encoding="utf-8")
            time.sleep(0.018)
        time.sleep(3)
        burst_builds = sum("Built:" in line for line in lines) - built_before
        return {
            "serve_edit_median_s": round(statistics.median(times), 3),
            "serve_edit_min_s": round(min(times), 3),
            "serve_edit_max_s": round(max(times), 3),
            "serve_burst50_builds": burst_builds,
            # the server's own account of the edits' builds (the first line is its start-up build)
            "serve_build_median_s": round(statistics.median(builds[1:]), 3) if len(builds) > 1 else None,
        }
    finally:
        proc.terminate()
        proc.wait(10)


TEXT_EDITS = 7


def serve_text_figures(site: Path, port: int, edits: int = TEXT_EDITS) -> dict:
    """Issue 23's measure, as a user sees it: against a real `briefings serve` with a warm
    cache, append one sentence to an article's body, save, and poll that article's page until
    the sentence is served; `edits` articles spread over the site, each from an idle server."""
    proc = subprocess.Popen(
        [*BRIEFINGS, "serve", "--port", str(port), "-v"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")), daemon=True).start()
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_served(base)
        from briefings.build import Builder
        from briefings.config import load_config

        entries = Builder(load_config(site / "config.yaml"), persist=False).load_site().site.entries
        times = []
        for n in range(edits):
            entry = entries[(2 * n + 1) * len(entries) // (2 * edits)]
            path = site / entry.article.source
            sentence = f"The council said on Monday that review number {n}x{os.getpid()} would report next spring."
            text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + sentence + "\n"
            _wait_idle(proc.pid)  # a user reads, then edits: the server has done its idle work (after 2 s)
            tmp = path.with_name("." + path.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            os.replace(tmp, path)  # an editor's atomic save
            while time.perf_counter() - started < 60:
                if sentence in urllib.request.urlopen(base + entry.url, timeout=5).read().decode("utf-8"):
                    break
                time.sleep(0.01)
            times.append(time.perf_counter() - started)
        builds = [float(m.group(1)) for line in lines if (m := re.search(r"Built: .* in ([0-9.]+)s", line))]
        p90 = statistics.quantiles(times, n=10, method="inclusive")[8]
        # `serve -v`: each build's seconds per stage, after its "Built:" line; the edits' builds are the last ones.
        stages: dict[str, list[float]] = {}
        for line in [line for line in lines if re.match(r"\d\d:\d\d:\d\d wait ", line)][-edits:]:
            for stage, seconds in re.findall(r"(\S+) ([0-9.]+)s", line):
                stages.setdefault(stage, []).append(float(seconds))
        return {
            "serve_text_edit_median_s": round(statistics.median(times), 3),
            "serve_text_edit_p90_s": round(p90, 3),
            "serve_text_edit_min_s": round(min(times), 3),
            "serve_text_edit_max_s": round(max(times), 3),
            "serve_text_edits_s": [round(t, 3) for t in times],
            "serve_text_build_median_s": round(statistics.median(builds[1:]), 3) if len(builds) > 1 else None,
            "serve_text_stages_median_s": {k: round(statistics.median(v), 3) for k, v in stages.items()},
        }
    finally:
        proc.terminate()
        proc.wait(10)


def _wait_served(base: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base, timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)


def _wait_idle(pid: int, quiet: float = 3.0, timeout: float = 60) -> None:
    """Until the process has used no CPU for `quiet` seconds (or `timeout` passed)."""

    def cpu() -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks

    deadline, last, since = time.monotonic() + timeout, cpu(), time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - since < quiet:
        time.sleep(0.1)
        now = cpu()
        if now != last:
            last, since = now, time.monotonic()


def stories_figures(work: Path, site: Path, n: int, stories_n: int) -> dict:
    """bench/stories_speed.py on a warm site of `stories_n` articles: `site` itself when it
    is that size, else one made and built beside it, sharing its extraction cache."""
    if stories_n != n:
        from briefings.config import load_config

        cache = load_config(site / "config.yaml").cache_path
        big = make_site(work / f"site-stories-{stories_n}", stories_n)
        with (big / "config.yaml").open("a", encoding="utf-8") as config:
            config.write(f"cache_dir: {cache.absolute()}\n")
        timed([*BRIEFINGS, "build"], big)
        site = big
    out = subprocess.run(
        [PYTHON, str(Path(__file__).with_name("stories_speed.py")), str(site)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = json.loads(out.strip().splitlines()[-1])
    return {"stories_n": found.pop("n"), **{k: v for k, v in found.items() if k.startswith("stories_")}}


def _event_stream(base: str) -> queue.Queue:
    """A queue that receives one item per "reload" event the server sends."""
    events: queue.Queue = queue.Queue()
    response = urllib.request.urlopen(base + "__briefings__/events", timeout=600)

    def read() -> None:
        try:
            for line in response:
                if line.startswith(b"event: reload"):
                    events.put(time.perf_counter())
        except OSError:
            pass

    threading.Thread(target=read, daemon=True).start()
    return events


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, nargs="+", default=[1000])
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-serve", action="store_true", help="skip the live-preview figures")
    parser.add_argument("--peers", action="store_true", help="also time Pelican, MkDocs and Hugo")
    parser.add_argument(
        "--stories-n",
        type=int,
        default=5000,
        help="articles to time story grouping on, on top of a warm build (0: skip)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="cold pairs (spaCy pass, then cold build) to measure; cold_ratio is their median",
    )
    args = parser.parse_args()
    # Nothing is deleted until the end. On this machine's file system (ext4 without a
    # journal) creating files within minutes of deleting thousands costs many times more
    # kernel time (a --clean render right after deleting 7,300 pages: 5.5 s, not 1.7 s),
    # which would charge a build, ours or a peer's, for the benchmark's own cleanup.
    with tempfile.TemporaryDirectory(prefix="briefings-bench-") as tmp:
        for n in args.n:
            work = Path(tmp) / f"n{n}"
            row: dict = {"n": n, "processes": args.processes}
            if args.peers:  # first, on a site nothing has been built in yet
                from peers import run as run_peers

                for peer in run_peers(make_site(work / "site-peers", n), work / "peers"):
                    name = peer.get("peer")
                    if peer.get("wall_s"):
                        row[f"{name}_cold_s"], row[f"{name}_cpu_s"] = peer["wall_s"], peer.get("cpu_s")
                    else:
                        row[f"{name}_note"] = peer.get("skipped") or peer.get("note") or "skipped"
            pairs = []  # (spaCy pass, cold build, peak KB, their CPU seconds), back to back, each on a fresh site
            for k in range(args.repeat):
                site = make_site(work / f"site-{k}", n)
                floor, floor_cpu = spacy_pass(site, args.processes)
                wall, peak, _, cpu = timed([*BRIEFINGS, "build"], site, sample_rss=True)
                pairs.append((floor, wall, peak, cpu / floor_cpu))
            ratios = [wall / floor for floor, wall, _, _ in pairs]
            floor, wall, _, _ = pairs[ratios.index(statistics.median_low(ratios))]
            row["spacy_pass_s"], row["cold_build_s"] = round(floor, 2), round(wall, 2)
            row["peak_rss_mb"] = round(max(peak for _, _, peak, _ in pairs) / 1024)
            row["cold_ratio"] = round(statistics.median_low(ratios), 3)
            # CPU seconds over CPU seconds: far less moved by other load on the machine than wall time.
            row["cold_cpu_ratio"] = round(statistics.median_low([cpu for *_, cpu in pairs]), 3)
            if args.repeat > 1:
                row["cold_ratios"] = [round(r, 3) for r in ratios]
                row["cold_cpu_ratios"] = [round(cpu, 3) for *_, cpu in pairs]
            row["warm_build_s"] = round(min(timed([*BRIEFINGS, "build"], site)[0] for _ in range(3)), 3)
            # Every page rendered and written, extraction from the cache: our render-only build.
            row["render_build_s"] = round(timed([*BRIEFINGS, "build", "--clean"], site)[0], 2)
            for name in ("pelican", "mkdocs", "hugo"):
                if f"{name}_cold_s" in row:  # ours ÷ theirs, render-only against render-only: below 1 is faster
                    row[f"render_vs_{name}"] = round(row["render_build_s"] / row[f"{name}_cold_s"], 2)
            seconds, same = one_edit(site, work)
            row["one_edit_s"], row["one_edit_identical"] = round(seconds, 3), same
            if not args.no_serve:
                row.update(serve_figures(site, 8700 + n % 97))
                row.update(serve_text_figures(site, 8800 + n % 97))
            if args.stories_n:
                row.update(stories_figures(work, site, n, args.stories_n))
            print(json.dumps(row), flush=True)
            width = max(map(len, row))
            for key, value in row.items():
                print(f"  {key:<{width}}  {value}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
