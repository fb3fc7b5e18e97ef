"""The built sample site in a real browser (Debian chromium through Playwright), from disk
(file://) and from a local server: navigation, search, accessibility (axe-core), layout at
phone and desktop widths in light and dark, JavaScript off, keyboard, print.

Every page visit fails the test on a console error, an uncaught exception or a request to
anywhere but the site itself. Screenshots (and a PDF of the printed digest) are saved under
test-artifacts/site/ (git-ignored; BRIEFINGS_ARTIFACTS=DIR puts them elsewhere).

axe-core is vendored in tests/browser/axe-core (its README says which version and how to
update it); it is injected from disk, never fetched."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from chromium import launch
from conftest import REPO

pytestmark = pytest.mark.slow

AXE = REPO / "tests" / "browser" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # 4.14.1 as published
WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")

# preload: false, or axe fetches the stylesheets itself, which file:// pages may not do.
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations'], preload: false});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""

# Layout facts measured in the page.
LAYOUT = """() => ({
  innerWidth: innerWidth,
  scrollWidth: document.scrollingElement.scrollWidth,
  overflowing: [...document.body.querySelectorAll('main *')]
    .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > innerWidth + 0.5
                 && !e.closest('pre'))
    .map(e => e.outerHTML.slice(0, 80)),
  bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
  background: getComputedStyle(document.body).backgroundColor,
})"""


@pytest.fixture(scope="module")
def built(built_sample):
    out, result = built_sample
    return out, result.site


@pytest.fixture(scope="module")
def http_root(built):
    """The built site over HTTP on 127.0.0.1, as `briefings serve` or any static host serves it."""
    out, _ = built

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with launch() as browser:
        yield browser


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("BRIEFINGS_ARTIFACTS") or REPO / "test-artifacts") / "site"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(params=["file", "http"])
def root(request, built):
    """Where the site is opened from: disk or the local server."""
    out, _ = built
    return out.as_uri() + "/" if request.param == "file" else request.getfixturevalue("http_root")


class Watched:
    """A browser context that records console errors, page errors and requests leaving the site."""

    def __init__(self, browser, root: str, **options):
        self.root = root
        self.problems: list[str] = []
        self.context = browser.new_context(**options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("request", self._request)

    def _allowed(self, url: str) -> bool:
        return url.startswith(self.root) or url.startswith("data:")

    def _request(self, request) -> None:
        if not self._allowed(request.url):
            self.problems.append(f"request elsewhere: {request.url}")

    def _route(self, route) -> None:
        if self._allowed(route.request.url):
            route.continue_()
        else:
            route.abort()  # never reach the network; _request has recorded it

    def goto(self, url: str) -> None:
        response = self.page.goto(self.root + url)
        assert response is None or response.ok, f"{url}: HTTP {response.status}"

    def close(self) -> None:
        self.context.close()
        assert self.problems == [], "\n".join(self.problems)


@pytest.fixture
def watched(browser, root):
    opened: list[Watched] = []

    def open_(**options) -> Watched:
        w = Watched(browser, root, **options)
        opened.append(w)
        return w

    yield open_
    for w in opened:
        w.close()


def kinds(site) -> dict[str, str]:
    """One page of each kind, as URLs from the site root."""
    middle = [d for d in site.digests if d.previous and d.next]
    digest = next((d for d in middle if d.top_stories), middle[0] if middle else site.digests[0])  # with a story
    story = next(s for d in site.digests for s in d.stories_with_pages)
    entry = next(e for e in site.entries if e.extraction.quotes and e.extraction.participants)
    person = next(p for p in site.participant_index["count"][0].items if p.type == "PERSON")
    return {
        "index": "index.html",
        "digest": digest.url,
        "archive": "digests/index.html",
        "article": entry.url,
        "participant": person.url,
        "participants": "participants/index.html",
        "participants-by-name": "participants/by-name/index.html",
        "tags": "tags/index.html",
        "tag": site.tags[0].url,
        "quotes": "quotes/index.html",
        "search": f"search.html?q={quote(person.name)}",
        "story": story.url,
    }


def most_covered_person(site):
    return next(p for p in site.participant_index["count"][0].items if p.type == "PERSON")


# -- navigation and search ---------------------------------------------------------------


def test_digest_to_article_to_participant_and_back(watched, built):
    _, site = built
    w = watched()
    page = w.page
    w.goto("index.html")
    latest = site.digests[0]
    assert page.locator("h1").inner_text() == latest.title
    first = latest.entries[0]
    page.locator("article.card h2 a").first.click()
    page.wait_for_url(f"**/{first.url}")
    assert first.article.title in page.locator("h1").inner_text()
    link = page.locator("section[aria-labelledby=participants] a").first
    name = link.inner_text()
    link.click()
    page.wait_for_url("**/participants/*.html")
    assert page.locator("h1").inner_text() == name
    # The participant's page lists the article we came from.
    assert page.locator(f"main a[href$='{first.url}']").count() >= 1
    page.go_back()
    page.wait_for_url(f"**/{first.url}")
    assert first.article.title in page.locator("h1").inner_text()
    page.go_back()
    page.wait_for_url("**/index.html")
    assert page.locator("h1").inner_text() == latest.title


def test_digest_pages_link_older_and_newer(watched, built):
    _, site = built
    w = watched()
    middle = next(d for d in site.digests if d.previous and d.next)
    w.goto(middle.url)
    w.page.locator("a[rel=prev]").click()
    w.page.wait_for_url(f"**/{middle.previous.url}")
    assert w.page.locator("h1").inner_text() == middle.previous.title
    w.page.locator("a[rel=next]").click()
    w.page.wait_for_url(f"**/{middle.url}")
    assert w.page.locator("h1").inner_text() == middle.title


def test_search_for_a_participant_finds_their_articles(watched, built):
    _, site = built
    person = most_covered_person(site)
    w = watched()
    page = w.page
    w.goto("search.html")
    page.get_by_label("Search for").fill(person.name)
    results = page.locator("#search-results .search-results > li")
    results.first.wait_for()
    titles = results.locator("a.entry-title").all_inner_texts()
    assert set(titles) >= {e.article.title for e in person.entries[:50]}
    assert page.locator("#search-results a.chip", has_text=person.name).count() == 1
    assert str(len(person.entries)) in page.locator("#search-status").inner_text()
    # A result opens its article.
    first = person.entries[0]
    page.locator("#search-results a.entry-title", has_text=first.article.title).first.click()
    page.wait_for_url(f"**/{first.url}")


def test_search_from_the_address_and_with_no_match(watched, built):
    _, site = built
    person = most_covered_person(site)
    w = watched()
    w.goto(f"search.html?q={quote(person.name.lower())}")
    w.page.locator("#search-results .search-results > li").first.wait_for()
    w.page.get_by_label("Search for").fill("zzqxv nothing like this")
    assert "No results" in w.page.locator("#search-status").inner_text()
    assert w.page.locator("#search-results li").count() == 0


def test_search_matches_key_points_and_quotes(watched, built):
    _, site = built
    entry = next(e for e in site.entries if e.extraction.quotes)
    w = watched()
    w.goto("search.html")
    for text in (entry.extraction.quotes[0].text, entry.key_points_in_order[0].text):
        phrase = " ".join(text.split()[:6])
        w.page.get_by_label("Search for").fill(phrase)
        titles = w.page.locator("#search-results a.entry-title").all_inner_texts()
        assert entry.article.title in titles, phrase


# -- without JavaScript, keyboard, print -------------------------------------------------


def test_everything_but_search_works_without_javascript(watched, built):
    _, site = built
    w = watched(java_script_enabled=False)
    page = w.page
    w.goto("index.html")
    page.locator("nav[aria-label=Site] a", has_text="Participants").click()
    page.wait_for_url("**/participants/index.html")
    counts = [int(n) for n in page.locator("tbody td.number:nth-of-type(2)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    page.locator("nav.sort a", has_text="by name").click()
    page.wait_for_url("**/participants/by-name/index.html")
    names = page.locator("tbody th a").all_inner_texts()
    assert names == sorted(names, key=lambda n: n.lower())
    pages = site.participant_index["name"]
    if len(pages) > 1:
        page.locator("a[rel=next]").click()
        page.wait_for_url(f"**/{pages[1].url}")
        assert page.locator("tbody th a").first.inner_text() == pages[1].items[0].name
    page.locator("nav[aria-label=Site] a", has_text="Archive").click()
    page.locator("main a", has_text=site.digests[-1].title).click()
    page.wait_for_url(f"**/{site.digests[-1].url}")
    page.locator("article.card h2 a").first.click()
    page.wait_for_url("**/articles/*.html")
    w.goto("search.html")
    assert page.locator("noscript").count() == 1
    assert "Search needs JavaScript" in page.locator("main").inner_text()


def test_keyboard_skip_link_and_focus(watched):
    w = watched()
    page = w.page
    w.goto("index.html")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getBoundingClientRect().top]"
    )
    assert focused[0] == "skip-link" and focused[1] >= 0, "the skip link is first and shows when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # Tabbing on reaches the links in main, each with a visible focus outline.
    page.keyboard.press("Tab")
    style = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return [e.tagName, !!e.closest('main'), s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    assert style[0] == "A" and style[1] and style[2] != "none" and style[3] >= 2, style


def test_a_digest_prints_cleanly(watched, built, artifacts):
    _, site = built
    w = watched()
    page = w.page
    w.goto("index.html")
    page.emulate_media(media="print", color_scheme="dark")
    facts = page.evaluate("""() => ({
        hidden: ['.site-nav', '.skip-link', '.site-footer', '.card-more'].map(s =>
            [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none')),
        cards: [...document.querySelectorAll('article.card')].filter(e => e.getClientRects().length).length,
        points: [...document.querySelectorAll('.card .key-points li')].filter(e => e.getClientRects().length).length,
        text: getComputedStyle(document.body).color, background: getComputedStyle(document.body).backgroundColor })""")
    assert all(facts["hidden"]), "navigation, footer and card links are left off paper"
    assert facts["cards"] == len(site.digests[0].entries)
    assert facts["points"] == sum(len(e.extraction.key_points) for e in site.digests[0].entries)
    assert facts["text"] == "rgb(0, 0, 0)" and facts["background"] == "rgb(255, 255, 255)", (
        "black on white, even in dark mode"
    )
    page.pdf(path=str(artifacts / "digest-print.pdf"), format="A4")
    assert (artifacts / "digest-print.pdf").stat().st_size > 10_000


# -- accessibility and layout ------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_serious_or_critical_violations(watched, built, scheme):
    # Vendored, so never skipped: a missing or altered file is a broken checkout.
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256, f"{AXE} is not axe-core 4.14.1"
    _, site = built
    w = watched(color_scheme=scheme)
    page = w.page
    found, serious = [], []
    for kind, url in kinds(site).items():
        w.goto(url)
        if kind == "search":
            page.locator("#search-results li").first.wait_for()
        page.add_script_tag(path=str(AXE))
        for v in page.evaluate(RUN_AXE):
            line = f"{scheme} {kind}: {v['impact']} {v['id']} ({v['help']}) at {v['nodes']}"
            found.append(line)
            if v["impact"] in ("serious", "critical"):
                serious.append(line)
    print(
        f"axe-core, {scheme}: {len(kinds(site))} pages, {len(found)} violation(s)" + "".join(f"\n  {f}" for f in found)
    )
    assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_and_layout(watched, built, artifacts, width, scheme):
    _, site = built
    w = watched(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = w.page
    for kind, url in kinds(site).items():
        w.goto(url)
        if kind == "search":
            page.locator("#search-results li").first.wait_for()
        facts = page.evaluate(LAYOUT)
        assert facts["scrollWidth"] <= facts["innerWidth"], f"{kind} at {width} px scrolls sideways"
        assert facts["overflowing"] == [], f"{kind} at {width} px: {facts['overflowing'][:3]}"
        assert facts["bodyFont"] >= 16, f"{kind}: body text of {facts['bodyFont']} px"
        dark = facts["background"] in ("rgb(18, 20, 22)",)
        assert dark == (scheme == "dark"), f"{kind}: background {facts['background']} in {scheme} mode"
        if kind in ("index", "article", "participant", "participants", "search"):
            page.screenshot(path=str(artifacts / f"{kind}-{width}-{scheme}.png"), full_page=True)


def test_narrowest_supported_width(watched, built):
    _, site = built
    w = watched(viewport={"width": 320, "height": 700})
    for kind, url in kinds(site).items():
        w.goto(url)
        facts = w.page.evaluate(LAYOUT)
        assert facts["scrollWidth"] <= facts["innerWidth"], f"{kind} at 320 px scrolls sideways"
        assert facts["overflowing"] == [], f"{kind} at 320 px: {facts['overflowing'][:3]}"


# -- what a reader notices (issue 20) ------------------------------------------------------------

NAV_ROWS = """() => new Set([...document.querySelectorAll('.site-nav li')]
  .map(e => Math.round(e.getBoundingClientRect().top))).size"""


@pytest.mark.parametrize("width", (375, 390))
def test_the_nav_stays_on_one_line_on_a_phone(watched, built, width):
    _, site = built
    w = watched(viewport={"width": width, "height": 700})
    for kind, url in kinds(site).items():
        w.goto(url)
        assert w.page.evaluate(NAV_ROWS) == 1, f"{kind} at {width} px: the nav wraps onto a second line"


def test_search_results_date_articles_as_every_other_page_does(watched, built):
    _, site = built
    dated = next(e for e in site.entries if e.article.date)
    w = watched()
    w.goto(f"search.html?q={quote(dated.article.title)}")
    result = w.page.locator("#search-results li", has=w.page.locator("a.entry-title", has_text=dated.article.title))
    result.first.wait_for()
    time = result.first.locator(".meta time")
    day = dated.article.date
    assert time.inner_text() == f"{day.day} {day:%B %Y}"  # "18 November 2026", as on the digest and article pages
    assert time.get_attribute("datetime") == day.isoformat()
    assert result.first.locator(".meta").inner_text() == f"{dated.article.source_name} · {day.day} {day:%B %Y}"
