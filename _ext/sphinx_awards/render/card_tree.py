"""A card for every writer but HTML: expanded into ordinary docutils nodes
(rubrics, paragraphs, lists) by a post-transform, so that LaTeX, text, man,
texinfo and any other builder write it with their own visitors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

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
from .nodes import (
    award_block,
    award_card,
    awards_decoration,
    awards_heading,
    data_reference,
    decoration,
    paragraph,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.model import Tag


# -- other builders ------------------------------------------------------------


def _tag_words(tag: Tag) -> list[nodes.Node | str]:
    if tag.emoji:
        return [decoration(tag.emoji, emoji=True), " ", tag.text]
    if is_emoji_alone(tag):  # say its name too
        return [decoration(tag.text, emoji=True), " ", emoji_name(tag.text)]
    return [tag.text]


def _part_tree(css_class: str, part: Part) -> nodes.Element:
    if isinstance(part, Text):
        return paragraph(css_class, part.text)
    if isinstance(part, Badge):
        badge = paragraph(css_class, nodes.strong(part.level, part.level))
        if part.track and part.track_name not in ("", part.track):
            # Every writer knows abbreviations: "D&B (Datasets & Benchmarks)".
            badge += [
                nodes.Text(" · "),
                nodes.abbreviation(part.track, part.track, explanation=part.track_name),
            ]
        elif part.track:
            badge += [nodes.Text(" · "), nodes.Text(part.track)]
        return badge
    if isinstance(part, Tags):
        tags = nodes.bullet_list(classes=[css_class])
        for tag in part.tags:
            tags += nodes.list_item("", paragraph("award-tag", *_tag_words(tag)))
        return tags
    if isinstance(part, Authors):  # paper folds nothing: every author
        return paragraph(css_class, ", ".join(part.authors))
    links = paragraph(css_class)
    for number, (text, url) in enumerate(part.links):
        if number:
            links += nodes.Text(" · ")
        links += data_reference(text, url, part.source, part.lines[number])
        if not number:
            links += decoration(" ↗")
    return links


def card_tree(view: CardView) -> award_block:
    """The card as ordinary nodes, for builders other than HTML: a block with a
    rubric, paragraphs and a list."""
    block = award_block(classes=["award-card"], ids=[view.anchor], support_smartquotes=False)
    block += awards_heading(view.award.title, view.award.title, level=view.heading_level)
    block.extend(_part_tree(css_class, part) for css_class, part in card_parts(view))
    return block


class ExpandCards(SphinxPostTransform):
    """Cards become ordinary nodes before writing, for every builder but the
    HTML ones: those Sphinx ships, linkcheck (which then checks every card's
    links), gettext, and any other a site adds. Added for them alone once the
    builder is known (``expand_cards_outside_html``): a transform cannot ask
    for its builder in every supported Sphinx without a deprecated API."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(award_card)):
            node.replace_self(card_tree(card_view(node)))


class ShowDataUrls(SphinxPostTransform):
    """Plain text has no links: the text builder shows each address written
    in a data file after its words ("View paper ↗ <https://...>"), as
    Sphinx's LaTeX, man and Texinfo writers can for any link."""

    default_priority = 8  # after ExpandCards

    def run(self, **kwargs: Any) -> None:
        for reference in list(self.document.findall(nodes.reference)):
            if reference.get("awards_source") and reference.get("refuri"):
                parent = reference.parent
                after = parent.index(reference) + 1
                if after < len(parent) and isinstance(parent[after], awards_decoration):
                    after += 1  # after the paper link's arrow
                parent.insert(after, nodes.Text(f" <{reference['refuri']}>"))


def expand_cards(app: Sphinx) -> None:
    """On ``builder-inited``, for builders other than HTML (``render.setup``)."""
    app.add_post_transform(ExpandCards)
    if app.builder.format == "text":
        app.add_post_transform(ShowDataUrls)
