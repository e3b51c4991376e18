"""The sitemap and the Atom feed: well-formed XML (lxml, strict), every
element RFC 4287 and the sitemap protocol require, the addresses absolute,
none without a base address, and removed with the exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import copy_root
from lxml import etree

from sphinx_awards.data.checked import load_awards

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://example.org/docs/"


def _build(make_app, tmp_path: Path, builder: str = "html", **conf):
    srcdir = copy_root("embed", tmp_path / "src")
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / builder, confoverrides=conf)
    app.build()
    assert "[awards." not in app.warning.getvalue()
    return app


@pytest.mark.parametrize("pages", [True, False])
def test_the_feed_has_an_entry_per_award_with_what_atom_requires(make_app, tmp_path, pages):
    app = _build(make_app, tmp_path, html_baseurl=BASE, awards_pages=pages)
    feed = etree.parse(str(app.outdir / "awards.atom")).getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}").text.strip()
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == BASE + "awards.atom"
    entries = feed.findall(f"{ATOM}entry")
    # Each award of a dated file (Atom requires a date): the 2024 file has none.
    dated = [
        data for data in (load_awards(str(app.srcdir / name)).data for name in ("awards.yaml", "y2024.yaml"))
    ]
    assert [data.first_date is not None for data in dated] == [True, False]
    assert len(entries) == len(dated[0].awards) == 3
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith(BASE)
        assert entry.find(f"{ATOM}link").get("href") == entry.find(f"{ATOM}id").text
        assert entry.find(f"{ATOM}updated").text.endswith("T00:00:00Z")
        assert entry.findall(f"{ATOM}author/{ATOM}name")
    hrefs = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    if pages:
        assert BASE + "awards/first-paper.html" in hrefs
    else:
        assert BASE + "index.html#first-paper" in hrefs
    urls = etree.parse(str(app.outdir / "awards-sitemap.xml")).getroot()
    locations = [url.find(f"{SITEMAP}loc").text for url in urls.findall(f"{SITEMAP}url")]
    # Every page once, dated or not: the five award pages, or the two pages with cards.
    assert {href.partition("#")[0] for href in hrefs} <= set(locations)
    assert len(locations) == len(set(locations)) == (5 if pages else 2)


def test_hostile_text_stays_text_in_the_feed(make_app, tmp_path):
    app = _build(make_app, tmp_path, html_baseurl=BASE)
    feed = etree.parse(str(app.outdir / "awards.atom")).getroot()
    summaries = [entry.find(f"{ATOM}summary").text for entry in feed.findall(f"{ATOM}entry")]
    assert "A summary with “quotes” and <b>not bold</b>." in summaries  # markup is text


def test_without_a_base_address_there_is_no_feed_and_an_old_one_goes(make_app, tmp_path):
    app = _build(make_app, tmp_path, html_baseurl=BASE)
    assert (app.outdir / "awards.atom").is_file()
    again = make_app("html", srcdir=app.srcdir, builddir=tmp_path / "html")
    again.build()
    assert not (again.outdir / "awards.atom").exists()
    assert not (again.outdir / "awards-sitemap.xml").exists()
