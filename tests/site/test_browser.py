"""The site as its readers see it, in Chromium: accessibility, contrast, layout,
modes, keyboard, emoji, search, print, and the legend that filters the cards."""

from __future__ import annotations

import gzip
import itertools
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser import (
    COLOR_EMOJI_SCRIPT,
    CONTRAST_SCRIPT,
    SPLIT_WORDS_SCRIPT,
    require_browser,
    serve,
)
from helpers import REPO

require_browser()

from axe_playwright_python.sync_playwright import Axe  # noqa: E402

SCREENSHOTS = REPO / "_build" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site built once into a temporary directory, and its pages."""
    out = tmp_path_factory.mktemp("browser-site")
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", "-d", str(out / "doctrees")]
    subprocess.run([*command, str(REPO), str(out / "html")], check=True)
    return out / "html"


@pytest.fixture(scope="module")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture
def open_page(open_url, base_url):
    """Open a page of the site in a fresh context: ``open_page("index.html", width=390, dark=True)``."""

    def open_(
        path="index.html", *, width=1280, dark=False, javascript=True, reduced_motion=False, base=None, **more
    ):
        return open_url(
            (base or base_url) + path,
            viewport={"width": width, "height": 900},
            color_scheme="dark" if dark else "light",
            reduced_motion="reduce" if reduced_motion else "no-preference",
            java_script_enabled=javascript,
            **more,
        )

    return open_


def all_pages(site) -> list[str]:
    return sorted(str(path.relative_to(site)) for path in site.rglob("*.html") if "_static" not in path.parts)


# -- accessibility and contrast, every page, both modes ---------------------------


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_no_axe_violations_on_any_page(site, open_page, dark):
    failures = {}
    for path in all_pages(site):
        results = Axe().run(open_page(path, dark=dark))
        if results.violations_count:
            failures[path] = results.generate_report()
    assert not failures, "\n".join(f"== {path}\n{report}" for path, report in failures.items())


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_has_4_5_to_1_contrast(site, open_page, dark):
    failures = {}
    for path in all_pages(site):
        page = open_page(path, dark=dark)
        found = page.evaluate(CONTRAST_SCRIPT, page.query_selector("article[role=main]"))
        if found:
            failures[path] = found
    assert not failures, "\n".join(f"{path}: {found}" for path, found in failures.items())


# -- layout -----------------------------------------------------------------------


def card_boxes(page):
    return page.eval_on_selector_all(
        ".awards-group--best article.award-card",
        """cards => cards.map(c => {
            const b = c.getBoundingClientRect();
            return [b.x, b.y, b.width, b.height];
        })""",
    )


def test_two_columns_from_1000px_with_equal_heights(open_page):
    first, second, *_ = card_boxes(open_page(width=1000))
    assert first[1] == second[1]  # one row
    assert second[0] > first[0] + first[2] - 1  # side by side
    assert first[3] == second[3]  # equal heights


def test_one_column_on_a_phone(open_page):
    boxes = card_boxes(open_page(width=390))
    assert len({round(box[0]) for box in boxes}) == 1
    assert all(b[1] > a[1] for a, b in itertools.pairwise(boxes))


@pytest.mark.parametrize("path", ["index.html", "using.html", "themes/llm.html", "archive.html"])
def test_no_horizontal_scrolling_at_320px(open_page, path):
    page = open_page(path, width=320)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_long_titles_and_unbroken_words_wrap(open_page):
    page = open_page(width=390)
    overflow = page.evaluate(
        """() => {
        const card = document.querySelector("article.award-card");
        card.querySelector("h3").textContent = "Supercalifragilistic".repeat(12);
        card.querySelector(".award-summary").textContent = "x".repeat(400);
        return card.scrollWidth - card.clientWidth;
    }"""
    )
    assert overflow <= 0


# -- modes ------------------------------------------------------------------------


def accent(page):
    return page.eval_on_selector("#artificial-hivemind", "card => getComputedStyle(card).borderTopColor")


LIGHT_AMBER, DARK_AMBER = "rgb(180, 83, 9)", "rgb(251, 191, 36)"


def test_prefers_color_scheme_switches_the_cards(open_page):
    assert accent(open_page(dark=False)) == LIGHT_AMBER
    assert accent(open_page(dark=True)) == DARK_AMBER


def test_furo_theme_toggle_restyles_the_cards(open_page):
    page = open_page(dark=False)
    toggle = page.locator("button.theme-toggle:visible").first
    seen = {}
    for _ in range(3):
        toggle.click()
        seen[page.eval_on_selector("body", "b => b.dataset.theme")] = accent(page)
    # The toggle cycles through auto, dark and light; auto follows the light system here.
    assert seen == {"dark": DARK_AMBER, "light": LIGHT_AMBER, "auto": LIGHT_AMBER}


def test_reduced_motion_is_honoured(open_page):
    duration = "card => getComputedStyle(card).transitionDuration"
    assert open_page().eval_on_selector("article.award-card", duration) != "0s"
    assert open_page(reduced_motion=True).eval_on_selector("article.award-card", duration) == "0s"


# -- keyboard ---------------------------------------------------------------------


def test_every_control_in_the_cards_is_reachable_by_tab_in_reading_order(open_page):
    page = open_page()
    expected = page.eval_on_selector_all(
        "article[role=main] a[href], article[role=main] summary, article[role=main] button",
        """els => els
            .filter(e => e.offsetParent !== null && getComputedStyle(e).visibility === 'visible')
            // inside a closed <details> only its summary takes the focus
            .filter(e => { const d = e.closest('details:not([open])');
                           return !d || (e.tagName === 'SUMMARY' && e.parentElement === d); })
            .map(e => e.outerHTML)""",
    )
    reached, rings = [], []
    for _ in range(len(expected) + 40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const e = document.activeElement;
                const s = getComputedStyle(e);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                const ring = outline || s.boxShadow !== 'none';
                return [e.closest('article[role=main]') ? e.outerHTML : null, ring];
            }"""
        )
        if focused[0] is not None and (not reached or reached[-1] != focused[0]):
            reached.append(focused[0])
            rings.append(focused[1])
        if len(reached) == len(expected):
            break
    assert reached == expected
    assert sum('class="headerlink"' in html for html in reached) >= 7  # each card's permalink too
    assert all(rings), "every focused control shows a focus ring"


