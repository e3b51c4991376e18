"""What ``sphinx-awards import`` reads from any format: one ``Entry`` per
paper, the problems met, and the small rules every reader shares (a year,
an address, "others" as "et al.", keywords, positions)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from ..data.problems import Problem

IMPORT_FORMATS = ("bibtex", "csl", "ris")
#: The longest id a data file may hold (the schema's ``$defs.id``).
MAX_ID_LENGTH = 100
_KEYWORD_SEPARATOR = re.compile(r"[;,]")
_SPACE = re.compile(r"\s+")


@dataclass
class Entry:
    """One paper as the source file describes it, with the line it starts on."""

    line: int
    key: str
    title: str
    authors: list[str]
    url: str = ""
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    #: The paper's own record, where the file gives it.
    venue: str = ""
    year: int | None = None
    doi: str = ""
    arxiv: str = ""
    #: The day it was published (YYYY-MM-DD), and its full text as PDF.
    date: str = ""
    pdf: str = ""
    #: The file's fields that no key of the data file holds, with their
    #: values: written as comments beside the entry, never dropped silently.
    unplaced: list[tuple[str, object]] = field(default_factory=list)


@dataclass
class Imported:
    entries: list[Entry]
    problems: list[Problem]


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def keywords_of(text: str) -> list[str]:
    return [word for part in _KEYWORD_SEPARATOR.split(text) if (word := one_line(part))]


def year_of(text: str) -> int | None:
    """A year as the schema takes it, from "2013" or "2013-12-05"; else None."""
    digits = text.strip()[:4]
    return int(digits) if digits.isdigit() and 1000 <= int(digits) <= 2999 else None


def author_of(name: str) -> str:
    """BibTeX's "others" says that authors are left out: "et al."."""
    return "et al." if name.strip().lower() == "others" else name


def address_of(url: str, doi: str, eprint: str, archive: str) -> str:
    if url:
        return url
    if doi:
        return "https://doi.org/" + doi.removeprefix("https://doi.org/")
    if eprint and archive.lower() == "arxiv":
        return f"https://arxiv.org/abs/{eprint}"
    return ""


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def family_first(name: str) -> str:
    """A name written "Last, First" or "Last, First, Suffix" (RIS) as the data
    writes it: "First Last Suffix", a family name of several words (but its
    lowercase particles, "van") joined by a no-break space, as the data
    file's own rule says; anything else as it is."""
    parts = [one_line(part) for part in name.split(",")]
    if len(parts) not in (2, 3) or not all(parts[:2]):
        return one_line(name)
    family, given, *suffix = parts
    words = family.split(" ")
    particles = [word for word in words[:-1] if word.islower()]
    family = "\u00a0".join(words[len(particles) :])
    return " ".join([given, *particles, family, *filter(None, suffix)])


def full_date(text: str) -> str:
    """``2013-12-05`` when ``text`` is that day (a day that exists), else ""."""
    try:
        return datetime.date.fromisoformat(text.strip()).isoformat() if len(text.strip()) == 10 else ""
    except ValueError:
        return ""
