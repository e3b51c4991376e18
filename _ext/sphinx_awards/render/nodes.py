"""The doctree nodes of the extension and how each builder writes them.

The nodes wrap standard docutils nodes (paragraphs, lists, references, text),
so every builder already knows how to write their content; the visitors here
only add what HTML can say better (``<article>``, ``<details>``, ``<time>``,
real headings, text for screen readers only) and let other formats degrade to
plain blocks and rubrics.
"""

from __future__ import annotations

import pickle
import re
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator


#: What a ``CardViews`` holds (``card.CardView``).
_View = TypeVar("_View")


class awards_block_base(nodes.General, nodes.Element):
    """A block the HTML writer wraps in ``html_tag``; other writers just descend."""

    html_tag: ClassVar[str] = "div"


class awards_summary(awards_block_base):
    """The title block, lede, meta strip and stat tiles.

    A ``section``, not a ``header``: outside ``<main>`` (in themes that have
    none) a header is the page's banner landmark, and the theme has its own."""

    html_tag = "section"


class awards_legend(awards_block_base):
    """The colour-coded list of themes."""

    html_tag = "section"


class awards_group(awards_block_base):
    """One award level's section: its heading, subtitle and cards."""

    html_tag = "section"


class awards_grid(awards_block_base):
    """The cards of a group. Not docutils' ``container``: its HTML class is
    also a layout class of many themes (Bootstrap's ``.container`` sets a
    width, padding and a clearfix whose boxes would become grid cells)."""


class awards_filters(nodes.General, nodes.Element):
    """An archive's filters by year, level and track (``filters.py``): HTML
    writes them, other builders nothing."""


class award_card(nodes.General, nodes.Element):
    """One awarded paper, compact: in ``card``, where its ``CardView`` is (its
    grid's ``CardViews`` and its place there: ``card.card_view``), and on a
    web page one Text child with its words. HTML renders it directly; other builders get it expanded into
    ``award_block`` and ordinary nodes (see ``card.py``)."""


class CardViews(Generic[_View]):
    """The views of a grid's cards, which its ``award_card`` nodes point into.

    Pickled as one string of bytes, unpacked when a card is first looked at:
    Sphinx unpickles a page's doctree for more than writing it (the root
    page's, for the navigation of every page it writes, ``genindex`` on a
    build with nothing else to do), and a page of thousands of cards made
    that cost grow with them."""

    __slots__ = ("_packed", "_views")

    def __init__(self) -> None:
        self._views: list[_View] | None = []
        self._packed = b""

    @classmethod
    def unpacked_later(cls, packed: bytes) -> CardViews[_View]:
        views = cls()
        views._views, views._packed = None, packed
        return views

    def add(self, view: _View) -> int:
        """Keep ``view``; its place, for the card node."""
        views = self._unpacked()
        views.append(view)
        return len(views) - 1

    def __getitem__(self, index: int) -> _View:
        return self._unpacked()[index]

    def __setitem__(self, index: int, view: _View) -> None:
        self._unpacked()[index] = view

    def _unpacked(self) -> list[_View]:
        if self._views is None:
            self._views, self._packed = pickle.loads(self._packed), b""
        return self._views

    def __reduce__(self) -> tuple[Callable[[bytes], CardViews[_View]], tuple[bytes]]:
        packed = self._packed if self._views is None else pickle.dumps(self._views, pickle.HIGHEST_PROTOCOL)
        return CardViews.unpacked_later, (packed,)


class awards_json_ld(nodes.General, nodes.Element):
    """The page's schema.org JSON-LD (``script``), last in the body: added on
    ``doctree-resolved`` for web pages only (``metadata.py``)."""


class award_block(awards_block_base):
    """An expanded card, for builders other than HTML; LaTeX frames it."""

    html_tag = "article"


class awards_heading(nodes.Part, nodes.TextElement):
    """A heading of the given ``level`` (1-6) that is not a document section."""


class awards_decoration(nodes.Inline, nodes.TextElement):
    """Decorative glyphs (emoji beside a label, ↗): hidden from screen readers."""


class awards_time(nodes.Inline, nodes.TextElement):
    """A date, with its ISO form in ``datetime``."""


#: The builders that write a page per award when ``awards_pages`` is on.
PAGE_BUILDERS = ("html", "dirhtml")


def writes_award_pages(config: Config, builder: Builder) -> bool:
    """Whether cards link to award pages, and the pages are written (``publish/pages.py``)."""
    return bool(config.awards_pages) and builder.name in PAGE_BUILDERS


# -- small factories shared by the renderers ------------------------------------


def decoration(text: str, *, emoji: bool = False) -> awards_decoration:
    """Decorative text; ``emoji`` ones are also left out of LaTeX, which cannot set them."""
    return awards_decoration(text, text, classes=["awards-decoration"], emoji=emoji)


def data_reference(text: str, url: str, source: str, line: int) -> nodes.reference:
    """A link written in a data file, which knows where (``linkcheck.py``)."""
    return nodes.reference(text, text, refuri=url, awards_source=(source, line))


