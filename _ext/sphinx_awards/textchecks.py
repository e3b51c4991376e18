"""Checks on single values: link schemes, CSS colours and mojibake."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import ftfy

_SAFE_SCHEMES = frozenset({"https", "http"})
#: Browsers ignore ASCII control characters and whitespace inside a scheme
#: ("java\tscript:"), so they are removed before the scheme is read.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")


def unsafe_url_reason(url: str) -> str | None:
    """Why ``url`` must not become a link, or None when it is https, http or relative."""
    try:
        scheme = urlsplit(_IGNORED_IN_SCHEME.sub("", url)).scheme.lower()
    except ValueError as error:  # "https://[example.org": an unclosed IPv6 bracket
        return f"the link {url!r} is not a valid address ({error}); check it"
    if not scheme or scheme in _SAFE_SCHEMES:
        return None
    return (
        f"the link {url!r} uses the {scheme!r} scheme, which is refused; "
        "use an https:// or http:// address or a relative link"
    )


_NAMED_COLORS = frozenset(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peru pink plum powderblue
    purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen
    seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue
    tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen""".split()
)
_HEX_COLOR = re.compile(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})")
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:%|deg|turn|rad)?"
_FUNCTION_COLOR = re.compile(
    rf"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*{_NUMBER}(?:\s*[,\s/]\s*{_NUMBER}){{2,3}}\s*\)"
)


def is_css_color(value: str) -> bool:
    """True for the colour syntaxes a card may carry into a ``style`` attribute.

    Deliberately a whitelist: the value ends up in CSS, so anything else
    (``red; background: url(...)``) is refused.
    """
    value = value.strip().lower()
    return bool(value in _NAMED_COLORS or _HEX_COLOR.fullmatch(value) or _FUNCTION_COLOR.fullmatch(value))


# UTF-8 read back as Windows-874 (Thai), the mojibake of our seed page: the
# Thai code page below 0xA0 borrows the Windows-1252 punctuation, so a
# character maps back to its byte through either table.
_WINDOWS_1252_PUNCTUATION = (
    "\u20ac\u2013\u2014\u2018-\u201e\u2020-\u2026\u2122\u0178\u0152\u0153"
    "\u0160\u0161\u017d\u017e\u02c6\u02dc\u0192\u2030\u2039\u203a"
)
_THAI_LETTERS = "\u0e01-\u0e5b"
_MOJIBAKE_RUN = re.compile(f"[{_THAI_LETTERS}{_WINDOWS_1252_PUNCTUATION}\u00a0]+")
_THAI_LETTER = re.compile(f"[{_THAI_LETTERS}]")
_PUNCTUATION = re.compile(f"[{_WINDOWS_1252_PUNCTUATION}]")


def _char_to_byte(char: str) -> bytes:
    try:
        return char.encode("cp874")
    except UnicodeEncodeError:
        return char.encode("cp1252")


def _repair_run(match: re.Match[str]) -> str:
    run = match.group()
    # Real Thai text never has Windows-1252 punctuation inside a word.
    if not (_THAI_LETTER.search(run) and _PUNCTUATION.search(run)):
        return run
    try:
        raw = b"".join(_char_to_byte(char) for char in run)
    except UnicodeEncodeError:
        return run
    # Bytes the Thai code page does not define were lost: they come back as U+FFFD.
    return raw.decode("utf-8", errors="replace")


def mojibake_repair(text: str) -> str | None:
    """The likely intended text when ``text`` looks mis-decoded, else None.

    ftfy knows the common cases (UTF-8 read as Latin-1 or Windows-1252);
    it does not know the Thai code page, which we undo ourselves.
    """
    fixed = _MOJIBAKE_RUN.sub(_repair_run, ftfy.fix_encoding(text))
    return fixed if fixed != text else None
