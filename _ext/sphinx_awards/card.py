"""One card: what it shows, its compact node, its HTML, and its tree for other builders.

A page may hold thousands of cards, and every node costs time in each of
Sphinx's transforms. So a card is one ``award_card`` node carrying a
``CardView`` and a single ``Text`` child with all its visible words (for the
search index); the HTML writer renders it in one go. For other builders a
post-transform expands it into ordinary docutils nodes first.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .i18n import _
from .model import Award, AwardsData, Tag
from .nodes import (
    award_block,
    award_card,
    awards_heading,
    decoration,
    descend,
    paragraph,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


@dataclass(frozen=True)
class CardView:
    """One award and what the data file says around it: enough to render the
    card in any format without the data file."""

    award: Award
    anchor: str
    heading_level: int
    level_name: str
    track_badge: str
    theme_key: str
    color: str
    color_dark: str
    view_paper: str
    et_al: str

    @classmethod
    def of(cls, data: AwardsData, award: Award, heading_level: int) -> CardView:
        theme = data.theme(award.theme)
        return cls(
            award=award,
            anchor=data.anchor(award),
            heading_level=min(heading_level, 6),
            level_name=data.level(award.level).name,
            track_badge=data.track(award.track).badge,
            theme_key=data.theme_key(theme),
            color=theme.color,
            color_dark=theme.color_dark,
            view_paper=data.labels.view_paper or str(_("View paper")),
            et_al=data.labels.et_al or str(_("et al.")),
        )

    @property
    def authors_short(self) -> str:
        authors = self.award.authors
        return authors[0] if len(authors) == 1 else f"{authors[0]} {self.et_al}"

    @property
    def searchable_text(self) -> str:
        award = self.award
        tags = " ".join(tag.text for tag in award.tags)
        links = " ".join(link.label for link in award.links)
        badge = f"{self.level_name} {self.track_badge}"
        return " ".join(
            (award.title, badge, award.summary, tags, award.description, ", ".join(award.authors), links)
        )


def card_node(view: CardView) -> award_card:
    node = award_card(ids=[view.anchor], card=view, support_smartquotes=False)
    node += nodes.Text(view.searchable_text)
    return node


# -- HTML ----------------------------------------------------------------------

_HIDDEN = '<span aria-hidden="true">{}</span>'


def _link_html(view: CardView, text: str, url: str, suffix: str) -> str:
    """A link named by its text and the card's title ("View paper <title>")."""
    own_id = f"{view.anchor}-{suffix}"
    return f'<a href="{escape(url)}" id="{own_id}" aria-labelledby="{own_id} {view.anchor}-t">{escape(text)}'


def _tag_html(tag: Tag) -> str:
    """An emoji beside words is decoration; an emoji alone is the tag's meaning,
    so it is announced by its Unicode name ("robot face")."""
    if tag.emoji:
        return f"{_HIDDEN.format(escape(tag.emoji))} {escape(tag.text)}"
    if not any(char.isalnum() for char in tag.text):
        return f'<span role="img" aria-label="{escape(emoji_name(tag.text))}">{escape(tag.text)}</span>'
    return escape(tag.text)


def emoji_name(text: str) -> str:
    """'🤖' → 'robot face'; joiners and variation selectors are skipped."""
    names = (
        unicodedata.name(char, "") for char in text if not unicodedata.category(char).startswith(("M", "C"))
    )
    return " ".join(name.lower() for name in names if name and "VARIATION SELECTOR" not in name) or text


