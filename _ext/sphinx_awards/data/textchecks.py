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

#: Control characters (C0 but tab and newline, DEL, C1), lone surrogates and
#: the two non-characters XML refuses: invisible, and they break EPUB's XML,
#: LaTeX and troff.
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
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


#: What ``misread_pattern()`` builds from the code pages, written out: decoding
#: eleven code pages costs a build about 35 M instructions (10 ms); a test
#: keeps the two the same.
_MAYBE_MISREAD_PATTERN = (
    "[\xa0\xa1\xab\xac\xb1\xb5\xb7\xbb\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd"
    "\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5"
    "\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf7\xff\u0100\u0101\u0102\u0103"
    "\u0104\u0105\u0106\u0107\u010c\u010d\u010e\u010f\u0110\u0111\u0112\u0113\u0116\u0117\u0118\u0119"
    "\u011a\u011b\u011e\u011f\u0122\u0123\u012a\u012b\u012e\u012f\u0130\u0136\u0137\u0139\u013a\u013b"
    "\u013c\u0141\u0143\u0144\u0145\u0146\u0147\u0148\u014c\u014d\u0150\u0152\u0153\u0154\u0155\u0158"
    "\u015a\u015e\u0160\u0161\u0162\u016a\u016e\u0170\u0172\u0178\u0179\u017a\u017b\u017d\u0192\u0390"
    "\u0391\u0392\u0393\u0394\u0395\u0396\u0397\u0398\u0399\u039a\u039b\u039c\u039d\u039e\u039f\u03a0"
    "\u03a1\u03a3\u03a4\u03a5\u03a6\u03a7\u03a8\u03a9\u03aa\u03ab\u03ac\u03ad\u03ae\u03af\u03b0\u03b1"
    "\u03b2\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8\u03b9\u03ba\u03bb\u03bc\u03bd\u03be\u03bf\u03c0\u03c1"
    "\u03c2\u03c3\u03c4\u03c6\u0410\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041a\u041b"
    "\u041c\u041d\u041e\u041f\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042a\u042b"
    "\u042c\u042d\u042e\u042f\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a\u043b"
    "\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0e20\u0e21\u0e22\u0e23\u0e24\u0e25\u0e26"
    "\u0e27\u0e28\u0e29\u0e2a\u0e2b\u0e2c\u0e2d\u0e2e\u0e2f\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36"
    "\u0e37\u0e38\u0e39\u0e3a\u0e3f\u0e40\u0e41\u0e42\u0e43\u0e44\u0e45\u0e46\u0e47\u0e48\u0e49\u0e4a"
    "\u0e4b\u0e4c\u0e4d\u0e4e\u0e4f\u0e50\u0e51\u0e52\u0e53\u0e54\u2013\u2014\u2018\u2019\u201a\u201c"
    "\u201d\u201e\u2021\u2026\u2030\u2039\u203a\u2044\u20ac\u2206\u221a\u221e\u2229\u2248\u2261\u2264"
    "\u2265\u2320\u2500\u250c\u2514\u2518\u251c\u252c\u2534\u253c\u2550\u2552\u2553\u2554\u2558\u2559"
    "\u255a\u255e\u255f\u2560\u2564\u2565\u2566\u2567\u2568\u2569\u256a\u256b\u256c\u2580\u2584\u2588"
    "\u258c\u2590\u25ca][\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92"
    "\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa"
    "\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc4\xc5\xc6"
    "\xc7\xc9\xd1\xd6\xd8\xdc\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf1"
    "\xf2\xf3\xf4\xf5\xf6\xf8\xf9\xfa\xfb\xfc\xff\u0104\u0105\u013d\u013e\u0141\u0142\u0152\u0153"
    "\u0156\u0157\u015a\u015b\u015e\u015f\u0160\u0161\u0164\u0165\u0178\u0179\u017a\u017b\u017c\u017d"
    "\u017e\u0192\u02c6\u02c7\u02d8\u02db\u02dc\u02dd\u0384\u0385\u0386\u0388\u0389\u038a\u038c\u038e"
    "\u038f\u03a9\u03c0\u0401\u0402\u0403\u0404\u0405\u0406\u0407\u0408\u0409\u040a\u040b\u040c\u040e"
    "\u040f\u0451\u0452\u0453\u0454\u0455\u0456\u0457\u0458\u0459\u045a\u045b\u045c\u045e\u045f\u0490"
    "\u0491\u0e01\u0e02\u0e03\u0e04\u0e05\u0e06\u0e07\u0e08\u0e09\u0e0a\u0e0b\u0e0c\u0e0d\u0e0e\u0e0f"
    "\u0e10\u0e11\u0e12\u0e13\u0e14\u0e15\u0e16\u0e17\u0e18\u0e19\u0e1a\u0e1b\u0e1c\u0e1d\u0e1e\u0e1f"
    "\u2013\u2014\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a"
    "\u20a7\u20ac\u2116\u2122\u2202\u220f\u2211\u221e\u222b\u2260\u2264\u2265\u2310\u2502\u2510\u2524"
    "\u2551\u2555\u2556\u2557\u255b\u255c\u255d\u2561\u2562\u2563\u2591\u2592\u2593]|[\xc2\xc3\xc5"
    "\xce\xd0\xd9\xdf\xe0\xe1\xe2\xe3\xf0\u0100\u0101\u0102\u0103\u0105\u0106\u0107\u0110\u0111\u011e"
    "\u011f\u012a\u012f\u0139\u0141\u0155\u0160\u0161\u016e\u0392\u0393\u0395\u039e\u03a0\u03a9\u03b0"
    "\u03b1\u03b2\u03b3\u03c0\u0412\u0413\u0415\u041e\u0420\u0429\u0430\u0431\u0432\u0433\u0440\u0e22"
    "\u0e23\u0e25\u0e2e\u0e30\u0e39\u0e40\u0e41\u0e42\u0e43\u0e50\u2261\u2518\u251c\u252c\u253c\u2568"
    "\u256c] |[\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6"
    "\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee"
    "\xef\xf0\xf1\xf2\xf3\xf4\u0100\u0101\u0102\u0103\u0105\u0106\u0107\u010c\u010d\u010e\u010f\u0110"
    "\u0111\u0112\u0113\u0116\u0117\u0118\u0119\u011a\u011b\u011e\u011f\u0122\u0123\u012a\u012b\u012f"
    "\u0130\u0136\u0137\u0139\u013a\u013b\u013c\u0141\u0143\u0144\u0145\u0146\u0147\u0148\u014c\u014d"
    "\u0150\u0155\u0158\u015a\u015e\u0160\u0161\u0162\u016a\u016e\u0170\u0172\u0179\u017a\u017b\u017d"
    "\u0392\u0393\u0394\u0395\u0396\u0397\u0398\u0399\u039a\u039b\u039c\u039d\u039e\u039f\u03a0\u03a1"
    "\u03a3\u03a4\u03a5\u03a6\u03a7\u03a8\u03a9\u03aa\u03ab\u03ac\u03ad\u03ae\u03af\u03b0\u03b1\u03b2"
    "\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8\u03b9\u03ba\u03bb\u03bc\u03bd\u03be\u03bf\u03c0\u03c1\u03c2"
    "\u03c3\u03c4\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041a\u041b\u041c\u041d\u041e\u041f"
    "\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042a\u042b\u042c\u042d\u042e\u042f"
    "\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a\u043b\u043c\u043d\u043e\u043f"
    "\u0440\u0441\u0442\u0443\u0444][?\\x1a\\ufffd]|[\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b"
    "\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f]"
)


@cache
def _maybe_misread() -> re.Pattern[str]:
    """``misread_pattern()``, compiled on first use."""
    return re.compile(_MAYBE_MISREAD_PATTERN)


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
