"""Other kinds of sites: one that links to our cards through intersphinx, one in MyST."""

from __future__ import annotations

import pytest
from helpers import parse_html


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
