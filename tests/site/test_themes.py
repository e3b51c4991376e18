"""The cards in every Sphinx theme and 31 others, light and dark, as their readers see them.

One test site (``tests/roots/test-themes``: the three directives and a
filtered ``awards``) is built once per theme, as a new user of that theme
would configure it, and opened in Chromium at 1280 and 320 px, with the
reader's system in light and in dark mode. The stylesheet names none of the
themes below but Furo and pydata/book: every other one is a theme the
extension has to fit by deriving its colours from the page's own.

Screenshots go to ``_build/screenshots/``; ``make screenshots`` also copies
the light and dark ones at 1280 px to ``gallery/`` for the docs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import pytest
from browser import (
    BORDER_CONTRAST_SCRIPT,
    CONTRAST_SCRIPT,
    IMAGE_COLORS_SCRIPT,
    PAPER_CONTRAST_SCRIPT,
    SPLIT_WORDS_SCRIPT,
    require_browser,
    serve,
)
from helpers import REPO, ROOTS, require_theme_environment, skip_or_fail, strip_colors, theme_python

require_browser()

from axe_playwright_python.sync_playwright import Axe  # noqa: E402

#: Theme (AWARDS_TEST_THEME in the root's conf.py) → whether it has a dark mode
#: that follows the reader's system setting (True), none (False), or one the
#: reader switches on: what the theme's switch stores, run before the page loads.
THEMES = {
    "furo": True,
    "pydata": True,
    "book": True,
    "alabaster": False,
    "rtd": False,
    "immaterial": True,
    "piccolo": True,
    "wagtail": True,
    "nefertiti": True,
    "python-docs": True,
    "shibuya": True,
    "awesome": True,
    "insipid": False,
    "sphinxdoc": False,
    "agogo": False,
    "haiku": False,
    "basic": False,
    "classic": False,
    "scrolls": False,
    "traditional": False,
    "nature": False,
    "pyramid": False,
    "bizstyle": False,
    "epub": False,
    "bootstrap": False,
    "bootstrap4": False,
    "material": False,
    "rtd-dark": "localStorage.setItem('theme', 'dark')",
    "documatt": False,
    "readable": False,
    "pdj": True,
    "dask": True,
    "guzzle": False,
    "cloud": False,
    "py3doc": False,
    "pd": False,
    "library": False,
    "conestack": True,
    "ansible": False,
    "pylons": False,
    "flask": False,
    "nonav": False,
    "ansys": True,
    "quantecon": "localStorage.setItem('setContrast', '1')",
}
#: Warnings a theme's own code gives on any site with a domain whose objects'
#: display names differ from their names (named in the Sphinx themes page).
THEME_WARNINGS = {
    "immaterial": re.compile(
        r"^WARNING: Unable to determine anchor for object with docname='index', domain='awards'"
    ),
    # Python's deprecation warning (not Sphinx's): pydata-sphinx-theme 0.15,
    # which quantecon-book-theme asks for, adds a script on every page after
    # the theme has put a name in Sphinx's list of scripts; the line it quotes.
    "quantecon": re.compile(
        r"^(\S+/sphinx/builders/html/__init__\.py:\d+: RemovedInSphinx90Warning: The str interface"
        r" for _JavaScript objects is deprecated|\s+if \(asset := _JavaScript\()"
    ),
}
MODES = [(theme, mode) for theme in THEMES for mode in ("light", "dark")]
#: Right-to-left languages the site is also built in (with Furo).
RIGHT_TO_LEFT = ("ar", "he")
WIDTHS = (1280, 320)
OURS = ".awards-summary, .awards-legend, .awards-group"
#: Themes whose own markup is wider than 320 px (none of the extension's is).
#: Sphinx's basic.css, which most themes build on, gives the body column
#: ``min-width: 360px``; a theme without a phone layout of its own keeps it.
BASIC_MIN_WIDTH = "basic.css's 360 px minimum for the body column"
THEMES_WIDER_THAN_320 = {
    "pydata": "pydata-sphinx-theme 0.20's navbar is 364 px wide",
    # Sphinx's own older themes are not responsive: at 320 px their fixed
    # sidebar (sphinxdoc, haiku) or page width (agogo) leaves the body column
    # narrower than a word of ours, or wider than the screen.
    "sphinxdoc": "a fixed 230 px sidebar beside the body at every width",
    "agogo": "a fixed page width",
    "haiku": "a fixed page width and header",
    "basic": BASIC_MIN_WIDTH,
    "classic": f"a fixed sidebar beside the body, and {BASIC_MIN_WIDTH}",
    "nature": f"a fixed sidebar beside the body, and {BASIC_MIN_WIDTH}",
    "pyramid": f"a fixed sidebar beside the body, and {BASIC_MIN_WIDTH}",
    "pylons": f"a fixed sidebar beside the body, and {BASIC_MIN_WIDTH}",
    "traditional": "a 230 px sidebar floated over a 50 px body column",
    "bizstyle": BASIC_MIN_WIDTH,
    "bootstrap": BASIC_MIN_WIDTH,
    "readable": BASIC_MIN_WIDTH,
    "py3doc": BASIC_MIN_WIDTH,
    "flask": BASIC_MIN_WIDTH,
    "documatt": "its Bulma columns are 332 px wide",
    "ansys": "ansys-sphinx-theme 1.12's navbar: its table of contents button ends at 326 px",
}
#: Themes whose own layout leaves no room on a phone: the body column is
#: narrower than a word, or the theme's breadcrumb takes the first screen.
#: There the extension's markup is checked against the theme's own title.
THEMES_NOT_FOR_PHONES = {
    "traditional": "a 230 px sidebar floated over a 50 px body column",
    "pylons": "its breadcrumb bar is one letter wide below 400 px, and takes the first screen",
}
#: Where a theme puts the page's own content.
COLUMN = "div.body, div[role=main], main, article[role=main]"
SCREENSHOTS = REPO / "_build" / "screenshots"
GALLERY = REPO / "gallery"
#: The accents of the root's two data themes: (light, dark) as rgb().
ACCENTS = {
    "alpha": ("rgb(109, 40, 217)", "rgb(167, 139, 250)"),
    "beta": ("rgb(0, 128, 128)", "rgb(0, 128, 128)"),
}


def _build(theme: str, out, language: str = "en") -> str:
    """Build the site in ``theme``; what Sphinx printed, for the warnings check."""
    python, environment = theme_python(theme)
    if not python.exists():
        return ""  # each test of the theme says so (require_theme_environment)
    command = [str(python), "-m", "sphinx", "-q", "--keep-going", "-b", "html"]
    if theme not in THEME_WARNINGS:
        command.append("-W")
    name = theme if language == "en" else f"{theme}-{language}"
    result = subprocess.run(
        [*command, str(ROOTS / "test-themes"), str(out / name)],
        env={
            **os.environ,
            "AWARDS_TEST_THEME": theme,
            "AWARDS_TEST_LANGUAGE": language,
            **environment,
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return strip_colors(result.stderr)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("themes")
    with ThreadPoolExecutor(max_workers=2) as pool:
        logs = dict(zip(THEMES, pool.map(lambda theme: _build(theme, out), THEMES), strict=True))
        for language in RIGHT_TO_LEFT:
            logs[f"furo-{language}"] = pool.submit(_build, "furo", out, language).result()
    return out, logs


@pytest.fixture(scope="module")
def sites(built):
    with serve(built[0]) as url:
        yield url


@pytest.fixture(scope="module")
def pages(browser, sites):
    """One page per (theme, mode, width), opened once for every check on it."""
    opened = {}

    def open_(theme: str, mode: str, width: int = 1280, **options):
        key = (theme, mode, width, tuple(sorted(options.items())))
        require_theme_environment(theme)
        if key not in opened:
            context = _new_context(browser, theme, mode, width, **options)
            page = context.new_page()
            page.goto(f"{sites}{theme}/index.html")  # "furo-ar": Furo, in Arabic
            page.wait_for_load_state("load")
            page.wait_for_timeout(150)  # themes that switch modes in script, after load
            page.evaluate(IMAGE_COLORS_SCRIPT)
            _settle(page)
            opened[key] = page
        return opened[key]

    yield open_
    for page in opened.values():
        page.context.close()


def _new_context(browser, theme: str, mode: str, width: int, height: int = 900, **options):
    """A browser whose reader prefers ``mode``, and has turned the theme's own dark switch on."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=mode, **options)
    switch = THEMES.get(theme)
    if mode == "dark" and isinstance(switch, str):
        context.add_init_script(switch)
    return context


