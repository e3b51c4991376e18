"""Card text that pdflatex (and the Japanese engines) can set.

XeLaTeX and LuaLaTeX read any Unicode and at worst log a missing glyph;
pdflatex (Sphinx's default engine, and Read the Docs' for English) stops
with "Unicode character ... not set up for use with LaTeX" at the first
character its fonts do not cover: an arrow, Greek, CJK, an emoji. So, for
pdflatex only, every text of ours keeps what Sphinx's pdflatex preamble
sets (ASCII, Latin-1, Latin Extended-A, the usual punctuation), takes a
LaTeX form where one exists (arrows), falls back to its base letter where
it has one (Vietnamese "ệ" is "e"), and leaves the rest out, with one line
in the build log saying how many characters were left out and why.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .nodes import award_block, awards_block_base, awards_heading

logger = logging.getLogger(__name__)

#: Characters pdflatex sets with Sphinx's preamble (inputenc utf8, T1, textcomp).
_SETTABLE_RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x17F))
_SETTABLE = frozenset("\t\n–—‘’‚“”„†‡•…‰‹›€™−")
#: Characters with a LaTeX form; Sphinx's writer escapes text, so these are
#: written as raw LaTeX nodes.
LATEX_FORMS = {
    "→": r"\(\rightarrow\)",
    "←": r"\(\leftarrow\)",
    "↑": r"\(\uparrow\)",
    "↓": r"\(\downarrow\)",
    "↗": r"\(\nearrow\)",
    "↖": r"\(\nwarrow\)",
    "↘": r"\(\searrow\)",
    "↙": r"\(\swarrow\)",
    "↔": r"\(\leftrightarrow\)",
    "≤": r"\(\leq\)",
    "≥": r"\(\geq\)",
    "≠": r"\(\neq\)",
}


#: The same in plain characters, for attributes (an abbreviation's long form).
PLAIN_FORMS = {
    "→": "->", "←": "<-", "↑": "^", "↓": "v", "↗": "", "↖": "", "↘": "", "↙": "",
    "↔": "<->", "≤": "<=", "≥": ">=", "≠": "/=",
}  # fmt: skip


#: What the Japanese engines (upLaTeX, Sphinx's default for ``ja``, and
#: pLaTeX) set besides: CJK punctuation, kana, the unified ideographs, full-width forms.
JAPANESE = ((0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))
#: What pdflatex sets besides on a site in a Cyrillic language, whose preamble
#: Sphinx gives the T2A encoding: Russian, Ukrainian, Bulgarian letters.
CYRILLIC = ((0x400, 0x45F), (0x490, 0x491))


def _settable(char: str, extra: tuple[tuple[int, int], ...] = ()) -> bool:
    code = ord(char)
    return char in _SETTABLE or any(low <= code <= high for low, high in (*_SETTABLE_RANGES, *extra))


@cache
def _replacement(char: str, extra: tuple[tuple[int, int], ...] = ()) -> str | None:
    """The character's plain form the engine can set (its base letter), or None."""
    if _settable(char, extra):
        return char
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base and all(_settable(c, extra) for c in base) else None


def settable_parts(text: str, extra: tuple[tuple[int, int], ...] = ()) -> tuple[list[str | tuple[str]], int]:
    """``text`` as plain strings and 1-tuples of the characters that have a
    form of their own (``LATEX_FORMS``, ``PLAIN_FORMS``), and how many
    characters were left out."""
    parts: list[str | tuple[str]] = []
    plain: list[str] = []
    dropped = 0
    for char in text:
        if char in LATEX_FORMS and not _settable(char, extra):
            parts.extend(["".join(plain)] if plain else [])
            plain = []
            parts.append((char,))
            continue
        replacement = _replacement(char, extra)
        if replacement is None:
            dropped += 1
        else:
            plain.append(replacement)
    parts.extend(["".join(plain)] if plain else [])
    return parts, dropped


def plain_text(text: str, extra: tuple[tuple[int, int], ...] = ()) -> tuple[str, int]:
    """``text`` in characters the engine sets, and how many were left out."""
    parts, dropped = settable_parts(text, extra)
    return "".join(PLAIN_FORMS[part[0]] if isinstance(part, tuple) else part for part in parts), dropped


class PdflatexText(SphinxPostTransform):
    """Our blocks' text, made settable for pdflatex (added for that engine only)."""

    default_priority = 6  # after ExpandCards
    #: What the engine sets besides Latin (``JAPANESE``, ``CYRILLIC``).
    extra: tuple[tuple[int, int], ...] = ()

    def run(self, **kwargs: Any) -> None:
        dropped = 0
        for text in list(self.document.findall(nodes.Text)):
            if not in_our_block(text):
                continue
            parts, count = settable_parts(str(text), self.extra)
            dropped += count
            if parts == [str(text)]:
                continue
            replacement = [
                nodes.raw("", LATEX_FORMS[part[0]], format="latex")
                if isinstance(part, tuple)
                else nodes.Text(part)
                for part in parts
            ]
            if replacement:
                text.parent.replace(text, replacement)
            else:
                text.parent.remove(text)
        # A card title made only of characters left out (a Japanese title)
        # is named by the card's id rather than left blank.
        for block in self.document.findall(award_block):
            heading = next(iter(block.findall(awards_heading)), None)
            if heading is not None and not heading.astext().strip() and block["ids"]:
                heading.children = [nodes.Text(block["ids"][0])]
        for abbreviation in self.document.findall(nodes.abbreviation):
            if abbreviation.get("explanation") and in_our_block(abbreviation):
                abbreviation["explanation"], count = plain_text(abbreviation["explanation"], self.extra)
                dropped += count
        if dropped:
            logger.info(
                f"sphinx_awards: left out {dropped} character(s) {self.env.config.latex_engine} cannot "
                f"set in {self.env.docname!r}; latex_engine = 'xelatex' or 'lualatex' sets them"
            )


class JapaneseLatexText(PdflatexText):
    """The same for upLaTeX and pLaTeX, which also set Japanese."""

    extra = JAPANESE


class CyrillicLatexText(PdflatexText):
    """The same for pdflatex on a site in a Cyrillic language."""

    extra = CYRILLIC


def in_our_block(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, awards_block_base):
            return True
        parent = parent.parent
    return False


def use_settable_text(app: Any) -> None:
    if app.builder.name != "latex":
        return
    if app.config.latex_engine == "pdflatex":
        babel = getattr(app.builder, "babel", None)
        cyrillic = babel is not None and babel.uses_cyrillic()
        app.add_post_transform(CyrillicLatexText if cyrillic else PdflatexText)
    elif app.config.latex_engine in ("platex", "uplatex"):
        app.add_post_transform(JapaneseLatexText)