def test_no_overlay_hides_a_link(open_page):
    page = open_page()
    links = page.eval_on_selector_all(
        "article.award-card a:not(.award-cite a)",  # the Cite menu's open on demand
        """links => links.map(a => { a.scrollIntoView({block: "center", behavior: "instant"});
            const r = a.getBoundingClientRect();
            const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
            return [a.href, getComputedStyle(a).visibility, hit === a || a.contains(hit)]; })""",
    )
    assert len(links) == 7 * 4  # the title (to the award's page), the permalink, two links
    # Every link (the permalink ¶ included: faint, but there) is on top where it is drawn.
    assert [href for href, visibility, on_top in links if visibility != "visible" or not on_top] == []


# -- emoji ------------------------------------------------------------------------

EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def test_emoji_render_in_colour(open_page):
    page = open_page()
    for selector in (".award-tags [aria-hidden=true]", ".awards-stat__emoji[aria-hidden=true]"):
        assert page.eval_on_selector(selector, COLOR_EMOJI_SCRIPT) > 50, selector


def test_decorative_emoji_are_hidden_from_screen_readers(open_page):
    page = open_page()
    exposed = page.evaluate(
        """() => {
            const out = [];
            const main = document.querySelector('article[role=main]');
            const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const text = walker.currentNode;
                if (!text.parentElement.closest('[aria-hidden=true]')) out.push(text.textContent);
            }
            return out;
        }"""
    )
    assert [text for text in exposed if EMOJI.search(text)] == []


# -- search and print ---------------------------------------------------------------