def paragraph(css_class: str, *children: nodes.Node | str) -> nodes.paragraph:
    """A paragraph of text and nodes (strings become Text nodes)."""
    node = nodes.paragraph(classes=[css_class])
    node.extend(nodes.Text(child) if isinstance(child, str) else child for child in children)
    return node


# -- HTML ---------------------------------------------------------------------


#: Characters beyond the Basic Multilingual Plane (emoji, mostly); compiled
#: by re when a page first has one.
_ASTRAL = "[\U00010000-\U0010ffff]"


def bmp_html(markup: str) -> str:
    """``markup`` with characters beyond U+FFFF as character references
    (``&#x1f916;``), which every browser shows alike. Python stores a string
    in 4 bytes a character if one of them needs it: a page of a thousand
    cards with a robot in a tag is then 10 MB, and each copy a build makes
    of it (the body, the page) 5 MB more than with the references. Whether
    there is one is asked of ``max`` (a C loop: 16 microseconds for a card's
    1,500 characters, ``python -m timeit``)."""
    if markup.isascii() or max(markup) <= "\uffff":
        return markup
    return re.sub(_ASTRAL, _reference, markup)


def _reference(found: re.Match[str]) -> str:
    return f"&#x{ord(found.group()):x};"


def _html_attributes(node: nodes.Element) -> dict[str, Any]:
    return dict(node.get("html_attributes", {}))


def visit_block_html(self: HTML5Translator, node: awards_block_base) -> None:
    self.body.append(self.starttag(node, node.html_tag, **_html_attributes(node)))


def depart_block_html(self: HTML5Translator, node: awards_block_base) -> None:
    self.body.append(f"</{node.html_tag}>\n")


def visit_heading_html(self: HTML5Translator, node: awards_heading) -> None:
    self.body.append(self.starttag(node, f"h{node['level']}", "", **_html_attributes(node)))


def depart_heading_html(self: HTML5Translator, node: awards_heading) -> None:
    self.body.append(f"</h{node['level']}>\n")


def visit_decoration_html(self: HTML5Translator, node: awards_decoration) -> None:
    attributes = {"aria-hidden": "true", **_html_attributes(node)}
    text = bmp_html(self.encode(node.astext()))
    self.body.append(self.starttag(node, "span", "", **attributes) + text + "</span>")
    raise nodes.SkipNode


def visit_time_html(self: HTML5Translator, node: awards_time) -> None:
    self.body.append(self.starttag(node, "time", "", **_html_attributes(node)))


def depart_time_html(self: HTML5Translator, node: awards_time) -> None:
    self.body.append("</time>")


# -- other formats --------------------------------------------------------------


def descend(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Write the children as they are."""


def skip(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Write nothing of the node."""
    raise nodes.SkipNode


def visit_decoration_latex(self: LaTeXTranslator, node: awards_decoration) -> None:
    if node.get("emoji"):
        raise nodes.SkipNode


def visit_heading_as_rubric(self: Any, node: awards_heading) -> None:
    """Every writer knows rubrics: a heading that is not a section."""
    self.visit_rubric(node)


def depart_heading_as_rubric(self: Any, node: awards_heading) -> None:
    self.depart_rubric(node)


#: A card's frame on a right-to-left page: a rule above and below it, since
#: ``bidi`` draws the shadow box's frame and background beside its text.
_RULE = "\\par\\noindent\\rule{\\linewidth}{0.4pt}\\par\n"


def _right_to_left(self: LaTeXTranslator) -> bool:
    from ..text.language import Language

    return Language(self.config.language or "en").right_to_left


def visit_card_latex(self: LaTeXTranslator, node: award_block) -> None:
    # Start a card on a new page rather than leave only its first lines at the foot of one.
    frame = _RULE if _right_to_left(self) else "\\begin{sphinxShadowBox}\n"
    self.body.append(f"\n\\needspace{{12\\baselineskip}}{frame}")
    self.body.append(self.hypertarget_to(node, anchor=True))  # where :award: links land


def depart_card_latex(self: LaTeXTranslator, node: award_block) -> None:
    self.body.append("\n" + (_RULE if _right_to_left(self) else "\\end{sphinxShadowBox}\n"))


# -- visitor pairs, as setup() passes them to add_node --------------------------

BLOCK_HTML = (visit_block_html, depart_block_html)
HEADING_HTML = (visit_heading_html, depart_heading_html)
DECORATION_HTML = (visit_decoration_html, None)
DECORATION_LATEX = (visit_decoration_latex, descend)
TIME_HTML = (visit_time_html, depart_time_html)
CARD_LATEX = (visit_card_latex, depart_card_latex)
#: Other writers: the heading as a rubric, a block as its children.
RUBRIC = (visit_heading_as_rubric, depart_heading_as_rubric)
CHILDREN = (descend, descend)
NOTHING = (skip, None)
#: ``award_card`` for writers other than HTML: ``card_tree.ExpandCards``
#: replaces it before they see it; should one still meet it, its words.
CARD_EXPANDED = (descend, None)
