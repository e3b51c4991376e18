"""Embedding cards in a larger site: filters, links between pages, several files."""

from __future__ import annotations

import re

import pytest
from helpers import SHARED_DATA, copy_root, inventory, parse_html, strip_colors, visible_text

# Tests that edit their sources get their own copy (srcdir=...): a copy is
# shared, build directory included, by every test that names the same one.
pytestmark = pytest.mark.sphinx("html", testroot="embed")


@pytest.fixture
def built(app):
    app.build()
    return app


def card_ids(section) -> list[str]:
    """The awards shown; a card shown again on the same page has its id numbered
    (``third-paper--2``), which is dropped here (the test data's ids end in letters)."""
    return [re.sub(r"--\d+$", "", card["id"]) for card in section.select("article.award-card")]


def test_a_card_shown_twice_on_a_page_keeps_ids_unique(built):
    page = parse_html(built.outdir / "filters.html")
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids))
    assert "third-paper--2" in ids


def section(page, title: str):
    return next(
        s for s in page.select("section") if s.find("h2", recursive=False) and title in s.h2.get_text()
    )


def test_filters(built):
    assert built.warning.getvalue() == ""
    page = parse_html(built.outdir / "filters.html")
    assert card_ids(section(page, "By theme")) == ["second-paper", "third-paper"]
    in_order = section(page, "By ids")
    assert card_ids(in_order) == ["third-paper", "first-paper"]
    assert in_order.select(".awards-group") == []  # group-by none: one grid
    by_theme = section(page, "By track")
    assert card_ids(by_theme) == ["second-paper"]
    assert [h.get_text() for h in by_theme.select(".awards-group__title")] == ["Alpha Theme"]


def test_summary_and_legend_counts_follow_the_filter(built):
    page = parse_html(built.outdir / "filters.html")
    silver = section(page, "Summary and legend")
    assert silver.select_one(".awards-summary__lede").get_text() == "One paper: zero gold and one silver."
    assert silver.select_one(".awards-stat__value").get_text() == "1"
    assert [visible_text(li) for li in silver.select(".awards-legend__themes > li")] == ["Alpha Theme"]


@pytest.mark.sphinx("html", testroot="embed", srcdir="embed-option-ids", copy_test_root=True)
def test_unknown_ids_in_options_warn_at_the_directive(app):
    (app.srcdir / "filters.rst").write_text(
        "Filters\n=======\n\n.. awards::\n   :theme: alpha, gamma\n   :ids: nope\n   :no-index:\n",
        encoding="utf-8",
    )
    app.build()
    warnings = app.warning.getvalue()
    assert "filters.rst:4: WARNING: unknown id(s) in :theme: gamma; the ids defined in " in warnings
    assert "are: alpha, beta [awards.option]" in warnings
    assert "unknown id(s) in :ids: nope" in warnings
    assert "first-paper, second-paper, third-paper [awards.option]" in warnings


def test_role_links_to_the_card_with_the_paper_title(built):
    page = parse_html(built.outdir / "refs.html")
    links = page.select("article[role=main] a.reference, div.body a.reference")
    by_text = {a.get_text(): a["href"] for a in links}
    assert by_text["Second Paper"] == "index.html#second-paper"
    assert by_text["the first one"] == "index.html#first-paper"
    assert by_text["An Old Paper"] == "year2024.html#y2024--old-paper"
    # :award-page: leads to the card where no award pages are written (the default)
    assert by_text["its page"] == "index.html#second-paper"
    assert by_text["the older page"] == "year2024.html#y2024--old-paper"
    deep = parse_html(built.outdir / "more" / "deep.html")
    assert [a["href"] for a in deep.select("a.reference.internal") if "Third" in a.get_text()] == [
        "../index.html#third-paper"
    ]


def test_namespaced_file_keeps_equal_ids_apart(built):
    page = parse_html(built.outdir / "year2024.html")
    assert card_ids(page) == ["y2024--old-paper", "y2024--first-paper"]


