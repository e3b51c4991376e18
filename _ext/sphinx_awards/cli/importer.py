"""``sphinx-awards import``: award entries from BibTeX, CSL-JSON or RIS.

A reference manager (Zotero, JabRef, a conference's proceedings page) knows a
paper's title, authors, address, abstract and keywords; it does not know the
award's level, the theme or the one-line summary a card shows. The entries
written here fill what the file says and write ``TODO`` where the user must
decide: ``sphinx-awards check`` then names each of them with its line. A
field of the file that no key of the data file holds is written as a
comment beside its entry (``# not imported: pages = 3111-3119``), never
dropped silently.

Each format has its reader: ``import_bibtex`` (bibtexparser, pylatexenc),
``import_csl`` (the standard library), ``import_ris`` (rispy); what they
share is in ``references``.
"""

from __future__ import annotations

from pathlib import Path

from ..data.files import read_bytes
from ..data.problems import Problem
from .import_bibtex import read_bibtex
from .import_csl import read_csl
from .import_ris import read_ris
from .references import Imported, line_and_column

#: The largest file read: a conference's whole proceedings with abstracts (NeurIPS:
#: 4,500 papers) is about 10 MB; bibtexparser reads 16 MiB of braces in about 30 s.
MAX_IMPORT_BYTES = 16 * 1024 * 1024
_READERS = {"bibtex": read_bibtex, "csl": read_csl, "ris": read_ris}
_BY_SUFFIX = {".json": "csl", ".ris": "ris"}


def read_references(path: str, format_name: str | None = None) -> Imported:
    """The entries of a BibTeX, CSL-JSON or RIS file (the format from the
    name's suffix unless given: .json, .ris, else BibTeX); an unreadable file
    is one located problem."""
    raw = read_bytes(path, MAX_IMPORT_BYTES, kind="file to import")
    if isinstance(raw, Problem):
        return Imported([], [raw])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = line_and_column(raw[: error.start].decode("utf-8", "replace"), error.start)
        return Imported(
            [], [Problem(path, line, column, "the file is not UTF-8; save it as UTF-8", "encoding")]
        )
    if format_name is None:
        format_name = _BY_SUFFIX.get(Path(path).suffix.lower(), "bibtex")
    return _READERS[format_name](path, text)
