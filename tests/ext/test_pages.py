"""A page per award (``awards_pages = True``): Google Scholar's tags, the
card's title leading there, and the Cite menu's files, in html and dirhtml."""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser
import pytest
import rispy
from helpers import copy_root, parse_html, strip_colors

from sphinx_awards.data.checked import load_awards

ON = {"awards_pages": True}


def _build(make_app, tmp_path: Path, builder: str = "html", **conf):
    srcdir = copy_root("embed", tmp_path / "src")
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / builder, confoverrides={**ON, **conf})
    app.build()
    assert "[awards." not in app.warning.getvalue()
    return app


def _awards(srcdir: Path):
    """(anchor, award, the data's first date) of every award the roots' pages show."""
    found = []
    for name in ("awards.yaml", "y2024.yaml"):
        data = load_awards(str(srcdir / name)).data
        date = next((item.date for item in data.meta if item.date is not None), None)
        found += [(data.anchor(award), award, date) for award in data.awards]
    return found


def test_each_award_has_a_page_that_google_scholar_can_index(make_app, tmp_path):
    app = _build(make_app, tmp_path)
    awards = _awards(app.srcdir)
    assert len(awards) == 5
    for anchor, award, date in awards:
        page = parse_html(app.outdir / "awards" / f"{anchor}.html")
        tags = [(meta["name"], meta["content"]) for meta in page.select("meta[name^=citation_]")]
        # Scholar's rules: one title, the authors in order, a date; no empty tag.
        assert all(content.strip() for _, content in tags)
        assert [content for name, content in tags if name == "citation_title"] == [award.title]
        assert [content for name, content in tags if name == "citation_author"] == list(award.authors)
        dates = [content for name, content in tags if name == "citation_publication_date"]
        # The paper's day or year where the data gives it, else the event's date.
        if award.date is not None:
            assert dates == [award.date.strftime("%Y/%m/%d")]
        elif award.year is not None:
            assert dates == [str(award.year)]
        elif date is not None:
            assert dates == [date.strftime("%Y/%m/%d")]
        assert page.select_one("meta[property='og:title']")["content"] == award.title
        card = page.select_one("article.award-card")
        assert card.h1.get_text() == award.title  # the page's one h1
        assert card.select_one(".award-authors").get_text() == ", ".join(award.authors)  # every author
        assert '"@type":"ScholarlyArticle"' in str(page.select_one("script[type='application/ld+json']"))


@pytest.mark.parametrize(
    ("builder", "refs", "expected"),
    [
        ("html", "refs.html", {"awards/second-paper.html", "awards/y2024--old-paper.html"}),
        ("dirhtml", "refs/index.html", {"../awards/second-paper/", "../awards/y2024--old-paper/"}),
    ],
)
def test_the_award_page_role_leads_to_the_pages_and_award_to_the_cards(
    make_app, tmp_path, builder, refs, expected
):
    app = _build(make_app, tmp_path, builder)
    page = parse_html(app.outdir / refs)
    links = {a.get_text(): a["href"] for a in page.select("a.reference.internal")}
    assert {links["its page"], links["the older page"]} == expected
    for href in expected:
        assert (
            app.outdir / Path(refs).parent / href / ("index.html" if builder == "dirhtml" else "")
        ).is_file()
    assert links["Second Paper"].endswith("#second-paper")  # :award: still the card


def test_the_award_page_role_leads_to_the_card_in_other_builders(make_app, tmp_path):
    app = _build(make_app, tmp_path, "singlehtml")
    page = parse_html(app.outdir / "index.html")
    links = {a.get_text(): a["href"] for a in page.select("a.reference.internal")}
    assert links["its page"] == links["Second Paper"]  # the card, as :award: links it
    assert links["its page"].endswith("#second-paper")


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_card_titles_lead_to_the_pages_and_the_cite_menu_to_files_that_parse(make_app, tmp_path, builder):
    app = _build(make_app, tmp_path, builder)
    index = app.outdir / "index.html"
    page = parse_html(index)
    cards = page.select("article.award-card")
    assert cards
    for card in cards:
        target = (index.parent / card.select_one("a.award-page-link")["href"]).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), target
        files = [index.parent / a["href"] for a in card.select(".award-cite a[download]")]
        assert [path.name.split(".", 1)[1] for path in files] == ["bib", "ris", "csl.json"]
        bib, ris, _ = (path.read_text(encoding="utf-8") for path in files)
        title = card.select_one("a.award-page-link").get_text()
        assert bibtexparser.parse_string(bib).entries[0]["title"] == "{" + title + "}"
        assert rispy.loads(ris)[0]["title"] == title


