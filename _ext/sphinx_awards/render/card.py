"""One card: what it shows, its compact node, its HTML, and its tree for other builders.

A page may hold thousands of cards, and every node costs time in each of
Sphinx's transforms. So a card is one ``award_card`` node pointing at its
``CardView`` (kept packed with its grid's in ``nodes.CardViews``); on a web page
it gains a single ``Text`` child with all its visible words (for the search
index) just before it is written, and the HTML writer renders it in one go.
For other builders a post-transform expands it into ordinary docutils nodes
first.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from ..data.ids import award_page
from .nodes import CardViews, award_card
from .words import _, label, own_words_lang

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from ..data.model import Award, AwardsData, Tag
    from ..text.language import TextLanguages


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
    #: The data's language (BCP 47) where the page is in another one, and the
    #: texts translated for the page: each other text is marked ``lang``, so
    #: that a screen reader reads it with the right voice.
    data_lang: str = ""
    translated: frozenset[str] = frozenset()
    #: The language of the extension's own words where not the page's (``words.own_words_lang``).
    own_lang: str = ""

    def lang_of(self, text: str) -> str:
        """`` lang="en"`` for a data text in another language than the page's."""
        return f' lang="{self.data_lang}"' if self.data_lang and text not in self.translated else ""

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
        data_lang, own_lang = languages.data_lang, own_words_lang(languages.site.code)
        view_paper = label(data.labels.view_paper, str(_("View paper")), languages)
        et_al = label(data.labels.et_al, str(_("et al.")), languages)
        from ..data.model import by_id  # not at import: a no-op build loads no model

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
                data_lang=data_lang,
                translated=languages.translated,
                own_lang=own_lang,
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


def card_parts(view: CardView, lead: tuple[tuple[str, Part], ...] = ()) -> list[tuple[str, Part]]:
    """The card below its title: each part with its CSS class. With ``lead``
    (an award's own page), the authors come first, then ``lead`` (the paper's
    venue and year, the award's event), then the rest: Google Scholar reads
    the authors right under the title, and a phone's first screen shows
    what the page is."""
    award = view.award
    authors = ("award-authors", Authors(award.authors, view.authors_short))
    rest: list[tuple[str, Part]] = [
        ("award-badge", Badge(view.level_name, view.track_badge, view.track_name)),
        ("award-summary", Text(award.summary)),
        ("award-tags", Tags(award.tags)),
        ("award-description", Text(award.description)),
    ]
    # Each address once: a typed link that is the paper's main one is not repeated.
    typed = (
        link._replace(label=link_label(link.label)) for link in award.typed_links if link.url != award.url
    )
    shown = (*typed, *award.links)
    links = (
        "award-links",
        Links(
            ((view.view_paper, award.url), *((link.label, link.url) for link in shown)),
            view.source,
            (award.url_line, *(link.line for link in shown)),
        ),
    )
    if lead:
        return [authors, *lead, *rest, links]
    return [*rest, authors, links]


def link_label(kind: str) -> str:
    """The words of a typed link (``pdf``, ``code``...), in the site's language."""
    words = {
        "pdf": _("PDF"),
        "openreview": _("OpenReview"),
        "code": _("Code"),
        "video": _("Video"),
        "slides": _("Slides"),
    }
    return str(words[kind])


def accent_style(light: str, dark: str) -> str:
    """The ``style`` attribute that gives an element its theme's colours; the
    stylesheet picks one by the page's mode."""
    return f"--awards-accent-light:{light};--awards-accent-dark:{dark}"


def card_view(node: award_card) -> CardView:
    views, index = node["card"]
    return views[index]


def replace_card_view(node: award_card, view: CardView) -> None:
    views, index = node["card"]
    views[index] = view


def card_node(views: CardViews[CardView], view: CardView) -> award_card:
    """The card as read: its words come when the page is written (``add_searchable_words``)."""
    return award_card(ids=[view.anchor], card=(views, views.add(view)), support_smartquotes=False)


def add_searchable_words(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, for web pages: each card's words, as one Text
    child that Sphinx's search index reads (the HTML writer renders the
    card from its view). Not kept in the pickled doctree: a page written
    again gets them again, a page only read for navigation never does."""
    if app.builder.format != "html":
        return
    for node in doctree.findall(award_card):
        if not node.children:
            node += nodes.Text(card_view(node).searchable_text)


def emoji_name(text: str) -> str:
    """'🤖' → 'robot face'; joiners and variation selectors are skipped."""
    names = (
        unicodedata.name(char, "") for char in text if not unicodedata.category(char).startswith(("M", "C"))
    )
    return " ".join(name.lower() for name in names if name and "VARIATION SELECTOR" not in name) or text


def is_emoji_alone(tag: Tag) -> bool:
    """An emoji beside words is decoration; an emoji alone is the tag's meaning."""
    return not tag.emoji and not any(char.isalnum() for char in tag.text)
