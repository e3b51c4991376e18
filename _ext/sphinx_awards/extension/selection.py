"""Which awards a directive shows: the filter options and how they combine."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, NamedTuple

from docutils.parsers.rst import directives

from ..text.quoting import listed

if TYPE_CHECKING:
    from ..data.model import Award, AwardsData, Theme

GROUPINGS = ("level", "theme", "track", "none")
#: Names of 0.1, kept for one release: the ``:award:`` role links to one card,
#: so the option that filters by award level is ``:level:`` now.
DEPRECATED = {"award": "level"}


def id_list(argument: str | None) -> tuple[str, ...]:
    """``a, b c`` → ``("a", "b", "c")``: ids separated by commas or spaces."""
    return tuple(part for part in (argument or "").replace(",", " ").split() if part)


def grouping(argument: str | None) -> str:
    """``:group-by:``; ``award`` (0.1's name for ``level``) still works for a release."""
    if (argument or "").strip() in DEPRECATED:
        return "award"
    return str(directives.choice(argument or "", GROUPINGS))


#: The options shared by the three directives.
FILTER_OPTIONS = {
    "level": id_list,
    "award": id_list,  # deprecated: :level:
    "track": id_list,
    "theme": id_list,
    "ids": id_list,
    "limit": directives.positive_int,
}


class Selection(NamedTuple):
    """Filters from a directive's options; empty means "no filter"."""

    levels: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    limit: int | None = None

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Selection:
        return cls(
            levels=options.get("level", options.get("award", ())),
            tracks=options.get("track", ()),
            themes=options.get("theme", ()),
            ids=options.get("ids", ()),
            limit=options.get("limit"),
        )

    @property
    def filters_awards(self) -> bool:
        return bool(self.levels or self.tracks or self.themes or self.ids or self.limit)

    def unknown_ids(self, data: AwardsData) -> list[str]:
        """One message per option naming ids the data does not define."""
        messages = []
        for option, list_name, wanted, defined in (
            ("level", "levels", self.levels, [level.id for level in data.levels]),
            ("track", "tracks", self.tracks, [track.id for track in data.tracks]),
            ("theme", "themes", self.themes, [theme.id for theme in data.themes]),
            ("ids", "awards", self.ids, [award.id for award in data.awards]),
        ):
            known = set(defined)
            left_out = dict(data.left_out.get(list_name, ()))
            missing = [value for value in dict.fromkeys(wanted) if value not in known]
            unknown = [value for value in missing if value not in left_out]
            if len(unknown) < len(missing):
                named = [f"{value} (line {left_out[value]})" for value in missing if value in left_out]
                messages.append(
                    f"{listed(named)} in :{option}: is left out of {data.path} for a mistake reported "
                    "there; fix the file"
                )
            if unknown:
                messages.append(
                    f"unknown id(s) in :{option}: {listed(unknown)}; "
                    f"the ids defined in {data.path} are: {listed(defined)}"
                )
        repeated = [award_id for award_id, count in Counter(self.ids).items() if count > 1]
        if repeated:
            messages.append(f"id(s) listed more than once in :ids:, shown once: {listed(repeated)}")
        return messages

    def awards(self, data: AwardsData) -> list[Award]:
        """The awards that pass every filter; in ``ids`` order when ids are given."""
        if self.ids:
            by_id = {award.id: award for award in data.awards}
            chosen = [by_id[award_id] for award_id in dict.fromkeys(self.ids) if award_id in by_id]
        else:
            chosen = list(data.awards)
        chosen = [
            award
            for award in chosen
            if (not self.levels or award.level in self.levels)
            and (not self.tracks or award.track in self.tracks)
            and (not self.themes or award.theme in self.themes)
        ]
        return chosen[: self.limit] if self.limit else chosen

    def themes_of(self, data: AwardsData) -> list[Theme]:
        """The legend's themes: the chosen ones, or those of the chosen awards."""
        if not self.filters_awards:
            return list(data.themes)
        shown = {award.theme for award in self.awards(data)}
        return [theme for theme in data.themes if theme.id in shown]
