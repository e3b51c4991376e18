"""The stylesheet: shipped in the package, linked only from pages that use it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.fileutil import copy_asset_file

from .nodes import _awards_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
STYLESHEET = "awards.css"


def copy_stylesheet(app: Sphinx) -> None:
    """On HTML builders only, put our stylesheet into ``_static``.

    Copied here rather than added to ``html_static_path``: changing a config
    value makes Sphinx see a changed configuration on every build and write
    every page again. Copied before any page is written, so that Sphinx can
    add its checksum to the link.
    """
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        copy_asset_file(STATIC_DIR / STYLESHEET, static / STYLESHEET, force=True)


def _uses_awards(doctree: nodes.document | None) -> bool:
    return doctree is not None and next(iter(doctree.findall(_awards_block)), None) is not None


def link_stylesheet(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Link the stylesheet from this page if it shows anything of ours."""
    if app.registry.html_assets_policy == "always" or _uses_awards(doctree):
        app.add_css_file(STYLESHEET)
