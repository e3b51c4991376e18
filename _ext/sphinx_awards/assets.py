"""What a page with cards gets in HTML: the stylesheet (shipped in the package,
linked only from pages that use it), the themes' colours and JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .card import CardView
from .i18n import cards_shown
from .metadata import json_ld_script
from .nodes import award_card, awards_block_base, awards_legend

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
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
        for name in (STYLESHEET,) if _is_e_book(app) else (STYLESHEET, SCRIPT):
            _copy_if_changed(STATIC_DIR / name, static / name)


def _copy_if_changed(source: Path, destination: Path) -> None:
    """Copy unless the same bytes are there (a theme's copy of an older version is replaced).

    Not ``copy_asset_file``: its ``force`` argument, needed to replace a file,
    is new in Sphinx 8.1.
    """
    content = source.read_bytes()
    if not destination.is_file() or destination.read_bytes() != content:
        destination.write_bytes(content)


def _is_e_book(app: Sphinx) -> bool:
    """EPUB: no scripts run there, and search engines do not read it."""
    return app.builder.name.startswith("epub")


@dataclass
class _PageContents:
    """What of ours a page shows: anything at all, the themes' colours, the cards."""

    used: bool = False
    legend: bool = False
    colors: dict[str, tuple[str, str]] = field(default_factory=dict)
    cards: list[CardView] = field(default_factory=list)


def _page_contents(doctree: nodes.document | None) -> _PageContents:
    contents = _PageContents()
    if doctree is None:
        return contents
    for node in doctree.findall(nodes.Element):
        if isinstance(node, award_card):
            view: CardView = node["card"]
            contents.colors[view.theme_key] = (view.color, view.color_dark)
            contents.cards.append(view)
            contents.used = True
        elif isinstance(node, awards_block_base):
            contents.used = True
            contents.legend |= isinstance(node, awards_legend)
        elif "theme_colors" in node:
            key, light, dark = node["theme_colors"]
            contents.colors[key] = (light, dark)
    return contents


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


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """On pages that show cards: the stylesheet, the themes' colours and JSON-LD;
    with a legend, the script that lets it filter the cards."""
    contents = _page_contents(doctree)
    always = app.registry.html_assets_policy == "always"
    if contents.used or always:
        app.add_css_file(STYLESHEET)
    if (contents.legend or always) and not _is_e_book(app):
        # What the script announces after filtering, counted here: "{shown} of 7 cards shown".
        attributes: dict[str, Any] = {"defer": "defer", "data-status": cards_shown(len(contents.cards))}
        app.add_js_file(SCRIPT, **attributes)
    head = theme_style(contents.colors)
    description = (context.get("meta") or {}).get("description")
    if description and 'name="description"' not in context.get("metatags", ""):
        head += f'<meta name="description" content="{escape(description)}" />'
    if contents.cards and app.config.awards_json_ld and not _is_e_book(app):
        head += json_ld_script(contents.cards)
    if head:
        context["metatags"] = context.get("metatags", "") + head
