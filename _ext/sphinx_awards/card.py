"""One card: what it shows, its compact node, its HTML, and its tree for other builders.

A page may hold thousands of cards, and every node costs time in each of
Sphinx's transforms. So a card is one ``award_card`` node carrying a
``CardView`` and a single ``Text`` child with all its visible words (for the
search index); the HTML writer renders it in one go. For other builders a
post-transform expands it into ordinary docutils nodes first.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .anchors import award_page, cite_base, joined, next_free, writes_award_pages
from .i18n import _, label
from .nodes import (
    award_block,
    award_card,
    awards_decoration,
    awards_heading,
    bmp_html,
    data_reference,
    decoration,
    descend,
    paragraph,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from .messages import TextLanguages
    from .model import Award, AwardsData, Tag


class CardView(NamedTuple):
    """One award and what the data file says around it: enough to render the
    card in any format without the data file."""

    award: Award
    anchor: str
    heading_level: int
    level_name: str
    track_badge: str
    track_name: str
    theme_key: str
    color: str
    color_dark: str
    view_paper: str
    et_al: str
    #: "rtl" on a right-to-left site, else "".
    direction: str = ""
    #: Whether each data text takes its direction from its own words.
    isolate: bool = False
    #: The data file (where linkcheck reports the card's links).
    source: str = ""
    #: The award's own page (``pages.py``), by name.
    page: str = ""

    @classmethod
    def of(cls, data: AwardsData, award: Award, heading_level: int, languages: TextLanguages) -> CardView:
        return cls.maker(data, heading_level, languages)(award)

    @classmethod
    def maker(
        cls, data: AwardsData, heading_level: int, languages: TextLanguages
    ) -> Callable[[Award], CardView]:
        """The views of one file's awards: what they share (labels, language,
        the themes, tracks and levels by id) is looked up once, not per card."""
        heading, direction, isolate = min(heading_level, 6), languages.direction, languages.isolate
        view_paper = label(data.labels.view_paper, str(_("View paper")), languages)
        et_al = label(data.labels.et_al, str(_("et al.")), languages)
        from .model import by_id  # not at import: a no-op build loads no model

        themes, tracks, levels = by_id(data.themes), by_id(data.tracks), by_id(data.levels)

        def view(award: Award) -> CardView:
            theme, track, anchor = themes[award.theme], tracks[award.track], data.anchor(award)
            return cls(
                award=award,
                anchor=anchor,
                heading_level=heading,
                level_name=levels[award.level].name,
                track_badge=track.badge,
                track_name=track.name,
                theme_key=data.theme_key(theme),
                color=theme.color,
                color_dark=theme.color_dark,
                view_paper=view_paper,
                et_al=et_al,
                direction=direction,
                isolate=isolate,
                source=data.path,
                page=award_page(anchor),
            )

        return view

    @property
    def accent_style(self) -> str:
        """The theme's two colours, as the card's own ``style``: every theme
        renders the page body, not every one renders ``metatags``. The colours
        passed the data checks (a whitelist of CSS colour syntaxes)."""
        return accent_style(self.color, self.color_dark)

    @property
    def authors_short(self) -> str:
        authors = self.award.authors
        return authors[0] if len(authors) == 1 else f"{authors[0]} {self.et_al}"

    @property
    def searchable_text(self) -> str:
        """Every word the card shows, for Sphinx's search index."""
        words = (word for _, part in card_parts(self) for word in part.words())
        return " ".join([self.award.title, *words])


# -- what a card shows, once, for every writer ----------------------------------
#
# A card is its title and these parts, in order; ``card_html`` and ``card_tree``
# each know how to write every kind of part. A new field of a card is one more
# line in ``card_parts`` (and its CSS), whatever the output.


class Text(NamedTuple):
    """A paragraph of the data's text."""

    text: str

    def words(self) -> list[str]:
        return [self.text]


class Badge(NamedTuple):
    """The award level, and the track's badge when it has one (with the
    track's name, its long form, where the two differ: "D&B")."""

    level: str
    track: str
    track_name: str

    def words(self) -> list[str]:
        return [self.level, self.track]