def test_sphinx_search_finds_a_word_that_is_only_in_a_card(open_page):
    page = open_page("search.html?q=hivemind")
    page.wait_for_selector("#search-results li a", timeout=10_000)
    hits = page.eval_on_selector_all("#search-results li a", "as => as.map(a => a.getAttribute('href'))")
    assert any(href.startswith("index.html") for href in hits)


def test_print_keeps_cards_whole_and_shows_link_targets(open_page):
    page = open_page()
    page.emulate_media(media="print")
    assert page.eval_on_selector("article.award-card", "c => getComputedStyle(c).breakInside") == "avoid"
    after = page.eval_on_selector(".award-links a", "a => getComputedStyle(a, '::after').content")
    assert "openreview.net" in after


# -- the legend filters the cards ----------------------------------------------------


def visible_cards(page):
    return page.eval_on_selector_all("article.award-card", "cs => cs.filter(c => !c.hidden).map(c => c.id)")


def test_legend_filters_cards_and_keeps_the_state_in_the_url(open_page):
    page = open_page()
    assert len(visible_cards(page)) == 7
    theory = page.locator(".awards-legend__button", has_text="Learning Theory & Scaling")
    theory.click()
    assert visible_cards(page) == ["transductive-mistake-bounds", "superposition-scaling"]
    assert theory.get_attribute("aria-pressed") == "true"
    assert parse_qs(urlsplit(page.url).query) == {"awards-theme": ["theory"]}
    assert page.text_content("[role=status]") == "2 of 7 cards shown"
    assert page.is_hidden(".awards-group--best")  # a section left without cards hides
    theory.click()
    assert len(visible_cards(page)) == 7
    assert theory.get_attribute("aria-pressed") == "false"
    page.go_back()
    assert visible_cards(page) == ["transductive-mistake-bounds", "superposition-scaling"]


def test_on_the_archive_a_years_legend_filters_that_years_cards_only(open_page):
    """Three years on one page: 2024's "Generative Models" keeps 2024's
    generative cards and leaves 2025's and 2023's alone; keyboard works too."""
    page = open_page("archive.html")
    everything = visible_cards(page)
    assert len(everything) == 19
    button = page.locator(".awards-legend__button", has_text="Generative Models")
    button.focus()
    page.keyboard.press("Enter")
    shown = visible_cards(page)
    in_2024 = [card for card in shown if card.startswith("neurips2024--")]
    assert in_2024 == ["neurips2024--var", "neurips2024--autoguidance", "neurips2024--gan"]
    assert [card for card in shown if not card.startswith("neurips2024--")] == [
        card for card in everything if not card.startswith("neurips2024--")
    ]
    assert button.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Enter")
    assert visible_cards(page) == everything


def shown_cards(page):
    """The cards a reader sees: neither they nor a section around them hidden."""
    script = "cs => cs.filter(c => !c.closest('[hidden]')).map(c => c.id)"
    return page.eval_on_selector_all("article.award-card", script)


def test_the_archives_filters_are_toggles_that_combine(open_page):
    """Level, track and year buttons narrow the 19 cards together, the choice
    in the address; another year's section, or one left without cards, hides."""
    page = open_page("archive.html")
    assert page.query_selector(".awards-filters a") is None  # every link became a button
    test_of_time = page.locator(".awards-filters button", has_text="Test of Time")
    test_of_time.click()
    assert shown_cards(page) == ["neurips2024--gan", "neurips2024--seq2seq", "neurips2023--word2vec"]
    assert page.text_content("[role=status]") == "3 of 19 cards shown"
    assert test_of_time.get_attribute("aria-pressed") == "true"
    assert page.is_hidden("#neurips-2025") and page.is_visible("#neurips-2024")
    page.locator(".awards-filters button", has_text="2023").click()
    assert shown_cards(page) == ["neurips2023--word2vec"]
    chosen = {"awards-level": ["test-of-time"], "awards-year": ["neurips-2023"]}
    assert parse_qs(urlsplit(page.url).query) == chosen
    test_of_time.click()  # off again: 2023's five
    assert len(shown_cards(page)) == 5 and page.is_hidden("#neurips-2024")
    page.locator(".awards-filters button", has_text="Datasets & Benchmarks").click()
    assert shown_cards(page) == ["neurips2023--climsim", "neurips2023--decodingtrust"]
    page.go_back()
    assert len(shown_cards(page)) == 5
    assert page.is_hidden(".awards-filter-result")


