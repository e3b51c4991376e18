"""linkcheck reports a card's link where it is written: the data file's line.

Sphinx's linkcheck names the page and the line of the node that holds a
link: for a card, the ``.. awards::`` directive. A site's maintainer fixes a
broken address in the data file, so ``output.txt`` and ``output.json`` name
that file and the address's line instead (the console's progress lines keep
the page, as they do for every link).

linkcheck has no event for its results, so this wraps three methods of the
builder instance: ``process_result`` (to know which link is being written)
and the two that write the report files, ``write_entry`` and
``write_linkstat``, whose signatures have been the same since Sphinx 4.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Address → (the page that first links it, the data file, the line).
_Sources = dict[str, tuple[str, str, int]]


def _record_sources(sources: _Sources) -> type[SphinxPostTransform]:
    class RecordDataLinks(SphinxPostTransform):
        """Where each data file's address is written; after the cards are
        expanded (priority 5), before linkcheck collects the links (800)."""

        default_priority = 10

        def run(self, **kwargs: Any) -> None:
            for node in self.document.findall(nodes.reference):
                source = node.get("awards_source")
                if source and node["refuri"] not in sources:
                    sources[node["refuri"]] = (self.env.docname, *source)

    return RecordDataLinks


def report_links_in_data_files(app: Sphinx) -> None:
    """On ``builder-inited``: for linkcheck (and builders derived from it)."""
    from sphinx.builders.linkcheck import CheckExternalLinksBuilder

    builder = app.builder
    if not isinstance(builder, CheckExternalLinksBuilder):
        return
    sources: _Sources = {}
    app.add_post_transform(_record_sources(sources))
    srcdir = str(app.srcdir)
    current: list[tuple[str, int]] = []
    process_result, write_entry, write_linkstat = (
        builder.process_result,
        builder.write_entry,
        builder.write_linkstat,
    )

    def located_process_result(result: Any) -> None:
        found = sources.get(result.uri)
        current[:] = (
            [(os.path.relpath(found[1], srcdir), found[2])] if found and found[0] == result.docname else []
        )
        try:
            process_result(result)
        finally:
            current.clear()

    def located_write_entry(what: Any, docname: str, filename: Any, line: int, uri: str) -> None:
        if current:
            filename, line = current[0]
        write_entry(what, docname, filename, line, uri)

    def located_write_linkstat(data: dict[str, Any]) -> None:
        if current:
            data = {**data, "filename": current[0][0], "lineno": current[0][1]}
        write_linkstat(data)

    builder.process_result = located_process_result  # type: ignore[method-assign]
    builder.write_entry = located_write_entry  # type: ignore[method-assign]
    builder.write_linkstat = located_write_linkstat  # type: ignore[method-assign]
