"""RIS, read by rispy (the ``import`` extra), as EndNote, Zotero and the
publishers' "Export citation" links write it: ``TY  - CPAPER`` to
``ER  -``, one tag a line."""

from __future__ import annotations

import re

from ..data.problems import Problem
from .references import (
    Entry,
    Imported,
    address_of,
    family_first,
    full_date,
    keywords_of,
    one_line,
    year_of,
)

#: rispy's names of the RIS tags the data file has a place for.
_PLACED = {
    "type_of_reference", "id", "title", "primary_title", "authors", "first_authors", "year",
    "publication_year", "date", "secondary_title", "journal_name", "alternate_title3", "doi",
    "urls", "file_attachments1", "abstract", "keywords", "notes",
}  # fmt: skip
_RECORD_START = re.compile(r"^TY  - ", re.MULTILINE)
_ARXIV = re.compile(r"https?://arxiv\.org/abs/(\S+)")


def _date(text: str) -> str:
    """RIS's ``2013/12/05`` (or ``2013/12/05/``) as ``2013-12-05``; else ""."""
    found = re.fullmatch(r"(\d{4})/(\d{2})/(\d{2})/?[^/]*", text.strip())
    return full_date("-".join(found.groups())) if found else ""


def read_ris(path: str, text: str) -> Imported:
    try:
        import rispy
    except ImportError:
        problem = Problem(
            path, 1, 1, "reading RIS needs rispy: pip install 'sphinx-awards[import]'", "file", fatal=True
        )
        return Imported([], [problem])
    lines = [text.count("\n", 0, found.start()) + 1 for found in _RECORD_START.finditer(text)]
    try:
        records = rispy.loads(text)
    except (ValueError, KeyError, IndexError) as error:
        message = f"this is not RIS: {one_line(str(error))[:200]}; each record runs from 'TY  - ' to 'ER  - '"
        return Imported([], [Problem(path, 1, 1, message, "import")])
    entries: list[Entry] = []
    for number, record in enumerate(records):
        line = lines[number] if number < len(lines) else 1

        def text_of(*names: str, record: dict = record) -> str:
            value = next((record[name] for name in names if record.get(name)), "")
            value = value[0] if isinstance(value, list) and value else value
            return one_line(value) if isinstance(value, str) else ""

        authors = record.get("authors") or record.get("first_authors") or []
        urls = [url for url in record.get("urls", []) if isinstance(url, str)]
        # An arXiv address after the first: the paper's arXiv id (as the exports write it).
        arxiv = next((found.group(1) for url in urls[1:] if (found := _ARXIV.fullmatch(url.strip()))), "")
        unknown = record.get("unknown_tag") or {}
        entry = Entry(
            line=line,
            key=text_of("id"),
            title=text_of("title", "primary_title"),
            authors=[family_first(name) for name in authors if isinstance(name, str) and name.strip()],
            url=address_of(text_of("urls"), text_of("doi"), "", ""),
            abstract=text_of("abstract"),
            keywords=keywords_of(
                ", ".join(word for word in record.get("keywords", []) if isinstance(word, str))
            ),
            venue=text_of("secondary_title", "journal_name", "alternate_title3"),
            year=year_of(text_of("year", "publication_year", "date")),
            doi=text_of("doi").removeprefix("https://doi.org/"),
            arxiv=arxiv,
            date=_date(text_of("date")),
            pdf=text_of("file_attachments1"),
            unplaced=[
                *((name, record[name]) for name in record if name not in {*_PLACED, "unknown_tag"}),
                *unknown.items(),
            ],
        )
        entries.append(entry)
    # rispy drops a record that never ends: said at its first line.
    unended = [
        Problem(path, line, 1, "this record has no end: add a line 'ER  - ' after it", "import")
        for line in lines[len(records) :]
    ]
    return Imported(entries, unended)