def test_no_pages_unless_asked_and_no_title_links_then(make_app, tmp_path):
    app = _build(make_app, tmp_path, awards_pages=False)
    assert not (app.outdir / "awards").exists()
    page = parse_html(app.outdir / "index.html")
    assert page.select("a.award-page-link, .award-cite") == []


def test_other_builders_make_no_pages(make_app, tmp_path):
    for builder in ("singlehtml", "epub"):
        app = _build(make_app, tmp_path / builder, builder)
        assert not list(Path(app.outdir).rglob("awards/*.html"))
        assert not re.search(
            r"award-cite|award-page-link",
            "".join(path.read_text(encoding="utf-8") for path in Path(app.outdir).rglob("*.*html")),
        )


def _with_documents(tmp_path: Path, documents: dict[str, str]) -> Path:
    """The embed root with more documents (name → reST), each in the toctree."""
    srcdir = copy_root("embed", tmp_path / "src")
    for name, text in documents.items():
        (srcdir / f"{name}.rst").parent.mkdir(parents=True, exist_ok=True)
        (srcdir / f"{name}.rst").write_text(text, encoding="utf-8")
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "".join(f"   {name}\n" for name in documents))
    return srcdir


def _page_warnings(app) -> list[str]:
    return [line for line in strip_colors(app.warning.getvalue()).splitlines() if "[awards.page]" in line]


def _id_line(srcdir: Path, award_id: str) -> int:
    lines = (srcdir / "awards.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.strip() == f"- id: {award_id}")


@pytest.mark.parametrize(
    ("builder", "document", "award_id", "renamed"),
    [
        ("html", "awards/second-paper", "second-paper", "awards/second-paper--2.html"),
        ("html", "awards/first-paper", "first-paper", "awards/first-paper--2.html"),
        ("dirhtml", "awards/second-paper", "second-paper", "awards/second-paper--2/index.html"),
        ("dirhtml", "awards/second-paper/index", "second-paper", "awards/second-paper--2/index.html"),
    ],
)
def test_an_award_page_never_replaces_a_document(make_app, tmp_path, builder, document, award_id, renamed):
    srcdir = _with_documents(tmp_path, {document: "A document\n==========\n\nIts own words.\n"})
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / builder, confoverrides=ON)
    app.build()
    warnings = _page_warnings(app)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{srcdir / 'awards.yaml'}:{_id_line(srcdir, award_id)}: WARNING: ")
    assert f"the document {document!r}" in warnings[0]
    folder = document.removesuffix("/index")
    own = app.outdir / (f"{document}.html" if builder == "html" else f"{folder}/index.html")
    assert "Its own words." in own.read_text(encoding="utf-8")  # the document is still the document's
    moved = parse_html(app.outdir / renamed)
    assert moved.select_one("article.award-card h1") is not None
    citation = renamed.removesuffix(".html") + ".bib"  # beside the page: x--2.bib, x--2/index.bib
    assert bibtexparser.parse_string((app.outdir / citation).read_text(encoding="utf-8")).entries
    # The card's title and :award-page: lead to the page where it is.
    index = app.outdir / "index.html"
    link = parse_html(index).select_one(f"#{award_id} a.award-page-link")["href"]
    assert (index.parent / link / ("index.html" if link.endswith("/") else "")).resolve() == (
        app.outdir / renamed
    ).resolve()


