"""A card as HTML, written in one go by the HTML writer's visitor: headings,
badges, tags, the folded author list, links, and the Cite menu where award
pages are written."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from docutils import nodes

from ..data.ids import cite_base, joined, next_free, renamed_page
from .card import (
    Authors,
    Badge,
    CardView,
    Part,
    Tags,
    Text,
    card_parts,
    card_view,
    emoji_name,
    is_emoji_alone,
)
from .nodes import award_card, bmp_html, writes_award_pages
from .words import _

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from ..data.model import Tag


# -- HTML ----------------------------------------------------------------------

_HIDDEN = '<span aria-hidden="true">{}</span>'
_SR_ONLY = '<span class="awards-sr-only">{}</span>'


def _isolated(view: CardView, markup: str) -> str:
    """Text inside a line, in a ``<bdi>`` where it may run the other way."""
    return f"<bdi>{markup}</bdi>" if view.isolate else markup


def _track_html(badge: Badge) -> str:
    """A short badge ("D&B") shows its long form on hover and is read as it."""
    if badge.track_name in ("", badge.track):
        return escape(badge.track)
    name = escape(badge.track_name)
    return f'<abbr title="{name}" aria-hidden="true">{escape(badge.track)}</abbr>' + _SR_ONLY.format(name)


@lru_cache(maxsize=4096)
def _tag_html(tag: Tag) -> str:
    """An emoji alone is announced by its Unicode name ("robot face").

    Emoji as references here, where they are, so that the card's markup is
    seldom searched for them (``bmp_html``); and each tag made once, as a
    conference's cards share their tags."""
    if tag.emoji:
        return f"{_HIDDEN.format(bmp_html(escape(tag.emoji)))} {escape(tag.text)}"
    if is_emoji_alone(tag):
        name = escape(emoji_name(tag.text))
        return f'<span role="img" aria-label="{name}">{bmp_html(escape(tag.text))}</span>'
    return escape(tag.text)


def _part_html(view: CardView, css_class: str, part: Part, *, fold_authors: bool) -> str:
    auto = ' dir="auto"' if view.isolate else ""
    if isinstance(part, Text):
        return f'<p class="{css_class}"{auto}{view.lang_of(part.text)}>{escape(part.text)}</p>'
    if isinstance(part, Badge):
        # Not <b>/<strong>: a paragraph that opens in bold reads as a heading
        # written without heading markup (HTML_CodeSniffer's H42).
        badge = f'<span class="award-level"{view.lang_of(part.level)}>{escape(part.level)}</span>'
        if part.track:
            badge += _HIDDEN.format(" · ") + _track_html(part)
        return f'<p class="{css_class}">{badge}</p>'
    if isinstance(part, Tags):
        return (
            f'<ul class="{css_class}">'
            + "".join(f"<li{auto}{view.lang_of(tag.text)}>{_tag_html(tag)}</li>" for tag in part.tags)
            + "</ul>"
        )
    if isinstance(part, Authors):
        full_list = escape(", ".join(part.authors))
        if len(part.authors) > 1 and fold_authors:
            # "Authors: Ada Lovelace et al., collapsed", not a name alone.
            label = _SR_ONLY.format(escape(str(_("Authors:"))) + " ")
            return (
                f'<details class="{css_class}">'
                f"<summary>{label}{_isolated(view, escape(part.short))}</summary>"
                f"<p{auto}>{full_list}</p></details>"
            )
        return f'<p class="{css_class}"{auto}>{full_list}</p>'
    # A list (several links in a row are a list, HTML_CodeSniffer's H48),
    # each link named by its text and the card's title ("View paper <title>").
    items = []
    data_labels = {link.label for link in view.award.links}
    for number, (text, url) in enumerate(part.links):
        lang = view.lang_of(text) if text in data_labels else _lang(view.own_lang)
        own_id = joined(view.anchor, f"link-{number}" if number else "paper")
        separator = _HIDDEN.format("· ") if number else ""
        arrow = "" if number else _HIDDEN.format(" ↗\ufe0e")  # text, not emoji, presentation
        named_by = f"{own_id} {joined(view.anchor, 'title')}"
        items.append(
            f'<li>{separator}<a href="{escape(url)}" id="{own_id}" aria-labelledby="{named_by}"{lang}>'
            f"{_isolated(view, escape(text))}{arrow}</a></li>"
        )
    return f'<ul class="{css_class}">' + "".join(items) + "</ul>"


