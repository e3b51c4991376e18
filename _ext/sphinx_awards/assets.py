"""The stylesheet: shipped in the package, linked only from pages that use it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.fileutil import copy_asset_file

from .nodes import _awards_block, award_card

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


def _page_themes(doctree: nodes.document) -> tuple[bool, dict[str, tuple[str, str]]]:
    """Whether the page shows anything of ours, and the theme colours it uses."""
    used = False
    colors: dict[str, tuple[str, str]] = {}
    for node in doctree.findall(nodes.Element):
        if isinstance(node, award_card):
            view = node["card"]
            colors[view.theme_key] = (view.color, view.color_dark)
            used = True
        elif isinstance(node, _awards_block):
            used = True
        elif "theme_colors" in node:
            key, light, dark = node["theme_colors"]
            colors[key] = (light, dark)
    return used, colors


def theme_style(colors: dict[str, tuple[str, str]]) -> str:
    """One rule per theme, giving its two colours to everything that wears it.

    The colours passed the data checks (a whitelist of CSS colour syntaxes),
    and theme keys are ids, so nothing here can break out of the rule.
    """
    rules = "".join(
        f'[data-awards-theme="{key}"]{{--awards-accent-light:{light};--awards-accent-dark:{dark}}}'
        for key, (light, dark) in sorted(colors.items())
    )
    return f"<style>{rules}</style>" if rules else ""


def link_stylesheet(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Link the stylesheet, and give the themes' colours, on pages that show cards."""
    used, colors = _page_themes(doctree) if doctree is not None else (False, {})
    if used or app.registry.html_assets_policy == "always":
        app.add_css_file(STYLESHEET)
    if colors:
        context["metatags"] = context.get("metatags", "") + theme_style(colors)
