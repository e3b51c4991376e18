"""The data model: what an awards file means once it has been checked.

Directives and renderers only ever see these frozen dataclasses, never the raw
mappings that YAML produced, so a field that is here has passed validation.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from .ids import joined
from .problems import DataPath, Problem

_Entry = TypeVar("_Entry", "Theme", "Track", "Level")


class Link(NamedTuple):
    label: str
    url: str
    #: The line of the address in the data file (linkcheck reports it there).
    line: int = 0


class Theme(NamedTuple):
    id: str
    name: str
    color: str
    color_dark: str


class Track(NamedTuple):
    id: str
    name: str
    badge: str


class Level(NamedTuple):
    """An award level (Best Paper, Runner-up) and the section that lists it."""

    id: str
    name: str
    short: str
    section_title: str
    subtitle: str
    #: How ``{levels}`` counts it (the key ``count``): a template with
    #: ``{n}`` ("" for "4 Best").
    count_template: str = ""
    #: The grammatical gender of its name by language ("" for the data's own).
    gender: tuple[tuple[str, str], ...] = ()

    def gender_in(self, language: str, data_language: str) -> str:
        """Its name's gender in ``language`` ("other" where none is given): a
        template's ``{gender, select, ...}`` agrees with it."""
        wanted = {language.replace("-", "_"), language.replace("-", "_").partition("_")[0]}
        for code, gender in self.gender:
            if (code or data_language).replace("-", "_") in wanted:
                return gender
        return "other"


class Tag(NamedTuple):
    emoji: str
    text: str


class Award(NamedTuple):
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
    #: The line of ``url`` in the data file.
    url_line: int = 0
    #: The line of ``id`` in the data file (where a message about the award points).
    line: int = 0
    #: The paper's own record, for citations (optional in the data): where and
    #: when it was published, its DOI and arXiv id, the authors' abstract.
    venue: str = ""
    year: int | None = None
    doi: str = ""
    arxiv: str = ""
    abstract: str = ""
    #: The day it was published, where known (its year is ``year``).
    date: datetime.date | None = None
    #: The OpenReview forum id.
    openreview: str = ""
    #: The typed links, in ``LINK_KINDS`` order: each ``Link``'s label is its kind.
    typed_links: tuple[Link, ...] = ()

    def link_of(self, kind: str) -> str:
        """The address of a typed link (``"pdf"``, ``"code"``...), or ""."""
        return next((link.url for link in self.typed_links if link.label == kind), "")


#: The typed links an award may have, in the order cards show them; OpenReview's
#: address is made of its id.
LINK_KINDS = ("pdf", "openreview", "code", "video", "slides")
#: The keys whose values the model keeps the lines of (``AwardsData.from_checked``'s
#: ``line_of``): the one reading of a well-formed file keeps only their marks.
LOCATED_KEYS = frozenset({"id", "url", *LINK_KINDS})
OPENREVIEW_FORUM = "https://openreview.net/forum?id="


class MetaItem(NamedTuple):
    """One entry of the meta strip; exactly one of text, date or link is set."""

    label: str
    emoji: str = ""
    separator: str = "•"
    text: str = ""
    date: datetime.date | None = None
    link: Link | None = None


class Stat(NamedTuple):
    label: str
    value: str
    detail: str
    emoji: str = ""


class Labels(NamedTuple):
    """Words the cards print around the data; empty means the extension's own
    words in the site's language ("View paper", "Ver artículo"...)."""

    view_paper: str = ""
    et_al: str = ""
    legend_title: str = ""
    legend_subtitle: str = ""


class AwardsData(NamedTuple):
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
    labels: Labels = Labels()
    namespace: str = ""
    #: The language the texts are written in (``language:``, default "en").
    language: str = "en"
    #: List name → (id, line) of the entries left out for a mistake, so that a
    #: directive naming one says why it is missing.
    left_out: dict[str, tuple[tuple[str, int], ...]] = {}  # noqa: RUF012 (never mutated)

    @classmethod
    def from_checked(
        cls,
        path: str,
        data: dict[str, Any],
        located_entries: Callable[[str], list[tuple[DataPath, dict[str, Any]]]],
        line_of: Callable[[DataPath], int],
    ) -> AwardsData:
        """The model of a data file that passed the checks; ``located_entries(name)``
        gives the entries of a list that were not left out, with their paths;
        ``line_of`` the line of a value."""

        def entries(name: str) -> list[dict[str, Any]]:
            return [entry for _, entry in located_entries(name)]

        event = data["event"]
        labels = data.get("labels", {})
        return cls(
            path=path,
            title=event["title"],
            lede=flow(event.get("lede", "")),
            meta=tuple(
                _meta_item(item, line_of((*at, "link", "url"))) for at, item in located_entries("meta")
            ),
            stats=tuple(_stat(stat) for stat in entries("stats")),
            themes=tuple(_theme(theme) for theme in entries("themes")),
            tracks=tuple(Track(t["id"], t["name"], t.get("badge", "")) for t in entries("tracks")),
            levels=tuple(_level(level) for level in entries("levels")),
            awards=tuple(_award(award, at, line_of) for at, award in located_entries("awards")),
            labels=Labels(**{key: text for key, text in labels.items() if key in _LABELS}),
            namespace=data.get("namespace", ""),
            language=data.get("language", "en"),
        )

    @property
    def first_date(self) -> datetime.date | None:
        """The event's date, for citations: its first dated meta entry."""
        return next((item.date for item in self.meta if item.date is not None), None)

    def reference_name(self, award: Award) -> str:
        """What ``:award:`` takes: ``id``, or ``namespace:id`` in a namespaced file."""
        return f"{self.namespace}:{award.id}" if self.namespace else award.id

    def theme_key(self, theme: Theme) -> str:
        """The theme's name in HTML (``data-awards-theme``), unique across files."""
        return joined(self.namespace, theme.id)

    def anchor(self, award: Award) -> str:
        """The card's HTML id (``anchors.py``)."""
        return joined(self.namespace, award.id)

    def level(self, level_id: str) -> Level:
        """The level of that id, in O(1) (``by_id``): exports ask once per award."""
        return by_id(self.levels)[level_id]


