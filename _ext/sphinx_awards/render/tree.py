"""Build doctree nodes from the data model: directly, without generating reST.

Every visible word is in a ``Text`` node (escaped by every writer, indexed by
Sphinx's search); the HTML-only parts sit in the nodes of ``nodes.py``, and
the cards, which are many, in the compact nodes of ``card.py``.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, TypeVar

from docutils import nodes

from ..data.model import Award, AwardsData, MetaItem, Stat, Theme
from ..text.language import Language, TextLanguages
from ..text.messages import format_message
from . import counts
from .card import CardView, accent_style, card_node
from .nodes import (
    CardViews,
    awards_decoration,
    awards_grid,
    awards_group,
    awards_heading,
    awards_legend,
    awards_summary,
    awards_time,
    data_reference,
    decoration,
    paragraph,
)
from .words import _, label, ngettext, own_words_lang

_E = TypeVar("_E", bound=nodes.Element)


def _verbatim(node: _E, languages: TextLanguages | None = None) -> _E:
    """Keep the data's text as written: no smart quotes or dashes inside; on
    a right-to-left site, the block says so (``dir``)."""
    node["support_smartquotes"] = False
    if languages is not None and languages.direction:
        node["html_attributes"] = {"dir": languages.direction}
    return node


def _heading(text: str, heading_level: int, css_class: str, **attributes: str) -> awards_heading:
    return awards_heading(text, text, level=min(heading_level, 6), classes=[css_class], **attributes)


def _inline(text: str, css_class: str) -> nodes.inline:
    return nodes.inline(text, text, classes=[css_class])


def _in_language_of(node: _E, source: str, languages: TextLanguages) -> _E:
    """``node`` (holding the data text ``source``, or what that template
    wrote) marked with the data's language where it is not the page's: the
    HTML writers turn the class ``language-en`` into ``lang="en"``."""
    if lang := languages.lang_of(source):
        node["classes"].append(f"language-{lang}")
    return node


def _labelled(node: _E, text: str, written: str, languages: TextLanguages) -> _E:
    """``node`` holding a label: the data's (``written``), in the data's
    language, or the extension's own words, in English where the extension
    has no words in the page's language."""
    if text == written:
        return _in_language_of(node, text, languages)
    if lang := own_words_lang(languages.site.code):
        node["classes"].append(f"language-{lang}")
    return node


def _data_inline(text: str, source: str, languages: TextLanguages, css_class: str = "") -> nodes.Node:
    """A data text inside a paragraph: plain where it is in the page's language."""
    if not languages.lang_of(source) and not css_class:
        return nodes.Text(text)
    return _in_language_of(
        nodes.inline(text, text, classes=[css_class] if css_class else []), source, languages
    )


def _list(css_class: str, items: Iterable[nodes.Element]) -> nodes.bullet_list:
    bullet_list = nodes.bullet_list(classes=[css_class])
    bullet_list.extend(items)
    return bullet_list


def _item(*children: nodes.Element, css_class: str = "", **attributes: Any) -> nodes.list_item:
    item = nodes.list_item(classes=[css_class] if css_class else [], **attributes)
    item.extend(children)
    return item


def variables(data: AwardsData, awards: Iterable[Award], languages: TextLanguages) -> dict[str, object]:
    """The global arguments (``counts.global_values``)."""
    return counts.global_values(awards, data.levels, data.tracks, len(data.themes), languages)


# -- summary -------------------------------------------------------------------


class _Filler:
    """Fills the data's templates with one set of values, each in its language."""

    def __init__(self, values: dict[str, object], languages: TextLanguages) -> None:
        self.values = values
        self.languages = languages

    @property
    def language(self) -> Language:
        """The site's: for dates."""
        return self.languages.site

    def __call__(self, template: str) -> str:
        return format_message(template, self.values, self.languages.of(template))

    def paragraph(self, css_class: str, template: str) -> nodes.paragraph:
        """The template filled in, as a paragraph in its language."""
        return _in_language_of(paragraph(css_class, self(template)), template, self.languages)


