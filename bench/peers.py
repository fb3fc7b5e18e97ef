"""Build the same generated Markdown site with Pelican, MkDocs and Hugo, timing each cold build.

    .venv/bin/python bench/peers.py [-n 1000] [--workdir /tmp/briefings-peers]

Prints one JSON line per peer: {"peer", "version", "wall_s", "cpu_s", "pages"} or {"peer", "skipped"}.
The peers live outside the project's venv: Pelican and MkDocs in their own venv, Hugo from apt.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_site import make_site  # noqa: E402

PEERS = ("pelican", "mkdocs", "hugo")
# Versions known to build this site; unpinned is the fallback if a pin ever disappears.
PINS = ["pelican==4.12.0", "markdown==3.11.3", "mkdocs==1.6.1"]
SHARED_VENV = Path("/tmp/briefings-peers-venv")
_venv: Path | None = None


def _sh(args: list[str], timeout: float = 900, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kw)


def _venv_ready(venv: Path) -> bool:
    return all((venv / "bin" / tool).exists() for tool in ("pelican", "mkdocs"))


def _setup_venv(workdir: Path) -> str | None:
    global _venv
    for venv in (SHARED_VENV, workdir / "peers-venv"):
        if _venv_ready(venv):
            _venv = venv
            return None
    venv = workdir / "peers-venv"
    try:
        _sh([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        pip = [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check"]
        if _sh(pip + PINS).returncode != 0 and _sh(pip + [p.split("==")[0] for p in PINS]).returncode != 0:
            return "pip install pelican markdown mkdocs failed"
    except (OSError, subprocess.SubprocessError) as exc:
        return f"venv setup failed: {exc}"
    _venv = venv
    return None if _venv_ready(venv) else "pelican/mkdocs missing after install"


def _setup_hugo() -> str | None:
    if shutil.which("hugo"):
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        if _sh(["apt-get", "install", "-y", "hugo"], env=env).returncode != 0:
            # A fresh machine has no package lists yet.
            _sh(["apt-get", "update"], env=env)
            _sh(["apt-get", "install", "-y", "hugo"], env=env)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"apt-get install hugo failed: {exc}"
    return None if shutil.which("hugo") else "apt-get install hugo failed"


def setup_peers(workdir: Path) -> dict[str, str | None]:
    """None for each peer that is ready, else a short note why it is skipped."""
    workdir.mkdir(parents=True, exist_ok=True)
    venv_note = _setup_venv(workdir)
    return {"pelican": venv_note, "mkdocs": venv_note, "hugo": _setup_hugo()}


def _command(peer: str) -> list[str]:
    if peer == "hugo":
        return [shutil.which("hugo") or "hugo"]
    return [str((_venv or SHARED_VENV) / "bin" / peer)]


def version(peer: str) -> str:
    args = {"pelican": ["--version"], "mkdocs": ["--version"], "hugo": ["version"]}[peer]
    try:
        found = re.search(r"v?\d+\.\d+(\.\d+)?", _sh(_command(peer) + args, timeout=60).stdout)
    except (OSError, subprocess.SubprocessError):
        found = None
    return found.group(0) if found else "?"


def _articles(site_root: Path):
    """(stem, front matter dict, raw front matter text, body) for each generated article."""
    for path in sorted((site_root / "content").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        yield path.stem, yaml.safe_load(front), front, body


PELICANCONF = """\
AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
# Slugs from file names: some corpus headlines repeat, and repeated slugs would overwrite pages.
SLUGIFY_SOURCE = "basename"
LOAD_CONTENT_CACHE = False
LINKS = ()
SOCIAL = ()
"""

HUGO_CONFIG = """\
baseURL = "https://bench.example.org/"
title = "Bench"
# The generated dates run up to late 2026; Hugo would otherwise drop any in its future.
buildFuture = true
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title>'
    '</head><body>{{ block "main" . }}{{ end }}</body></html>\n',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}'
    "</time><ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>"
    "{{ .Content }}{{ end }}\n",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
    "index.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.RegularPages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}


def prepare(peer: str, site_root: Path, out_dir: Path) -> Path:
    """Lay the generated articles out as `peer` expects, in out_dir; returns out_dir."""
    shutil.rmtree(out_dir, ignore_errors=True)
    if peer == "pelican":
        content = out_dir / "content"
        content.mkdir(parents=True)
        for stem, meta, _, body in _articles(site_root):
            # Pelican's own metadata header needs no plugin.
            header = [
                f"Title: {meta['title']}",
                f"Date: {meta['date']}",
                f"Tags: {', '.join(meta.get('tags') or [])}",
                f"Source: {meta.get('source', '')}",
            ]
            (content / f"{stem}.md").write_text("\n".join(header) + "\n\n" + body, encoding="utf-8")
        (out_dir / "pelicanconf.py").write_text(PELICANCONF, encoding="utf-8")
    elif peer == "mkdocs":
        docs = out_dir / "docs"
        docs.mkdir(parents=True)
        # MkDocs reads YAML front matter itself; no nav, so it lists every page.
        for path in (site_root / "content").glob("*.md"):
            shutil.copy(path, docs / path.name)
        (docs / "index.md").write_text("# Bench\n", encoding="utf-8")
        (out_dir / "mkdocs.yml").write_text("site_name: Bench\n", encoding="utf-8")
    elif peer == "hugo":
        posts = out_dir / "content" / "posts"
        posts.mkdir(parents=True)
        for path in (site_root / "content").glob("*.md"):
            shutil.copy(path, posts / path.name)
        (out_dir / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
        for name, text in HUGO_LAYOUTS.items():
            (out_dir / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
            (out_dir / "layouts" / name).write_text(text, encoding="utf-8")
    else:
        raise ValueError(f"unknown peer {peer!r}")
    return out_dir


BUILD = {
    "pelican": (["content", "-s", "pelicanconf.py", "-o", "output", "-q"], "output"),
    "mkdocs": (["build", "-q", "-f", "mkdocs.yml", "-d", "site"], "site"),
    "hugo": (["--quiet", "-d", "public"], "public"),
}


def time_peer(peer: str, prepared_dir: Path) -> dict:
    """One cold build: output and caches removed first; wall and child CPU seconds, HTML pages made."""
    args, out = BUILD[peer]
    shutil.rmtree(prepared_dir / out, ignore_errors=True)
    shutil.rmtree(prepared_dir / "resources", ignore_errors=True)  # Hugo's cache
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = _sh(_command(peer) + args, timeout=1800, cwd=prepared_dir)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{peer} exited {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    pages = sum(1 for _ in (prepared_dir / out).rglob("*.html"))
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "pages": pages}


def run(site_root: Path, workdir: Path) -> list[dict]:
    """Set up, prepare and time every peer; a peer that cannot be had or fails is skipped with a note."""
    try:
        notes = setup_peers(workdir)
    except Exception as exc:  # never take the whole benchmark down
        notes = dict.fromkeys(PEERS, f"setup failed: {exc}")
    results = []
    for peer in PEERS:
        if notes.get(peer):
            results.append({"peer": peer, "skipped": notes[peer]})
            continue
        try:
            prepared = prepare(peer, site_root, workdir / f"site-{peer}")
            results.append({"peer": peer, "version": version(peer), **time_peer(peer, prepared)})
        except Exception as exc:
            results.append({"peer": peer, "skipped": f"build failed: {exc}"})
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="articles to generate")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "briefings-peers",
        help="where the peers' venv and prepared sites go (kept, so the venv is reused)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp) / "site", args.n)
        for result in run(site, args.workdir):
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