@pytest.mark.sphinx("html", testroot="embed", srcdir="embed-role-unknown", copy_test_root=True)
def test_unknown_award_in_role_warns_with_location(app):
    (app.srcdir / "unrelated.rst").write_text(
        "Unrelated\n=========\n\nSee :award:`no-such-paper`.\n", encoding="utf-8"
    )
    app.build()
    warning = strip_colors(app.warning.getvalue())
    assert (
        "unrelated.rst:4: WARNING: unknown award id 'no-such-paper' in :award:; known ids: first-paper,"
        in warning
    )
    assert warning.rstrip().endswith("[awards.reference]")


@pytest.mark.sphinx("html", testroot="embed", srcdir="embed-no-namespace", copy_test_root=True)
def test_same_ids_in_two_files_without_namespace_warn(app):
    text = (app.srcdir / "y2024.yaml").read_text(encoding="utf-8")
    (app.srcdir / "y2024.yaml").write_text(text.replace("namespace: y2024\n", ""), encoding="utf-8")
    (app.srcdir / "refs.rst").write_text("Refs\n====\n", encoding="utf-8")
    app.build()
    warning = app.warning.getvalue()
    assert "the award id 'first-paper' is also used in " in warning
    assert "give one of the files a 'namespace'" in warning


def test_cards_are_in_objects_inv(built):
    awards = inventory(built.outdir / "objects.inv")["awards:award"]
    assert awards["second-paper"] == ("https://example.org/awards/index.html#second-paper", "Second Paper")
    assert "y2024:old-paper" in awards


def test_each_card_has_a_permalink(built):
    page = parse_html(built.outdir / "index.html")
    assert [a["href"] for a in page.select("article.award-card > a.headerlink")] == [
        "#first-paper",
        "#second-paper",
        "#third-paper",
    ]


def test_cards_are_std_labels_that_ref_reaches(built):
    page = parse_html(built.outdir / "refs.html")
    refs = {a.get_text(): a["href"] for a in page.select("a.reference.internal") if a.select_one(".std-ref")}
    assert refs == {
        "Second Paper": "index.html#second-paper",
        "a card of another file": "year2024.html#y2024--old-paper",
    }


def test_a_card_is_one_inventory_entry_not_two(built):
    """:ref: reaches cards through Sphinx's missing-reference hook: the std
    domain holds no label for them, so objects.inv lists each card once."""
    labels = inventory(built.outdir / "objects.inv").get("std:label", {})
    assert not [name for name in labels if name.startswith("award-")]


@pytest.mark.sphinx("html", testroot="embed", srcdir="embed-label-clash", copy_test_root=True)
def test_a_page_label_named_like_a_card_is_reported_at_the_label(app):
    refs = app.srcdir / "refs.rst"
    refs.write_text(".. _award-second-paper:\n\n" + refs.read_text(encoding="utf-8"), encoding="utf-8")
    app.build()
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    said = [line for line in warnings if "'award-second-paper' is also the name of a card's label" in line]
    assert len(said) == 1 and said[0].startswith(str(refs)) and said[0].endswith("[awards.duplicate-id]")


@pytest.mark.sphinx("html", testroot="design")
def test_a_sphinx_design_card_links_to_an_award_card_by_ref(app):
    app.build()
    assert app.warning.getvalue() == ""
    page = parse_html(app.outdir / "index.html")
    link = page.select_one(".sd-card a.sd-stretched-link")
    assert link["href"] == "cards.html#first"