def _settle(page) -> None:
    """Wait for a theme's colour transitions (sphinx-rtd-dark-mode animates every link's)."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


def _ids(values):
    return [f"{theme}-{mode}" for theme, mode in values]


def _is_dark(page) -> bool:
    """Whether the page is dark where the cards are: its text is light."""
    return page.evaluate(
        """() => {
            const c = document.createElement('canvas').getContext('2d');
            c.fillStyle = getComputedStyle(document.querySelector('.awards-group')).color;
            c.fillRect(0, 0, 1, 1);
            const [r, g, b] = c.getImageData(0, 0, 1, 1).data;
            return 0.2126 * r + 0.7152 * g + 0.0722 * b > 127;
        }"""
    )


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_site_builds_without_warnings_of_ours(built, theme):
    require_theme_environment(theme)
    lines = [line for line in built[1][theme].splitlines() if line.strip()]
    known = THEME_WARNINGS.get(theme)
    assert [line for line in lines if not (known and known.match(line))] == []


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_dark_mode_is_dark_where_the_theme_has_one(pages, theme, mode):
    page = pages(theme, mode)
    assert _is_dark(page) == (mode == "dark" and bool(THEMES[theme]))


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_no_axe_violation_in_the_extensions_markup(pages, theme, mode):
    page = pages(theme, mode)
    context = {"include": [[".awards-summary"], [".awards-legend"], [".awards-group"]]}
    results = Axe().run(page, context=context)
    assert results.violations_count == 0, results.generate_report()


def _found_in_ours(page, script: str) -> list:
    """What a page script finds in each block of ours."""
    return [found for element in page.query_selector_all(OURS) if (found := page.evaluate(script, element))]


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_every_text_of_ours_has_4_5_to_1_contrast(pages, theme, mode):
    failures = _found_in_ours(pages(theme, mode), CONTRAST_SCRIPT)
    assert not failures, failures


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_the_edges_of_cards_tiles_and_buttons_have_3_to_1_contrast(pages, theme, mode):
    failures = _found_in_ours(pages(theme, mode), BORDER_CONTRAST_SCRIPT)
    assert not failures, failures


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_accents_follow_the_mode_and_stand_out(pages, theme, mode):
    page = pages(theme, mode)
    dark = _is_dark(page)
    tops = page.eval_on_selector_all(
        "article.award-card",
        "cards => cards.map(c => [c.dataset.awardsTheme, getComputedStyle(c).borderTopColor])",
    )
    assert tops
    assert all(color == ACCENTS[key][dark] for key, color in tops), tops
    swatches = page.eval_on_selector_all(
        ".awards-legend__swatch",
        "s => s.map(e => [e.dataset.awardsTheme, getComputedStyle(e).backgroundColor])",
    )
    assert sorted(map(tuple, swatches)) == sorted((key, colors[dark]) for key, colors in ACCENTS.items())


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_type_scale_and_spacing_hold(pages, theme, mode):
    page = pages(theme, mode)
    card = page.evaluate(
        """() => {
            const card = document.querySelector('article.award-card');
            const size = sel => parseFloat(getComputedStyle(card.querySelector(sel)).fontSize);
            const blocks = [...card.children].filter(e => getComputedStyle(e).position !== 'absolute');
            const gaps = blocks.slice(1).map((e, i) =>
                e.getBoundingClientRect().top - blocks[i].getBoundingClientRect().bottom);
            return {
                title: size('h3'), badge: size('.award-badge'), summary: size('.award-summary'),
                description: size('.award-description'), authors: size('.award-authors'),
                tags: size('.award-tags > li'), links: size('.award-links'),
                gap: parseFloat(getComputedStyle(card).rowGap), gaps,
                h2: parseFloat(getComputedStyle(document.querySelector('.awards-group__title')).fontSize),
            };
        }"""
    )
    assert card["badge"] < card["title"] <= card["h2"]
    assert card["summary"] < card["title"]
    assert card["description"] < card["summary"] and card["authors"] < card["summary"]
    assert card["tags"] < card["summary"] and card["links"] <= card["summary"]
    # Block spacing is the card's own gap, with no margin a theme adds.
    assert all(abs(gap - card["gap"]) <= 2 for gap in card["gaps"]), card


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_layout_holds_against_the_themes_list_rules(pages, theme, mode):
    page = pages(theme, mode)
    markers = page.eval_on_selector_all(
        ".awards-summary li, .awards-legend li, .award-card li",  # cards in a group or in a bare grid
        "items => items.filter(li => getComputedStyle(li).display === 'list-item'"
        " && getComputedStyle(li).listStyleType !== 'none').length",
    )
    assert markers == 0
    displays = page.evaluate(
        """() => ['.awards-stats', '.awards-meta', '.awards-legend__themes', '.award-tags', '.award-links']
            .map(sel => getComputedStyle(document.querySelector(sel)).display)"""
    )
    assert displays == ["grid", "flex", "flex", "flex", "flex"]
    # No box of a theme's own on the grid or the author list's toggle.
    boxes = page.evaluate(
        """() => {
            const style = sel => getComputedStyle(document.querySelector(sel));
            const grid = style('.awards-grid'), details = style('.award-authors');
            const summary = document.querySelector('.award-authors > summary');
            return [grid.paddingLeft, grid.maxWidth, details.borderTopWidth, details.backgroundColor,
                    getComputedStyle(summary, '::before').content,
                    getComputedStyle(summary, '::after').content];
        }"""
    )
    assert boxes == ["0px", "none", "0px", "rgba(0, 0, 0, 0)", "none", "none"]
    # Tags sit side by side, and the links on one line.
    rows = page.evaluate(
        """() => ['.award-tags', '.award-links'].map(sel => new Set([...document.querySelector(sel).children]
            .map(li => Math.round(li.getBoundingClientRect().top))).size)"""
    )
    assert rows == [1, 1]


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_no_sideways_scroll_at_320px(pages, theme, mode):
    """At 320 px our markup stays inside the column the theme gives it, and
    inside the screen where the theme's own page is."""
    page = pages(theme, mode, width=320)
    block = "e.closest(OURS)"
    column = f"({block}.closest('{COLUMN}') || {block}.parentElement).getBoundingClientRect().right"
    edge = column if theme in THEMES_WIDER_THAN_320 else "innerWidth"
    overflowing = page.eval_on_selector_all(
        ".awards-summary *, .awards-legend *, .awards-group *",
        f"elements => {{ const OURS = '{OURS}'; return elements.filter(e => !e.closest('.awards-sr-only')"
        f" && e.getBoundingClientRect().right > {edge} + 1).map(e => e.tagName + '.' + e.className); }}",
    )
    # The column our first block sits in (the theme's main column, or the block's parent).
    column_width = page.evaluate(
        f"(() => {{ const b = document.querySelector('{OURS}');"
        f" return (b.closest('{COLUMN}') || b.parentElement).clientWidth; }})()"
    )
    if theme in THEMES_NOT_FOR_PHONES and column_width < 100:
        # A column a word wide: only while the theme's own title does not fit it either.
        assert page.evaluate(f"document.querySelector('h1').scrollWidth > {column_width}")
    else:
        assert overflowing == []
    if theme not in THEMES_WIDER_THAN_320:
        assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(pages, theme, mode, width):
    """Pictures for people (and the docs' gallery); asserts only that there is a card to show."""
    page = pages(theme, mode, width=width)
    suffix = "" if width == 1280 else f"-{width}"
    shot = SCREENSHOTS / f"theme-{theme}-{mode}{suffix}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    group = page.locator(".awards-group").first
    assert group.is_visible()
    group.screenshot(path=str(shot))
    if os.environ.get("AWARDS_UPDATE_GALLERY") and width == 1280 and (mode == "light" or bool(THEMES[theme])):
        GALLERY.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, GALLERY / shot.name)


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_an_open_cite_menu_fits_320px_reads_clearly_and_passes_axe(browser, sites, theme, mode):
    """The Cite menu opened by keyboard on a phone: its downloads and copy
    buttons inside the screen, 4.5:1, no axe finding; a picture of the card."""
    require_theme_environment(theme)
    context = _new_context(browser, theme, mode, 320)
    try:
        page = context.new_page()
        page.goto(f"{sites}{theme}/index.html")
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)
        page.evaluate(IMAGE_COLORS_SCRIPT)
        page.locator("details.award-cite > summary").first.focus()
        page.keyboard.press("Enter")
        menu = page.locator("details.award-cite[open]").first
        _settle(page)
        assert menu.locator(".award-cite__copy").count() == 3
        right = menu.evaluate(
            "m => Math.max(...[...m.querySelectorAll('a, button')].map(e => e.getBoundingClientRect().right))"
        )
        assert right <= 320 or theme in THEMES_WIDER_THAN_320
        assert page.evaluate(CONTRAST_SCRIPT, menu.element_handle()) == []
        results = Axe().run(page, context={"include": [[".award-cite[open]"]]})
        assert results.violations_count == 0, results.generate_report()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("article.award-card", has=menu).screenshot(
            path=str(SCREENSHOTS / f"cite-{theme}-{mode}-320.png")
        )
    finally:
        context.close()


