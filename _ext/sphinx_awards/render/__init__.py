"""The model as document nodes, and each writer's view of them.

``tree`` builds the summary, legend and sections; ``card`` what a card
shows, ``card_html`` it for HTML in one go and ``card_tree`` expanded for
every other writer (the three imported at their first use: a no-op build
never needs them); ``nodes`` the node classes, their visitors and the
cards' packed data; ``latex``/``pdflatex`` what LaTeX needs; ``metadata``
the JSON-LD; ``filters`` an archive's filters; ``assets`` the stylesheet and script; ``words`` the
extension's own words in the site's language.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..package import LOCALE_DIR
from . import assets, latex, metadata, nodes, pdflatex, words

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.add_message_catalog(words.CATALOG, str(LOCALE_DIR))

    # Nodes, with a visitor pair for every writer (nodes.py): HTML gets real
    # headings, <header>, <section>, <time>; the others rubrics and plain blocks.
    block, html_block, rubric = nodes.CHILDREN, nodes.BLOCK_HTML, nodes.RUBRIC
    for section in (nodes.awards_summary, nodes.awards_legend, nodes.awards_group, nodes.awards_grid):
        app.add_node(section, html=html_block, latex=block, text=block, man=block, texinfo=block)
    app.add_node(
        nodes.award_block, html=html_block, latex=nodes.CARD_LATEX, text=block, man=block, texinfo=block
    )
    app.add_node(
        nodes.awards_heading, html=nodes.HEADING_HTML, latex=rubric, text=rubric, man=rubric, texinfo=rubric
    )
    app.add_node(
        nodes.awards_decoration, html=nodes.DECORATION_HTML, latex=nodes.DECORATION_LATEX,
        text=block, man=block, texinfo=block,
    )  # fmt: skip
    app.add_node(nodes.awards_time, html=nodes.TIME_HTML, latex=block, text=block, man=block, texinfo=block)
    # A card: one node, written in one go by HTML (card.py), and expanded into
    # the nodes above for every other builder, Sphinx's own or not.
    expanded = nodes.CARD_EXPANDED
    app.add_node(
        nodes.award_card, html=(_later("card_html", "visit_card_html"), None), latex=expanded, text=expanded,
        man=expanded, texinfo=expanded,
    )  # fmt: skip
    # The page's JSON-LD, and an archive's filters, for web pages only (metadata.py, filters.py).
    nothing = nodes.NOTHING
    app.add_node(
        nodes.awards_filters, html=(_later("filters", "visit_filters_html"), None), latex=nothing,
        text=nothing, man=nothing, texinfo=nothing,
    )  # fmt: skip
    app.add_node(
        nodes.awards_json_ld, html=(metadata.visit_json_ld_html, None), latex=nothing, text=nothing,
        man=nothing, texinfo=nothing,
    )  # fmt: skip
    app.connect("doctree-resolved", _later("card", "add_searchable_words"))  # for the search index
    app.connect("doctree-resolved", metadata.add_json_ld)
    app.connect("builder-inited", _expand_cards_outside_html)  # card_tree.ExpandCards, outside HTML
    app.connect("builder-inited", pdflatex.use_settable_text)  # pdflatex.PdflatexText, for pdflatex
    app.connect("builder-inited", latex.break_long_words)  # latex.LongWords: XeTeX crashes on them
    app.connect("builder-inited", latex.mark_left_to_right)  # latex.LeftToRightRuns: English on Arabic pages
    app.connect("builder-inited", assets.copy_static_files)
    # Before other extensions' handlers (priority 500): sphinxext-opengraph
    # then finds our description in ``metatags`` and writes none of its own.
    app.connect("html-page-context", assets.add_page_assets, priority=400)


def _later(module: str, name: str) -> Callable[..., Any]:
    """``module.name`` (a visitor or a handler), imported at its first call:
    a build that writes no card (a no-op) never loads what makes and writes
    them (``tests/ext/test_fast_paths.py``)."""
    found: list[Callable[..., Any]] = []

    def call(*args: Any, **kwargs: Any) -> Any:
        if not found:
            found.append(getattr(import_module(f"{__name__}.{module}"), name))
        return found[0](*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


def _expand_cards_outside_html(app: Sphinx) -> None:
    if app.builder.format != "html":
        from .card_tree import expand_cards

        expand_cards(app)
