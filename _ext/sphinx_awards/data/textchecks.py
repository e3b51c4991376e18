"""Checks on single values: text, link addresses, CSS colours and mojibake.

Each ``*_problem`` function returns why a value is refused (a sentence that
says what to write instead) or None; the JSON Schema names which check applies
to which field through its ``awards-*`` formats (see ``validation.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

#: Unicode's 66 noncharacters, kept for a program's internal use, never for
#: text: U+FDD0 to U+FDEF and the last two code points of every plane (an
#: HTML reader may drop ``&#x1fffe;``).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0x10000, 0x110000, 0x10000)
)
#: Control characters (C0 but tab and newline, DEL, C1), lone surrogates and
#: noncharacters: invisible, and they break EPUB's XML, LaTeX and troff.
_CONTROL = f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{_NONCHARACTERS}]"
#: Line breaks of any kind: refused in one-line fields (titles, names, ids),
#: where a second line would become a troff request, an inventory entry of
#: its own or a paragraph break inside a LaTeX heading.
_LINE_BREAK = "[\n\r\x0b\x0c\x85\u2028\u2029]"


#: Invisible characters that reorder or hide text (bidi embeddings, overrides
#: and isolates, zero-width space, word joiner, BOM): refused everywhere, as
#: they make a title, an author or a link read other than it is (U+202E
#: turns "txt.exe" around). Our markup isolates each text's direction itself.
_INVISIBLE = "[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
#: Direction marks and the soft hyphen: at home in right-to-left prose, but
#: not in one-line texts (titles, names, ids), where they only hide.
_ONE_LINE_INVISIBLE = "[\u200e\u200f\u061c\u00ad]"
# The four above are patterns, compiled (by re's own cache) only to explain a
# refusal; a build compiles the two below, which every text is checked with.
# Compiling a regex costs a small build about 3 M instructions a millisecond.
_NOT_ONE_LINE = re.compile(f"{_LINE_BREAK}|{_CONTROL}|{_INVISIBLE}|{_ONE_LINE_INVISIBLE}")
_NOT_TEXT = re.compile(f"{_CONTROL}|{_INVISIBLE}")


#: What ``sphinx-awards import`` writes where the user must decide.
PLACEHOLDER = "TODO"


def is_text(value: str, *, one_line: bool) -> bool:
    """``text_problem(value, one_line=...) is None``, in one regex search and
    one comparison: the schema's check calls it for every string of the file."""
    return (_NOT_ONE_LINE if one_line else _NOT_TEXT).search(value) is None and value != PLACEHOLDER


def _character(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "").lower()
    described = f"{code} ({name})" if name else code
    if re.fullmatch(_LINE_BREAK, char):
        return "a line break" if char == "\n" else f"a line break, {described}"
    if re.fullmatch(_CONTROL, char):
        return f"the control character {described}"
    return f"the invisible character {described}"


def text_problem(value: str, *, one_line: bool) -> str | None:
    """Why ``value`` cannot be shown as text (one line when ``one_line``), or None."""
    if value == PLACEHOLDER:
        return f"is {PLACEHOLDER}, a place left for you (by sphinx-awards import): write the text"
    found = (_NOT_ONE_LINE if one_line else _NOT_TEXT).search(value)
    if found is None:
        return None
    char = found.group()
    where = f"{_character(char)} at character {found.start() + 1}"
    if re.fullmatch(_LINE_BREAK, char):
        return f"holds {where}; this field is one line: join the lines"
    if re.fullmatch(_CONTROL, char):
        return f"holds {where}; remove it (it is invisible, and breaks EPUB, PDF and man pages)"
    return f"holds {where}; remove it (it hides or reorders what readers see)"


# UTF-8 read back as Windows-874 (Thai), the mojibake of our seed page: the
# Thai code page below 0xA0 borrows the Windows-1252 punctuation, so a
# character maps back to its byte through either table.
_WINDOWS_1252_PUNCTUATION = (
    "\u20ac\u2013\u2014\u2018-\u201e\u2020-\u2026\u2122\u0178\u0152\u0153"
    "\u0160\u0161\u017d\u017e\u02c6\u02dc\u0192\u2030\u2039\u203a"
)
_THAI_LETTERS = "\u0e01-\u0e5b"
# Patterns for the repair, compiled when a text needs it.
_MOJIBAKE_RUN = f"[{_THAI_LETTERS}{_WINDOWS_1252_PUNCTUATION}\u00a0]+"
_THAI_LETTER = f"[{_THAI_LETTERS}]"
_PUNCTUATION = f"[{_WINDOWS_1252_PUNCTUATION}]"


def _char_to_byte(char: str) -> bytes:
    try:
        return char.encode("cp874")
    except UnicodeEncodeError:
        return char.encode("cp1252")


