"""schema.org JSON-LD for the awards on a page, so search engines know the papers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

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


def scholarly_articles(views: Iterable[CardView]) -> dict[str, Any]:
    """An ItemList of ScholarlyArticle, one per card, in page order."""
    items = [
        {"@type": "ListItem", "position": position, "item": scholarly_article(view)}
        for position, view in enumerate(views, 1)
    ]
    return {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items}


def json_ld_script(views: Iterable[CardView]) -> str:
    return ld_script(scholarly_articles(views))


def ld_script(document: dict[str, Any]) -> str:
    """The ``<script>`` element; ``<`` is escaped so that no text can close it."""
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return '<script type="application/ld+json">' + payload.replace("<", "\\u003c") + "</script>"
