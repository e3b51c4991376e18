"""YAML syntax errors in our words: what was probably meant, where, and the fix.

PyYAML reports where its parser gave up ("found character that cannot start
any token", "did not find expected key"), which is often not where the
mistake is, and never says "tab" or "quote". The usual mistakes of a person
editing a data file by hand are recognised from the error and the lines
around it; anything else keeps PyYAML's words.
"""

from __future__ import annotations

import re
from typing import Any

#: A ``#`` that starts a comment: at a line's start or after a blank, or right
#: after a flow bracket or comma, where an editor means it as text.
_COMMENT_IN_FLOW = re.compile(r"[\[{,]\s*#|\s#")


def _cut(text: str, length: int = 60) -> str:
    """The file's own words, quoted in a message: never a whole long line."""
    return text if len(text) <= length else text[:length] + "…"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _unclosed_quote(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """The opening quote of a double-quoted value left open on its line."""
    for number in range(first, last + 1):
        line = lines[number].replace('\\"', "")
        start = line.find('"')
        if start >= 0 and line.count('"') % 2 == 1 and not line.lstrip().startswith("#"):
            return number + 1, start + 1
    return None


def explain(text: str, error: Any) -> tuple[tuple[int, int], str] | None:
    """The position and message for a ``MarkedYAMLError``, or None if it is
    none of the mistakes recognised here."""
    mark, context = error.problem_mark, error.context_mark
    if mark is None:
        return None
    lines = text.splitlines() or [""]
    line_index = min(mark.line, len(lines) - 1)
    line = lines[line_index]
    problem = error.problem or ""
    leading = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in leading or (mark.column < len(line) and line[mark.column] == "\t"):
        column = line.index("\t") + 1
        return (line_index + 1, column), (
            "a tab character; YAML indents with spaces only: replace the tab with spaces "
            "(most editors can show tabs and convert them)"
        )
    if "mapping values are not allowed" in problem:
        for number in (line_index, line_index - 1):
            stripped = lines[number].lstrip() if number >= 0 else ""
            if re.match(r"-[^\s-]", stripped):
                key = _cut(stripped[1:].split(":")[0])
                return (number + 1, _indent(lines[number]) + 1), (
                    f"'-{key}' needs a space after the dash to be an item of a list: write '- {key}:'"
                )
        misaligned = _misaligned(lines, line_index)
        if misaligned is not None:  # read as the rest of the value above
            return misaligned
        key, _, value = line.partition(": ")
        if value and ": " in value and value.lstrip()[:1] not in "\"'[{":
            return (mark.line + 1, mark.column + 1), (
                "a colon followed by a space inside a value starts a key in YAML; put the value in "
                f'double quotes: {_cut(key.strip())}: "{_cut(value.strip())}"'
            )
    first = context.line if context is not None else max(line_index - 50, 0)
    if "did not find expected" in problem:
        opening = _unclosed_quote(lines, first, line_index)
        if opening is not None and opening[0] - 1 < line_index:
            return opening, (
                f"the quoted text that starts here is not closed on line {opening[0]}, so YAML reads on "
                'into the next lines; add the closing quote (")'
            )
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        for number in range(line_index, max(first, line_index - 20) - 1, -1):
            found = _COMMENT_IN_FLOW.search(lines[number])
            if found is not None:
                hash_column = lines[number].index("#", found.start()) + 1
                return (number + 1, hash_column), (
                    "a '#' after a space, a bracket or a comma starts a comment in YAML, which cuts the "
                    'list or mapping short; put the item in double quotes ("#1 ...")'
                )
    if "expected key" in problem or "expected '-' indicator" in problem:
        return _misaligned(lines, line_index)
    return None


def _misaligned(lines: list[str], index: int) -> tuple[tuple[int, int], str] | None:
    """A key indented one space more or less than the keys above it."""
    line = lines[index]
    above = next(
        (n for n in range(index - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
        None,
    )
    if above is None or not line.strip():
        return None
    # The keys of the entry above: "  - id: x" holds its first key two columns in.
    previous = lines[above]
    expected = _indent(previous) + (2 if previous.lstrip().startswith("- ") else 0)
    if _indent(line) == expected or abs(_indent(line) - expected) > 1:
        return None
    return (index + 1, _indent(line) + 1), (
        f"this line is indented {_indent(line)} spaces, but the keys above it (line {above + 1}) "
        f"are indented {expected}; YAML needs the keys of one entry to line up: indent it by "
        f"{expected} spaces"
    )