def _repair_run(match: re.Match[str]) -> str:
    run = match.group()
    # Real Thai text never has Windows-1252 punctuation inside a word, nor
    # the start of a UTF-8 sequence followed by its continuation (an en dash
    # before a Thai vowel is not mojibake).
    if not (re.search(_THAI_LETTER, run) and re.search(_PUNCTUATION, run) and _maybe_misread().search(run)):
        return run
    try:
        raw = b"".join(_char_to_byte(char) for char in run)
    except UnicodeEncodeError:
        return run
    # Bytes the Thai code page does not define were lost: they come back as U+FFFD.
    return raw.decode("utf-8", errors="replace")


#: The single-byte code pages UTF-8 gets misread in: ftfy's own list
#: (``ftfy.chardata.CHARMAP_ENCODINGS``; a test keeps the two the same) and the
#: Thai one, which ftfy does not know.
MISREAD_AS = (
    "latin-1",
    "cp1252",
    "cp1251",
    "cp1250",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso-8859-2",
    "mac-roman",
    "cp437",
    "cp874",
)


@cache
def _code_page(name: str) -> str:
    """The 256 bytes as read in a code page (undefined ones as lone surrogates)."""
    return bytes(range(256)).decode(name, errors="surrogateescape")


def _read_as_characters(bytes_: Iterable[int], code_pages: Iterable[str] = MISREAD_AS) -> set[str]:
    """What these bytes read as in the code pages (a byte a code page leaves
    undefined reads as its Latin-1 character, as in ftfy's "sloppy" codecs)."""
    characters: set[str] = set()
    for code_page in code_pages:
        table = _code_page(code_page)
        characters.update(chr(byte) if table[byte] >= "\udc80" else table[byte] for byte in bytes_)
    return characters


def _character_class(characters: Iterable[str]) -> str:
    return "[" + "".join(re.escape(character) for character in sorted(characters)) + "]"


_WINDOWS_CODE_PAGES = [name for name in MISREAD_AS if name.startswith("cp125")]


@cache
def _maybe_misread() -> re.Pattern[str]:
    """``misread_pattern()``, built and compiled when a build first meets
    text that is not ASCII, once a process: 27 M instructions (cachegrind;
    most of it importing eleven codecs), under 1% of a small site's clean
    build and nothing for a rebuild whose data did not change."""
    return re.compile(misread_pattern())


def _misread_alternatives() -> list[tuple[set[str], str]]:
    """What a misreading leaves behind: the characters each kind starts with,
    and the regex of what follows them.

    Every UTF-8 sequence of more than one byte starts with a byte from 0xC0
    up followed by bytes from 0x80 to 0xBF: misread, it leaves a character of
    the first kind right before one of the second. ftfy also undoes a few
    sequences that lost a byte on the way: some first bytes followed by a
    space (0xA0 became a space; not in Mac Roman, where ftfy does not try it),
    and first bytes followed by "?" or U+FFFD (in the Windows code pages);
    and the misreadings it undoes without UTF-8 leave C1 control characters.
    """
    return [
        (_read_as_characters(range(0xC0, 0xF5)), _character_class(_read_as_characters(range(0x80, 0xC0)))),
        (
            _read_as_characters(
                b"\xc2\xc3\xc5\xce\xd0\xd9\xe0\xe1\xe2\xe3\xf0", set(MISREAD_AS) - {"mac-roman"}
            ),
            " ",
        ),
        (_read_as_characters(range(0xC2, 0xF5), _WINDOWS_CODE_PAGES), "[?\\x1a\\ufffd]"),
        ({chr(code) for code in range(0x80, 0xA0)}, ""),
    ]


def misread_pattern() -> str:
    """What a misreading leaves behind, as one regex."""
    return "|".join(_character_class(first) + rest for first, rest in _misread_alternatives())


def may_be_misread(text: str) -> bool:
    """Whether ``text`` holds anything a misreading leaves behind."""
    return not text.isascii() and _maybe_misread().search(text) is not None


def mojibake_repair(text: str) -> str | None:
    """The likely intended text when ``text`` looks mis-decoded, else None.

    Text with nothing that a misreading leaves behind is passed at once: ftfy
    (a tenth of a second to import) is only loaded for text that may need it.
    """
    return repair_misread(text) if may_be_misread(text) else None


def repair_misread(text: str) -> str | None:
    """ftfy's repair of the common cases (UTF-8 read as Latin-1, Windows-1252
    and the other code pages above), then ours of the Thai code page."""
    import ftfy

    fixed = re.sub(_MOJIBAKE_RUN, _repair_run, ftfy.fix_encoding(text))
    return fixed if fixed != text else None
