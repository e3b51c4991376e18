"""``sphinx-awards import``: award entries from BibTeX or CSL-JSON.

A reference manager (Zotero, JabRef, a conference's proceedings page) knows a
paper's title, authors, address, abstract and keywords; it does not know the
award's level, the theme or the one-line summary a card shows. The entries
written here fill what the file says and write ``TODO`` where the user must
decide: ``sphinx-awards check`` then names each of them with its line.

BibTeX is read by bibtexparser (the ``import`` extra): its splitter knows
BibTeX's braces, quotes, ``@string`` macros and comments, and its name
splitting is BibTeX's own (``Last, First``; ``{Tom and Jerry Inc.}`` one name);
pylatexenc turns ``M{\\"u}ller`` into ``Müller``. CSL-JSON, as Zotero exports
it, needs only the standard library.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..data.files import read_bytes
from ..data.problems import Problem
from ..text.quoting import quote, shown

#: The largest file read: a conference's whole proceedings with abstracts (NeurIPS:
#: 4,500 papers) is about 10 MB; bibtexparser reads 16 MiB of braces in about 30 s.
MAX_IMPORT_BYTES = 16 * 1024 * 1024
IMPORT_FORMATS = ("bibtex", "csl")
#: The most characters of LaTeX decoded in one file (a few seconds' work).
MAX_LATEX_CHARACTERS = 200_000
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


@dataclass
class Imported:
    entries: list[Entry]
    problems: list[Problem]


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _keywords(text: str) -> list[str]:
    return [word for part in _KEYWORD_SEPARATOR.split(text) if (word := _one_line(part))]


def _year(text: str) -> int | None:
    """A year as the schema takes it, from "2013" or "2013-12-05"; else None."""
    digits = text.strip()[:4]
    return int(digits) if digits.isdigit() and 1000 <= int(digits) <= 2999 else None


def _author(name: str) -> str:
    """BibTeX's "others" says that authors are left out: "et al."."""
    return "et al." if name.strip().lower() == "others" else name


def _address(url: str, doi: str, eprint: str, archive: str) -> str:
    if url:
        return url
    if doi:
        return "https://doi.org/" + doi.removeprefix("https://doi.org/")
    if eprint and archive.lower() == "arxiv":
        return f"https://arxiv.org/abs/{eprint}"
    return ""


class _LatexDecoder:
    """LaTeX as the reader sees it: accents as letters, braces gone.

    pylatexenc takes about 25 microseconds a character, so a file made to be
    slow (megabytes of accents) is bounded: past ``MAX_LATEX_CHARACTERS`` of
    text holding backslashes, values keep their commands as written (braces
    removed) and ``exhausted`` says from which line. Text without a backslash
    never reaches the decoder. Text the decoder cannot read is kept the same way.
    """

    def __init__(self) -> None:
        from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

        context = get_default_latex_context_db()
        # What the exports write for ^, ~ and a text's unpaired braces
        # (citations._UNPAIRED_BRACES), as the characters (pylatexenc gives spacing accents, or nothing).
        written = {"textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^", "textasciitilde": "~"}
        macros = [MacroTextSpec(name, text) for name, text in written.items()]
        context.add_context_category("sphinx-awards", prepend=True, macros=macros)
        self.decoder = LatexNodes2Text(latex_context=context, math_mode="verbatim", strict_latex_spaces=True)
        self.budget = MAX_LATEX_CHARACTERS
        self.exhausted: int | None = None
        #: The lines of texts the decoder could not read.
        self.undecodable: list[int] = []

    def plain(self, value: str, line: int) -> str:
        if "\\" in value and len(value) <= self.budget:
            self.budget -= len(value)
            from pylatexenc.latexwalker import LatexWalkerError

            try:
                return _one_line(self.decoder.latex_to_text(value))
            except (LatexWalkerError, RecursionError, ValueError, IndexError):
                # pylatexenc's own errors, and what it raises on nesting or
                # input it does not expect: the text is kept as written.
                self.undecodable.append(line)
        elif "\\" in value and self.exhausted is None:
            self.exhausted = line
        return _one_line(value.replace("{", "").replace("}", ""))


_UNDECODABLE = "this LaTeX cannot be decoded: it is kept as written; check the text"


def _failure(error: Exception) -> str:
    reason = shown(_one_line(getattr(error, "abort_reason", "") or str(error)))
    if reason.startswith("Duplicate entry key"):
        return f"this entry is left out: {reason}; give it a key of its own"
    return f"this entry cannot be read, and is left out: {reason}"