def test_repeated_and_unknown_ids_are_bounded_in_cards_and_words():
    """:ids: with a repeated id shows its card once and says so; a warning
    names at most 20 ids ("and N more"), however many the file defines."""
    from sphinx_awards.data.checked import load_awards
    from sphinx_awards.extension.selection import Selection

    data = load_awards(str(SHARED_DATA)).data
    selection = Selection(ids=("second-paper", "first-paper", "second-paper") * 1000)
    assert [award.id for award in selection.awards(data)] == ["second-paper", "first-paper"]
    assert selection.unknown_ids(data) == [
        "id(s) listed more than once in :ids:, shown once: second-paper, first-paper"
    ]
    many = data._replace(awards=data.awards * 10_000)
    unknown = Selection(ids=tuple(f"nope-{n}" for n in range(100_000))).unknown_ids(many)
    assert len(unknown) == 1 and len(unknown[0]) < 1_000
    assert unknown[0].startswith("unknown id(s) in :ids: nope-0, nope-1,")
    assert "and 99,980 more" in unknown[0] and "and 29,980 more" in unknown[0]


@pytest.mark.parametrize("how", ["relative", "symlink"])
def test_a_data_file_outside_the_source_directory_is_not_read(make_app, tmp_path, how):
    """``.. awards:: ../secret.yaml`` (or a symlink out): refused at the
    directive, unread and unquoted; ``awards_data_dirs`` lets a site allow it."""
    shared = tmp_path / "shared"
    shared.mkdir()
    secret = SHARED_DATA.read_text(encoding="utf-8")
    (shared / "secret.yaml").write_text(secret + "SECRET_TOKEN: hunter2\n", encoding="utf-8")
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        "extensions = ['sphinx_awards']\nshow_warning_types = True\n", encoding="utf-8"
    )
    if how == "symlink":
        (srcdir / "data.yaml").symlink_to(shared / "secret.yaml")
        argument = "data.yaml"
    else:
        argument = "../shared/secret.yaml"
    (srcdir / "index.rst").write_text(f"Page\n====\n\n.. awards:: {argument}\n", encoding="utf-8")

    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "refused")
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    assert "index.rst:4: WARNING: the data file" in warnings and "is outside the source directory" in warnings
    assert "[awards.file]" in warnings
    assert "SECRET_TOKEN" not in warnings and "hunter2" not in warnings
    assert "First Paper" not in (app.outdir / "index.html").read_text(encoding="utf-8")

    allowed = make_app(
        "html",
        srcdir=srcdir,
        builddir=tmp_path / "allowed",
        confoverrides={"awards_data_dirs": ["../shared"]},
    )
    allowed.build()
    assert "outside the source directory" not in strip_colors(allowed.warning.getvalue())
    assert "First Paper" in (allowed.outdir / "index.html").read_text(encoding="utf-8")


