"""The data model: what an awards file means once it has been checked.

Directives and renderers only ever see these frozen dataclasses, never the raw
mappings that YAML produced, so a field that is here has passed validation.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    color: str
    color_dark: str


@dataclass(frozen=True)
class Track:
    id: str
    name: str
    badge: str


@dataclass(frozen=True)
class Level:
    """An award level (Best Paper, Runner-up) and the section that lists it."""

    id: str
    name: str
    short: str
    section_title: str
    subtitle: str


@dataclass(frozen=True)
class Tag:
    emoji: str
    text: str


@dataclass(frozen=True)
class Award:
    id: str
    title: str
    level: str
    track: str
    theme: str
    summary: str
    tags: tuple[Tag, ...]
    description: str
    authors: tuple[str, ...]
    url: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class MetaItem:
    """One entry of the meta strip; exactly one of text, date or link is set."""

    label: str
    emoji: str = ""
    separator: str = "•"
    text: str = ""
    date: datetime.date | None = None
    link: Link | None = None


@dataclass(frozen=True)
class Stat:
    label: str
    value: str
    detail: str
    emoji: str = ""


@dataclass(frozen=True)
class Labels:
    """Words the cards print around the data; empty means the extension's own
    words in the site's language ("View paper", "Ver artículo"...)."""

    view_paper: str = ""
    et_al: str = ""
    legend_title: str = ""
    legend_subtitle: str = ""


@dataclass(frozen=True)
class AwardsData:
    """A whole data file after validation; counts are derived, never stored."""

    path: str
    title: str
    lede: str
    meta: tuple[MetaItem, ...]
    stats: tuple[Stat, ...]
    themes: tuple[Theme, ...]
    tracks: tuple[Track, ...]
    levels: tuple[Level, ...]
    awards: tuple[Award, ...]
    labels: Labels = field(default_factory=Labels)
    namespace: str = ""

    def reference_name(self, award: Award) -> str:
        """What ``:award:`` takes: ``id``, or ``namespace:id`` in a namespaced file."""
        return f"{self.namespace}:{award.id}" if self.namespace else award.id

    def theme_key(self, theme: Theme) -> str:
        """The theme's name in HTML (``data-awards-theme``), unique across files."""
        return f"{self.namespace}-{theme.id}" if self.namespace else theme.id

    def anchor(self, award: Award) -> str:
        """The card's HTML id."""
        return f"{self.namespace}-{award.id}" if self.namespace else award.id

    def theme(self, theme_id: str) -> Theme:
        return next(theme for theme in self.themes if theme.id == theme_id)

    def track(self, track_id: str) -> Track:
        return next(track for track in self.tracks if track.id == track_id)

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)
