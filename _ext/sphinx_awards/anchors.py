"""Every HTML id the extension writes, from one scheme that cannot collide.

Ids and namespaces in a data file are words of lowercase letters and digits
joined by single hyphens (the schema says so); the extension joins names with
two. So ``a--b-c`` (namespace ``a``, id ``b-c``), ``a-b--c`` (namespace
``a-b``, id ``c``) and ``a-b-c`` (no namespace) differ; a card's parts
(``x--title``, ``x--paper``, ``x--link-1``) are never another card's id; a card
shown again on a page is ``x--2`` (its title ``x--2--title``). Docutils'
own ids never hold two hyphens in a row either.

What the scheme cannot see is the rest of the page: a section titled "Gated
Attention" has the id ``gated-attention``, as a card of that id would. After
a page is read, ``unique_card_anchors`` gives such a card the next free name
and says so, at the directive that shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from .nodes import award_card

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config

logger = logging.getLogger(__name__)

SEPARATOR = "--"


def joined(*names: str) -> str:
    """Names joined into one id; empty names (no namespace) are left out."""
    return SEPARATOR.join(name for name in names if name)


def award_page(anchor: str) -> str:
    """The page of an award (``pages.py``), by the card's first anchor."""
    return f"awards/{anchor}"


def reference_anchor(reference_name: str) -> str:
    """The card's first anchor from what ``:award:`` takes: ``ns:id`` is ``ns--id``."""
    return reference_name.replace(":", SEPARATOR)


#: The builders that write a page per award when ``awards_pages`` is on.
PAGE_BUILDERS = ("html", "dirhtml")


def writes_award_pages(config: Config, builder: Builder) -> bool:
    return bool(config.awards_pages) and builder.name in PAGE_BUILDERS


def cite_base(page_url: str) -> str:
    """Where an award's citation files are, without their suffix: beside its
    page (``awards/x.html`` gives ``awards/x``; dirhtml's ``awards/x/`` gives ``awards/x/index``)."""
    if page_url.endswith("/"):
        return page_url + "index"
    return page_url.removesuffix(".html")


def next_free(anchor: str, taken: set[str]) -> str:
    """``anchor--2``, or the first of ``--3``, ``--4``... not yet taken."""
    number = 2
    while joined(anchor, str(number)) in taken:
        number += 1
    return joined(anchor, str(number))


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
    from .domain import awards_domain

    domain = awards_domain(app.env)
    first_names: dict[str, str] = {}
    for card in cards:
        view = card["card"]
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
            card["card"] = view._replace(anchor=renamed)
            first_names.setdefault(anchor, renamed)
            taken.add(renamed)
        else:
            first_names[anchor] = anchor
            taken.add(anchor)
