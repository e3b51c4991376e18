"""schema.org JSON-LD for the awards on a page, so search engines know the papers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .nodes import award_card, awards_json_ld

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from .card import CardView


def scholarly_article(view: CardView) -> dict[str, Any]:
    """One card's paper, as schema.org's ScholarlyArticle."""
    article: dict[str, Any] = {
        "@type": "ScholarlyArticle",
        "name": view.award.title,
        "author": [{"@type": "Person", "name": name} for name in view.award.authors],
        "url": view.award.url,
        "award": view.level_name,
    }
    if view.award.links:
        article["sameAs"] = [link.url for link in view.award.links]
    return article


def json_ld_script(views: Iterable[CardView]) -> str:
    """An ItemList of ScholarlyArticle, one per card, in page order."""
    items = [
        {"@type": "ListItem", "position": position, "item": scholarly_article(view)}
        for position, view in enumerate(views, 1)
    ]
    return ld_script({"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items})


def ld_script(document: dict[str, Any]) -> str:
    """The ``<script>`` element; ``<`` is escaped so that no text can close it."""
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return '<script type="application/ld+json">' + payload.replace("<", "\\u003c") + "</script>"


def add_json_ld(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """On ``doctree-resolved``, for web pages that show cards: their JSON-LD,
    last in the body (search engines read it anywhere; every theme renders
    the body). A node, not text appended to the page's ``body``: that would
    copy a page of thousands of cards once more."""
    if app.builder.format != "html" or app.builder.name.startswith("epub") or not app.config.awards_json_ld:
        return
    from .card import card_view  # a no-op build loads nothing that makes cards

    views = [card_view(node) for node in doctree.findall(award_card)]
    if views:
        doctree += awards_json_ld(script=json_ld_script(views))


def visit_json_ld_html(self: HTML5Translator, node: awards_json_ld) -> None:
    self.body.append(node["script"])
    raise nodes.SkipNode