def card_html(view: CardView, permalink: str, *, fold_authors: bool = True) -> str:
    """The card's markup, kept lean (a page may hold thousands); every text
    escaped, every attribute quoted. Without ``fold_authors`` (e-readers, which
    seldom open ``<details>``) the full author list shows."""
    h = f"h{view.heading_level}"
    badge = f"<b>{escape(view.level_name)}</b>"
    if view.track_badge:
        badge += _HIDDEN.format(" · ") + escape(view.track_badge)
    tags = "".join(f"<li>{_tag_html(tag)}</li>" for tag in view.award.tags)
    full_list = escape(", ".join(view.award.authors))
    if len(view.award.authors) > 1 and fold_authors:
        authors = (
            f'<details class="award-authors"><summary>{escape(view.authors_short)}</summary>'
            f"<p>{full_list}</p></details>"
        )
    else:
        authors = f'<p class="award-authors">{full_list}</p>'
    links = _link_html(view, view.view_paper, view.award.url, "p") + _HIDDEN.format(" ↗") + "</a>"
    for number, link in enumerate(view.award.links, 1):
        links += _HIDDEN.format(" · ") + _link_html(view, link.label, link.url, str(number)) + "</a>"
    return (
        f'<article class="award-card" id="{view.anchor}" data-awards-theme="{view.theme_key}">\n'
        f'<{h}><span id="{view.anchor}-t">{escape(view.award.title)}</span>{permalink}</{h}>\n'
        f'<p class="award-badge">{badge}</p>\n'
        f'<p class="award-summary">{escape(view.award.summary)}</p>\n'
        f'<ul class="award-tags">{tags}</ul>\n'
        f'<p class="award-description">{escape(view.award.description)}</p>\n'
        f"{authors}\n"
        f'<p class="award-links">{links}</p>\n'
        "</article>\n"
    )


def visit_card_html(self: HTML5Translator, node: award_card) -> None:
    view: CardView = node["card"]
    # A card shown twice on one page (singlehtml joins the pages) gets its
    # ids numbered from the second time on, so that ids stay unique.
    shown = self.__dict__.setdefault("_awards_anchors", Counter())
    shown[view.anchor] += 1
    if shown[view.anchor] > 1:
        view = replace(view, anchor=f"{view.anchor}-{shown[view.anchor]}")
    permalink = ""
    if self.config.html_permalinks and self.builder.add_permalinks:
        permalink = (
            f'<a class="headerlink" href="#{view.anchor}" title="{escape(str(_("Link to this card")))}">'
            f"{self.config.html_permalinks_icon}</a>"
        )
    e_reader = self.builder.name.startswith("epub")
    self.body.append(card_html(view, permalink, fold_authors=not e_reader))
    raise nodes.SkipNode


# -- other builders ------------------------------------------------------------


def _reference(text: str, url: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url)


def card_tree(view: CardView) -> award_block:
    """The card as ordinary nodes, for builders other than HTML: a block with a
    rubric, paragraphs and a list; every author listed (paper folds nothing)."""
    block = award_block(classes=["award-card"], ids=[view.anchor], support_smartquotes=False)
    block += awards_heading(view.award.title, view.award.title, level=view.heading_level)
    badge = paragraph("award-badge", nodes.strong(view.level_name, view.level_name))
    if view.track_badge:
        badge += [nodes.Text(" · "), nodes.Text(view.track_badge)]
    block += badge
    block += paragraph("award-summary", view.award.summary)
    tags = nodes.bullet_list(classes=["award-tags"])
    for tag in view.award.tags:
        words: list[nodes.Node | str]
        if tag.emoji:
            words = [decoration(tag.emoji, emoji=True), " ", tag.text]
        elif not any(char.isalnum() for char in tag.text):  # an emoji alone: say its name too
            words = [decoration(tag.text, emoji=True), " ", emoji_name(tag.text)]
        else:
            words = [tag.text]
        tags += nodes.list_item("", paragraph("award-tag", *words))
    block += tags
    block += paragraph("award-description", view.award.description)
    block += paragraph("award-author-list", ", ".join(view.award.authors))
    links = paragraph("award-links", _reference(view.view_paper, view.award.url), decoration(" ↗"))
    for link in view.award.links:
        links += [nodes.Text(" · "), _reference(link.label, link.url)]
    block += links
    return block


class ExpandCards(SphinxPostTransform):
    """Cards become ordinary nodes before writing, for every builder but the
    HTML ones: those Sphinx ships, linkcheck (which then checks every card's
    links), gettext, and any other a site adds. Registered for them alone
    when the builder is known (see ``expand_cards_outside_html``)."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(award_card)):
            node.replace_self(card_tree(node["card"]))


def expand_cards_outside_html(app: Sphinx) -> None:
    if app.builder.format != "html":
        app.add_post_transform(ExpandCards)


def register(app: Sphinx) -> None:
    app.add_node(
        award_card,
        html=(visit_card_html, None),
        # Expanded by ExpandCards before these writers see it; its words otherwise.
        latex=(descend, None),
        text=(descend, None),
        man=(descend, None),
        texinfo=(descend, None),
    )
