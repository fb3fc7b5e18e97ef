"""What an email's HTML must not hold: mail clients drop or mangle it (mail.py checks every message)."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _Lint(HTMLParser):
    """What an email's HTML must not hold, as messages: scripts, stylesheets and fonts from
    elsewhere, event handlers, relative links, images without alt, width and height."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        line = self.getpos()[0]
        where = f"line {line}: <{tag}>"
        if tag in ("script", "iframe", "object", "embed", "form", "base"):
            self.problems.append(f"{where} is not allowed in an email")
        if tag == "link":
            self.problems.append(f"{where}: no external stylesheets or fonts; put CSS in <style>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{where}: event handler {name}= (no JavaScript in email)")
            if name in ("href", "src") and value is not None and not _ABSOLUTE.match(value):
                self.problems.append(f"{where}: {name}={value!r} is not absolute; use absolute(url)")
        if tag == "img":
            missing = [a for a in ("alt", "width", "height") if attributes.get(a) is None]
            if missing:
                self.problems.append(f"{where}: images need {', '.join(missing)}")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style and re.search(r"@import|@font-face|url\(", data):
            self.problems.append(f"line {self.getpos()[0]}: <style> loads files (@import, @font-face or url())")


_ABSOLUTE = re.compile(r"(https?://[^\s/]|mailto:)", re.IGNORECASE)


def html_problems(html: str) -> list[str]:
    lint = _Lint()
    lint.feed(html)
    lint.close()
    return lint.problems
