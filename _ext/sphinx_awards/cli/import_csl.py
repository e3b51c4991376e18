"""CSL-JSON, as Zotero exports it: the standard library's JSON decoder, one
item at a time, so that a message names the item's line."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..data.problems import Problem
from ..text.quoting import quote
from .references import (
    Entry,
    Imported,
    address_of,
    full_date,
    keywords_of,
    line_and_column,
    one_line,
    year_of,
)


def _json_items(path: str, text: str) -> Iterator[tuple[int, object] | Problem]:
    """Each item of a top-level JSON array with its offset (the position a
    message names), decoded one at a time."""
    decoder = json.JSONDecoder()
    position = len(text) - len(text.lstrip())
    if not text.startswith("[", position):
        yield Problem(
            path, *line_and_column(text, position), "CSL-JSON is a list of items: [{...}, ...]", "import"
        )
        return
    position += 1
    while True:
        position = len(text) - len(text[position:].lstrip())
        if text.startswith("]", position):
            return
        try:
            item, end = decoder.raw_decode(text, position)
        except (json.JSONDecodeError, RecursionError) as error:
            where = error.pos if isinstance(error, json.JSONDecodeError) else position
            message = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            yield Problem(path, *line_and_column(text, where), f"this is not JSON: {message}", "import")
            return
        yield position, item
        position = len(text) - len(text[end:].lstrip())
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            yield Problem(
                path, *line_and_column(text, position), "expected ',' or ']' after an item", "import"
            )
            return


def _csl_name(name: object) -> str:
    if not isinstance(name, dict):
        return ""
    if isinstance(name.get("literal"), str):
        return one_line(name["literal"])
    parts = (
        name.get(key) for key in ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    )
    return one_line(" ".join(part for part in parts if isinstance(part, str)))


def _csl_key(item: dict) -> str:
    """The citation key where the item has one (CSL 1.0.2, Better BibTeX),
    else its id; Zotero's ids are addresses, whose last part names the item."""
    key = item.get("citation-key") or item.get("id")
    if not isinstance(key, str | int):
        return ""
    return str(key).rstrip("/").rpartition("/")[2] if "://" in str(key) else str(key)


#: The keys the data file has a place for (the others are named).
_PLACED = frozenset(
    "id citation-key type title author URL DOI abstract keyword container-title issued archive "
    "archive_location".split()
)


def _date_parts(issued: object) -> list[object]:
    """CSL's ``{"date-parts": [[2013, 12, 5]]}`` as ``[2013, 12, 5]``."""
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    return parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []


def _csl_year(issued: object) -> int | None:
    first = _date_parts(issued)
    return year_of(str(first[0])) if first else None


def _csl_date(issued: object) -> str:
    """The day, where all three parts are given: ``2013-12-05``."""
    parts = _date_parts(issued)
    if len(parts) != 3 or not all(isinstance(part, int) for part in parts):
        return ""
    return full_date("-".join(f"{part:02d}" for part in parts))


def read_csl(path: str, text: str) -> Imported:
    entries, problems = [], []
    for found in _json_items(path, text):
        if isinstance(found, Problem):
            problems.append(found)
            continue
        offset, item = found
        line, column = line_and_column(text, offset)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, column, f"an item is an object, not {quote(item)}", "import"))
            continue

        def text_of(name: str, item: dict = item) -> str:
            value = item.get(name)
            return one_line(value) if isinstance(value, str) else ""

        names = item.get("author")
        entries.append(
            Entry(
                line=line,
                key=_csl_key(item),
                title=text_of("title"),
                authors=[name for name in map(_csl_name, names if isinstance(names, list) else []) if name],
                url=address_of(text_of("URL"), text_of("DOI"), "", ""),
                abstract=text_of("abstract"),
                keywords=keywords_of(text_of("keyword")),
                venue=text_of("container-title"),
                year=_csl_year(item.get("issued")),
                date=_csl_date(item.get("issued")),
                unplaced=[(name, item[name]) for name in sorted(set(item) - _PLACED)],
                doi=text_of("DOI").removeprefix("https://doi.org/"),
                arxiv=text_of("archive_location") if text_of("archive").lower() == "arxiv" else "",
            )
        )
    return Imported(entries, problems)