class Tags(NamedTuple):
    tags: tuple[Tag, ...]

    def words(self) -> list[str]:
        return [tag.text for tag in self.tags]


class Authors(NamedTuple):
    """All authors; HTML folds them behind "First Author et al."."""

    authors: tuple[str, ...]
    short: str

    def words(self) -> list[str]:
        return [", ".join(self.authors)]


class Links(NamedTuple):
    """(text, address) pairs; the first is the paper itself. ``source`` and
    ``lines`` say where each address is written (linkcheck reports it there)."""

    links: tuple[tuple[str, str], ...]
    source: str = ""
    lines: tuple[int, ...] = ()

    def words(self) -> list[str]:
        return [text for text, _ in self.links]


Part = Text | Badge | Tags | Authors | Links


def card_parts(view: CardView) -> list[tuple[str, Part]]:
    """The card below its title: each part with its CSS class."""
    award = view.award
    return [
        ("award-badge", Badge(view.level_name, view.track_badge, view.track_name)),
        ("award-summary", Text(award.summary)),
        ("award-tags", Tags(award.tags)),
        ("award-description", Text(award.description)),
        ("award-authors", Authors(award.authors, view.authors_short)),
        (
            "award-links",
            Links(
                ((view.view_paper, award.url), *((link.label, link.url) for link in award.links)),
                view.source,
                (award.url_line, *(link.line for link in award.links)),
            ),
        ),
    ]


def accent_style(light: str, dark: str) -> str:
    """The ``style`` attribute that gives an element its theme's colours; the
    stylesheet picks one by the page's mode."""
    return f"--awards-accent-light:{light};--awards-accent-dark:{dark}"


def card_node(view: CardView) -> award_card:
    node = award_card(ids=[view.anchor], card=view, support_smartquotes=False)
    node += nodes.Text(view.searchable_text)
    return node


def emoji_name(text: str) -> str:
    """'🤖' → 'robot face'; joiners and variation selectors are skipped."""
    names = (
        unicodedata.name(char, "") for char in text if not unicodedata.category(char).startswith(("M", "C"))
    )
    return " ".join(name.lower() for name in names if name and "VARIATION SELECTOR" not in name) or text


def _is_emoji_alone(tag: Tag) -> bool:
    """An emoji beside words is decoration; an emoji alone is the tag's meaning."""
    return not tag.emoji and not any(char.isalnum() for char in tag.text)


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
    if _is_emoji_alone(tag):
        name = escape(emoji_name(tag.text))
        return f'<span role="img" aria-label="{name}">{bmp_html(escape(tag.text))}</span>'
    return escape(tag.text)