@pytest.mark.parametrize("theme", list(THEMES))
def test_the_legend_filters_the_cards(pages, theme):
    page = pages(theme, "light", width=1000)
    page.get_by_role("button", name="Beta Theme").click()
    shown = page.eval_on_selector_all("article.award-card:not([hidden])", "cards => cards.map(c => c.id)")
    assert shown and all(card_id.startswith("first-paper") for card_id in shown)  # the Beta card
    page.get_by_role("button", name="Beta Theme").click()


# -- one theme is enough for what does not depend on the theme's colours --------


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
def test_printed_no_control_shows_and_every_ink_reads_on_white_paper(pages, theme, mode):
    """Printed from the light or the dark page (browsers print no backgrounds):
    no Cite menu, toggle, filter or framed button; texts 4.5:1 and edges 3:1
    against the paper."""
    page = pages(theme, mode)
    page.emulate_media(media="print")
    try:
        _settle(page)
        failures = _found_in_ours(page, PAPER_CONTRAST_SCRIPT)
    finally:
        page.emulate_media(media="null")  # printing to PDF again prints
    assert not failures, failures


#: Everything but our blocks hidden, so that a PDF holds our inks only.
ONLY_OURS = (
    "body * { visibility: hidden !important; }"
    f" :is({OURS}), :is({OURS}) * {{ visibility: visible !important; }}"
)


