"""The sample digest's HTML part in a real browser (Debian chromium through Playwright):
screenshots at 600 px (light) and 375 px (dark colour scheme), checked for layout facts
measured in the page: widths, no horizontal scroll, readable contrast of chips and text.

Screenshots are written to the test's temporary directory (see the test output with -rP,
or set BRIEFINGS_EMAIL_SHOTS=DIR to keep them)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefings import mail
from briefings.config import load_config

from chromium import launch
from conftest import REPO

pytestmark = pytest.mark.slow


# Every element's box, and the colours of chips, tags, links and text, as the page computes them.
MEASURE = """() => {
  const effectiveBg = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const colours = (selector) => [...document.querySelectorAll(selector)].map(e => ({
    text: e.textContent.trim().slice(0, 40), fg: getComputedStyle(e).color, bg: effectiveBg(e)}));
  const box = (selector) => { const e = document.querySelector(selector); const r = e.getBoundingClientRect();
    return {left: r.left, right: r.right, width: r.width}; };
  const visible = [...document.body.querySelectorAll('*')].filter(e => e.getClientRects().length
    && getComputedStyle(e).display !== 'none' && !e.closest('.preheader'));
  return {
    innerWidth: innerWidth,
    scrollWidth: document.scrollingElement.scrollWidth,
    container: box('table.container'),
    overflowing: visible.filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
      .map(e => e.outerHTML.slice(0, 80)),
    chips: colours('.chip'),
    tags: colours('.tag'),
    points: colours('.point'),
    links: colours('.more a, .lede a'),
    meta: colours('.meta, .speaker, .footer'),
    pointFontSize: parseFloat(getComputedStyle(document.querySelector('.point')).fontSize),
    preheaderShown: document.querySelector('.preheader').getBoundingClientRect().height > 0,
    body: getComputedStyle(document.querySelector('table.container')).backgroundColor,
  };
}"""


def rgb(css: str) -> tuple[float, float, float]:
    parts = css[css.index("(") + 1 : css.index(")")].replace("/", ",").split(",")
    return tuple(float(p) for p in parts[:3])


def luminance(colour: tuple[float, float, float]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((luminance(rgb(fg)), luminance(rgb(bg))), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.fixture(scope="module")
def html(tmp_path_factory, shared_cache) -> str:
    """The HTML part of the sample site's newest digest email."""
    site = tmp_path_factory.mktemp("render-site")
    shutil.copytree(REPO / "content", site / "content")
    config = (REPO / "config.yaml").read_text(encoding="utf-8")
    (site / "config.yaml").write_text(config + f"\ncache_dir: {shared_cache}\n", encoding="utf-8")
    message = mail.digest_message(load_config(site / "config.yaml"))
    return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture(scope="module")
def browser():
    with launch() as browser:
        yield browser


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    keep = os.environ.get("BRIEFINGS_EMAIL_SHOTS")
    folder = Path(keep) if keep else tmp_path_factory.mktemp("email-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def render(browser, html: str, width: int, scheme: str, shot: Path) -> dict:
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.route("**/*", lambda route: route.abort())  # an email loads nothing from anywhere
    try:
        page.set_content(html, wait_until="load")
        facts = page.evaluate(MEASURE)
        page.screenshot(path=str(shot), full_page=True)
    finally:
        page.close()
    facts["requests"] = requests
    print(
        f"{shot}: {facts['container']['width']:.0f} px container, scroll {facts['scrollWidth']}/{facts['innerWidth']}"
    )
    return facts


def check_common(facts: dict) -> None:
    assert facts["requests"] == [], "the email fetched something"
    assert facts["scrollWidth"] <= facts["innerWidth"], "horizontal scroll"
    assert facts["overflowing"] == []
    assert not facts["preheaderShown"]
    assert facts["chips"] and facts["tags"]
    for kind in ("chips", "tags", "points", "links", "meta"):
        for item in facts[kind]:
            ratio = contrast(item["fg"], item["bg"])
            assert ratio >= 4.5, f"{kind} {item['text']!r}: {item['fg']} on {item['bg']} is {ratio:.2f}:1"
    assert facts["pointFontSize"] >= 16


def test_600px_light(browser, html, shots):
    facts = render(browser, html, 600, "light", shots / "email-600-light.png")
    check_common(facts)
    assert facts["container"]["width"] == pytest.approx(600, abs=1)
    assert luminance(rgb(facts["body"])) > 0.9, "white card in light mode"


def test_desktop_width_is_600px(browser, html, shots):
    facts = render(browser, html, 1024, "light", shots / "email-1024-light.png")
    check_common(facts)
    assert facts["container"]["width"] == pytest.approx(600, abs=2)
    assert facts["container"]["left"] == pytest.approx((1024 - facts["container"]["width"]) / 2, abs=2), "centred"


def test_375px_dark(browser, html, shots):
    facts = render(browser, html, 375, "dark", shots / "email-375-dark.png")
    check_common(facts)
    assert facts["container"]["width"] == pytest.approx(375, abs=1)
    assert luminance(rgb(facts["body"])) < 0.05, "dark card in dark mode"
    assert all(luminance(rgb(p["fg"])) > 0.5 for p in facts["points"]), "light text in dark mode"
    assert all(luminance(rgb(c["bg"])) < 0.1 for c in facts["chips"]), "chips follow the dark scheme"