def _part_html(view: CardView, css_class: str, part: Part, *, fold_authors: bool) -> str:
    auto = ' dir="auto"' if view.isolate else ""
    if isinstance(part, Text):
        return f'<p class="{css_class}"{auto}>{escape(part.text)}</p>'
    if isinstance(part, Badge):
        # Not <b>/<strong>: a paragraph that opens in bold reads as a heading
        # written without heading markup (HTML_CodeSniffer's H42).
        badge = f'<span class="award-level">{escape(part.level)}</span>'
        if part.track:
            badge += _HIDDEN.format(" · ") + _track_html(part)
        return f'<p class="{css_class}">{badge}</p>'
    if isinstance(part, Tags):
        return (
            f'<ul class="{css_class}">'
            + "".join(f"<li{auto}>{_tag_html(tag)}</li>" for tag in part.tags)
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
    for number, (text, url) in enumerate(part.links):
        own_id = joined(view.anchor, f"link-{number}" if number else "paper")
        separator = _HIDDEN.format("· ") if number else ""
        arrow = "" if number else _HIDDEN.format(" ↗\ufe0e")  # text, not emoji, presentation
        named_by = f"{own_id} {joined(view.anchor, 'title')}"
        items.append(
            f'<li>{separator}<a href="{escape(url)}" id="{own_id}" aria-labelledby="{named_by}">'
            f"{_isolated(view, escape(text))}{arrow}</a></li>"
        )
    return f'<ul class="{css_class}">' + "".join(items) + "</ul>"


#: Citation formats: (file suffix, the menu's words).
CITATIONS = ((".bib", "BibTeX"), (".ris", "RIS"), (".csl.json", "CSL-JSON"))


def cite_menu(base_url: str) -> str:
    """The Cite menu: a list of downloads, no script needed."""
    cite = _("Cite")  # not inside the f-string, where pybabel cannot see it
    links = "".join(
        f'<li><a href="{escape(base_url)}{suffix}" download>{words}</a></li>' for suffix, words in CITATIONS
    )
    return f'<details class="award-cite"><summary>{escape(str(cite))}</summary><ul>{links}</ul></details>'


def card_html(
    view: CardView, permalink: str, *, fold_authors: bool = True, page_url: str = "", cite: str = ""
) -> str:
    """The card's markup, kept lean (a page may hold thousands); every text
    escaped, every attribute quoted. Without ``fold_authors`` (e-readers, which
    seldom open ``<details>``) the full author list shows; with ``page_url``
    the title links to the award's page; ``cite`` is its Cite menu."""
    h = f"h{view.heading_level}"
    direction = f' dir="{view.direction}"' if view.direction else ""
    auto = ' dir="auto"' if view.isolate else ""
    parts = "\n".join(
        _part_html(view, css, part, fold_authors=fold_authors) for css, part in card_parts(view)
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
        f' data-awards-theme="{view.theme_key}" style="{view.accent_style}"{direction}>\n'
        f'<{h} id="{title_id}"{auto}>{title}</{h}>{permalink}\n'
        f"{parts}\n</article>\n"
    )


class _PageSettings(NamedTuple):
    """What every card of a page is written with, found once a page."""

    #: The permalink's markup after the card's id ("" without permalinks).
    permalink_after_id: str
    e_reader: bool
    pages: bool


def _page_settings(self: HTML5Translator) -> _PageSettings:
    settings: _PageSettings | None = self.__dict__.get("_awards_settings")
    if settings is None:
        after_id = ""
        if self.config.html_permalinks and self.builder.add_permalinks:
            label = escape(str(_("Link to this card")))
            after_id = f'" title="{label}" aria-label="{label}">{self.config.html_permalinks_icon}</a>'
        e_reader = self.builder.name.startswith("epub")
        settings = _PageSettings(after_id, e_reader, writes_award_pages(self.config, self.builder))
        self.__dict__["_awards_settings"] = settings
    return settings


def visit_card_html(self: HTML5Translator, node: award_card) -> None:
    view: CardView = node["card"]
    # Each page's cards have ids of their own (anchors.py); singlehtml joins
    # the pages, so a card shown on two of them is numbered there.
    written: set[str] = self.__dict__.setdefault("_awards_anchors", set())
    if view.anchor in written:
        view = view._replace(anchor=next_free(view.anchor, written))
    written.add(view.anchor)
    settings = _page_settings(self)
    after_id = settings.permalink_after_id
    permalink = f'<a class="headerlink" href="#{view.anchor}{after_id}' if after_id else ""
    page_url = cite = ""
    if settings.pages:
        from .domain import awards_domain

        page = awards_domain(self.builder.env).page(view.page, view.source)
        page_url = self.builder.get_relative_uri(self.builder.current_docname, page)
        cite = cite_menu(cite_base(page_url))
    fold_authors = not settings.e_reader
    self.body.append(card_html(view, permalink, fold_authors=fold_authors, page_url=page_url, cite=cite))
    raise nodes.SkipNode


# -- other builders ------------------------------------------------------------


def _tag_words(tag: Tag) -> list[nodes.Node | str]:
    if tag.emoji:
        return [decoration(tag.emoji, emoji=True), " ", tag.text]
    if _is_emoji_alone(tag):  # say its name too
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
            node.replace_self(card_tree(node["card"]))


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


def expand_cards_outside_html(app: Sphinx) -> None:
    if app.builder.format != "html":
        app.add_post_transform(ExpandCards)
    if app.builder.format == "text":
        app.add_post_transform(ShowDataUrls)


#: ``award_card`` for writers other than HTML: ExpandCards replaces it before
#: they see it; should one still meet it, its words.
CARD_EXPANDED = (descend, None)
