"""A builder Sphinx does not ship, as a third-party extension might write one:
it writes each page's words, links and node classes as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder


class WordsBuilder(Builder):
    name = "words"
    format = "words"
    epilog = "The words are in %(outdir)s."

    def get_outdated_docs(self):
        return self.env.found_docs

    def get_target_uri(self, docname, typ=None):
        return docname

    def prepare_writing(self, docnames):
        pass

    def write_doc(self, docname, doctree):
        page = {
            "text": doctree.astext(),
            "links": [node["refuri"] for node in doctree.findall(nodes.reference) if "refuri" in node],
            "nodes": sorted({type(node).__name__ for node in doctree.findall(nodes.Element)}),
        }
        Path(self.outdir, f"{docname}.json").write_text(json.dumps(page), encoding="utf-8")

    def finish(self):
        pass


def setup(app):
    app.add_builder(WordsBuilder)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