#: The last lists indexed by ``by_id``, by identity: (the list, its index).
_INDEXES: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}


def by_id(entries: tuple[_Entry, ...]) -> dict[str, _Entry]:
    """A list of the model's entries (levels, themes...) by id, made once per
    list: a file of thousands of levels would otherwise be searched once per
    award. The model is frozen, so a list's index never goes stale; it is
    known by identity (a tuple's hash costs a pass over it)."""
    found = _INDEXES.get(id(entries))
    if found is None or found[0] is not entries:
        if len(_INDEXES) >= 64:  # a few files' lists; never grows with a long build
            _INDEXES.clear()
        found = _INDEXES[id(entries)] = (entries, {entry.id: entry for entry in entries})
    return found[1]


class LoadResult(NamedTuple):
    """A data file as a build or ``sphinx-awards check`` loads it: the model
    (None when nothing of it is usable) and every problem found."""

    data: AwardsData | None
    problems: tuple[Problem, ...]
    #: The SHA-256 of the file's content; None when it could not be read.
    digest: str | None = None


# -- from checked plain data ------------------------------------------------------

_LABELS = frozenset(Labels._fields)
_BLANK_RUN = re.compile(r"[ \t\n]{2,}|[\t\n]")


def flow(text: str) -> str:
    """Multi-line text as one flowing line: every page shows line breaks as
    spaces, and no writer then starts a line with the data's words (a troff
    request in a man page, a paragraph break in LaTeX).

    Linear time: each run of blanks is matched once, from its start (a
    pattern that starts at every space of a 20,000-space run and fails there
    is quadratic); a single space, the common case, is not matched at all."""
    return _BLANK_RUN.sub(_flowed, text) if "\n" in text or "\t" in text else text


def _flowed(run: re.Match[str]) -> str:
    """A run with a line break is one space; tabs elsewhere are spaces."""
    blanks = run.group()
    return " " if "\n" in blanks else blanks.replace("\t", " ")


def split_tag(tag: str) -> Tag:
    """'🤖 LLM Behaviour' → emoji '🤖' and text 'LLM Behaviour'."""
    first, _, rest = tag.strip().partition(" ")
    if rest and not any(char.isalnum() for char in first):
        return Tag(first, rest.strip())
    return Tag("", tag.strip())


def _award(award: dict[str, Any], at: DataPath, line_of: Callable[[DataPath], int]) -> Award:
    return Award(
        id=award["id"],
        title=award["title"],
        level=award["level"],
        track=award["track"],
        theme=award["theme"],
        summary=flow(award["summary"]),
        tags=tuple(split_tag(tag) for tag in award["tags"]),
        description=flow(award["description"]),
        authors=tuple(award["authors"]),
        url=award["url"],
        links=tuple(
            Link(link["label"], link["url"], line_of((*at, "links", index, "url")))
            for index, link in enumerate(award.get("links", ()))
        ),
        url_line=line_of((*at, "url")),
        line=line_of((*at, "id")),
        venue=award.get("venue", ""),
        year=award.get("year"),
        doi=award.get("doi", ""),
        arxiv=award.get("arxiv", ""),
        abstract=flow(award.get("abstract", "")),
        date=datetime.date.fromisoformat(award["date"]) if "date" in award else None,
        openreview=award.get("openreview", ""),
        typed_links=tuple(
            Link(
                kind,
                OPENREVIEW_FORUM + award[kind] if kind == "openreview" else award[kind],
                line_of((*at, kind)),
            )
            for kind in LINK_KINDS
            if kind in award
        ),
    )


def _stat(stat: dict[str, Any]) -> Stat:
    return Stat(stat["label"], stat["value"], stat.get("detail", ""), stat.get("emoji", ""))


def _theme(theme: dict[str, Any]) -> Theme:
    return Theme(theme["id"], theme["name"], theme["color"], theme.get("color_dark", theme["color"]))


def _level(level: dict[str, Any]) -> Level:
    name, gender = level["name"], level.get("gender", {})
    return Level(
        level["id"],
        name,
        level.get("short", name),
        level["section_title"],
        level.get("subtitle", ""),
        level.get("count", ""),
        tuple(gender.items()) if isinstance(gender, dict) else (("", gender),),
    )


def _meta_item(item: dict[str, Any], link_line: int) -> MetaItem:
    link = item.get("link")
    return MetaItem(
        label=item["label"],
        emoji=item.get("emoji", ""),
        separator=item.get("separator", "•"),
        text=item.get("text", ""),
        date=datetime.date.fromisoformat(item["date"]) if "date" in item else None,
        link=Link(link["label"], link["url"], link_line) if link else None,
    )
