"""An archive's rows lead to their years: once a page is read, each row's
title links to the section of the same page that shows that file's summary
(``:year: 2024`` under "NeurIPS 2024"), a link inside the page that every
builder writes (``#neurips-2024`` in HTML, a hyperlink in the PDF).

Its filters (``render/filters.py``) learn their links once every page is
read: the years' sections, and each paper's card, on the page itself where
the page shows it, else on the card's home page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..render.nodes import award_card, awards_filters, awards_summary
from .domain import awards_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _year_sections(doctree: nodes.document) -> dict[str, str]:
    """Data file → the id of the first section of the page that shows its summary."""
    sections: dict[str, str] = {}
    for summary in doctree.findall(awards_summary):
        section = summary.parent
        path = summary.get("awards_data")
        if path and isinstance(section, nodes.section) and section["ids"]:
            sections.setdefault(path, section["ids"][0])
    return sections


def link_archive_rows(app: Sphinx, doctree: nodes.document) -> None:
    sections = _year_sections(doctree)
    if not sections:
        return
    for title in doctree.findall(nodes.strong):
        target = sections.get(title.get("awards_data", ""))
        if target is not None:
            link = nodes.reference("", "", *title.children, refid=target, internal=True)
            title.children = []
            title += link


def link_filters(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, on the pages whose archive has filters."""
    if not doctree.get("awards_filters") or app.builder.format != "html":
        return
    from ..render.card import card_view  # a no-op build loads nothing that makes cards

    domain = awards_domain(app.env)
    local = {card_view(card).anchor for card in doctree.findall(award_card)}
    sections = _year_sections(doctree)
    for node in doctree.findall(awards_filters):
        hrefs: dict[str, str] = {}
        for group in node["groups"]:
            for paper in (paper for value in group.values for paper in value.papers):
                home = domain.location(paper.name)
                if paper.anchor in local:
                    hrefs[paper.name] = f"#{paper.anchor}"
                elif home is not None:
                    uri = app.builder.get_relative_uri(docname, home[0])
                    hrefs[paper.name] = f"{uri}#{home[1].anchor}"
        node["hrefs"] = hrefs
        node["year_targets"] = sections
