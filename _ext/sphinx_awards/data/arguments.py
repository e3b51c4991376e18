"""The arguments a data file's templates may use, and their kinds: what the
checks allow (``validation.py``) and what ``render/counts.py`` fills in.

Counts are never typed into the data file: a text carries an argument
(``{papers}``, ``{best, plural, one {...} other {...}}``) and the number
follows the awards a directive shows, after its filters.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The arguments every text may use, and their kinds; each award level's id
#: is one more (the number of its awards).
GLOBAL_ARGUMENTS = {
    "papers": "number",
    "themes": "number",
    "tracks": "number",
    "track_names": "text",
    "levels": "text",
}
#: What a level's subtitle may use besides.
LEVEL_ARGUMENTS = {"n": "number", "other_tracks": "number", "other_track_names": "text", "gender": "text"}
#: What a level's ``count`` (its part of ``{levels}``) may use: nothing else.
COUNT_ARGUMENTS = {"n": "number", "gender": "text"}
#: The kinds of template (the schema's ``x-template``).
KINDS = ("global", "level", "count")


def arguments(level_ids: Iterable[str], kind: str = "global") -> dict[str, str]:
    """The arguments a template of this kind may use: the global ones and a
    count per level; a level subtitle's own besides; a level's count only
    its own."""
    if kind == "count":
        return dict(COUNT_ARGUMENTS)
    allowed = {**GLOBAL_ARGUMENTS, **dict.fromkeys(level_ids, "number")}
    return {**allowed, **LEVEL_ARGUMENTS} if kind == "level" else allowed