def test_a_card_named_index_never_replaces_the_awards_folders_index_in_dirhtml(make_app, tmp_path):
    srcdir = _with_documents(tmp_path, {"awards": "Awards\n======\n\nThe folder own page.\n"})
    data = srcdir / "awards.yaml"
    text = data.read_text(encoding="utf-8")
    data.unlink()  # a link to the shared file: replaced by an edited copy
    data.write_text(text.replace("- id: third-paper", "- id: index"), encoding="utf-8")
    app = make_app("dirhtml", srcdir=srcdir, builddir=tmp_path / "dirhtml", confoverrides=ON)
    app.build()
    assert len(_page_warnings(app)) == 1
    assert "The folder own page." in (app.outdir / "awards" / "index.html").read_text(encoding="utf-8")
    assert parse_html(app.outdir / "awards" / "index--2" / "index.html").select_one("article.award-card")


def test_two_files_without_a_namespace_sharing_an_id_get_two_pages(make_app, tmp_path):
    twin = "Twin\n====\n\n.. awards:: twin.yaml\n"
    srcdir = _with_documents(tmp_path, {"twin": twin})
    text = (srcdir / "awards.yaml").read_text(encoding="utf-8")
    twin_data = text.replace("title: Second Paper", "title: Twin Paper")
    (srcdir / "twin.yaml").write_text(twin_data, encoding="utf-8")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "html", confoverrides=ON)
    app.build()
    warnings = _page_warnings(app)
    assert warnings and all("another award's page" in warning for warning in warnings)
    titles = {parse_html(path).select_one("article.award-card h1").get_text() for path in
              (app.outdir / "awards").glob("second-paper*.html")}  # fmt: skip
    assert titles == {"Second Paper", "Twin Paper"}


def test_no_warning_and_the_usual_names_without_a_clash(make_app, tmp_path):
    app = _build(make_app, tmp_path)
    assert _page_warnings(app) == []
    assert not list((app.outdir / "awards").glob("*--2.html"))


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_document_added_under_an_award_pages_old_name_survives_the_next_build(make_app, tmp_path, builder):
    """The award page was written last build; now a document takes its name:
    the award moves to ``--2``, and removing the stale page never removes the document."""
    srcdir = copy_root("embed", tmp_path / "src")
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / builder, confoverrides=ON)
    app.build()
    app.cleanup()
    document = srcdir / "awards" / "second-paper.rst"
    document.parent.mkdir()
    document.write_text("A document\n==========\n\nIts own words.\n", encoding="utf-8")
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "   awards/second-paper\n", encoding="utf-8")
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / builder, confoverrides=ON)
    app.build()
    own = app.outdir / ("awards/second-paper.html" if builder == "html" else "awards/second-paper/index.html")
    assert "Its own words." in own.read_text(encoding="utf-8")
    moved = "awards/second-paper--2" + (".html" if builder == "html" else "/index.html")
    assert parse_html(app.outdir / moved).select_one("article.award-card h1") is not None


def test_an_award_page_has_its_canonical_address_and_the_sites_image(make_app, tmp_path):
    """With html_baseurl, each award page names its own absolute address
    (canonical, og:url) and the site's Open Graph image; without a base URL
    neither is invented."""
    base = "https://example.org/docs/"
    app = _build(
        make_app,
        tmp_path,
        extensions="sphinx_awards,sphinxext.opengraph",
        html_baseurl=base,
        ogp_image="_static/card.png",
    )
    page = parse_html(app.outdir / "awards" / "third-paper.html")
    own = base + "awards/third-paper.html"
    assert page.select_one("link[rel=canonical]")["href"] == own
    assert [meta["content"] for meta in page.select("meta[property='og:url']")] == [own]
    assert [meta["content"] for meta in page.select("meta[property='og:image']")] == [
        base + "_static/card.png"
    ]
    (bibtex,) = page.select("pre.award-bibtex")
    assert bibtex.get_text().startswith("@inproceedings{third-paper,")
    assert page.select_one(".award-abstract").get_text() == "The authors' own abstract of the third paper."


def test_without_a_base_address_no_url_is_invented(make_app, tmp_path):
    app = _build(make_app, tmp_path / "plain")
    page = parse_html(app.outdir / "awards" / "third-paper.html")
    assert page.select("link[rel=canonical], meta[property='og:url'], meta[property='og:image']") == []
