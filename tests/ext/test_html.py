"""What a reader of the HTML page gets, checked on the parsed page."""

from __future__ import annotations

import html

import pytest
from helpers import accessible_name, parse_html, visible_text
from hypothesis import given
from hypothesis import strategies as st

from sphinx_awards.render.nodes import bmp_html


@pytest.fixture
def page(app):
    app.build()
    assert app.warning.getvalue() == ""
    return parse_html(app.outdir / "index.html")


pytestmark = pytest.mark.sphinx("html", testroot="basic")


def test_one_article_per_award_with_its_id(page):
    cards = page.select("article.award-card")
    assert [card["id"] for card in cards] == ["first-paper", "second-paper", "third-paper"]


def test_the_grid_has_no_class_a_theme_styles(page):
    """Bootstrap's ``.container`` (a width, padding, a clearfix whose boxes
    become grid cells) and docutils' own classes never reach the grid."""
    grids = page.select(".awards-grid")
    assert grids and all(grid["class"] == ["awards-grid"] for grid in grids)
    assert all(child.name == "article" for grid in grids for child in grid.find_all(recursive=False))


def test_sections_follow_the_levels_in_data_order(page):
    groups = page.select("section.awards-group")
    assert [group.find(["h2", "h3"]).get_text(strip=True) for group in groups] == [
        "Gold Papers",
        "Silver Papers",
    ]
    assert [len(group.select("article")) for group in groups] == [2, 1]


def test_subtitles_count_from_the_data(page):
    subtitles = [p.get_text() for p in page.select(".awards-group__subtitle")]
    assert subtitles == ["Two gold papers (incl. one in Datasets)", "One silver paper"]


def test_headings_nest_under_the_page_title(page):
    body = page.select_one('[role="main"]')  # the theme's sidebar may show the project name as h1
    assert [h1.get_text() for h1 in body.find_all("h1")] == ["Test Awards 2030"]
    assert page.title.get_text().startswith("Test Awards 2030")
    assert [h.name for h in page.select(".awards-group__title")] == ["h2", "h2"]
    assert {card.find(["h2", "h3", "h4"]).name for card in page.select("article.award-card")} == {"h3"}


def test_card_shows_title_badge_summary_tags_description(page):
    card = page.select_one("#first-paper")
    # The article is named by its heading, which holds the title alone.
    assert card["aria-labelledby"] == "first-paper--title"
    assert card.select_one("#first-paper--title").name == "h3"
    assert card.h3.get_text() == "First Paper: Hivemindful Things"
    assert visible_text(card.select_one(".award-badge")) == "Gold Award · DB"
    tags = card.select("ul.award-tags > li")
    assert [visible_text(tag) for tag in tags] == ["🤖 Robots", "📊 Tables", "Plain tag"]
    assert card.select_one(".award-description").get_text() == "The first description."


def test_html_in_data_is_text(page):
    summary = page.select_one("#first-paper .award-summary")
    assert summary.find("b") is None
    assert summary.get_text() == "A summary with “quotes” and <b>not bold</b>."


def test_emoji_are_hidden_from_screen_readers(page):
    emoji = page.select("#first-paper .award-tags [aria-hidden=true]")
    assert [span.get_text() for span in emoji] == ["🤖", "📊"]


def test_authors_fold_behind_first_author_et_al(page):
    details = page.select_one("#first-paper details.award-authors")
    assert details.summary.get_text() == "Authors: Ada Lovelace et al."
    assert visible_text(details.summary) == "Ada Lovelace et al."
    assert details.p.get_text() == "Ada Lovelace, Charles Babbage, Mary Somerville"
    single = page.select_one("#second-paper")
    assert single.find("details", class_="award-authors") is None
    assert single.select_one("p.award-authors").get_text() == "Grace Hopper"