def _inks(svg: Path) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """The colours a PDF (as pdftocairo's SVG) paints glyphs and shapes in, laid on white."""
    texts: list[tuple[int, ...]] = []
    shapes: list[tuple[int, ...]] = []

    def on_white(color: str, opacity: str) -> tuple[int, ...]:
        channels = [float(part.rstrip("%")) * 2.55 for part in color[4:-1].split(",")]
        return tuple(round(c * float(opacity) + 255 * (1 - float(opacity))) for c in channels)

    def walk(element: ElementTree.Element, fill: tuple[int, ...]) -> None:
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("defs", "clipPath", "mask"):
            return
        style = dict(
            part.strip().split(":", 1) for part in element.get("style", "").split(";") if ":" in part
        )
        if style.get("fill", "none").startswith("rgb"):
            fill = on_white(style["fill"], style.get("fill-opacity", "1"))
        href = element.get("{http://www.w3.org/1999/xlink}href", "")
        if tag == "use" and href.startswith("#glyph"):
            texts.append(fill)
        elif tag == "path":
            # A translucent fill is a surface (a tag's tint), which its text reads on.
            if style.get("fill") != "none" and float(style.get("fill-opacity", "1")) >= 0.5:
                shapes.append(fill)
            if style.get("stroke", "none").startswith("rgb"):
                shapes.append(on_white(style["stroke"], style.get("stroke-opacity", "1")))
        for child in element:
            walk(child, fill)

    walk(ElementTree.parse(svg).getroot(), (0, 0, 0))
    return texts, shapes


