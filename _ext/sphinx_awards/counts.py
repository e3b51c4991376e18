"""Counts computed from the data, and the ``{placeholders}`` that print them.

Numbers such as "7 papers" or "Four Best Papers" are never typed into the data
file: the text carries a placeholder and the number follows the awards.
"""

from __future__ import annotations

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


def placeholder_error(template: str, allowed: Iterable[str], level_ids: Iterable[str]) -> str | None:
    """Why ``template`` cannot be filled in, or None when it can."""
    allowed = set(allowed)
    level_ids = set(level_ids)
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    except ValueError as error:
        return f"the text has a stray brace ({error}); write {{{{ or }}}} for a literal brace"
    for field in fields:
        name, _, rest = field.partition("[")
        if name not in allowed or "." in field or "!" in field or ":" in field:
            return f"unknown placeholder {{{field}}}; the text may use " + ", ".join(
                f"{{{name}}}" for name in sorted(allowed)
            )
        if name in INDEXED_PLACEHOLDERS and rest:
            key = rest.rstrip("]")
            if key not in level_ids:
                return f"{{{field}}} names no award level; use one of: " + ", ".join(sorted(level_ids))
    return None


def fill(template: str, variables: Mapping[str, Any]) -> str:
    """The template with its placeholders filled; unchanged if it cannot be filled."""
    try:
        return template.format_map(variables)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return template


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
