"""Addresses and colours, which a card writes into HTML attributes: a link
must lead where it says (https, http, mailto or the site itself; a host in
one script), a colour must be CSS and nothing more."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from ..text.quoting import quote

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_WEB_SCHEMES = frozenset({"https", "http"})


#: ASCII's spaces and control characters: what the general test below finds
#: in an ASCII address, found at C speed.
_ASCII_SPACE_OR_CONTROL = re.compile("[\x00-\x20\x7f]")


def _has_space_or_control(url: str) -> bool:
    if url.isascii():
        return _ASCII_SPACE_OR_CONTROL.search(url) is not None
    return any(char.isspace() or unicodedata.category(char).startswith("C") for char in url)


#: A relative link that starts with a host name ("arxiv.org/abs/1", "www.x.io"):
#: the https:// was forgotten. Top-level domains that are not file extensions.
_LOOKS_LIKE_HOST = (
    r"(?i:www\.[^/?#]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|ai|dev|app|info|co|"
    r"uk|de|fr|jp|cn|ca|au|ch|nl|eu|us|me|ly|gl|be|it|es|se|kr|in))(?:[/:?#]|$)"
)


def url_problem(url: str) -> str | None:
    """Why ``url`` must not become a link, or None.

    Accepted: ``https://`` and ``http://`` addresses with a host, ``mailto:``,
    and relative links that stay on the site. Browsers read ``\\`` as ``/`` and
    ``//host`` as another site, so neither passes as "relative".
    """
    if _has_space_or_control(url):
        return f"the link {quote(url)} holds spaces or control characters; write the address without them"
    if "\\" in url:
        return f"the link {quote(url)} holds a backslash, which browsers read as '/'; write '/' instead"
    scheme = _SCHEME.match(url)
    if scheme is None:
        if url.startswith("//"):
            return (
                f"the link {quote(url)} starts with '//', so it leads to another site; "
                "write the full https:// address, or a relative link such as 'page.html'"
            )
        if re.match(_LOOKS_LIKE_HOST, url):
            return (
                f"the link {quote(url)} has no https://, so it would be a page of this site; "
                f"write https://{url}"
            )
        return None
    name = scheme.group(1).lower()
    if name == "mailto":
        return None if len(url) > len("mailto:") else f"the link {quote(url)} names no address"
    if name not in _WEB_SCHEMES:
        return (
            f"the link {quote(url)} uses the {name!r} scheme, which is refused; "
            "use an https:// or http:// address or a relative link"
        )
    try:
        host = urlsplit(url).hostname
    except ValueError as error:  # "https://[example.org": an unclosed IPv6 bracket
        return f"the link {quote(url)} is not a valid address ({error}); check it"
    if not url[scheme.end() :].startswith("//") or not host:
        return f"the link {quote(url)} names no host; write it as {name}://example.org/..."
    return _host_problem(url, host)


#: Dots that browsers read as "." in a host name (IDNA maps them).
_OTHER_DOTS = "\u3002\uff0e\uff61"
#: Scripts that one host label may mix (Unicode TS #39, "highly restrictive":
#: Japanese, Chinese and Korean names beside Latin letters).
_MIXABLE = (
    frozenset({"LATIN", "CJK", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "CJK", "BOPOMOFO"}),
    frozenset({"LATIN", "CJK", "HANGUL"}),
)


def _host_problem(url: str, host: str) -> str | None:
    """A host that reads as another: a dot that is not ".", or a label that
    mixes scripts (``paypal.com`` with a Cyrillic "a" in it), written in Unicode
    or as Punycode (``xn--``)."""
    if host.isascii() and "xn--" not in host:
        return None
    for dot in _OTHER_DOTS:
        if dot in host:
            return (
                f"the link {quote(url)} holds {dot!r} (U+{ord(dot):04X}) in its host, which browsers "
                "read as '.'; write '.'"
            )
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                return f"the link {quote(url)} has a host label {quote(label)} that is not Punycode; check it"
        scripts = {_script(char) for char in label if char.isalpha()}
        if len(scripts) > 1 and not any(scripts <= allowed for allowed in _MIXABLE):
            return (
                f"the link {quote(url)} mixes scripts in its host ({', '.join(sorted(scripts))} in "
                f"{quote(label)}), as look-alike addresses do; write the host in one script"
            )
    return None


def _script(char: str) -> str:
    """A letter's script, as the first word of its Unicode name (LATIN,
    CYRILLIC, GREEK, CJK...); unnamed letters are their own."""
    return unicodedata.name(char, f"U+{ord(char):04X}").split(" ", 1)[0]


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
_NUMBER = r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:%|deg|turn|rad)?"
#: Compiled on first use (3 ms): most files write colours in hex.
_FUNCTION_COLOR = rf"(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\( *{_NUMBER}(?: *[, /] *{_NUMBER}){{2,3}} *\)"


#: The longest colour: ``color(display-p3 ...)``-length texts fit many times over.
MAX_COLOR_LENGTH = 80


def color_problem(value: str) -> str | None:
    """Why ``value`` cannot be a theme colour, or None.

    Deliberately a whitelist of ASCII syntaxes, matched whole and written to
    the page exactly as checked: the value ends up in a ``<style>`` element,
    so anything else (``red; background: url(...)``, other digits, a Kelvin
    sign that lowercases to ``k``, a trailing control character) is refused.
    """
    if len(value) > MAX_COLOR_LENGTH:
        # Before any pattern: the function pattern backtracks over long digit runs.
        return (
            f"{quote(value)} is not a CSS colour: a colour is at most {MAX_COLOR_LENGTH} characters; "
            "write a colour such as '#7c3aed', 'rgb(124 58 237)' or 'purple'"
        )
    lowered = value.lower()
    if value.isascii() and (
        lowered in _NAMED_COLORS or _HEX_COLOR.fullmatch(lowered) or re.fullmatch(_FUNCTION_COLOR, lowered)
    ):
        return None
    return (
        f"{quote(value)} is not a CSS colour; write a colour such as '#7c3aed', 'rgb(124 58 237)' or 'purple'"
    )