def test_links_say_which_paper_they_open(page):
    links = page.select("#first-paper .award-links a")
    assert [a["href"] for a in links] == ["https://example.org/first", "https://arxiv.org/abs/0000.00001"]
    assert [accessible_name(page, a) for a in links] == [
        "View paper First Paper: Hivemindful Things",
        "arXiv First Paper: Hivemindful Things",
    ]
    assert page.select_one("#third-paper .award-links a")["href"] == "/relative/third.html"


def test_card_markup_says_what_each_part_is(page):
    """What HTML_CodeSniffer (pa11y) asks: a paragraph that opens in bold is a
    heading without heading markup (H42), links in a row are a list (H48)."""
    card = page.select_one("#first-paper")
    assert card.select_one(".award-badge").find(["b", "strong"]) is None
    items = card.select("ul.award-links > li")
    assert [len(item.find_all("a")) for item in items] == [1, 1]
    separators = [span for item in items for span in item.find_all("span") if "·" in span.get_text()]
    assert separators and all(span["aria-hidden"] == "true" for span in separators)


def test_each_card_has_a_permalink(page):
    # Beside the heading, not in it: the heading's name is the title alone.
    assert page.select_one("#second-paper h3 a") is None
    link = page.select_one("#second-paper > h3 + a.headerlink")
    assert link["aria-label"] == "Link to this card"
    assert link["href"] == "#second-paper"


def test_card_carries_its_theme_and_the_page_its_colours(page):
    assert page.select_one("#second-paper")["data-awards-theme"] == "alpha"
    # As attributes of the card, which every theme renders (not every theme
    # renders the head's metatags).
    assert page.head.find("style") is None
    style = page.select_one("#second-paper")["style"]
    assert style == "--awards-accent-light:#6d28d9;--awards-accent-dark:#a78bfa"
    # No dark variant given: the light one serves both modes.
    assert page.select_one("#first-paper")["style"] == "--awards-accent-light:teal;--awards-accent-dark:teal"


def test_legend_lists_every_theme_with_its_colour(page):
    names = [visible_text(li) for li in page.select(".awards-legend__themes > li")]
    assert names == ["Alpha Theme", "Beta Theme"]
    swatches = page.select(".awards-legend__swatch")
    assert [s["data-awards-theme"] for s in swatches] == ["alpha", "beta"]
    assert all(s["aria-hidden"] == "true" for s in swatches)


def test_summary_counts_are_computed(page):
    summary = page.select_one("section.awards-summary")
    assert summary.select_one(".awards-summary__lede").get_text() == "Three papers: two gold and one silver."
    meta = [visible_text(li) for li in summary.select(".awards-meta > li")]
    assert meta == [
        "Announced · January 2, 2030",
        "3 papers • 2 Gold · 1 Silver",
        "Tracks • Main + Datasets",
        "🔍 Explore • All papers",
    ]
    tiles = [visible_text(li) for li in summary.select(".awards-stats > li")]
    assert tiles == [
        "Total Awards 3 2 Gold · 1 Silver 🏆",
        "Key Themes 2 two themes 🧠",
        "Awarded Tracks 2 Main + Datasets 📊",
    ]
    # The emoji sits in the last paragraph: no tile has a paragraph that
    # a screen reader finds empty.
    assert all(p.get_text(strip=True) for p in summary.select(".awards-stats p"))


def test_announcement_date_is_a_time_element(page):
    time = page.select_one(".awards-meta time")
    assert time["datetime"] == "2030-01-02"


def test_stylesheet_only_on_pages_that_use_it(app, page):
    def stylesheets(name):
        return [link["href"] for link in parse_html(app.outdir / name).select("link[rel=stylesheet]")]

    assert any("awards.css" in href for href in stylesheets("index.html"))
    assert any("awards.css" in href for href in stylesheets("sub/other-data.html"))
    assert not any("awards.css" in href for href in stylesheets("sub/page.html"))
    assert (app.outdir / "_static" / "awards.css").is_file()


