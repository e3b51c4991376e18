"""An archive's filters: its papers by year, by level and by track.

Without JavaScript they are links: a year's leads to the section that shows
that file's summary; a level's or a track's to a list of the papers that
have it, written after the filters and shown by the stylesheet only while
the address names it (``:target``), each title linking to its card. With
the script (``awards.js``) the links become toggle buttons that hide the
other years' sections and the other cards, the choice kept in the page's
address (``?awards-level=best``). Web pages only: a PDF, an e-book or a
man page has nothing to filter, and the archive's rows lead to each year.

The links are known once every page is read: ``extension/archive_links.py``
fills in ``year_targets`` (a data file → the id of its section) and
``hrefs`` (a card's reference name → its address) on ``doctree-resolved``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils import nodes

from .nodes import awards_filters, bmp_html
from .words import _, ngettext

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from ..data.model import AwardsData
    from ..text.language import TextLanguages


class FilteredPaper(NamedTuple):
    #: What ``:award:`` takes (the domain's key), to find the card's page.
    name: str
    anchor: str
    title: str
    #: The title of its data file ("NeurIPS 2024 — Paper Awards").
    event: str


class FilterValue(NamedTuple):
    #: A level's or track's id; a year's data file.
    value: str
    label: str
    papers: tuple[FilteredPaper, ...] = ()
    #: "3 papers", in the site's language.
    papers_text: str = ""


class FilterGroup(NamedTuple):
    #: "year", "level" or "track": the URL parameter is ``awards-<dimension>``.
    dimension: str
    label: str
    values: tuple[FilterValue, ...]


def filters(files: list[tuple[str, AwardsData]], languages: TextLanguages) -> awards_filters | None:
    """The filters of an archive of ``files`` (the year's label, the data):
    a dimension only where it has two values or more; none at all for one file
    of one level and one track."""
    years = tuple(FilterValue(data.path, year) for year, data in files)
    by: dict[str, dict[str, tuple[str, list[FilteredPaper]]]] = {"level": {}, "track": {}}
    for _year, data in files:
        levels = {level.id: level.name for level in data.levels}
        tracks = {track.id: track.name for track in data.tracks}
        for dimension, declared in (("level", levels), ("track", tracks)):  # in the files' order
            for value, name in declared.items():
                by[dimension].setdefault(value, (name, []))
        for award in data.awards:
            paper = FilteredPaper(data.reference_name(award), data.anchor(award), award.title, data.title)
            for dimension, value, names in (("level", award.level, levels), ("track", award.track, tracks)):
                by[dimension].setdefault(value, (names.get(value, value), []))[1].append(paper)
    groups = [FilterGroup("year", str(_("Year")), years)] if len(years) > 1 else []
    for dimension, label in (("level", _("Level")), ("track", _("Track"))):
        values = tuple(
            FilterValue(value, name, tuple(papers), _count(len(papers), languages))
            for value, (name, papers) in by[dimension].items()
            if papers
        )
        if len(values) > 1:
            groups.append(FilterGroup(dimension, str(label), values))
    if not groups:
        return None
    node = awards_filters(classes=["awards-filters"], groups=groups)
    if languages.direction:
        node["html_attributes"] = {"dir": languages.direction}
    return node


def _count(papers: int, languages: TextLanguages) -> str:
    words = ngettext("{papers} paper", "{papers} papers", papers)
    return words.replace("{papers}", languages.site.number(papers))


def result_id(dimension: str, value: str) -> str:
    """The id of the list of a level's or track's papers (``--`` is in no
    section's id, which docutils writes with single hyphens)."""
    return f"awards-filter--{dimension}--{value}"


def _link(group: FilterGroup, value: FilterValue, href: str) -> str:
    data = f' data-awards-filter="{group.dimension}" data-awards-value="{escape(value.value)}"'
    return f'<a href="{escape(href)}"{data}>{escape(value.label)}</a>' if href else escape(value.label)


def _paper(paper: FilteredPaper, hrefs: dict[str, str]) -> str:
    title = escape(paper.title)
    href = hrefs.get(paper.name, "")
    if href:
        title = f'<a href="{escape(href)}">{title}</a>'
    return f'<li>{title} <span class="awards-filter-result__event">({escape(paper.event)})</span></li>'


def _result(group: FilterGroup, value: FilterValue, hrefs: dict[str, str]) -> str:
    """The list of a level's or track's papers, which its link opens."""
    title = f"<strong>{escape(value.label)}</strong> — {escape(value.papers_text)}"
    papers = "\n".join(_paper(paper, hrefs) for paper in value.papers)
    return (
        f'<section class="awards-filter-result" id="{escape(result_id(group.dimension, value.value))}"'
        f' tabindex="-1">\n<p class="awards-filter-result__title">{title}</p>\n'
        f"<ul>\n{papers}\n</ul>\n</section>\n"
    )


def visit_filters_html(self: HTML5Translator, node: awards_filters) -> None:
    if self.builder.name.startswith("epub"):  # e-readers run no script, and few know :target
        raise nodes.SkipNode
    targets: dict[str, str] = node.get("year_targets", {})
    hrefs: dict[str, str] = node.get("hrefs", {})
    groups: list[FilterGroup] = node["groups"]
    label = str(_("Filter the awards"))
    attributes: dict[str, Any] = {"aria-label": label, **node.get("html_attributes", {})}
    out = [self.starttag(node, "nav", "", **attributes), '<ul class="awards-filters__groups">\n']
    results = []
    for group in groups:
        links = []
        for value in group.values:
            if group.dimension == "year":
                target = targets.get(value.value, "")  # the value the script reads: the section's id
                links.append(_link(group, value._replace(value=target), f"#{target}" if target else ""))
                continue
            links.append(_link(group, value, f"#{result_id(group.dimension, value.value)}"))
            results.append(_result(group, value, hrefs))
        items = "".join(f"<li>{link}</li>" for link in links)
        label = f'<span class="awards-filters__label">{escape(group.label)}</span>'
        out.append(
            f'<li class="awards-filters__group">{label} <ul class="awards-filters__values"'
            f' data-awards-filter="{group.dimension}">{items}</ul></li>\n'
        )
    out.append("</ul>\n</nav>\n")
    self.body.append(bmp_html("".join(out + results)))
    raise nodes.SkipNode