def test_anchors_never_collide_across_namespaces_parts_and_sections(make_app, tmp_path):
    """Namespace ``a`` with id ``b-c``, namespace ``a-b`` with id ``c``, id
    ``a-b-c`` alone, and a card whose id is a section's: every id on the page
    is unique, links reach their cards, and the section's namesake is named
    in a warning at its directive."""
    base = SHARED_DATA.read_text(encoding="utf-8")
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        "extensions = ['sphinx_awards']\nshow_warning_types = True\n", encoding="utf-8"
    )
    files = {"one": ("a", "b-c"), "two": ("a-b", "c"), "three": ("", "a-b-c"), "four": ("", "first-paper-t")}
    for name, (namespace, first_id) in files.items():
        text = base.replace("id: first-paper", f"id: {first_id}")
        if namespace:
            text += f"namespace: {namespace}\n"
        (srcdir / f"{name}.yaml").write_text(text, encoding="utf-8")
    directives = "".join(f".. awards:: {name}.yaml\n   :ids: {files[name][1]}\n\n" for name in files)
    roles = ":award:`a:b-c`, :award:`a-b:c`, :award:`a-b-c`, :award:`first-paper-t`."
    section = "First Paper T\n-------------\n\nA section with a card's name.\n"
    (srcdir / "index.rst").write_text(f"Page\n====\n\n{roles}\n\n{directives}{section}", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    page = parse_html(app.outdir / "index.html")
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(ids)
    cards = [card["id"] for card in page.select("article.award-card")]
    assert cards == ["a--b-c", "a-b--c", "a-b-c", "first-paper-t--2"]
    assert page.select_one("section#first-paper-t h2").get_text().startswith("First Paper T")
    links = [a["href"] for a in page.select("p a.reference.internal")]
    assert links == ["#a--b-c", "#a-b--c", "#a-b-c", "#first-paper-t--2"]
    warnings = [line for line in strip_colors(app.warning.getvalue()).splitlines() if "WARNING" in line]
    assert len(warnings) == 1, warnings
    assert re.search(r"index\.rst:\d+: WARNING: the card 'first-paper-t' would have the same id", warnings[0])
    assert "#first-paper-t--2" in warnings[0] and warnings[0].endswith("[awards.anchor]")


@pytest.mark.parametrize("written", ["a--b", "a-", "-a", "a_b"])
def test_ids_join_words_with_single_hyphens(written):
    from sphinx_awards.data.validation import check_document
    from sphinx_awards.data.yamlparse import parse_yaml

    base = SHARED_DATA.read_text(encoding="utf-8")
    result = check_document(parse_yaml("awards.yaml", base.replace("id: first-paper", f'id: "{written}"')))
    messages = [problem.message for problem in result.problems]
    assert any("single hyphens" in message for message in messages), messages
    assert "first-paper" not in [award.id for award in result.data.awards]
    assert len(result.data.awards) == 2


def test_a_levels_subtitle_counts_the_cards_the_filters_keep(make_app, tmp_path):
    """With ``:track: main`` the summary and the level's subtitle count the
    same papers (the subtitle once counted every award of the file)."""
    base = SHARED_DATA.read_text(encoding="utf-8")
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text("extensions = ['sphinx_awards']\n", encoding="utf-8")
    subtitle = base[base.index("    subtitle: >-") : base.index("  - id: silver")]
    (srcdir / "awards.yaml").write_text(
        base.replace(subtitle, '    subtitle: "{n} of {papers} papers"\n'), encoding="utf-8"
    )
    (srcdir / "index.rst").write_text(
        "Page\n====\n\n.. awards-summary::\n   :track: main\n\n.. awards::\n   :track: main\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    page = parse_html(app.outdir / "index.html")
    shown = len(page.select("article.award-card"))
    assert shown < 3  # the filter keeps fewer than the file's three
    lede = visible_text(page.select_one(".awards-summary__lede"))
    assert lede.startswith({1: "One paper", 2: "Two papers"}[shown])
    subtitle = visible_text(page.select_one(".awards-group__subtitle"))
    assert subtitle.endswith(f"of {shown} papers"), subtitle


def test_the_old_award_option_still_filters_with_a_deprecation_warning(make_app, tmp_path):
    """``:award:`` (0.1) is ``:level:`` now, ``:group-by: award`` is ``level``:
    the old names give the same cards, and say what to write."""
    srcdir = tmp_path / "src"
    copy_root("basic", srcdir)
    pages = {
        "old": ".. awards::\n   :award: silver\n   :group-by: award\n   :no-index:\n",
        "new": ".. awards::\n   :level: silver\n   :group-by: level\n",
    }
    for name, directive in pages.items():
        (srcdir / f"{name}.rst").write_text(f"{name.title()}\n===\n\n{directive}", encoding="utf-8")
    (srcdir / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   old\n   new\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    old, new = (parse_html(app.outdir / f"{name}.html") for name in pages)
    assert card_ids(old) == card_ids(new) == ["third-paper"]
    lines = strip_colors(app.warning.getvalue()).splitlines()
    warnings = [line for line in lines if "[awards." in line]
    assert len(warnings) == 2, warnings
    assert all(re.match(r".*old\.rst:4: WARNING: .* is now .*\[awards\.deprecated\]$", w) for w in warnings)
    assert any("the :award: option is now the :level: option" in w for w in warnings)
    assert any(":group-by: award is now :group-by: level" in w for w in warnings)


def test_an_archive_counts_several_files_and_says_which_it_cannot_read(make_app, tmp_path):
    srcdir = copy_root("embed", tmp_path / "src")
    (srcdir / "archive.rst").write_text(
        "Archive\n=======\n\n.. awards-archive:: awards.yaml y2024.yaml missing.yaml\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    page = parse_html(app.outdir / "archive.html")
    rows = [visible_text(row) for row in page.select(".awards-archive__row")]
    assert len(rows) == 2 and rows[0].endswith("— 3 papers (2 Gold · 1 Silver)"), rows
    assert rows[1] == "Awards 2024 — 2 papers (2 Gold)", rows
    assert visible_text(page.select_one(".awards-archive__total")) == "In all: 5 papers"
    warnings = [line for line in strip_colors(app.warning.getvalue()).splitlines() if "[awards." in line]
    assert len(warnings) == 1 and "archive.rst:4: WARNING: cannot read the data file" in warnings[0]
    assert "missing.yaml" in warnings[0]


def test_year_picks_the_years_file_and_the_archive_lists_every_year_latest_first(make_app, tmp_path):
    """``awards_years`` names each year's file (from the source directory, as
    a page in a sub-folder sees it too); ``:year:`` picks one; an archive with
    no files named shows every year. Mistakes are located warnings."""
    srcdir = copy_root("embed", tmp_path / "src")
    (srcdir / "more" / "years.rst").write_text(
        "Years\n=====\n\n.. awards-archive::\n\n.. awards::\n   :year: 2024\n   :no-index:\n\n"
        ".. awards-summary::\n   :year: 1999\n\n.. awards-legend:: ../y2024.yaml\n   :year: 2030\n",
        encoding="utf-8",
    )
    years = {"2024": "y2024.yaml", 2030: "awards.yaml"}
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build", confoverrides={"awards_years": years})
    app.build()
    page = parse_html(app.outdir / "more" / "years.html")
    rows = [visible_text(row) for row in page.select(".awards-archive__row")]
    assert [row.split(" — ")[1] for row in rows] == ["3 papers (2 Gold · 1 Silver)", "2 papers (2 Gold)"]
    assert card_ids(page) == ["y2024--old-paper", "y2024--first-paper"]
    assert [item["data-awards-theme"] for item in page.select(".awards-legend [data-awards-theme]")] == [
        "y2024--alpha"
    ]  # the file named wins over :year:
    warnings = [line for line in strip_colors(app.warning.getvalue()).splitlines() if "[awards." in line]
    assert len(warnings) == 2, warnings
    assert (
        "years.rst:10: WARNING: no data file for the year '1999'; the years in awards_years are: 2030, 2024"
        in (warnings[0])
    )
    assert (
        "years.rst:13: WARNING: both a file and :year: 2030 are given; the file '../y2024.yaml' is used"
        in (warnings[1])
    )


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_each_archive_row_links_to_its_years_section_on_the_page(make_app, tmp_path, builder):
    """A row's title leads to the section that shows that file's summary; a
    file whose summary the page does not show stays plain text."""
    srcdir = copy_root("embed", tmp_path / "src")
    (srcdir / "archive.rst").write_text(
        "Archive\n=======\n\n.. awards-archive:: awards.yaml y2024.yaml\n\n"
        "The older year\n--------------\n\n.. awards-summary:: y2024.yaml\n",
        encoding="utf-8",
    )
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / builder, confoverrides={"root_doc": "archive"})
    app.build()
    if builder == "latex":
        tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert r"\hyperref[\detokenize{archive:the-older-year}]{\sphinxcrossref{" in tex
        return
    page = parse_html(app.outdir / "archive.html")
    titles = page.select(".awards-archive__row strong")
    assert [title.a["href"] if title.a else None for title in titles] == [None, "#the-older-year"]
    assert page.select_one("#the-older-year .awards-summary") is not None


def _filter_archive(make_app, tmp_path, builder: str = "html"):
    """An archive of two files whose older year the page shows, cards and all;
    the newer file's cards are on the index page."""
    srcdir = copy_root("embed", tmp_path / "src")
    (srcdir / "archive.rst").write_text(
        "Archive\n=======\n\n.. awards-archive:: awards.yaml y2024.yaml\n\n"
        "The older year\n--------------\n\n.. awards-summary:: y2024.yaml\n\n.. awards:: y2024.yaml\n",
        encoding="utf-8",
    )
    (srcdir / "index.rst").write_text(
        (srcdir / "index.rst")
        .read_text(encoding="utf-8")
        .replace("   filters\n", "   filters\n   archive\n"),
        encoding="utf-8",
    )
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / builder)
    app.build()
    return app


def test_an_archive_filters_by_year_level_and_track_with_links(make_app, tmp_path):
    """Without a script the filters are links: a year's to its section on the
    page (none where the page does not show it), a level's or track's to the
    list of its papers, each title leading to its card, here or on its home page."""
    app = _filter_archive(make_app, tmp_path)
    page = parse_html(app.outdir / "archive.html")
    nav = page.select_one("nav.awards-filters")
    groups = {
        visible_text(group.select_one(".awards-filters__label")): [
            (visible_text(item), item.a["href"] if item.a else None)
            for item in group.select(".awards-filters__values > li")
        ]
        for group in nav.select(".awards-filters__group")
    }
    assert groups == {
        "Year": [("Test Awards 2030", None), ("Awards 2024", "#the-older-year")],
        "Level": [
            ("Gold Award", "#awards-filter--level--gold"),
            ("Silver Award", "#awards-filter--level--silver"),
        ],
        "Track": [("Main", "#awards-filter--track--main"), ("Datasets", "#awards-filter--track--db")],
    }
    gold = page.select_one("#awards-filter--level--gold")
    assert visible_text(gold.select_one(".awards-filter-result__title")) == "Gold Award — 4 papers"
    links = [(visible_text(a), a["href"]) for a in gold.select("li a")]
    assert links == [
        ("First Paper: Hivemindful Things", "index.html#first-paper"),
        ("Second Paper", "index.html#second-paper"),
        ("An Old Paper", "#y2024--old-paper"),
        ("The 2024 First Paper", "#y2024--first-paper"),
    ]
    for href in (a["href"] for a in page.select(".awards-filter-result a")):
        target, anchor = href.split("#")
        shown = parse_html(app.outdir / target) if target else page
        assert shown.select_one(f"article.award-card#{anchor}") is not None, href
    cards = {
        card["id"]: (card["data-awards-level"], card["data-awards-track"]) for card in page.select("article")
    }
    assert cards == {"y2024--old-paper": ("gold", "main"), "y2024--first-paper": ("gold", "main")}


@pytest.mark.parametrize("builder", ["latex", "text", "man", "texinfo", "epub"])
def test_an_archives_filters_are_for_web_pages_only(make_app, tmp_path, builder):
    """Every builder knows the filters' node (Sphinx stops at a node a writer
    cannot visit); outside web pages it writes nothing of it, the rows stay."""
    app = _filter_archive(make_app, tmp_path, builder)
    assert "[awards" not in app.warning.getvalue() and "ERROR" not in app.warning.getvalue()
    written = "".join(
        path.read_text(encoding="utf-8")
        for path in app.outdir.rglob("*")
        if path.suffix in {".tex", ".txt", ".1", ".texi", ".xhtml"}
    )
    assert "In all: 5 papers" in " ".join(written.split())
    assert "Gold Award — 4" not in written


def test_an_archive_of_one_level_and_track_has_no_filters(make_app, tmp_path):
    srcdir = copy_root("embed", tmp_path / "src")
    archive = "Archive\n=======\n\n.. awards-archive:: y2024.yaml\n"
    (srcdir / "archive.rst").write_text(archive, encoding="utf-8")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    page = parse_html(app.outdir / "archive.html")
    assert page.select_one(".awards-archive") is not None
    assert page.select(".awards-filters, .awards-filter-result") == []
