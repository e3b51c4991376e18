"""An archive's rows lead to their years: once a page is read, each row's
title links to the section of the same page that shows that file's summary
(``:year: 2024`` under "NeurIPS 2024"), a link inside the page that every
builder writes (``#neurips-2024`` in HTML, a hyperlink in the PDF)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from ..render.nodes import awards_summary

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def link_archive_rows(app: Sphinx, doctree: nodes.document) -> None:
    sections: dict[str, str] = {}
    for summary in doctree.findall(awards_summary):
        section = summary.parent
        path = summary.get("awards_data")
        if path and isinstance(section, nodes.section) and section["ids"]:
            sections.setdefault(path, section["ids"][0])
    if not sections:
        return
    for title in doctree.findall(nodes.strong):
        target = sections.get(title.get("awards_data", ""))
        if target is not None:
            link = nodes.reference("", "", *title.children, refid=target, internal=True)
            title.children = []
            title += link
