"""Text from outside as messages show it: quoted, escaped, listed, bounded."""

from __future__ import annotations


def shown(text: str) -> str:
    """Text from outside (a file's name, an option's value, another tool's
    message) as a message prints it: as it is where every character prints,
    else with each one that does not escaped as Python writes it (``\\n``,
    ``\\x1b``, ``\\u202e``), so that no line break, terminal code or direction
    override reaches a terminal, a log or a file we write."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


#: The longest excerpt of a value a message quotes: a message stays one
#: readable line whatever the data holds.
EXCERPT_LIMIT = 60


def quote(value: object) -> str:
    """``value`` as a message quotes it: its repr, cut to ``EXCERPT_LIMIT`` characters."""
    text = repr(value)
    if len(text) <= EXCERPT_LIMIT:
        return text
    return f"{text[: EXCERPT_LIMIT - 1]}…' ({len(str(value)):,} characters)"


#: The most ids a message names before "and N more".
LIST_LIMIT = 20


def listed(items: list[str], limit: int = LIST_LIMIT) -> str:
    """``a, b, c``; past ``limit`` items, "... and 24,980 more" (a site of
    25,000 cards must not print every id in each warning)."""
    shown = ", ".join(items[:limit])
    return f"{shown} and {len(items) - limit:,} more" if len(items) > limit else shown