def test_without_javascript_the_archives_filters_are_links_to_lists(open_page):
    """A level's link opens the list of its papers (the address names it), each
    title a link to its card; the other lists stay hidden."""
    page = open_page("archive.html", javascript=False)
    assert page.query_selector(".awards-filters button") is None
    assert page.is_hidden(".awards-filter-result")
    page.click(".awards-filters a:text-is('Test of Time')")
    assert urlsplit(page.url).fragment == "awards-filter--level--test-of-time"
    shown = page.locator(".awards-filter-result:visible")
    assert shown.count() == 1
    titles = shown.locator("li a")
    assert titles.count() == 3
    titles.nth(2).click()
    assert urlsplit(page.url).fragment == "neurips2023--word2vec"
    assert page.is_visible("#neurips2023--word2vec")
    # The same address with the script: the filter, not the list.
    page = open_page("archive.html#awards-filter--level--test-of-time")
    assert len(shown_cards(page)) == 3 and page.is_hidden(".awards-filter-result")
    assert parse_qs(urlsplit(page.url).query) == {"awards-level": ["test-of-time"]}


def test_a_shared_filtered_link_opens_filtered(open_page):
    page = open_page("index.html?awards-theme=rl")
    assert visible_cards(page) == ["thousand-layer-rl"]


def test_without_javascript_the_legend_is_a_list_and_every_card_shows(open_page):
    page = open_page(javascript=False)
    assert page.query_selector(".awards-legend__button") is None
    assert len(page.query_selector_all(".awards-legend__themes > li")) == 5
    assert len(visible_cards(page)) == 7


def test_script_is_small_and_only_where_cards_are(site):
    """Every page with cards follows the page's mode through the script; pages
    without any of ours load nothing. 3 KiB compressed: the mode, the links'
    contrast floor, print, legend, an archive's filters and the copy buttons
    (Cite menus, BibTeX); shipped without its comments."""
    assert len(gzip.compress((site / "_static" / "awards.js").read_bytes(), 9)) <= 3072
    assert "awards.js" in (site / "index.html").read_text(encoding="utf-8")
    assert "awards.js" in (site / "themes" / "llm.html").read_text(encoding="utf-8")
    assert "awards.js" not in (site / "install.html").read_text(encoding="utf-8")


# -- the Cite menu --------------------------------------------------------------------

FIRST_CITE = "article.award-card >> nth=0 >> details.award-cite"


def test_the_cite_menu_by_keyboard_copies_the_bibtex_and_says_so(open_page, site):
    """Tab to the first card's Cite menu, open it with Enter, Tab to the copy
    button beside BibTeX and press it: the clipboard holds the award's .bib
    file, and a live region says so."""
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    summary = page.locator(f"{FIRST_CITE} > summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator(FIRST_CITE).get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "BibTeX"
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.tagName, document.activeElement.getAttribute('aria-label')]"
    )
    assert focused == ["BUTTON", "Copy BibTeX"]
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.award-cite__copy').dataset.done")
    href = page.locator(f"{FIRST_CITE} a[download]").first.get_attribute("href")
    expected = (site / href).read_text(encoding="utf-8")
    assert expected.startswith("@inproceedings{")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.text_content("[role=status]") == "Copied to the clipboard."


