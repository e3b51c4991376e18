"""linkcheck reports a card's link where it is written: the data file's line.

Sphinx's linkcheck names the page and the line of the node that holds a
link: for a card, the ``.. awards::`` directive. A site's maintainer fixes a
broken address in the data file, so ``output.txt`` and ``output.json`` name
that file and the address's line instead (the console's progress lines keep
the page, as they do for every link).

linkcheck has no event for its results, so the extension registers its own
``linkcheck`` builder (``app.add_builder(..., override=True)``, Sphinx's
public way to replace a builder): Sphinx's, with the three methods that
write a result (``process_result``, ``write_entry``, ``write_linkstat``,
the same signatures since Sphinx 4) extended, and ``write_doc`` noting where
each page's data file addresses are written.
"""

from __future__ import annotations

import os
from typing import Any

from docutils import nodes
from sphinx.builders.linkcheck import CheckExternalLinksBuilder


class DataFileLinkcheckBuilder(CheckExternalLinksBuilder):
    """Sphinx's linkcheck, naming a data file's line for its addresses."""

    def init(self) -> None:
        super().init()
        #: Address → (the page that first links it, the data file, the line).
        self.data_file_links: dict[str, tuple[str, str, int]] = {}
        self._result_location: tuple[str, int] | None = None

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        for node in doctree.findall(nodes.reference):
            source = node.get("awards_source")
            if source and node.get("refuri") and node["refuri"] not in self.data_file_links:
                self.data_file_links[node["refuri"]] = (docname, *source)
        super().write_doc(docname, doctree)

    def process_result(self, result: Any) -> None:
        found = self.data_file_links.get(result.uri)
        if found and found[0] == result.docname:
            self._result_location = (os.path.relpath(found[1], self.srcdir), found[2])
        try:
            super().process_result(result)
        finally:
            self._result_location = None

    def write_entry(self, what: Any, docname: str, filename: Any, line: int, uri: str) -> None:
        if self._result_location:
            filename, line = self._result_location
        super().write_entry(what, docname, filename, line, uri)

    def write_linkstat(self, data: dict[str, Any]) -> None:
        if self._result_location:
            filename, line = self._result_location
            data = {**data, "filename": filename, "lineno": line}
        super().write_linkstat(data)
