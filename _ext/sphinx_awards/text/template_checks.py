"""Whether a data file's template can be filled in: its syntax, the
arguments it may use and their kinds, and the placeholders of older files
(each with what to write now). A message and its position, never an error."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .messages import NUMERIC, MessageSyntaxError, parse
from .quoting import listed

#: What older data files wrote, and what to write now.
OLD_PLACEHOLDERS = {
    "papers_word": "{papers, spellout}",
    "count": "{LEVEL} with a level id, e.g. {best}",
    "word": "{LEVEL, spellout} with a level id, e.g. {best, spellout}",
    "Word": "{n, spellout, capital} (or {best, spellout, capital})",
    "in_other_tracks": (
        "{other_tracks, plural, =0 {} other { (incl. {other_tracks, spellout} in {other_track_names})}}"
    ),
}
_OLD = re.compile(r"\{(papers_word|count|word|Word|in_other_tracks)(\[[\w-]*\])?\}")


def template_error(template: str, allowed: Mapping[str, str]) -> tuple[str, int] | None:
    """Why ``template`` cannot be filled in, and where (a character index), or None.

    ``allowed`` maps each argument the text may use to its kind ("number" or "text").
    """
    old = _OLD.search(template)
    if old is not None:
        return (
            f"{old.group()} is the old placeholder syntax; write {OLD_PLACEHOLDERS[old.group(1)]} "
            "(see 'Counts are computed' in the docs)",
            old.start(),
        )
    try:
        message = parse(template)
    except MessageSyntaxError as error:
        return str(error), error.position
    for argument in message.arguments():
        if argument.name not in allowed:
            known = listed([f"{{{name}}}" for name in allowed])
            return f"unknown argument {{{argument.name}}}; this text may use {known}", template.find(
                argument.name
            )
        if argument.kind in NUMERIC and allowed[argument.name] != "number":
            return f"{{{argument.name}}} is text, not a number: it cannot be {argument.kind}", template.find(
                argument.name
            )
    return None
