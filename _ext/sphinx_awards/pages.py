"""A page per award, with the tags Google Scholar reads, and its citation files.

Google Scholar indexes one paper per page, from ``citation_*`` meta tags: a
page of seven cards is none of the seven papers' page. So the HTML builders
(``html``, ``dirhtml``) write ``awards/<id>.html`` for every award of every
data file the site shows, when ``awards_pages = True`` (off by default: a
site of thousands of awards pays for thousands of pages on every build): the
card with every author, a Cite menu, the
``citation_*`` tags, Open Graph and JSON-LD. They are generated pages
(``html-collect-pages``), HTML only: other builders make one document of a
site, where a page per paper is no unit anyone indexes. Beside each page,
``<id>.bib``, ``<id>.ris`` and ``<id>.csl.json`` are what the Cite menus link.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .anchors import award_page, cite_base, writes_award_pages
from .card import CardView, card_html, cite_menu
from .datafiles import files_shown
from .metadata import ld_script, scholarly_article

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .model import Award, AwardsData


def page_name(data: AwardsData, award: Award) -> str:
    """``awards/gated-attention``, ``awards/neurips2024--var``."""
    return award_page(data.anchor(award))


def makes_pages(app: Sphinx) -> bool:
    return writes_award_pages(app.config, app.builder)


def scholar_tags(data: AwardsData, award: Award) -> str:
    """Google Scholar's ``citation_*`` tags (title, authors in order, date,
    conference, PDF), Open Graph's, and a description; no tag left empty."""
    tags: list[tuple[str, str, str]] = [("name", "citation_title", award.title)]
    tags += [("name", "citation_author", name) for name in award.authors]
    dated = data.first_date
    if dated is not None:
        tags.append(("name", "citation_publication_date", dated.strftime("%Y/%m/%d")))
    tags.append(("name", "citation_conference_title", data.title))
    pdf = next(
        (url for url in (award.url, *(link.url for link in award.links)) if url.endswith(".pdf")), None
    )
    if pdf is not None:
        tags.append(("name", "citation_pdf_url", pdf))
    tags += [
        ("name", "description", award.summary),
        ("property", "og:title", award.title),
        ("property", "og:type", "article"),
        ("property", "og:description", award.summary),
    ]
    return "\n".join(
        f'<meta {kind}="{name}" content="{escape(value)}" />' for kind, name, value in tags if value
    )


def _json_ld(view: CardView, data: AwardsData) -> str:
    return ld_script({"@context": "https://schema.org", **scholarly_article(view), "isPartOf": data.title})


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: one page per award."""
    if not makes_pages(app):
        return
    from .messages import Language, TextLanguages  # a no-op build never needs them

    site = Language(app.config.language or "en")
    for data in files_shown(app):
        view_of = CardView.maker(data, 1, TextLanguages(site, Language(data.language)))
        for award in data.awards:
            name = page_name(data, award)
            own_url = "./" if app.builder.name == "dirhtml" else Path(name).name + ".html"
            view = view_of(award)
            body = (
                '<section class="awards-page">\n'
                + card_html(view, "", fold_authors=False, cite=cite_menu(cite_base(own_url)))
                + _json_ld(view, data)
                + "</section>\n"
            )
            context = {
                "title": escape(award.title),  # HTML by Sphinx's contract: themes write it raw
                "body": body,
                "metatags": scholar_tags(data, award),
                "awards_page": True,
            }
            yield name, context, "page.html"


def write_citations(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: each award's citation files beside its page."""
    if exception is not None or not makes_pages(app):
        return
    from .exports import bibtex_entry, csl_item, ris_record

    for data in files_shown(app):
        for award in data.awards:
            base = Path(app.outdir) / page_name(data, award)
            if app.builder.name == "dirhtml":
                base = base / "index"  # beside dirhtml's awards/<id>/index.html
            base.parent.mkdir(parents=True, exist_ok=True)
            Path(f"{base}.bib").write_text(bibtex_entry(data, award), encoding="utf-8")
            Path(f"{base}.ris").write_text(ris_record(data, award), encoding="utf-8")
            csl = json.dumps([csl_item(data, award)], ensure_ascii=False, indent=1) + "\n"
            Path(f"{base}.csl.json").write_text(csl, encoding="utf-8")
