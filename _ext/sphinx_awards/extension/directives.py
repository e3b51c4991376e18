"""The directives: ``awards-summary``, ``awards-legend`` and ``awards``.

Each reads a data file (its argument, or the ``awards_data`` config value),
resolved like an image path: relative to the document, or to the source
directory with a leading ``/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..text.quoting import shown
from .datafiles import FileRead, Report, is_allowed, load, note_file_read
from .domain import CardLocation, awards_domain
from .selection import FILTER_OPTIONS, Selection, grouping
from .translation import messages_node, translate

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.typing import OptionSpec

    from ..data.model import Award, AwardsData
    from ..data.problems import Problem
    from ..text.language import TextLanguages

logger = logging.getLogger(__name__)


class _Shown(NamedTuple):
    """A data file as a directive shows it: as read, in the page's language
    (with the language each text is filled in with), and the filters."""

    original: AwardsData
    data: AwardsData
    languages: TextLanguages
    selection: Selection


class _AwardsDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        "class": directives.class_option,
        "year": directives.unchanged_required,
        **FILTER_OPTIONS,
    }

    def data_file(self) -> str | None:
        """The directive's file: its argument, the year's file (``:year:``,
        from ``awards_years``), or ``awards_data``; None for an unknown year."""
        year = self.options.get("year")
        if year is None or self.arguments:
            if year is not None:
                self.warn(
                    f"both a file and :year: {year} are given; the file {self.arguments[0]!r} is used",
                    "option",
                )
            return self.arguments[0] if self.arguments else self.config.awards_data
        return self.year_file(year)

    def year_file(self, year: str) -> str | None:
        """The data file of ``year`` in ``awards_years``, from the source directory."""
        years = {str(key): path for key, path in self.config.awards_years.items()}
        if year not in years:
            known = ", ".join(sorted(years, reverse=True)) or "none (awards_years in conf.py is empty)"
            self.warn(f"no data file for the year {year!r}; the years in awards_years are: {known}", "option")
            return None
        path = str(years[year])
        return path if path.startswith("/") else f"/{path}"

    def load(self, argument: str | None = None) -> AwardsData | None:
        """The checked data, its problems recorded for the page; None if unusable."""
        if argument is None:
            argument = self.data_file()
            if argument is None:
                return None
        try:
            relative_path, path = self.env.relfn2path(argument, self.env.docname)
        except (OSError, RuntimeError, ValueError) as error:  # a symlink loop, a NUL in the name
            self.warn(
                f"cannot read the data file {argument!r}: {error}",
                "file",
            )
            return None
        if not is_allowed(path, self.env.srcdir, self.config.awards_data_dirs):
            # Not quoted, not read: a symlink to /proc or ../../secret.yaml says nothing of itself.
            self.warn(
                f"the data file {argument!r} is outside the source directory and the folders in "
                "awards_data_dirs, so it is not read; move it in, or add its folder to awards_data_dirs "
                "in conf.py",
                "file",
            )
            return None
        self.env.note_dependency(relative_path)
        result = load(self.env, path)
        reports = tuple(self.report(problem, path) for problem in result.problems)
        note_file_read(self.env, path, FileRead(result.digest, reports, result.data is not None))
        return result.data

    def report(self, problem: Problem, path: str) -> Report:
        """A file that cannot be opened has no line to point at: point at the directive."""
        if problem.subtype == "file":
            return Report(self.get_location(), f"{problem.message} ({path})", problem.subtype)
        return Report(problem.location, problem.message, problem.subtype)

    def selection(self, data: AwardsData) -> Selection:
        """The directive's filters; unknown ids are reported at the directive."""
        if "award" in self.options:
            self.deprecated("the :award: option", "the :level: option")
        selection = Selection.from_options(self.options)
        for message in selection.unknown_ids(data):
            self.warn(message, "option")
        return selection

    def read(self) -> _Shown | None:
        """The data file as this directive shows it; None when it cannot be
        used (its warning is said)."""
        original = self.load()
        if original is None:
            return None
        data, languages = self.translated(original)
        return _Shown(original, data, languages, self.selection(data))

    def warn(self, message: str, subtype: str) -> None:
        """A warning at the directive, ``awards.<subtype>``."""
        logger.warning(shown(message), location=self.get_location(), type="awards", subtype=subtype)

    def deprecated(self, old: str, new: str) -> None:
        """A name of 0.1 that still works, said once where it is used."""
        self.warn(
            f"{old} is now {new} (the :award: role links to one card; the option filters by level); "
            f"{old} still works in 0.2 and is gone in 0.3",
            "deprecated",
        )

    @property
    def heading_level(self) -> int:
        """One below the section the directive sits in; h2 on a page without
        sections, whose h1 is the page title (the summary's)."""
        return max(self.state.memo.section_level, 1) + 1

    def translated(self, data: AwardsData) -> tuple[AwardsData, TextLanguages]:
        """The data in the page's language (see ``i18n.py``), and the language
        each text is filled in with; translations refused are reported here."""
        translation = translate(data, self.env)
        # Once per page, at the first directive that shows the text (the
        # parser's memo lives as long as the page's parse).
        memo = self.state.memo
        reported: set[str] = getattr(memo, "awards_refused_translations", set())
        memo.awards_refused_translations = reported
        for message, where in translation.refused:
            if message not in reported:
                reported.add(message)
                location = where or self.get_location()
                logger.warning(shown(message), location=location, type="awards", subtype="translation")
        from ..text.language import Language, TextLanguages

        site = Language(self.config.language or "en")
        return translation.data, TextLanguages(site, Language(data.language), translation.translated)

    def finish(self, data: AwardsData, shown: Iterable[Award], *results: nodes.Element) -> list[nodes.Node]:
        """The directive's nodes, and the texts they show for the gettext builder."""
        ids = {award.id for award in shown}
        filters = [f":{name}:" for name in FILTER_OPTIONS if name in self.options]
        if not ids and filters and data.awards:
            self.warn(
                f"the filters ({', '.join(filters)}) keep no award of {data.path}, so nothing is shown; "
                "check the ids, or combine fewer filters",
                "option",
            )
        messages = messages_node(data._replace(awards=tuple(a for a in data.awards if a.id in ids)))
        for node in (*results, messages):
            self.set_source_info(node)
        for node in results:
            node["classes"] += self.options.get("class", [])
        return [*results, messages]


