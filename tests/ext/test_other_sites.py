"""Other kinds of sites: one that links to our cards through intersphinx, one in MyST."""

from __future__ import annotations

import pytest
from helpers import copy_root, parse_html


def test_another_site_links_to_a_card_through_intersphinx(make_app, rootdir, tmp_path):
    first = make_app("html", srcdir=rootdir / "test-embed", builddir=tmp_path / "first")
    first.build()
    first.cleanup()  # one Sphinx application at a time: they share docutils' registries
    inventory = first.outdir / "objects.inv"
    second = make_app(
        "html",
        srcdir=rootdir / "test-intersphinx",
        builddir=tmp_path / "second",
        confoverrides={"intersphinx_mapping": {"embed": ("https://example.org/awards/", str(inventory))}},
    )
    second.build()
    assert second.warning.getvalue() == ""
    links = parse_html(second.outdir / "index.html").select("a.reference.external")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Second Paper", "https://example.org/awards/index.html#second-paper"),
        ("First Paper: Hivemindful Things", "https://example.org/awards/index.html#first-paper"),
    ]


@pytest.mark.sphinx("html", testroot="myst")
def test_myst_page_uses_the_directives_and_the_role(app):
    app.build()
    assert app.warning.getvalue() == ""
    page = parse_html(app.outdir / "index.html")
    assert page.select_one(".awards-stat__value").get_text() == "2"  # gold only
    assert [card["id"] for card in page.select("article.award-card")] == ["third-paper", "first-paper"]
    links = {a.get_text(): a["href"] for a in page.select("a.reference.internal")}
    assert links["Third Paper"] == "#third-paper"
    assert links["another text"] == "#first-paper"


@pytest.mark.parametrize(
    "extensions",
    [["sphinx_awards", "sphinxext.opengraph"], ["sphinxext.opengraph", "sphinx_awards"], ["sphinx_awards"]],
    ids=["awards-first", "opengraph-first", "awards-alone"],
)
def test_one_description_beside_sphinxext_opengraph(make_app, rootdir, tmp_path, extensions):
    """The summary's lede is the page's description; with sphinxext-opengraph
    (which writes one too) the page still has exactly one, in either order."""
    srcdir = tmp_path / "src"
    copy_root("basic", srcdir)
    # The summary is the page's title: its lede is the page's description.
    (srcdir / "index.rst").write_text(".. awards-summary::\n\n.. awards::\n", encoding="utf-8")
    app = make_app(
        "html",
        srcdir=srcdir,
        builddir=tmp_path / "build",
        confoverrides={"extensions": extensions, "ogp_site_url": "https://example.org/"},
    )
    app.build()
    page = parse_html(app.outdir / "index.html")
    descriptions = page.select('meta[name="description"]')
    assert len(descriptions) == 1, descriptions
    assert descriptions[0]["content"].startswith("Three papers")
    if "sphinxext.opengraph" in extensions:
        assert page.select_one('meta[property="og:description"]')["content"].startswith("Three papers")
