"""Counts computed from the data, and the ``{placeholders}`` that print them.

Numbers such as "7 papers" or "Four Best Papers" are never typed into the data
file: the text carries a placeholder and the number follows the awards.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from .model import Award, Level, Track

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
).split()

#: Placeholders every text may use; the subtitle of a level has a few more.
GLOBAL_PLACEHOLDERS = (
    "papers",
    "papers_word",
    "count",
    "word",
    "Word",
    "levels",
    "themes",
    "tracks",
    "track_names",
)
LEVEL_PLACEHOLDERS = ("n", "word", "Word", "in_other_tracks")
#: Placeholders indexed by a level id, as in ``{count[best]}``.
INDEXED_PLACEHOLDERS = frozenset({"count", "word", "Word"})


def number_word(number: int) -> str:
    """ "four" for 4; digits from 21 on, as style guides ask."""
    return _NUMBER_WORDS[number] if 0 <= number < len(_NUMBER_WORDS) else str(number)


_FIELD = re.compile(r"(?P<name>[A-Za-z_]+)(?:\[(?P<key>[A-Za-z0-9_-]+)\])?")


def _as_written(field: str, spec: str | None, conversion: str | None) -> str:
    """A placeholder as the template has it, from its parsed parts."""
    return "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"


def _excerpt(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def placeholder_error(template: str, allowed: Iterable[str], level_ids: Iterable[str]) -> str | None:
    """Why ``template`` cannot be filled in, or None when it can."""
    allowed = set(allowed)
    level_ids = set(level_ids)
    try:
        parts = [part for part in string.Formatter().parse(template) if part[1] is not None]
    except ValueError as error:
        return f"the text has a stray brace ({error}); write {{{{ or }}}} for a literal brace"
    for _, field, spec, conversion in parts:
        field = str(field)
        if spec or conversion:
            return (
                f"the placeholder {_excerpt(_as_written(field, spec, conversion))} has a format part "
                f"(after '!' or ':'), which is not allowed; write {{{field}}} alone"
            )
        match = _FIELD.fullmatch(str(field))
        if match is None or match["name"] not in allowed:
            return f"unknown placeholder {{{_excerpt(str(field))}}}; the text may use " + ", ".join(
                f"{{{name}}}" for name in sorted(allowed)
            )
        key = match["key"]
        if key is not None and (match["name"] not in INDEXED_PLACEHOLDERS or key not in level_ids):
            return f"{{{field}}} names no award level; use one of: " + ", ".join(sorted(level_ids))
    return None


def fill(template: str, variables: Mapping[str, Any]) -> str:
    """The template with its placeholders filled.

    Only ``{name}`` and ``{name[key]}`` are filled: no format spec, conversion
    or attribute is ever obeyed (``{papers:>9999999}`` or ``{papers.__class__}``
    would size the page or print Python internals); anything else stays as
    written, and the checks have reported it.
    """
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return template
    filled = []
    for literal, field, spec, conversion in parts:
        filled.append(literal)
        if field is None:
            continue
        match = _FIELD.fullmatch(field)
        value = variables.get(match["name"]) if match and not spec and not conversion else None
        if value is not None and match and match["key"] is not None:
            value = value.get(match["key"]) if isinstance(value, Mapping) else None
        if value is None or isinstance(value, Mapping):
            filled.append(_as_written(field, spec, conversion))
        else:
            filled.append(str(value))
    return "".join(filled)


def global_variables(
    awards: Iterable[Award], levels: Iterable[Level], tracks: Iterable[Track], theme_count: int
) -> dict[str, Any]:
    awards = list(awards)
    per_level = Counter(award.level for award in awards)
    count = {level.id: per_level[level.id] for level in levels}
    awarded_track_ids = {award.track for award in awards}
    awarded_tracks = [track for track in tracks if track.id in awarded_track_ids]
    return {
        "papers": len(awards),
        "papers_word": number_word(len(awards)),
        "count": count,
        "word": {level_id: number_word(n) for level_id, n in count.items()},
        "Word": {level_id: number_word(n).capitalize() for level_id, n in count.items()},
        "levels": " · ".join(f"{count[level.id]} {level.short}" for level in levels if count[level.id]),
        "themes": theme_count,
        "tracks": len(awarded_tracks),
        "track_names": " + ".join(track.name for track in awarded_tracks),
    }


def level_variables(level: Level, awards: Iterable[Award], tracks: Iterable[Track]) -> dict[str, Any]:
    in_level = [award for award in awards if award.level == level.id]
    tracks = list(tracks)
    main_track = tracks[0].id if tracks else None
    others = Counter(award.track for award in in_level if award.track != main_track)
    return {
        "n": len(in_level),
        "word": number_word(len(in_level)),
        "Word": number_word(len(in_level)).capitalize(),
        "in_other_tracks": ", ".join(
            f"{number_word(others[track.id])} in {track.name}" for track in tracks if others[track.id]
        ),
    }