#: Citation formats: (file suffix, the menu's words).
CITATIONS = ((".bib", "BibTeX"), (".ris", "RIS"), (".csl.json", "CSL-JSON"))


def cite_menu(base_url: str, own_lang: str = "") -> str:
    """The Cite menu: a list of downloads, no script needed."""
    cite = _("Cite")  # not inside the f-string, where pybabel cannot see it
    links = "".join(
        f'<li><a href="{escape(base_url)}{suffix}" download>{words}</a></li>' for suffix, words in CITATIONS
    )
    summary = f"<summary{_lang(own_lang)}>{escape(str(cite))}</summary>"
    return f'<details class="award-cite">{summary}<ul>{links}</ul></details>'


def card_html(
    view: CardView,
    permalink: str,
    *,
    fold_authors: bool = True,
    page_url: str = "",
    cite: str = "",
    lead: tuple[tuple[str, Part], ...] = (),
) -> str:
    """The card's markup, kept lean (a page may hold thousands); every text
    escaped, every attribute quoted. Without ``fold_authors`` (e-readers, which
    seldom open ``<details>``) the full author list shows; with ``page_url``
    the title links to the award's page; ``cite`` is its Cite menu; ``lead``
    the parts an award's own page shows first (``card_parts``)."""
    h = f"h{view.heading_level}"
    direction = f' dir="{view.direction}"' if view.direction else ""
    auto = ' dir="auto"' if view.isolate else ""
    parts = "\n".join(
        _part_html(view, css, part, fold_authors=fold_authors) for css, part in card_parts(view, lead)
    )
    if cite:
        parts += "\n" + cite
    title = escape(view.award.title)
    if page_url:
        title = f'<a class="award-page-link" href="{escape(page_url)}">{title}</a>'
    # The article is named by its title; the permalink sits beside the
    # heading, not in it, so that the heading's name is the title alone.
    title_id = joined(view.anchor, "title")
    return bmp_html(
        f'<article class="award-card" id="{view.anchor}" aria-labelledby="{title_id}"'
        f' data-awards-theme="{view.theme_key}" data-awards-level="{escape(view.award.level)}"'
        f' data-awards-track="{escape(view.award.track)}" style="{view.accent_style}"{direction}>\n'
        f'<{h} id="{title_id}"{auto}{view.lang_of(view.award.title)}>{title}</{h}>{permalink}\n'
        f"{parts}\n</article>\n"
    )


class _PageSettings(NamedTuple):
    """What every card of a page is written with, found once a page."""

    #: The permalink's markup after the card's id ("" without permalinks).
    permalink_after_id: str
    e_reader: bool
    pages: bool
    #: The card ids written on the page so far.
    anchors: set[str]


#: Each page's settings, by the translator writing it: kept beside Sphinx's
#: object (gone with it), not set on it.
_PAGES: WeakKeyDictionary[HTML5Translator, _PageSettings] = WeakKeyDictionary()


def _page_settings(self: HTML5Translator) -> _PageSettings:
    settings = _PAGES.get(self)
    if settings is None:
        after_id = ""
        if self.config.html_permalinks and self.builder.add_permalinks:
            label = escape(str(_("Link to this card")))
            after_id = f'" title="{label}" aria-label="{label}">{self.config.html_permalinks_icon}</a>'
        e_reader = self.builder.name.startswith("epub")
        settings = _PageSettings(after_id, e_reader, writes_award_pages(self.config, self.builder), set())
        _PAGES[self] = settings
    return settings


def visit_card_html(self: HTML5Translator, node: award_card) -> None:
    view = card_view(node)
    settings = _page_settings(self)
    # Each page's cards have ids of their own (anchors.py); singlehtml joins
    # the pages, so a card shown on two of them is numbered there.
    written = settings.anchors
    if view.anchor in written:
        view = view._replace(anchor=next_free(view.anchor, written))
    written.add(view.anchor)
    after_id = settings.permalink_after_id
    permalink = f'<a class="headerlink" href="#{view.anchor}{after_id}' if after_id else ""
    page_url = cite = ""
    if settings.pages:
        page = renamed_page(self.builder.env.domaindata.get("awards", {}), view.page, view.source)
        page_url = self.builder.get_relative_uri(self.builder.current_docname, page)
        cite = cite_menu(cite_base(page_url), view.own_lang)
    fold_authors = not settings.e_reader
    self.body.append(card_html(view, permalink, fold_authors=fold_authors, page_url=page_url, cite=cite))
    raise nodes.SkipNode


def _lang(code: str) -> str:
    return f' lang="{code}"' if code else ""
