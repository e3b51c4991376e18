"""Long words in LaTeX: break points, so that every engine can set them; and
left-to-right texts on a right-to-left page.

A data text may hold a "word" of thousands of characters (a template shown
as written, an address, a run of letters): TeX then has nowhere to break the
line, and XeTeX with Sphinx's preamble crashes (segmentation fault) or loops
for many minutes on a word of 2,000 characters. So, in the LaTeX builder,
every run of more than ``CHUNK`` characters without a space in our blocks
gets an ``\\allowbreak`` after each ``CHUNK`` characters: invisible where the
word fits, a line break where it does not.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .pdflatex import in_our_block

CHUNK = 30
_LONG_WORD = rf"\S{{{CHUNK + 1},}}"  # compiled by re when a LaTeX build needs it
_BREAK = r"\allowbreak{}"


def with_break_points(text: str) -> list[str]:
    """``text`` in pieces; a break point goes between each two."""
    pieces: list[str] = []
    start = 0
    for word in re.finditer(_LONG_WORD, text):
        cuts = range(word.start() + CHUNK, word.end(), CHUNK)
        for cut in cuts:
            pieces.append(text[start:cut])
            start = cut
    pieces.append(text[start:])
    return pieces


class LongWords(SphinxPostTransform):
    """Break points in our blocks' long words (added for the LaTeX builder)."""

    default_priority = 7  # after ExpandCards and PdflatexText

    def run(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if not re.search(_LONG_WORD, text) or not in_our_block(text):
                continue
            pieces = with_break_points(str(text))
            replacement: list[nodes.Node] = [nodes.Text(pieces[0])]
            for piece in pieces[1:]:
                replacement += [nodes.raw("", _BREAK, format="latex"), nodes.Text(piece)]
            text.parent.replace(text, replacement)


def break_long_words(app: Any) -> None:
    if app.builder.name == "latex":
        app.add_post_transform(LongWords)


class LeftToRightRuns(SphinxPostTransform):
    """On a right-to-left site (XeLaTeX with polyglossia's ``bidi``), a text of
    ours that starts left to right (English data on an Arabic page) in
    ``\\LR{...}``: otherwise ``bidi`` sets its words in right-to-left order
    ("silver. one and gold two"). The same rule as HTML's ``dir="auto"``:
    the first letter with a direction decides. ``\\csname LR\\endcsname``
    is a plain group where ``bidi`` is not loaded."""

    default_priority = 8  # after LongWords

    def run(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if in_our_block(text) and first_strong_direction(str(text)) == "ltr":
                opening = nodes.raw("", "\\csname LR\\endcsname{", format="latex")
                closing = nodes.raw("", "}", format="latex")
                text.parent.replace(text, [opening, nodes.Text(str(text)), closing])


def first_strong_direction(text: str) -> str:
    """ "ltr", "rtl" or "" (no letter with a direction), as Unicode's rule P2 finds it."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return ""


def mark_left_to_right(app: Any) -> None:
    if app.builder.name != "latex":
        return
    from ..text.language import Language  # not for other builders: a no-op build loads none of it

    if Language(app.config.language or "en").right_to_left:
        app.add_post_transform(LeftToRightRuns)
