"""BibTeX, read by bibtexparser (the ``import`` extra): its splitter knows
BibTeX's braces, quotes, ``@string`` macros and comments, and its name
splitting is BibTeX's own (``Last, First``; ``{Tom and Jerry Inc.}`` one
name); pylatexenc turns ``M{\\"u}ller`` into ``Müller``."""

from __future__ import annotations

import logging

from ..data.problems import Problem
from ..text.quoting import shown
from .references import Entry, Imported, address_of, author_of, full_date, keywords_of, one_line, year_of

#: The fields the data file has a place for (the others are named).
_PLACED = frozenset(
    "title author url doi eprint archiveprefix abstract keywords booktitle journal year date".split()
)

#: The most characters of LaTeX decoded in one file (a few seconds' work).
MAX_LATEX_CHARACTERS = 200_000


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
                return one_line(self.decoder.latex_to_text(value))
            except (LatexWalkerError, RecursionError, ValueError, IndexError):
                # pylatexenc's own errors, and what it raises on nesting or
                # input it does not expect: the text is kept as written.
                self.undecodable.append(line)
        elif "\\" in value and self.exhausted is None:
            self.exhausted = line
        return one_line(value.replace("{", "").replace("}", ""))


_UNDECODABLE = "this LaTeX cannot be decoded: it is kept as written; check the text"


def _failure(error: Exception) -> str:
    reason = shown(one_line(getattr(error, "abort_reason", "") or str(error)))
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
                authors=[author_of(name) for name in authors if name],
                url=address_of(text_of("url"), text_of("doi"), text_of("eprint"), text_of("archiveprefix")),
                abstract=text_of("abstract"),
                keywords=keywords_of(text_of("keywords")),
                venue=text_of("booktitle") or text_of("journal"),
                year=year_of(text_of("year") or text_of("date")),
                doi=text_of("doi").removeprefix("https://doi.org/"),
                arxiv=text_of("eprint") if text_of("archiveprefix").lower() == "arxiv" else "",
                date=full_date(text_of("date")),  # biblatex's date = {2013-12-05}
                unplaced=[(name, fields[name].value) for name in sorted(set(fields) - _PLACED)],
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
