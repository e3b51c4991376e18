"""The cards in the popular themes, light and dark, as their readers see them.

Each theme has a test site (``tests/roots/test-theme-NAME``: the three
directives and a filtered ``awards``), built once and opened in Chromium at
desktop width and at 320 px, in light mode and, where the theme has one, dark.
Screenshots go to ``_build/screenshots/``; ``make screenshots`` also copies
them to ``gallery/`` for the docs. "Sphinx themes" page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from browser import CONTRAST_SCRIPT, require_browser, serve
from helpers import REPO, ROOTS

require_browser()

from axe_playwright_python.sync_playwright import Axe  # noqa: E402

#: Theme → whether it has a dark mode (switched by the reader's system setting).
THEMES = {"furo": True, "pydata": True, "book": True, "alabaster": False, "rtd": False}
MODES = [
    (theme, mode) for theme, dark in THEMES.items() for mode in (("light", "dark") if dark else ("light",))
]
OURS = ".awards-summary, .awards-legend, .awards-group"
#: Themes whose own markup is wider than 320 px (none of the extension's is).
THEMES_WIDER_THAN_320 = {"pydata": "pydata-sphinx-theme 0.20's navbar is 364 px wide"}
SCREENSHOTS = REPO / "_build" / "screenshots"
GALLERY = REPO / "gallery"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Each theme's site, built once with -W."""
    out = tmp_path_factory.mktemp("themes")
    for theme in THEMES:
        command = [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html"]
        subprocess.run([*command, str(ROOTS / f"test-theme-{theme}"), str(out / theme)], check=True)
    with serve(out) as url:
        yield url


@pytest.fixture
def open_theme(open_url, sites):
    def open_(theme: str, mode: str, width: int = 1200):
        page = open_url(
            f"{sites}{theme}/index.html", viewport={"width": width, "height": 900}, color_scheme=mode
        )
        page.wait_for_timeout(150)  # themes that switch modes in script, after load
        return page

    return open_


def _ids(values):
    return [f"{theme}-{mode}" for theme, mode in values]


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_no_axe_violation_in_the_extensions_markup(open_theme, theme, mode):
    page = open_theme(theme, mode)
    context = {"include": [[".awards-summary"], [".awards-legend"], [".awards-group"]]}
    results = Axe().run(page, context=context)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_every_text_of_the_cards_has_enough_contrast(open_theme, theme, mode):
    page = open_theme(theme, mode)
    failures = [
        found
        for element in page.query_selector_all(OURS)
        if (found := page.evaluate(CONTRAST_SCRIPT, element))
    ]
    assert not failures, failures


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_layout_holds_against_the_themes_rules(open_theme, theme, mode):
    page = open_theme(theme, mode)
    markers = page.eval_on_selector_all(
        ".awards-summary li, .awards-legend li, .awards-group li",
        "items => items.filter(li => getComputedStyle(li).listStyleType !== 'none'"
        " && getComputedStyle(li).display === 'list-item').length",
    )
    assert markers == 0
    sizes = page.evaluate(
        """() => {
            const size = el => parseFloat(getComputedStyle(el).fontSize);
            return {
                card: Math.max(...[...document.querySelectorAll('.award-card > h3')].map(size)),
                h2: size(document.querySelector('.awards-group__title')),
            };
        }"""
    )
    assert sizes["card"] <= sizes["h2"]
    shot = SCREENSHOTS / f"theme-{theme}-{mode}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.locator(".awards-group").first.screenshot(path=str(shot))
    if os.environ.get("AWARDS_UPDATE_GALLERY"):
        GALLERY.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, GALLERY / shot.name)


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_no_sideways_scroll_at_320px(open_theme, theme, mode):
    page = open_theme(theme, mode, width=320)
    overflowing = page.eval_on_selector_all(
        ".awards-summary *, .awards-legend *, .awards-group *",
        "elements => elements.filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
        ".map(e => e.tagName + '.' + e.className)",
    )
    assert overflowing == []
    if theme not in THEMES_WIDER_THAN_320:
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.locator(".awards-group").first.screenshot(path=str(SCREENSHOTS / f"theme-{theme}-{mode}-320.png"))


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_legend_filters_the_cards(open_theme, theme):
    page = open_theme(theme, "light")
    page.get_by_role("button", name="Beta Theme").click()
    shown = page.eval_on_selector_all("article.award-card:not([hidden])", "cards => cards.map(c => c.id)")
    assert shown and all(card_id.startswith("first-paper") for card_id in shown)  # the Beta card