def _contrast_on_white(color: tuple[int, ...]) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(linear, color)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", css))


@pytest.mark.parametrize("theme", [theme for theme, dark in THEMES.items() if dark])
def test_a_pdf_printed_from_dark_mode_has_dark_inks_and_the_light_accents(browser, sites, theme, tmp_path):
    """Printed to PDF from the theme's dark mode: read back from the PDF (as
    pdftocairo draws it), every glyph of ours is 4.5:1 against the white
    paper, every shape 3:1, and the accents are the light ones."""
    require_theme_environment(theme)
    if not shutil.which("pdftocairo"):
        skip_or_fail("AWARDS_REQUIRE_TEX", "pdftocairo missing: apt-get install poppler-utils")
    context = _new_context(browser, theme, "dark", 1280)
    try:
        page = context.new_page()
        page.goto(f"{sites}{theme}/index.html")
        page.wait_for_load_state("load")
        page.wait_for_timeout(150)
        assert _is_dark(page)
        page.add_style_tag(content=ONLY_OURS)
        page.pdf(path=str(tmp_path / "cards.pdf"), format="A4")
    finally:
        context.close()
    svg = tmp_path / "cards.svg"
    subprocess.run(["pdftocairo", "-svg", str(tmp_path / "cards.pdf"), str(svg)], check=True)
    texts, shapes = _inks(svg)
    assert len(texts) > 500  # the page's text, not an empty sheet
    assert [c for c in set(texts) if _contrast_on_white(c) < 4.5] == []
    drawn = {c for c in shapes if c != (255, 255, 255)}
    assert [c for c in drawn if _contrast_on_white(c) < 3] == []
    light, dark = (_rgb(ACCENTS["alpha"][0]), _rgb(ACCENTS["alpha"][1]))
    assert light in drawn and dark not in drawn, sorted(drawn)


