"""The quotes of the multi-outlet gold (tests/data/participants/news*/NAME.json) in the form of
../shared/eval/quotes/dev.jsonl, so that score_quotes.py scores them as it scores PolNeAR.

    python bench/data_tools/news_quotes.py tests/data/participants/news > /tmp/news-quotes.jsonl

Each quote is found in its article at or after the line the annotator gave; a quote that cannot
be found exactly (whitespace aside) stops the conversion with its file and text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"


def locate(text: str, quote: str, line: int) -> tuple[int, int]:
    """Character span of `quote` in `text`, searching from the start of `line` (1-based)."""
    offset = 0
    for _ in range(max(line - 1, 0)):
        offset = text.index("\n", offset) + 1
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    match = re.compile(pattern).search(text, offset) or re.compile(pattern).search(text)
    if not match:
        raise LookupError(quote)
    return match.start(), match.end()


def convert(folder: Path):
    for path in sorted(folder.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SHARED / gold["source"]).read_text(encoding="utf-8")
        quotes = []
        for quote in gold.get("quotes", []):
            try:
                start, end = locate(text, quote["text"], quote.get("line", 1))
            except LookupError:
                sys.exit(f"{path}: quote not found in {gold['source']}: {quote['text']!r}")
            quotes.append(
                {
                    "text": text[start:end],
                    "start": start,
                    "end": end,
                    "speaker": quote["speaker"],
                    "qtype": quote.get("qtype", "full"),
                }
            )
        yield {"id": path.stem, "text": text, "quotes": quotes}


def main() -> int:
    for folder in sys.argv[1:] or ["tests/data/participants/news"]:
        for item in convert(Path(folder)):
            print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