def read_bibtex(path: str, text: str) -> Imported:
    try:
        import bibtexparser
        from bibtexparser import middlewares
    except ImportError:
        problem = Problem(
            path,
            1,
            1,
            "reading BibTeX needs bibtexparser: pip install 'sphinx-awards[import]'",
            "file",
            fatal=True,
        )
        return Imported([], [problem])
    # bibtexparser logs each failed entry; they are reported here, located.
    logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
    library = bibtexparser.parse_string(
        text, append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()]
    )
    decoder = _LatexDecoder()
    problems = [
        Problem(path, (block.start_line or 0) + 1, 1, _failure(block.error), "import")
        for block in library.failed_blocks
    ]
    entries = []
    for entry in library.entries:
        fields = {name.lower(): value for name, value in entry.fields_dict.items()}
        line = (entry.start_line or 0) + 1

        def text_of(name: str, fields: dict = fields, line: int = line) -> str:
            value = fields[name].value if name in fields else ""
            return decoder.plain(value, line) if isinstance(value, str) else ""

        names = fields["author"].value if "author" in fields else []
        authors = [
            decoder.plain(" ".join(part for part in (*name.first, *name.von, *name.last, *name.jr)), line)
            for name in names
            if not isinstance(name, str)
        ]
        entries.append(
            Entry(
                line=line,
                key=entry.key,
                title=text_of("title"),
                authors=[_author(name) for name in authors if name],
                url=_address(text_of("url"), text_of("doi"), text_of("eprint"), text_of("archiveprefix")),
                abstract=text_of("abstract"),
                keywords=_keywords(text_of("keywords")),
                venue=text_of("booktitle") or text_of("journal"),
                year=_year(text_of("year")),
                doi=text_of("doi").removeprefix("https://doi.org/"),
                arxiv=text_of("eprint") if text_of("archiveprefix").lower() == "arxiv" else "",
            )
        )
    if decoder.exhausted is not None:
        problems.append(
            Problem(
                path,
                decoder.exhausted,
                1,
                f"the file holds more than {MAX_LATEX_CHARACTERS:,} characters of LaTeX: from here on, "
                "LaTeX commands are kept as written; import it in parts to have them all decoded",
                "import",
            )
        )
    problems.extend(Problem(path, line, 1, _UNDECODABLE, "import") for line in decoder.undecodable)
    return Imported(entries, problems)


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _json_items(path: str, text: str) -> Iterator[tuple[int, object] | Problem]:
    """Each item of a top-level JSON array with its offset (the position a
    message names), decoded one at a time."""
    decoder = json.JSONDecoder()
    position = len(text) - len(text.lstrip())
    if not text.startswith("[", position):
        yield Problem(
            path, *_line_and_column(text, position), "CSL-JSON is a list of items: [{...}, ...]", "import"
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
            yield Problem(path, *_line_and_column(text, where), f"this is not JSON: {message}", "import")
            return
        yield position, item
        position = len(text) - len(text[end:].lstrip())
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            yield Problem(
                path, *_line_and_column(text, position), "expected ',' or ']' after an item", "import"
            )
            return


def _csl_name(name: object) -> str:
    if not isinstance(name, dict):
        return ""
    if isinstance(name.get("literal"), str):
        return _one_line(name["literal"])
    parts = (
        name.get(key) for key in ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    )
    return _one_line(" ".join(part for part in parts if isinstance(part, str)))


def _csl_key(item: dict) -> str:
    """The citation key where the item has one (CSL 1.0.2, Better BibTeX),
    else its id; Zotero's ids are addresses, whose last part names the item."""
    key = item.get("citation-key") or item.get("id")
    if not isinstance(key, str | int):
        return ""
    return str(key).rstrip("/").rpartition("/")[2] if "://" in str(key) else str(key)


def _csl_year(issued: object) -> int | None:
    """The year of CSL's ``{"date-parts": [[2013, 12]]}``."""
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    return _year(str(first[0])) if first else None


def read_csl(path: str, text: str) -> Imported:
    entries, problems = [], []
    for found in _json_items(path, text):
        if isinstance(found, Problem):
            problems.append(found)
            continue
        offset, item = found
        line, column = _line_and_column(text, offset)
        if not isinstance(item, dict):
            problems.append(Problem(path, line, column, f"an item is an object, not {quote(item)}", "import"))
            continue

        def text_of(name: str, item: dict = item) -> str:
            value = item.get(name)
            return _one_line(value) if isinstance(value, str) else ""

        names = item.get("author")
        entries.append(
            Entry(
                line=line,
                key=_csl_key(item),
                title=text_of("title"),
                authors=[name for name in map(_csl_name, names if isinstance(names, list) else []) if name],
                url=_address(text_of("URL"), text_of("DOI"), "", ""),
                abstract=text_of("abstract"),
                keywords=_keywords(text_of("keyword")),
                venue=text_of("container-title"),
                year=_csl_year(item.get("issued")),
                doi=text_of("DOI").removeprefix("https://doi.org/"),
                arxiv=text_of("archive_location") if text_of("archive").lower() == "arxiv" else "",
            )
        )
    return Imported(entries, problems)


def read_references(path: str, format_name: str | None = None) -> Imported:
    """The entries of a BibTeX or CSL-JSON file (the format from the name's
    suffix unless given); an unreadable file is one located problem."""
    raw = read_bytes(path, MAX_IMPORT_BYTES, kind="file to import")
    if isinstance(raw, Problem):
        return Imported([], [raw])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(raw[: error.start].decode("utf-8", "replace"), error.start)
        return Imported(
            [], [Problem(path, line, column, "the file is not UTF-8; save it as UTF-8", "encoding")]
        )
    if format_name is None:
        format_name = "csl" if Path(path).suffix.lower() == ".json" else "bibtex"
    return read_csl(path, text) if format_name == "csl" else read_bibtex(path, text)
