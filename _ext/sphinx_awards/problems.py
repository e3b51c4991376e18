"""A problem found in a data file, located by file, line and column."""

from __future__ import annotations

from dataclasses import dataclass

#: Where in the parsed data a problem sits: keys and list indexes from the top.
DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
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
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message} [awards.{self.subtype}]"