def test_where_copying_cannot_work_the_link_still_downloads(open_page, site):
    """Opened from the disk (file://), a page cannot fetch the file: the
    button says so and the download link is there, as without JavaScript."""
    page = open_page(base=site.as_uri() + "/")
    page.locator(f"{FIRST_CITE} > summary").click()
    page.locator(f"{FIRST_CITE} .award-cite__copy").first.click()
    page.wait_for_function("document.querySelector('.award-cite__copy').dataset.done")
    assert page.text_content("[role=status]") == "Copying failed; the link downloads the file."
    # The link is there to press, and leads to the file (headless Chromium's
    # download event for a file:// link proved unreliable, so its target is checked).
    link = page.locator(f"{FIRST_CITE} a[download]").first
    assert link.is_visible() and link.is_enabled()
    target = link.evaluate("a => a.href")
    assert target.startswith("file://") and target.endswith(".bib")
    assert Path(unquote(urlsplit(target).path)).read_text(encoding="utf-8").startswith("@inproceedings{")


def test_without_javascript_the_cite_menu_is_three_downloads(open_page, site):
    page = open_page(javascript=False)
    page.locator(f"{FIRST_CITE} > summary").focus()
    page.keyboard.press("Enter")
    links = page.locator(f"{FIRST_CITE} a[download]")
    assert links.all_text_contents() == ["BibTeX", "RIS", "CSL-JSON"]
    assert page.query_selector(".award-cite__copy") is None
    for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert (site / href).is_file(), href


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("path", ["index.html", "awards/gated-attention.html"])
def test_open_cite_menus_fit_320px_read_clearly_and_pass_axe(open_page, path, dark):
    page = open_page(path, width=320, dark=dark)
    for summary in page.locator("details.award-cite > summary").all():
        summary.click()
    assert page.locator(".award-cite[open] .award-cite__copy").count() >= 3
    assert page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    assert page.evaluate(CONTRAST_SCRIPT, page.query_selector("article[role=main]")) == []
    results = Axe().run(page)
    # Furo's own "Back to top" link, shown once the page has scrolled (opening
    # the menus does), sits outside its landmarks (axe's best-practice rule
    # "region"): the theme's markup, outside any block a site can override.
    ours = [
        violation
        for violation in results.response["violations"]
        if not (
            violation["id"] == "region"
            and all(n["target"] == [".back-to-top > span"] for n in violation["nodes"])
        )
    ]
    assert ours == [], results.generate_report()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = f"cite-{path.replace('/', '-').removesuffix('.html')}-{'dark' if dark else 'light'}-320.png"
    page.locator(FIRST_CITE).screenshot(path=SCREENSHOTS / name)


# -- screenshots for people -----------------------------------------------------------


def test_screenshots(open_page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, options in {
        "light": {"width": 1280},
        "dark": {"width": 1280, "dark": True},
        "phone": {"width": 390},
        "phone-dark": {"width": 390, "dark": True},
    }.items():
        page = open_page(**options)
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000


# -- award pages and the archive on a phone ----------------------------------------

AWARD_PAGES = [
    "awards/neurips2023--word2vec.html",
    "awards/neurips2024--prism.html",
    "awards/rlvr-reasoning.html",
]


@pytest.mark.parametrize("width", [320, 390, 1280])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_award_page_titles_wrap_at_words_and_the_first_screen_says_what_the_page_is(
    open_url, base_url, width, dark
):
    for path in AWARD_PAGES:
        page = open_url(
            base_url + path,
            viewport={"width": width, "height": 844},
            color_scheme="dark" if dark else "light",
        )
        title = page.locator("article.award-card h1")
        assert title.evaluate(SPLIT_WORDS_SCRIPT) == [], path
        # Title, authors, the paper's venue and year, the award's event: on the first screen.
        for part in ("h1", ".award-authors", ".award-venue", ".award-event", ".award-badge"):
            box = page.locator(f"article.award-card {part}").bounding_box()
            assert box is not None and box["y"] + box["height"] <= 844, (path, part, box)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path  # no sideways scroll
        if width == 390:
            name = f"award-page-{Path(path).stem}-{'dark' if dark else 'light'}-390.png"
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / name))