def _meta_value(item: MetaItem, fill: _Filler, source: str) -> nodes.Node:
    if item.date is not None:
        text = fill.language.long_date(item.date)
        return awards_time(text, text, html_attributes={"datetime": item.date.isoformat()})
    if item.link is not None:
        return data_reference(item.link.label, item.link.url, source, item.link.line)
    return _data_inline(fill(item.text), item.text, fill.languages)


def _meta_item(item: MetaItem, fill: _Filler, source: str) -> nodes.list_item:
    parts: list[nodes.Node | str] = []
    if item.emoji:
        parts += [decoration(item.emoji, emoji=True), " "]
    # Spaces outside the hidden separator: a screen reader hears "7 papers 4 Best".
    parts += [
        _in_language_of(_inline(fill(item.label), "awards-meta__label"), item.label, fill.languages),
        " ",
        decoration(item.separator),
        " ",
        _meta_value(item, fill, source),
    ]
    return _item(paragraph("awards-meta__item", *parts))


def _stat_tile(stat: Stat, fill: _Filler) -> nodes.list_item:
    children = [
        fill.paragraph("awards-stat__label", stat.label),
        fill.paragraph("awards-stat__value", stat.value),
    ]
    if stat.detail:
        children.append(fill.paragraph("awards-stat__detail", stat.detail))
    if stat.emoji:
        # At the end of the last paragraph (the stylesheet puts it in the
        # corner): a paragraph of its own would be empty to a screen reader.
        emoji = decoration(stat.emoji, emoji=True)
        emoji["classes"].append("awards-stat__emoji")
        children[-1] += emoji
    return _item(*children, css_class="awards-stat")


def fill_lede(data: AwardsData, awards: Iterable[Award], languages: TextLanguages) -> str:
    return format_message(data.lede, variables(data, awards, languages), languages.of(data.lede))


def summary(
    data: AwardsData, awards: Iterable[Award], heading_level: int, languages: TextLanguages
) -> awards_summary:
    fill = _Filler(variables(data, awards, languages), languages)
    node = _verbatim(awards_summary(classes=["awards-summary"], awards_data=data.path), languages)
    node += _in_language_of(
        _heading(data.title, heading_level, "awards-summary__title"), data.title, languages
    )
    if data.lede:
        node += fill.paragraph("awards-summary__lede", data.lede)
    if data.meta:
        node += _list("awards-meta", (_meta_item(item, fill, data.path) for item in data.meta))
    if data.stats:
        node += _list("awards-stats", (_stat_tile(stat, fill) for stat in data.stats))
    return node


# -- legend --------------------------------------------------------------------


def _swatch(data: AwardsData, theme: Theme) -> awards_decoration:
    """The theme's colour: a square beside its name, hidden from screen readers."""
    attributes = {
        "data-awards-theme": data.theme_key(theme),
        "style": accent_style(theme.color, theme.color_dark),
    }
    return awards_decoration("", classes=["awards-legend__swatch"], html_attributes=attributes)


def legend(
    data: AwardsData, themes: Iterable[Theme], heading_level: int, languages: TextLanguages
) -> awards_legend:
    labels = data.labels
    node = _verbatim(awards_legend(classes=["awards-legend"]), languages)
    title = label(labels.legend_title, str(_("Theme Legend")), languages)
    heading = _heading(title, heading_level, "awards-legend__title")
    node += _labelled(heading, title, labels.legend_title, languages)
    subtitle = label(labels.legend_subtitle, str(_("Color-coded by dominant research area")), languages)
    explained = paragraph("awards-legend__subtitle", subtitle)
    node += _labelled(explained, subtitle, labels.legend_subtitle, languages)
    items = [
        _item(
            paragraph(
                "awards-legend__name", _swatch(data, theme), _data_inline(theme.name, theme.name, languages)
            )
        )
        for theme in themes
    ]
    if items:  # an empty list is an error in LaTeX (itemize) and noise elsewhere
        node += _list("awards-legend__themes", items)
    return node


# -- cards ---------------------------------------------------------------------


def _grid(awards: Iterable[Award], view: Callable[[Award], CardView]) -> awards_grid:
    grid, views = awards_grid(classes=["awards-grid"]), CardViews[CardView]()
    grid.extend(card_node(views, view(award)) for award in awards)
    return grid


