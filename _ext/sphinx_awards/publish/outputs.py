"""The files the extension writes beside the pages, and the removal of those
a build no longer makes.

Sphinx leaves a removed document's page in the output folder; the
extension's own files are made from data that anyone can remove or edit: an
``awards.bib`` still holding the awards of a page since deleted, or
``awards/old-id.html`` after an id changed, would be published as current.
So each HTML build lists what it wrote (in the doctree folder, one list per
output folder) and removes what the last build wrote and this one did not.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def note_path(app: Sphinx, name: str) -> Path:
    """A note in the doctree folder about this builder's output folder (``name``: what about)."""
    outdir = hashlib.sha256(str(app.outdir).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(app.doctreedir) / "sphinx_awards" / f"{name}-{app.builder.name}-{outdir}.txt"


def remove_stale_outputs(app: Sphinx, made: set[str], others: set[str]) -> None:
    """Remove what the last build of this output folder made and this one did
    not (``made``: relative to the output folder; regular files only), but
    never ``others``, what writes there now (a document given an award page's
    old name)."""
    manifest = note_path(app, "outputs")
    before = set((read(manifest) or "").splitlines())
    outdir = Path(app.outdir).resolve()
    for name in sorted(before - made - others):
        path = outdir / name
        if path.is_file() and not path.is_symlink() and path.resolve().is_relative_to(outdir):
            path.unlink()
    if made != before:
        store(manifest, "".join(f"{name}\n" for name in sorted(made)))


def store(path: Path, text: str) -> None:
    """Write a note in the doctree folder; where it cannot be written (the
    folder is not one), the next build does the work again, nothing worse."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        pass


def read(path: Path) -> str | None:
    """A note ``store`` wrote, or None."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None