class AwardsSummary(_AwardsDirective):
    """The title block: title, lede, meta strip and stat tiles; counts follow the filters."""

    def run(self) -> list[nodes.Node]:
        from ..render import tree as render  # a build that reads no page (a no-op) never needs it

        shown_file = self.read()
        if shown_file is None:
            return []
        original, data, languages, selection = shown_file
        awards = selection.awards(data)
        document = self.state.document
        if self.state.memo.section_level == 0 and "title" not in document:
            document["title"] = data.title  # the page's <title> when it has no section
            if data.lede:
                # The page's description, for search engines and link previews
                # (sphinxext-opengraph reads og:description).
                metadata = self.env.metadata[self.env.docname]
                lede = render.fill_lede(data, awards, languages)
                metadata.setdefault("description", lede)
                metadata.setdefault("og:description", lede)
        heading_level = self.state.memo.section_level + 1
        return self.finish(original, awards, render.summary(data, awards, heading_level, languages))


class AwardsLegend(_AwardsDirective):
    """The themes, each with its colour: those of the awards the filters keep."""

    def run(self) -> list[nodes.Node]:
        from ..render import tree as render

        shown_file = self.read()
        if shown_file is None:
            return []
        original, data, languages, selection = shown_file
        legend = render.legend(data, selection.themes_of(data), self.heading_level, languages)
        return self.finish(original, selection.awards(data), legend)


class Awards(_AwardsDirective):
    """The cards, grouped into sections, each registered for ``:award:`` links."""

    option_spec: ClassVar[OptionSpec] = {
        **_AwardsDirective.option_spec,
        "group-by": grouping,
        "no-index": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        from ..render import tree as render

        shown_file = self.read()
        if shown_file is None:
            return []
        original, data, languages, selection = shown_file
        awards = selection.awards(data)
        if "no-index" not in self.options:
            self.register(data, awards)
        group_by = self.options.get("group-by", "level")
        if group_by == "award":
            self.deprecated(":group-by: award", ":group-by: level")
            group_by = "level"
        sections = render.groups(data, awards, self.heading_level, languages, group_by)
        return self.finish(original, awards, *sections)

    def register(self, data: AwardsData, awards: list[Award]) -> None:
        domain = awards_domain(self.env)
        for award in awards:
            name = data.reference_name(award)
            location = CardLocation(data.anchor(award), award.title, data.path)
            clash = domain.note_card(name, self.env.docname, location)
            if clash is not None:
                self.warn(
                    f"the award id {name!r} is also used in {clash.data_path}; give one of the files a "
                    "'namespace' so that :award: links can tell them apart",
                    "duplicate-id",
                )


def _year_order(year: str) -> tuple[int, str]:
    return (int(year) if year.isdigit() else -1, year)


class AwardsArchive(_AwardsDirective):
    """Several data files (one per year, say) counted together: each file's
    title and its papers by level, and the papers of all of them."""

    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option}

    def files(self) -> list[tuple[str, str]]:
        """The files named, else every year of ``awards_years``, the latest
        first: each with its year ("" for a file named)."""
        if self.arguments:
            return [("", file) for file in self.arguments[0].split()]
        years = sorted((str(year) for year in self.config.awards_years), key=_year_order, reverse=True)
        if not years:
            self.warn("name the data files, or set awards_years in conf.py ({year: file})", "option")
        return [(year, file) for year in years if (file := self.year_file(year)) is not None]

    def run(self) -> list[nodes.Node]:
        from ..render import tree as render
        from ..render.filters import filters

        rows: list[render.ArchiveRow] = []
        messages: list[nodes.Node] = []
        shown: list[tuple[str, AwardsData]] = []
        for year, argument in self.files():
            original = self.load(argument)
            if original is None:
                continue
            data, languages = self.translated(original)
            shown.append((year or data.title, data))
            levels = str(render.variables(data, data.awards, languages)["levels"])
            # {levels} is written from each level's count template, else its short name.
            counted = [level.count_template or level.short for level in original.levels]
            levels_lang = next(filter(None, map(languages.lang_of, counted)), "")
            row = render.ArchiveRow(data.title, len(data.awards), levels, data.path)
            rows.append(row._replace(title_lang=languages.lang_of(data.title), levels_lang=levels_lang))
            messages.append(messages_node(original._replace(awards=())))  # its title, for gettext
        if not rows:
            return []
        node = render.archive(rows, languages)
        node["classes"] += self.options.get("class", [])
        made: list[nodes.Node] = [node]
        filter_bar = filters(shown, languages)
        if filter_bar is not None:
            made.append(filter_bar)
            self.state.document["awards_filters"] = True  # archive_links.py resolves its links
        for each in (*made, *messages):
            self.set_source_info(each)
        return [*made, *messages]
