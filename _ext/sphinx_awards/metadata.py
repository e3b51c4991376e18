"""schema.org JSON-LD for the awards on a page, so search engines know the papers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .card import CardView


def scholarly_articles(views: Iterable[CardView]) -> dict[str, Any]:
    """An ItemList of ScholarlyArticle, one per card, in page order."""
    items = []
    for position, view in enumerate(views, 1):
        article: dict[str, Any] = {
            "@type": "ScholarlyArticle",
            "name": view.award.title,
            "author": [{"@type": "Person", "name": name} for name in view.award.authors],
            "url": view.award.url,
            "award": view.level_name,
        }
        if view.award.links:
            article["sameAs"] = [link.url for link in view.award.links]
        items.append({"@type": "ListItem", "position": position, "item": article})
    return {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items}


def json_ld_script(views: Iterable[CardView]) -> str:
    """The ``<script>`` element; ``<`` is escaped so that no text can close it."""
    payload = json.dumps(scholarly_articles(views), ensure_ascii=False, separators=(",", ":"))
    return '<script type="application/ld+json">' + payload.replace("<", "\\u003c") + "</script>"