def _group(
    title: str,
    subtitle: str,
    css_class: str,
    grid: awards_grid,
    heading_level: int,
    languages: TextLanguages,
    subtitle_source: str = "",
) -> awards_group:
    node = _verbatim(awards_group(classes=["awards-group", css_class]), languages)
    node += _in_language_of(_heading(title, heading_level, "awards-group__title"), title, languages)
    if subtitle:
        node += _in_language_of(paragraph("awards-group__subtitle", subtitle), subtitle_source, languages)
    node += grid
    return node


def groups(
    data: AwardsData,
    awards: Iterable[Award],
    heading_level: int,
    languages: TextLanguages,
    group_by: str = "level",
) -> list[nodes.Element]:
    """The cards in sections by award level, theme or track (in the data's order,
    skipping empty ones), or in one grid without a heading for ``none``."""
    awards = list(awards)
    if group_by == "none":
        return [_verbatim(_grid(awards, CardView.maker(data, heading_level, languages)))]
    # One pass over the awards, one view maker for every grid: linear in the
    # number of awards and of groups, whatever each holds.
    view = CardView.maker(data, heading_level + 1, languages)
    members: dict[str, list[Award]] = {}
    for award in awards:
        members.setdefault(getattr(award, group_by), []).append(award)
    sections: list[nodes.Element] = []
    if group_by == "level":
        values = variables(data, awards, languages)  # the counts of the cards shown, as the summary
        tracks = counts.TrackOrder(data.tracks)
        for award_level in data.levels:
            in_level = members.get(award_level.id)
            if in_level:
                level_values = counts.level_values(award_level, in_level, tracks)
                language = languages.of(award_level.subtitle)
                level_values["gender"] = award_level.gender_in(language.code, languages.data.code)
                subtitle = format_message(award_level.subtitle, ChainMap(level_values, values), language)
                sections.append(
                    _group(
                        award_level.section_title,
                        subtitle,
                        f"awards-group--{award_level.id}",
                        _grid(in_level, view),
                        heading_level,
                        languages,
                        award_level.subtitle,
                    )
                )
        return sections
    kinds = data.themes if group_by == "theme" else data.tracks
    for kind in kinds:
        if kind.id in members:
            css_class = f"awards-group--{group_by}-{kind.id}"
            grid = _grid(members[kind.id], view)
            sections.append(_group(kind.name, "", css_class, grid, heading_level, languages))
    return sections


# -- archive -------------------------------------------------------------------


class ArchiveRow(NamedTuple):
    """One data file of an archive: its title, how many papers, and by level."""

    title: str
    papers: int
    levels: str
    #: The data file: the row links to where the page shows its summary.
    path: str = ""
    #: The language of the title and of the levels where not the page's (``lang``).
    title_lang: str = ""
    levels_lang: str = ""


def archive(rows: list[ArchiveRow], languages: TextLanguages) -> awards_summary:
    """A list of the files (title, papers, by level) and the papers in all."""
    node = _verbatim(awards_summary(classes=["awards-archive"]), languages)
    items = []
    for row in rows:
        count = ngettext("{papers} paper", "{papers} papers", row.papers)
        count = count.replace("{papers}", languages.site.number(row.papers))
        title = nodes.strong(row.title, row.title, awards_data=row.path)
        if row.title_lang:
            title["classes"].append(f"language-{row.title_lang}")
        words: list[nodes.Node | str] = [title, " — ", count]
        if row.levels:
            levels = nodes.inline(row.levels, row.levels)
            if row.levels_lang:
                levels["classes"].append(f"language-{row.levels_lang}")
            words += [" (", levels if row.levels_lang else row.levels, ")"]
        items.append(_item(paragraph("awards-archive__row", *words)))
    node += _list("awards-archive__rows", items)
    total = sum(row.papers for row in rows)
    in_all = ngettext("In all: {papers} paper", "In all: {papers} papers", total)
    node += paragraph("awards-archive__total", in_all.replace("{papers}", languages.site.number(total)))
    return node
