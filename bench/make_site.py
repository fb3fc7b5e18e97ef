"""Generate a benchmark site of N articles from ../shared/corpus/bbc (Markdown + front matter).

Past the corpus's 2,225 texts, texts are reused with new titles. Dates spread one article
every few hours backwards from 2026-11-22, so digests, tags and participants look real.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"


def corpus_texts() -> list[tuple[str, str, str]]:
    """(category, headline, body) for every readable BBC file, in a stable order."""
    texts = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the one non-UTF-8 file; content.py reports such files, the bench skips it
        headline, _, body = raw.strip().partition("\n")
        texts.append((path.parent.name, headline.strip(), body.strip()))
    return texts


def make_site(root: Path, n: int, base_url: str = "https://bench.example.org/") -> Path:
    texts = corpus_texts()
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    (root / "config.yaml").write_text(f"title: Bench\nbase_url: {base_url}\nperiod: week\n", encoding="utf-8")
    start = dt.datetime(2026, 11, 22, 18, 0)
    for i in range(n):
        category, headline, body = texts[i % len(texts)]
        round_ = i // len(texts)
        title = headline if round_ == 0 else f"{headline} (part {round_ + 1})"
        date = (start - dt.timedelta(hours=5 * i)).date().isoformat()
        front = [
            "---",
            f"title: {json.dumps(title)}",
            f"date: {date}",
            "source: BBC News",
            f"tags: [{category}]",
            "---",
            "",
        ]
        (content / f"article-{i:05d}.md").write_text("\n".join(front) + body + "\n", encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    args = parser.parse_args()
    make_site(args.root, args.n)
    print(args.root)


if __name__ == "__main__":
    main()
