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
from .validation import load_awards

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.typing import OptionSpec

    from .model import AwardsData
    from .problems import Problem

logger = logging.getLogger(__name__)

#: Problems already reported in this build, so a file used by several
#: directives is reported once; cleared when a build starts.
reported: set[Problem] = set()


class _AwardsDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option}

    def load(self) -> AwardsData | None:
        """The checked data, after reporting its problems; None if unusable."""
        argument = self.arguments[0] if self.arguments else self.config.awards_data
        relative_path, path = self.env.relfn2path(argument, self.env.docname)
        self.env.note_dependency(relative_path)
        result = load_awards(path)
        for problem in result.problems:
            if problem in reported:
                continue
            reported.add(problem)
            # A file that cannot be opened has no line to point at: point at the directive.
            location = self.get_location() if problem.subtype == "file" else problem.location
            message = f"{problem.message} ({path})" if problem.subtype == "file" else problem.message
            logger.warning(message, location=location, type="awards", subtype=problem.subtype)
        return result.data

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
    """The title block: title, lede, meta strip and stat tiles."""

    def run(self) -> list[nodes.Node]:
        data = self.load()
        if data is None:
            return []
        document = self.state.document
        if self.state.memo.section_level == 0 and "title" not in document:
            document["title"] = data.title  # the page's <title> when it has no section
        level = self.state.memo.section_level + 1
        return [self.finish(render.summary(data, data.awards, level))]


class AwardsLegend(_AwardsDirective):
    """The themes, each with its colour."""

    def run(self) -> list[nodes.Node]:
        data = self.load()
        if data is None:
            return []
        return [self.finish(render.legend(data, data.themes, self.heading_level))]


class Awards(_AwardsDirective):
    """The cards, in one section per award level."""

    def run(self) -> list[nodes.Node]:
        data = self.load()
        if data is None:
            return []
        return [self.finish(group) for group in render.groups_by_level(data, data.awards, self.heading_level)]