@pytest.mark.parametrize("width", [320, 390])
def test_card_titles_wrap_at_words_in_narrow_grid_cells(open_page, width):
    page = open_page("archive.html", width=width)
    titles = page.locator("article.award-card h3, article.award-card h4")
    assert titles.count() > 10
    split = [
        found for index in range(titles.count()) if (found := titles.nth(index).evaluate(SPLIT_WORDS_SCRIPT))
    ]
    assert split == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_archive_opens_with_the_years_and_links_to_each(open_page, base_url, dark):
    page = open_page("archive.html", width=390, dark=dark)
    first_screen = page.evaluate("document.body.innerText").split("NeurIPS 2025\n")[0]
    assert "awards_years" not in first_screen and "namespace" not in first_screen
    for year in (2025, 2024, 2023):
        link = page.locator(f"a[href='#archive-{year}']")
        assert link.count() >= 1
        link.first.click()
        assert page.evaluate("location.hash") == f"#archive-{year}"
    page.screenshot(path=str(SCREENSHOTS / f"archive-{'dark' if dark else 'light'}-390.png"))


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_a_word_wider_than_the_line_breaks_inside_and_nothing_scrolls_sideways(open_url, base_url, dark):
    """A synthetic 50-character word in an award page's title at 320 px: it
    alone may break inside; the words around it still wrap whole."""
    page = open_url(
        base_url + AWARD_PAGES[0],
        viewport={"width": 320, "height": 844},
        color_scheme="dark" if dark else "light",
    )
    title = page.locator("article.award-card h1")
    title.evaluate(
        "h => { h.textContent = 'Distributed ' + 'Representations'.repeat(3) + 'Words and Phrases'; }"
    )
    assert title.evaluate(SPLIT_WORDS_SCRIPT) == []
    lines = title.evaluate(
        "h => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)"
    )
    assert lines >= 3  # the long word took more than one line
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_printing_leaves_out_every_cite_menu(open_page):
    """Printed (or saved as PDF), a card has no Cite menu: a stronger
    ``details`` rule of the theme's must not bring it back."""
    page = open_page("index.html")
    assert page.locator("details.award-cite").count() >= 7
    page.emulate_media(media="print")
    shown = page.eval_on_selector_all(
        "details.award-cite", "menus => menus.filter(m => getComputedStyle(m).display !== 'none').length"
    )
    assert shown == 0


ACCENT_CONTRAST_ON_WHITE = """elements => elements.map(e => {
    const canvas = document.createElement("canvas").getContext("2d");
    canvas.fillStyle = getComputedStyle(e).getPropertyValue("--awards-accent").trim();
    canvas.fillRect(0, 0, 1, 1);
    const lin = c => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    return 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
})"""


def test_printing_from_dark_mode_uses_the_light_accents(open_page):
    """Paper is white: printed from a dark page, every theme's accent (the
    cards' bars and badges, the legend's swatches) is its light colour, at
    3:1 at least against the paper, as WCAG asks of such shapes."""
    page = open_page("index.html", dark=True)
    on_screen = page.eval_on_selector_all("[data-awards-theme]", ACCENT_CONTRAST_ON_WHITE)
    page.emulate_media(media="print", color_scheme="dark")
    printed = page.eval_on_selector_all("[data-awards-theme]", ACCENT_CONTRAST_ON_WHITE)
    assert len(printed) >= 12
    assert min(on_screen) < 3  # the dark mode's pale accents, which would fade on paper
    assert min(printed) >= 3, printed


def test_in_forced_colours_every_tag_has_an_edge(open_page):
    """Windows High Contrast draws backgrounds away: a tag pill drawn by its
    background alone would vanish, so each has a border (its text stays)."""
    page = open_page("index.html")
    page.emulate_media(forced_colors="active")
    widths = page.eval_on_selector_all(
        "ul.award-tags > li", "tags => tags.map(t => parseFloat(getComputedStyle(t).borderTopWidth))"
    )
    assert len(widths) >= 20 and min(widths) >= 1
    page.emulate_media(forced_colors="none")
    plain = page.eval_on_selector_all(
        "ul.award-tags > li", "tags => tags.map(t => parseFloat(getComputedStyle(t).borderTopWidth))"
    )
    assert max(plain) == 0  # in ordinary colours the pill is its background