@pytest.mark.parametrize("theme", list(THEMES))
def test_forced_colours_keep_swatches_and_show_the_pressed_button(pages, theme):
    """Windows High Contrast: swatches keep their colour inside an edge; tags,
    badges and swatches, drawn by background or accent, each have an edge;
    a pressed legend button has a thick outline."""
    page = pages(theme, "light", forced_colors="active")
    edges = page.eval_on_selector_all(
        ".awards-legend__swatch, ul.award-tags > li, .award-level",
        "es => es.filter(e => parseFloat(getComputedStyle(e).borderTopWidth) < 1).map(e => e.className)",
    )
    assert edges == []
    swatches = page.eval_on_selector_all(
        ".awards-legend__swatch", "s => s.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert sorted(swatches) == sorted(colors[0] for colors in ACCENTS.values())
    button = page.get_by_role("button", name="Alpha Theme")
    before = button.evaluate("b => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth")
    button.click()
    after = button.evaluate(
        "b => [getComputedStyle(b).outlineStyle, parseFloat(getComputedStyle(b).outlineWidth)]"
    )
    button.click()
    assert after[0] == "solid" and after[1] >= 3, (before, after)


def test_the_themes_page_shows_every_theme_of_the_matrix():
    """The docs' gallery keeps up with the matrix: a light picture of each
    theme, and a dark one of each with a dark mode."""
    text = (REPO / "sphinx-themes.rst").read_text(encoding="utf-8")
    shown = set(re.findall(r"gallery/theme-([\w-]+?)-(light|dark)\.png", text))
    modes = {theme: ("light", "dark") if dark else ("light",) for theme, dark in THEMES.items()}
    assert shown == {(theme, mode) for theme in THEMES for mode in modes[theme]}
    assert all((GALLERY / f"theme-{theme}-{mode}.png").is_file() for theme, mode in shown)


def test_a_card_reads_well_to_a_screen_reader(pages):
    page = pages("furo", "light")
    card = page.locator("article#first-paper")
    tree = card.aria_snapshot()
    # The article is named by its title; the heading is the title alone.
    lines = [line.strip(" -':") for line in tree.splitlines()]
    assert lines[0] == 'article "First Paper: Hivemindful Things"', tree
    assert lines[1] == 'heading "First Paper: Hivemindful Things" [level=3]', tree
    # The track's badge ("DB") is read in full; the toggle says what it opens.
    assert "paragraph: Gold Award Datasets" in lines, tree
    assert 'group: "Authors: Ada Lovelace et al."' in lines, tree
    # The meta strip's label and value are two words apart, not run together.
    meta = page.locator(".awards-meta").aria_snapshot()
    assert "paragraph: 3 papers 2 Gold · 1 Silver" in meta, meta
    # No paragraph is empty to a screen reader.
    empty = page.eval_on_selector_all(
        ".awards-summary p, .awards-group p",
        "ps => ps.filter(p => ![...p.childNodes].some(n => n.nodeType === 3 ? n.textContent.trim()"
        " : !n.closest('[aria-hidden=true]') && n.textContent.trim())).length",
    )
    assert empty == 0
    # The legend's buttons say what they do.
    hint = page.get_by_role("button", name="Beta Theme").get_attribute("aria-describedby")
    assert "only the cards of this theme" in page.locator(f"#{hint}").text_content()


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_a_right_to_left_site_mirrors_the_cards(built, pages, language):
    """The site in Arabic or Hebrew (the data stays English): our blocks are
    right to left, English texts keep their own direction, the layout mirrors."""
    assert [line for line in built[1][f"furo-{language}"].splitlines() if line.strip()] == []
    page = pages(f"furo-{language}", "light", width=1000)
    directions = page.evaluate(
        """() => ['.awards-summary', '.awards-legend', '.awards-group', 'article.award-card']
            .map(sel => getComputedStyle(document.querySelector(sel)).direction)"""
    )
    assert directions == ["rtl"] * 4
    # English data in an Arabic page: each text runs left to right on its own.
    card = page.locator("article#first-paper")
    assert card.locator("h3").evaluate("h => getComputedStyle(h).direction") == "ltr"
    assert card.locator(".award-summary").evaluate("p => getComputedStyle(p).direction") == "ltr"
    # ...and aligned with the page: on the right.
    aligned = page.eval_on_selector_all(
        ".awards-summary__lede, .awards-group__subtitle, .award-card h3, .award-card .award-summary",
        "es => es.map(e => getComputedStyle(e).textAlign)",
    )
    assert set(aligned) == {"right"}
    assert page.locator(".awards-meta time").evaluate("t => getComputedStyle(t).unicodeBidi") == "plaintext"
    where = page.evaluate(
        """() => {
            const tile = document.querySelector('.awards-stat').getBoundingClientRect();
            const emoji = document.querySelector('.awards-stat__emoji').getBoundingClientRect();
            const name = document.querySelector('.awards-legend__name, .awards-legend__button');
            const swatch = name.querySelector('.awards-legend__swatch').getBoundingClientRect();
            const text = name.getBoundingClientRect();
            return {emojiLeft: emoji.left - tile.left < tile.right - emoji.right,
                    swatchRight: text.right - swatch.right < swatch.left - text.left};
        }"""
    )
    assert where == {"emojiLeft": True, "swatchRight": True}
    # The first card is on the right.
    boxes = page.eval_on_selector_all(
        ".awards-group:first-of-type article.award-card",
        "cards => cards.map(c => c.getBoundingClientRect().left)",
    )
    assert boxes == sorted(boxes, reverse=True)


@pytest.mark.parametrize("theme", ["furo", "alabaster"])
def test_print_keeps_cards_whole_with_headings_and_authors(pages, theme, tmp_path):
    page = pages(theme, "light")
    pdf = tmp_path / "cards.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages_text = _pdf_pages(pdf)
    titles = page.eval_on_selector_all(
        "article.award-card > [id$='--title']", "hs => hs.map(h => h.textContent)"
    )
    for title in titles:
        assert sum(title in text for text in pages_text) >= 1, title
    # Each card whole: its title and its last link's address on the same page.
    for card in page.query_selector_all("article.award-card"):
        title = card.eval_on_selector("[id$='--title']", "h => h.textContent")
        url = card.eval_on_selector(".award-links a", "a => a.getAttribute('href')")
        assert any(title in text and url in text.replace(" ", "") for text in pages_text), title
    # Every author printed, no toggle.
    assert any("Ada Lovelace, Charles Babbage, Mary Somerville" in text for text in pages_text)
    assert not any("Lovelace et al." in text for text in pages_text)
    # A section heading is never the last thing on its page.
    for text in pages_text:
        assert not text.rstrip().endswith(("Gold Papers", "Silver Papers")), text[-200:]
    # Cards do not take a page each: seven cards fit on few pages.
    assert len(pages_text) <= 4


def _pdf_pages(pdf) -> list[str]:
    if not shutil.which("pdftotext"):
        skip_or_fail("AWARDS_REQUIRE_TEX", "pdftotext missing: apt-get install poppler-utils")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


@pytest.mark.parametrize(("theme", "mode"), MODES, ids=_ids(MODES))
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_an_award_page_wraps_its_title_at_words_and_shows_what_it_is(browser, sites, theme, mode, width):
    """At 320, 390 and 1280 px on a screen 844 px high: the title, the authors,
    the paper's venue and year and the award's event within the first screen;
    no word split that fits a line (the check of the site's browser tests)."""
    require_theme_environment(theme)
    context = _new_context(browser, theme, mode, width, 844)
    try:
        page = context.new_page()
        page.goto(f"{sites}{theme}/awards/third-paper.html")
        page.wait_for_load_state("load")
        card = page.locator("article.award-card")
        assert card.locator("h1").evaluate(SPLIT_WORDS_SCRIPT) == []
        # In a theme that leaves no room on a phone: the first screen of its column.
        top = 0
        if theme in THEMES_NOT_FOR_PHONES and width < 1280:
            top, column_width = card.evaluate(
                f"c => {{ const r = c.closest('{COLUMN}').getBoundingClientRect(); return [r.top, r.width] }}"
            )
            if column_width < 100:  # a word wide: every line of the theme's own is a word too
                return
        for part in ("h1", ".award-authors", ".award-venue", ".award-event"):
            box = card.locator(part).bounding_box()
            assert box is not None and box["y"] + box["height"] - max(top, 0) <= 844, (part, box)
    finally:
        context.close()
