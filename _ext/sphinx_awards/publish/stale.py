"""What a build no longer makes goes: the files of every publisher here
(exports, feeds, award pages and their citation files), listed after all of
them are written, and given to ``outputs.remove_stale_outputs``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from . import outputs
from .exports import FILE_NAMES, makes_exports
from .feeds import feed_names
from .pages import CITATION_SUFFIXES, award_pages, citation_base

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder


def made_now(app: Sphinx) -> set[str]:
    """Every file, relative to the output folder, this build's exports and award pages make."""

    made: set[str] = set(FILE_NAMES.values()) if makes_exports(app) else set()
    made |= feed_names(app)
    outdir = Path(app.outdir)
    builder = cast("StandaloneHTMLBuilder", app.builder)  # award pages: html and dirhtml only
    for *_unused, page in award_pages(app):
        made.add(Path(builder.get_outfilename(page)).relative_to(outdir).as_posix())
        made.update(citation_base(app, page) + suffix for suffix in CITATION_SUFFIXES)
    return made


def remove_stale_outputs(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``, after the files are written: what the last build
    wrote and this one did not (a removed page's awards, a renamed award's page)."""
    if exception is not None or app.builder.format != "html":
        return
    outfile = getattr(app.builder, "get_outfilename", None)  # every HTML builder of Sphinx's
    outdir = Path(app.outdir)
    documents = (
        {Path(outfile(docname)).relative_to(outdir).as_posix() for docname in app.env.all_docs}
        if outfile is not None
        else set()
    )
    outputs.remove_stale_outputs(app, made_now(app), documents)
