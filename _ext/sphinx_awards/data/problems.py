"""A problem found in a data file, located by file, line and column."""

from __future__ import annotations

from typing import NamedTuple

from ..text.quoting import shown

#: Where in the parsed data a problem sits: keys and list indexes from the top.
DataPath = tuple[str | int, ...]


class Problem(NamedTuple):
    """One message for the person who edits the data file.

    ``subtype`` is the warning subtype (``awards.<subtype>``) so that a kind of
    problem can be silenced with ``suppress_warnings``.  ``fatal`` problems make
    the whole file unusable; the others leave out at most the entry they are in.
    """

    path: str
    line: int
    column: int
    message: str
    subtype: str
    data_path: DataPath = ()
    fatal: bool = False

    @property
    def location(self) -> str:
        """``file:line:col``, the form compilers use and editors understand."""
        return f"{shown(self.path)}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.location}: {shown(self.message)} [awards.{self.subtype}]"


#: Every warning subtype, with what it is about (the docs list them all).
SUBTYPES = {
    "file": "the data file cannot be read (missing, not a regular file, too large, no permission)",
    "encoding": "the file is not UTF-8",
    "yaml": "YAML syntax, or a file that expands too much (alias bomb)",
    "tag": "a YAML tag other than plain text, numbers, lists and mappings",
    "schema": "a missing key, a value of the wrong type, empty text",
    "text": (
        "a control or invisible character (bidi override, zero-width space), a line break or direction mark "
        "in a one-line field (titles, names, ids), text too long"
    ),
    "unknown-key": "a key the schema does not know, with the nearest known one",
    "duplicate-key": "the same key twice in one mapping",
    "duplicate-id": "two entries of one list with the same id",
    "reference": "an award naming an undefined theme, track or level; an :award: link to no card",
    "url": "a link that is not https, http, mailto or relative on the site",
    "color": "a theme colour that is not a CSS colour",
    "date": "a date that is not YYYY-MM-DD",
    "mojibake": "text that looks mis-decoded, with the likely intended text",
    "template": "a template that cannot be filled in: an unknown argument, an open brace or choice",
    "option": "a directive option naming ids the data file does not define",
    "translation": "a translated text (from a .po file) that fails the same checks: the source text is shown",
    "anchor": "a card whose id another element of its page has (a section): the card is renamed there",
    "import": "sphinx-awards import only: an entry of a BibTeX or CSL-JSON file that cannot be read",
    "config": "an awards_* value in conf.py of the wrong type (the default is used instead)",
    "page": "an award page whose name a document or another generated page has (it is renamed)",
    "cache": "the awards_cache folder cannot be used (not yours alone, or cannot be made)",
    "deprecated": "an option of 0.1 that still works: ':award:' is ':level:', ':group-by: award' is 'level'",
}
