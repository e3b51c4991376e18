"""Card ids unique on their page.

The ids the extension writes follow one scheme that cannot collide with
itself (``data/ids.py``). What the scheme cannot see is the rest of the page: a section titled "Gated
Attention" has the id ``gated-attention``, as a card of that id would. After
a page is read, ``unique_card_anchors`` gives such a card the next free name
and says so, at the directive that shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from ..data.ids import next_free
from ..render.nodes import award_card

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def unique_card_anchors(app: Sphinx, doctree: nodes.document) -> None:
    """Rename the cards whose id something else on the page already has: the
    same card shown again (silently), or a section or target (with a warning,
    since links to ``#id`` then reach the other element)."""
    cards: list[award_card] = []
    taken: set[str] = set()
    for node in doctree.findall(nodes.Element):
        if isinstance(node, award_card):
            cards.append(node)
        else:
            taken.update(node["ids"])
    if not cards:
        return
    from ..render.card import card_view, replace_card_view
    from .domain import awards_domain

    domain = awards_domain(app.env)
    first_names: dict[str, str] = {}
    for card in cards:
        view = card_view(card)
        anchor = view.anchor
        if anchor in taken:
            renamed = next_free(anchor, taken)
            if anchor not in first_names:  # the page's own element, not the same card again
                logger.warning(
                    f"the card {view.award.id!r} would have the same id as another element of this page "
                    f"(#{anchor}, a section or target); the card is #{renamed} here: give the card or "
                    "the other element another name",
                    location=card,
                    type="awards",
                    subtype="anchor",
                )
                domain.move_anchor(app.env.docname, anchor, renamed)
            card["ids"] = [renamed]
            replace_card_view(card, view._replace(anchor=renamed))
            first_names.setdefault(anchor, renamed)
            taken.add(renamed)
        else:
            first_names[anchor] = anchor
            taken.add(anchor)
