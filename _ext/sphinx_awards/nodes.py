"""The doctree nodes of the extension and how each builder writes them.

The nodes wrap standard docutils nodes (paragraphs, lists, references, text),
so every builder already knows how to write their content; the visitors here
only add what HTML can say better (``<article>``, ``<details>``, ``<time>``,
real headings, text for screen readers only) and let other formats degrade to
plain blocks and rubrics.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

    Visitor = Callable[[nodes.NodeVisitor, nodes.Element], None]


class _awards_block(nodes.General, nodes.Element):
    """A block the HTML writer wraps in ``html_tag``; other writers just descend."""

    html_tag: ClassVar[str] = "div"


class awards_summary(_awards_block):
    """The title block, lede, meta strip and stat tiles."""

    html_tag = "header"


class awards_legend(_awards_block):
    """The colour-coded list of themes."""

    html_tag = "section"


class awards_group(_awards_block):
    """One award level's section: its heading, subtitle and cards."""

    html_tag = "section"


class award_card(nodes.General, nodes.Element):
    """One awarded paper, compact: a ``CardView`` in ``card`` and one Text child
    with its words. HTML renders it directly; other builders get it expanded
    into ``award_block`` and ordinary nodes (see ``card.py``)."""


class award_block(_awards_block):
    """An expanded card, for builders other than HTML; LaTeX frames it."""

    html_tag = "article"


class awards_heading(nodes.Part, nodes.TextElement):
    """A heading of the given ``level`` (1-6) that is not a document section."""


class awards_decoration(nodes.Inline, nodes.TextElement):
    """Decorative glyphs (emoji beside a label, ↗): hidden from screen readers."""


class awards_time(nodes.Inline, nodes.TextElement):
    """A date, with its ISO form in ``datetime``."""


# -- small factories shared by the renderers ------------------------------------


def decoration(text: str, *, emoji: bool = False) -> awards_decoration:
    """Decorative text; ``emoji`` ones are also left out of LaTeX, which cannot set them."""
    return awards_decoration(text, text, classes=["awards-decoration"], emoji=emoji)


def paragraph(css_class: str, *children: nodes.Node | str) -> nodes.paragraph:
    """A paragraph of text and nodes (strings become Text nodes)."""
    node = nodes.paragraph(classes=[css_class])
    node.extend(nodes.Text(child) if isinstance(child, str) else child for child in children)
    return node


# -- HTML ---------------------------------------------------------------------


def _html_attributes(node: nodes.Element) -> dict[str, str]:
    return dict(node.get("html_attributes", {}))


def visit_block_html(self: HTML5Translator, node: _awards_block) -> None:
    self.body.append(self.starttag(node, node.html_tag, **_html_attributes(node)))


def depart_block_html(self: HTML5Translator, node: _awards_block) -> None:
    self.body.append(f"</{node.html_tag}>\n")


def visit_heading_html(self: HTML5Translator, node: awards_heading) -> None:
    self.body.append(self.starttag(node, f"h{node['level']}", "", **_html_attributes(node)))


def depart_heading_html(self: HTML5Translator, node: awards_heading) -> None:
    self.body.append(f"</h{node['level']}>\n")


def _inline_html(tag: str, **attributes: str) -> tuple[Visitor, Visitor]:
    def visit(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(self.starttag(node, tag, "", **attributes, **_html_attributes(node)))

    def depart(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(f"</{tag}>")

    return visit, depart


# -- other formats --------------------------------------------------------------


def descend(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Write the children as they are."""


def visit_decoration_latex(self: LaTeXTranslator, node: awards_decoration) -> None:
    if node.get("emoji"):
        raise nodes.SkipNode


def visit_heading_as_rubric(self: nodes.NodeVisitor, node: awards_heading) -> None:
    self.visit_rubric(node)


def depart_heading_as_rubric(self: nodes.NodeVisitor, node: awards_heading) -> None:
    self.depart_rubric(node)


def visit_card_latex(self: LaTeXTranslator, node: award_block) -> None:
    # Start a card on a new page rather than leave only its first lines at the foot of one.
    self.body.append("\n\\needspace{12\\baselineskip}\\begin{sphinxShadowBox}\n")
    self.body.append(self.hypertarget_to(node, anchor=True))  # where :award: links land


def depart_card_latex(self: LaTeXTranslator, node: award_block) -> None:
    self.body.append("\n\\end{sphinxShadowBox}\n")


_DESCEND = (descend, descend)
_RUBRIC = (visit_heading_as_rubric, depart_heading_as_rubric)
_BLOCK_HTML = (visit_block_html, depart_block_html)
_NON_HTML = ("latex", "text", "man", "texinfo")


def _everywhere_else(
    html: tuple[Visitor, Visitor | None],
    other: tuple[Visitor, Visitor | None],
    **special: tuple[Visitor, Visitor | None],
) -> dict[str, tuple[Visitor, Visitor | None]]:
    return {"html": html, **dict.fromkeys(_NON_HTML, other), **special}


def register(app: Sphinx) -> None:
    """One ``add_node`` per node class, with a visitor for every writer
    (``award_card``'s are in ``card.py``, beside its HTML)."""
    for block in (awards_summary, awards_legend, awards_group):
        app.add_node(block, **_everywhere_else(_BLOCK_HTML, _DESCEND))
    app.add_node(
        award_block,
        **_everywhere_else(_BLOCK_HTML, _DESCEND, latex=(visit_card_latex, depart_card_latex)),
    )
    app.add_node(awards_heading, **_everywhere_else((visit_heading_html, depart_heading_html), _RUBRIC))
    app.add_node(
        awards_decoration,
        **_everywhere_else(
            _inline_html("span", **{"aria-hidden": "true"}), _DESCEND, latex=(visit_decoration_latex, descend)
        ),
    )
    app.add_node(awards_time, **_everywhere_else(_inline_html("time"), _DESCEND))
