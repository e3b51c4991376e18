"""What a page with cards gets in HTML: the stylesheet and script (shipped in
the package, linked only from pages that use them) and a description (its
JSON-LD is a node of the page: ``metadata.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .nodes import award_card, awards_block_base
from .words import _, cards_shown, own_words_lang

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .card import CardView

from ..package import STATIC_DIR

STYLESHEET = "awards.css"
SCRIPT = "awards.js"


def copy_static_files(app: Sphinx) -> None:
    """On HTML builders only, put our stylesheet (and script) into ``_static``.

    Copied here rather than added to ``html_static_path``: changing a config
    value makes Sphinx see a changed configuration on every build and write
    every page again. Copied before any page is written, so that Sphinx can
    add its checksum to the link.
    """
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        if _is_e_book(app):
            _write_if_changed(static / STYLESHEET, for_e_books(STATIC_DIR.joinpath(STYLESHEET).read_bytes()))
            return
        _write_if_changed(static / STYLESHEET, STATIC_DIR.joinpath(STYLESHEET).read_bytes())
        _write_if_changed(static / SCRIPT, without_comments(STATIC_DIR.joinpath(SCRIPT).read_bytes()))


#: A comment that fills its lines: ``// ...`` or a ``/* ... */`` block.
_COMMENT_LINES = rb"(?ms)^[ \t]*(?://[^\n]*|/\*.*?\*/)[ \t]*\n"


def without_comments(script: bytes) -> bytes:
    """The script as browsers need it: its comments, written for those who
    read it here, are a fifth of it compressed (3.5 KB with them, 2.7 KB without)."""
    return re.sub(_COMMENT_LINES, b"", script)


def _write_if_changed(destination: Path, content: bytes) -> None:
    """Write unless the same bytes are there (a theme's copy of an older version is replaced).

    Not ``copy_asset_file``: its ``force`` argument, needed to replace a file,
    is new in Sphinx 8.1.
    """
    if not destination.is_file() or destination.read_bytes() != content:
        destination.write_bytes(content)


_BIDI_DECLARATION = rb"\s*unicode-bidi\s*:[^;}]*;?"  # compiled by re when an EPUB needs it


def for_e_books(stylesheet: bytes) -> bytes:
    """The stylesheet without ``unicode-bidi``, which EPUB forbids in style
    sheets (EPUB 3.3, CSS-001): reading systems own the text direction, and
    the ``dir`` attributes of our markup still say it."""
    return re.sub(_BIDI_DECLARATION, b"", stylesheet)


def _is_e_book(app: Sphinx) -> bool:
    """EPUB: no scripts run there, and search engines do not read it."""
    return app.builder.name.startswith("epub")


@dataclass
class _PageContents:
    """What of ours a page shows: anything at all, and the cards."""

    used: bool = False
    cards: list[CardView] = field(default_factory=list)


def _page_contents(doctree: nodes.document | None) -> _PageContents:
    contents = _PageContents()
    if doctree is None:  # genindex, search: all a no-op build writes
        return contents
    from .card import card_view

    for node in doctree.findall(nodes.Element):
        if isinstance(node, award_card):
            contents.cards.append(card_view(node))
            contents.used = True
        elif isinstance(node, awards_block_base):
            contents.used = True
    return contents


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """On pages that show cards: the stylesheet, the script (which follows the
    theme's dark mode, and lets a legend filter the cards) and a description.

    Only the description goes through ``metatags``, which some themes never
    render (sphinx_immaterial, shibuya): the themes' colours are attributes of
    the cards, and the JSON-LD is in the page body, which every theme renders.
    """
    contents = _page_contents(doctree)
    always = app.registry.html_assets_policy == "always"
    if contents.used or always or context.get("awards_page"):
        app.add_css_file(STYLESHEET)
        if not _is_e_book(app):
            # What the script announces after filtering ("{shown} of 7 cards
            # shown") and tells of the legend's buttons, in the page's language.
            attributes: dict[str, Any] = {
                "defer": "defer",
                "data-status": cards_shown(len(contents.cards)),
                "data-hint": str(_("Shows only the cards of this theme; press again to show all.")),
            }
            if own_lang := own_words_lang(app.config.language or "en"):
                attributes["data-lang"] = own_lang  # the language of those words
            if app.config.awards_pages:  # the Cite menus' copy buttons
                attributes["data-copy"] = str(_("Copy"))
                attributes["data-copied"] = str(_("Copied to the clipboard."))
                attributes["data-copy-failed"] = str(_("Copying failed; the link downloads the file."))
            app.add_js_file(SCRIPT, **attributes)
    # The summary's lede as the page's description: only the <head> can hold
    # it, so a theme that does not render ``metatags`` drops it (as it drops
    # Sphinx's own ``.. meta::`` tags). Never a second one beside another
    # extension's (sphinxext-opengraph's ``ogp_enable_meta_description``).
    description = (context.get("meta") or {}).get("description")
    metatags = context.get("metatags", "")
    if description and not _DESCRIPTION_TAG.search(metatags):
        context["metatags"] = metatags + f'<meta name="description" content="{escape(description)}" />'


_DESCRIPTION_TAG = re.compile(r"""<meta\b[^>]*\bname\s*=\s*["']?description\b""", re.IGNORECASE)