def test_data_paths_resolve_like_image_paths(app, page):
    other = parse_html(app.outdir / "sub" / "other-data.html")
    assert [a["id"] for a in other.select("article.award-card")] == ["other-paper"]
    assert [visible_text(li) for li in other.select(".awards-legend__themes > li")] == ["Gamma Theme"]


def test_search_index_holds_card_text(app, page):
    index = (app.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert '"hivemind"' in index


def test_json_ld_describes_each_paper(page):
    import json

    # In the body, which every theme renders.
    assert page.head.select('script[type="application/ld+json"]') == []
    scripts = page.body.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    articles = [item["item"] for item in data["itemListElement"]]
    assert [a["name"] for a in articles] == ["First Paper: Hivemindful Things", "Second Paper", "Third Paper"]
    first = articles[0]
    assert first["@type"] == "ScholarlyArticle"
    assert [p["name"] for p in first["author"]] == ["Ada Lovelace", "Charles Babbage", "Mary Somerville"]
    assert first["url"] == "https://example.org/first"
    assert first["award"] == "Gold Award"
    assert first["sameAs"] == ["https://arxiv.org/abs/0000.00001"]


@pytest.mark.parametrize(("builder", "page_name", "scripts"), [
    ("dirhtml", "index.html", 1), ("singlehtml", "index.html", 1), ("epub", "index.xhtml", 0),
])  # fmt: skip
def test_json_ld_is_written_once_per_web_page_and_never_in_a_book(
    make_app, rootdir, tmp_path, builder, page_name, scripts
):
    """dirhtml as html; singlehtml joins the pages, so one list of all their
    cards; an e-book is no web page for search engines (and runs no scripts)."""
    import json
    import shutil

    shutil.copytree(rootdir / "test-basic", tmp_path / "site")
    app = make_app(builder, srcdir=tmp_path / "site")
    app.build()
    page = parse_html(app.outdir / page_name)
    found = page.select('script[type="application/ld+json"]')
    assert len(found) == scripts
    if scripts:
        names = [item["item"]["name"] for item in json.loads(found[0].string)["itemListElement"]]
        cards = page.select("article.award-card")
        assert len(names) == len(cards) >= 3
        assert names[:3] == ["First Paper: Hivemindful Things", "Second Paper", "Third Paper"]


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"awards_json_ld": False})
def test_json_ld_can_be_turned_off(app):
    app.build()
    assert parse_html(app.outdir / "index.html").select('script[type="application/ld+json"]') == []


def test_an_emoji_alone_is_announced_by_its_name(page):
    alone = page.select_one("#third-paper .award-tags li:last-child > span")
    assert alone.get_text() == "🦾"
    assert (alone["role"], alone["aria-label"]) == ("img", "mechanical arm")
    assert "aria-hidden" not in alone.attrs


def test_emoji_are_written_as_references_and_read_as_emoji(app, page):
    """Cards and decorations write characters beyond U+FFFF as references, so
    that Python holds the page in 2 bytes a character, not 4 (half the memory
    for a page of thousands of cards); a browser shows the same emoji."""
    source = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert max(source) <= "\uffff"
    assert "&#x1f916;" in source and "&#x1f3c6;" in source  # a tag, a decoration
    assert "\U0001f916" in page.select_one("#first-paper .award-tags").get_text()
    assert "\U0001f3c6" in page.select_one(".awards-summary").get_text()  # a decoration


def _is_noncharacter(char: str) -> bool:
    return 0xFDD0 <= ord(char) <= 0xFDEF or ord(char) & 0xFFFE == 0xFFFE


@given(st.text().filter(lambda text: not any(map(_is_noncharacter, text))))
def test_bmp_html_changes_what_is_written_never_what_is_read(text):
    """Any text the checks let through (they refuse noncharacters, whose
    references an HTML reader may drop) reads back the same."""
    markup = html.escape(text)
    written = bmp_html(markup)
    assert html.unescape(written) == text
    assert not written or max(written) <= "\uffff"
    assert (written is markup) == (not text or max(text) <= "\uffff")
