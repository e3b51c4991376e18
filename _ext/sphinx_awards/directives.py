"""The directives: ``awards-summary``, ``awards-legend`` and ``awards``.

Each reads a data file (its argument, or the ``awards_data`` config value),
resolved like an image path: relative to the document, or to the source
directory with a leading ``/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import render
from .datafiles import FileRead, Report, note_file_read
from .domain import CardLocation, awards_domain
from .selection import FILTER_OPTIONS, Selection, grouping
from .validation import load_awards

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.typing import OptionSpec

    from .model import Award, AwardsData
    from .problems import Problem

logger = logging.getLogger(__name__)


class _AwardsDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option, **FILTER_OPTIONS}

    def load(self) -> AwardsData | None:
        """The checked data, its problems recorded for the page; None if unusable."""
        argument = self.arguments[0] if self.arguments else self.config.awards_data
        try:
            relative_path, path = self.env.relfn2path(argument, self.env.docname)
        except (OSError, RuntimeError, ValueError) as error:  # a symlink loop, a NUL in the name
            logger.warning(
                f"cannot read the data file {argument!r}: {error}",
                location=self.get_location(),
                type="awards",
                subtype="file",
            )
            return None
        self.env.note_dependency(relative_path)
        result = load_awards(path, self.config.awards_max_bytes)
        reports = tuple(self.report(problem, path) for problem in result.problems)
        note_file_read(self.env, path, FileRead(result.digest, reports))
        return result.data

    def report(self, problem: Problem, path: str) -> Report:
        """A file that cannot be opened has no line to point at: point at the directive."""
        if problem.subtype == "file":
            return Report(self.get_location(), f"{problem.message} ({path})", problem.subtype)
        return Report(problem.location, problem.message, problem.subtype)

    def selection(self, data: AwardsData) -> Selection:
        """The directive's filters; unknown ids are reported at the directive."""
        selection = Selection.from_options(self.options)
        for message in selection.unknown_ids(data):
            logger.warning(message, location=self.get_location(), type="awards", subtype="option")
        return selection

    @property
    def heading_level(self) -> int:
        """One below the section the directive sits in; h2 on a page without
        sections, whose h1 is the page title (the summary's)."""
        return max(self.state.memo.section_level, 1) + 1

    def finish(self, node: nodes.Element) -> nodes.Element:
        self.set_source_info(node)
        node["classes"] += self.options.get("class", [])
        return node


class AwardsSummary(_AwardsDirective):
    """The title block: title, lede, meta strip and stat tiles; counts follow the filters."""

    def run(self) -> list[nodes.Node]:
        data = self.load()
        if data is None:
            return []
        awards = self.selection(data).awards(data)
        document = self.state.document
        if self.state.memo.section_level == 0 and "title" not in document:
            document["title"] = data.title  # the page's <title> when it has no section
            if data.lede:
                # The page's description, for search engines and link previews
                # (sphinxext-opengraph reads og:description).
                metadata = self.env.metadata[self.env.docname]
                lede = render.fill_lede(data, awards)
                metadata.setdefault("description", lede)
                metadata.setdefault("og:description", lede)
        level = self.state.memo.section_level + 1
        return [self.finish(render.summary(data, awards, level))]


class AwardsLegend(_AwardsDirective):
    """The themes, each with its colour: those of the awards the filters keep."""

    def run(self) -> list[nodes.Node]:
        data = self.load()
        if data is None:
            return []
        themes = self.selection(data).themes_of(data)
        return [self.finish(render.legend(data, themes, self.heading_level))]


class Awards(_AwardsDirective):
    """The cards, grouped into sections, each registered for ``:award:`` links."""

    option_spec: ClassVar[OptionSpec] = {
        **_AwardsDirective.option_spec,
        "group-by": grouping,
        "no-index": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        data = self.load()
        if data is None:
            return []
        awards = self.selection(data).awards(data)
        if "no-index" not in self.options:
            self.register(data, awards)
        sections = render.groups(data, awards, self.heading_level, self.options.get("group-by", "award"))
        return [self.finish(section) for section in sections]

    def register(self, data: AwardsData, awards: list[Award]) -> None:
        domain = awards_domain(self.env)
        for award in awards:
            name = data.reference_name(award)
            location = CardLocation(data.anchor(award), award.title, data.path)
            clash = domain.note_card(name, self.env.docname, location)
            if clash is not None:
                logger.warning(
                    f"the award id {name!r} is also used in {clash.data_path}; give one of the files a "
                    "'namespace' so that :award: links can tell them apart",
                    location=self.get_location(),
                    type="awards",
                    subtype="duplicate-id",
                )
