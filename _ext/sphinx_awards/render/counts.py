"""The numbers and names that templates print, computed from the awards shown.

Counts are never typed into the data file: a text carries an argument
(``{papers}``, ``{best, plural, one {...} other {...}}``, see ``messages.py``)
and the number follows the awards a directive shows, after its filters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..data.model import Award, Level, Track
from ..text.language import TextLanguages
from ..text.messages import format_message


def global_values(
    awards: Iterable[Award],
    levels: Iterable[Level],
    tracks: Iterable[Track],
    theme_count: int,
    languages: TextLanguages,
) -> dict[str, object]:
    """The global arguments; numbers among the data's words ("4 Best") are
    written as the data's language writes them."""
    awards = list(awards)
    per_level = Counter(award.level for award in awards)
    levels = list(levels)
    awarded_track_ids = {award.track for award in awards}
    awarded_tracks = [track for track in tracks if track.id in awarded_track_ids]
    return {
        **{level.id: per_level[level.id] for level in levels},
        "papers": len(awards),
        "themes": theme_count,
        "tracks": len(awarded_tracks),
        "track_names": " + ".join(track.name for track in awarded_tracks),
        "levels": " · ".join(
            level_count(level, per_level[level.id], languages) for level in levels if per_level[level.id]
        ),
    }


def level_count(level: Level, count: int, languages: TextLanguages) -> str:
    """A level's part of ``{levels}``: its ``count`` template filled in (in
    its language, agreeing with the level's gender there), else the number
    and the short name ("4 Best")."""
    if not level.count_template:
        return f"{languages.data.number(count)} {level.short}"
    language = languages.of(level.count_template)
    values = {"n": count, "gender": level.gender_in(language.code, languages.data.code)}
    return format_message(level.count_template, values, language)


class TrackOrder:
    """The tracks by id, in the data's order, looked up once for all levels."""

    def __init__(self, tracks: Iterable[Track]) -> None:
        self.names = {track.id: track.name for track in tracks}
        self.position = {track_id: index for index, track_id in enumerate(self.names)}
        #: The first (main) track.
        self.main = next(iter(self.names), None)


def level_values(level: Level, awards: Iterable[Award], tracks: TrackOrder) -> dict[str, object]:
    """A level's own counts: its awards, and those outside the first (main)
    track; in time linear in its awards, whatever the number of tracks."""
    in_level = [award for award in awards if award.level == level.id]
    others = Counter(award.track for award in in_level if award.track != tracks.main)
    named = sorted((track for track in others if track in tracks.names), key=tracks.position.__getitem__)
    return {
        "n": len(in_level),
        "other_tracks": sum(others.values()),
        "other_track_names": ", ".join(tracks.names[track] for track in named),
    }
