"""The stylesheet: shipped in the package, linked only from pages that use it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .nodes import _awards_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "awards.css"


def add_static_dir(app: Sphinx) -> None:
    """On HTML builders only, let Sphinx copy our stylesheet into ``_static``."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))


def _uses_awards(doctree: nodes.document | None) -> bool:
    return doctree is not None and next(iter(doctree.findall(_awards_block)), None) is not None


def link_stylesheet(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Link the stylesheet from this page if it shows anything of ours."""
    if app.registry.html_assets_policy == "always" or _uses_awards(doctree):
        app.add_css_file(STYLESHEET)
