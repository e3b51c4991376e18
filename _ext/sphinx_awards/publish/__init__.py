"""The awards for other tools: the four export formats beside the pages
(``exports``), a page per award with its citation files (``pages``), a
sitemap and an Atom feed (``feeds``), and
the removal of what a build no longer makes (``outputs``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import exports, feeds, pages, stale

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.connect("build-finished", exports.write_exports)  # awards.json, .bib, .ris, .csl.json
    app.connect("build-finished", feeds.write_feeds)  # a sitemap and an Atom feed (with html_baseurl)
    app.connect("env-updated", pages.assign_page_names)  # none where a document writes its page
    app.connect("html-collect-pages", pages.collect_pages)  # a page per award, for Google Scholar
    app.connect("build-finished", pages.write_citations)  # what each Cite menu links
    # After the writers: what the last build wrote and this one did not (a removed page's awards).
    app.connect("build-finished", stale.remove_stale_outputs, priority=900)
