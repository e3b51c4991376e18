"""Turn a YAML document into checked model objects, with a message per mistake.

Rules: a problem inside one entry of a list (an award, a theme, a stat tile...)
leaves that entry out; a problem elsewhere makes the file unusable; typos in
keys, placeholders and mojibake are reported but change nothing.
"""

from __future__ import annotations

import datetime
import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from . import counts
from .model import Award, AwardsData, Labels, Level, Link, MetaItem, Stat, Tag, Theme, Track
from .problems import DataPath, Problem
from .textchecks import is_css_color, mojibake_repair, unsafe_url_reason
from .yamlsource import YamlDocument, read_yaml

#: The lists whose entries are left out one by one when they are wrong.
_ENTRY_LISTS = {
    "awards": "award",
    "themes": "theme",
    "tracks": "track",
    "levels": "award level",
    "meta": "meta strip entry",
    "stats": "stat tile",
}
_NON_FATAL = frozenset({"unknown-key", "duplicate-key", "mojibake", "template"})
_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of keys to values",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}
_TYPE_HINTS = {
    "string": "put the value in quotes if YAML reads it as something else",
    "array": "write one item per line, each starting with '- '",
    "object": "write 'key: value' lines indented under it",
}


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package (also what editors use)."""
    return json.loads(files(__package__).joinpath("schema/awards.schema.json").read_text("utf-8"))


def _inline_references(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with every ``$ref`` replaced by its definition (ours has no
    cycles): the same meaning, validated twice as fast as resolving each one."""
    if isinstance(node, list):
        return [_inline_references(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    inlined = {key: _inline_references(value, definitions) for key, value in node.items() if key != "$defs"}
    reference = inlined.pop("$ref", None)
    if reference is not None:
        target = _inline_references(definitions[reference.rpartition("/")[2]], definitions)
        inlined = {**target, **inlined}
    return inlined


@cache
def _validator() -> Draft202012Validator:
    definitions = schema()["$defs"]
    return Draft202012Validator(
        _inline_references(schema(), definitions), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty" if value is None else type(value).__name__


def _field_name(data_path: DataPath) -> str:
    name = ""
    for part in data_path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name or "the top level"


@dataclass(frozen=True)
class LoadResult:
    data: AwardsData | None
    problems: tuple[Problem, ...]


class _Checker:
    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.data: dict[str, Any] = document.data
        self.problems: list[Problem] = list(document.problems)
        self.left_out: set[DataPath] = set()
        self.fatal = False

    # -- reporting ---------------------------------------------------------
    def entry_of(self, data_path: DataPath) -> DataPath | None:
        if len(data_path) >= 2 and data_path[0] in _ENTRY_LISTS and isinstance(data_path[1], int):
            return data_path[:2]
        return None

    def describe(self, data_path: DataPath) -> str:
        entry = self.entry_of(data_path)
        if entry is None:
            return _field_name(data_path)
        kind = _ENTRY_LISTS[str(entry[0])]
        value = self.data[entry[0]][entry[1]]
        name = value.get("id") if isinstance(value, dict) else None
        where = f"{kind} {name!r}" if isinstance(name, str) else f"{kind} #{int(entry[1]) + 1}"
        inner = data_path[2:]
        return f"{where}, {_field_name(inner)}" if inner else where

    def report(self, data_path: DataPath, message: str, subtype: str, *, at_key: bool = False) -> None:
        line, column = self.document.position(data_path, key=at_key)
        fatal = False
        if subtype not in _NON_FATAL:
            entry = self.entry_of(data_path)
            if entry is None:
                fatal = self.fatal = True
            else:
                self.left_out.add(entry)
                message += f" (this {_ENTRY_LISTS[str(entry[0])]} is left out)"
        self.problems.append(Problem(self.document.path, line, column, message, subtype, data_path, fatal))

    def entries(self, list_name: str) -> Iterator[tuple[DataPath, dict[str, Any]]]:
        """The entries of a list that are still in, with their paths."""
        for index, value in enumerate(self.data.get(list_name) or ()):
            if (list_name, index) not in self.left_out and isinstance(value, dict):
                yield (list_name, index), value

    # -- checks --------------------------------------------------------------
    def check_schema(self) -> None:
        errors = sorted(
            _validator().iter_errors(self.data), key=lambda e: self.document.position(tuple(e.absolute_path))
        )
        for error in errors:
            self.report_schema_error(error)

    def report_schema_error(self, error: ValidationError) -> None:
        data_path = tuple(error.absolute_path)
        where = self.describe(data_path)
        hint = error.schema.get("x-hint", "") if isinstance(error.schema, dict) else ""
        kind = error.validator
        if kind == "required":
            for key in error.validator_value:
                if isinstance(error.instance, dict) and key not in error.instance:
                    self.report(
                        data_path, f"{where}: the required key {key!r} is missing; add '{key}: ...'", "schema"
                    )
        elif kind == "additionalProperties":
            known = sorted(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in known:
                    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                    advice = f"did you mean {close[0]!r}?" if close else "remove it"
                    self.report(
                        (*data_path, key),
                        f"{where}: unknown key {key!r}; {advice} (known keys: {', '.join(known)})",
                        "unknown-key",
                        at_key=True,
                    )
        elif kind == "type":
            expected = error.validator_value
            self.report(
                data_path,
                f"{where} must be {_TYPE_NAMES.get(expected, expected)}, not "
                f"{_type_name(error.instance)} ({error.instance!r}); {_TYPE_HINTS.get(expected, '')}".rstrip(
                    "; "
                ),
                "schema",
            )
        elif kind == "pattern" and error.validator_value == r"\S":
            self.report(data_path, f"{where} is empty; {hint}", "schema")
        elif kind == "format" and error.validator_value == "date":
            self.report(data_path, f"{where}: {error.instance!r} is not a date; {hint}", "date")
        elif kind == "minItems":
            self.report(data_path, f"{where} needs at least {error.validator_value} item(s)", "schema")
        else:
            detail = f"{error.instance!r} is not valid" if kind == "pattern" else error.message
            self.report(data_path, f"{where}: {detail}; {hint}".rstrip("; "), "schema")

    def check_unique_ids(self) -> None:
        for list_name in _ENTRY_LISTS:
            first_line: dict[str, int] = {}
            for entry, value in list(self.entries(list_name)):
                entry_id = value.get("id")
                if not isinstance(entry_id, str):
                    continue
                if entry_id in first_line:
                    self.report(
                        (*entry, "id"),
                        f"{self.describe(entry)}: the id {entry_id!r} is already used on line "
                        f"{first_line[entry_id]}; ids must be unique: rename one",
                        "duplicate-id",
                    )
                else:
                    first_line[entry_id] = self.document.position((*entry, "id"))[0]

    def check_references(self) -> None:
        defined = {
            key: {value["id"] for _, value in self.entries(list_name)}
            for key, list_name in (("level", "levels"), ("track", "tracks"), ("theme", "themes"))
        }
        for entry, award in list(self.entries("awards")):
            for key, ids in defined.items():
                if award[key] not in ids:
                    choices = ", ".join(sorted(ids)) or "none is defined"
                    self.report(
                        (*entry, key),
                        f"{self.describe(entry)} refers to the {key} {award[key]!r}, which is not "
                        f"defined (or was left out above); use one of: {choices}",
                        "reference",
                    )

    def url_fields(self) -> Iterator[tuple[DataPath, str]]:
        for entry, award in self.entries("awards"):
            yield (*entry, "url"), award["url"]
            for index, link in enumerate(award.get("links", ())):
                yield (*entry, "links", index, "url"), link["url"]
        for entry, item in self.entries("meta"):
            if "link" in item:
                yield (*entry, "link", "url"), item["link"]["url"]

    def check_urls(self) -> None:
        for data_path, url in list(self.url_fields()):
            reason = unsafe_url_reason(url)
            if reason:
                self.report(data_path, f"{self.describe(data_path)}: {reason}", "url")

    def check_colors(self) -> None:
        for entry, theme in list(self.entries("themes")):
            for key in ("color", "color_dark"):
                if key in theme and not is_css_color(theme[key]):
                    self.report(
                        (*entry, key),
                        f"{self.describe((*entry, key))}: {theme[key]!r} is not a CSS colour; "
                        "write a colour such as '#7c3aed', 'rgb(124 58 237)' or 'purple'",
                        "color",
                    )

    def strings(self, value: Any, data_path: DataPath) -> Iterator[tuple[DataPath, str]]:
        if isinstance(value, str):
            yield data_path, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from self.strings(item, (*data_path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.strings(item, (*data_path, index))

    def check_mojibake(self) -> None:
        for data_path, text in self.strings(self.data, ()):
            if text.isascii():
                continue  # mis-decoded text always has non-ASCII characters
            repaired = mojibake_repair(text)
            if repaired is not None:
                self.report(
                    data_path,
                    f"{self.describe(data_path)} looks mis-decoded (mojibake): {text!r} was probably "
                    f"{repaired!r}; copy the text again from its source, or save the file as UTF-8"
                    + (" (the \ufffd marks bytes that were lost)" if "\ufffd" in repaired else ""),
                    "mojibake",
                )

    def template_fields(self) -> Iterator[tuple[DataPath, str, tuple[str, ...]]]:
        event = self.data.get("event") or {}
        if isinstance(event.get("lede"), str):
            yield ("event", "lede"), event["lede"], counts.GLOBAL_PLACEHOLDERS
        for list_name, keys in (("meta", ("label", "text")), ("stats", ("label", "value", "detail"))):
            for entry, item in self.entries(list_name):
                for key in keys:
                    if key in item:
                        yield (*entry, key), item[key], counts.GLOBAL_PLACEHOLDERS
        for entry, level in self.entries("levels"):
            if "subtitle" in level:
                yield (
                    (*entry, "subtitle"),
                    level["subtitle"],
                    counts.GLOBAL_PLACEHOLDERS + counts.LEVEL_PLACEHOLDERS,
                )

    def check_templates(self) -> None:
        level_ids = [level["id"] for _, level in self.entries("levels")]
        for data_path, template, allowed in self.template_fields():
            error = counts.placeholder_error(template, allowed, level_ids)
            if error:
                self.report(data_path, f"{self.describe(data_path)}: {error}", "template")

    def run(self) -> AwardsData | None:
        if not isinstance(self.data, dict):
            self.report(
                (),
                f"the top level must be a mapping with the keys 'event', 'themes', 'tracks', "
                f"'levels' and 'awards', not {_type_name(self.data)}",
                "schema",
            )
            return None
        self.check_mojibake()
        self.check_schema()
        if self.fatal:
            return None
        self.check_unique_ids()
        self.check_colors()
        self.check_urls()
        self.check_references()
        self.check_templates()
        return None if self.fatal else self.build()

    # -- building the model --------------------------------------------------
    def build(self) -> AwardsData:
        themes = tuple(
            Theme(t["id"], t["name"], t["color"], t.get("color_dark", t["color"]))
            for _, t in self.entries("themes")
        )
        tracks = tuple(Track(t["id"], t["name"], t.get("badge", "")) for _, t in self.entries("tracks"))
        levels = tuple(
            Level(
                lv["id"], lv["name"], lv.get("short", lv["name"]), lv["section_title"], lv.get("subtitle", "")
            )
            for _, lv in self.entries("levels")
        )
        awards = tuple(self.build_award(award) for _, award in self.entries("awards"))
        meta = tuple(self.build_meta(item) for _, item in self.entries("meta"))
        stats = tuple(
            Stat(s["label"], s["value"], s.get("detail", ""), s.get("emoji", ""))
            for _, s in self.entries("stats")
        )
        event = self.data["event"]
        return AwardsData(
            path=self.document.path,
            title=event["title"],
            lede=event.get("lede", ""),
            meta=meta,
            stats=stats,
            themes=themes,
            tracks=tracks,
            levels=levels,
            awards=awards,
            labels=Labels(**self.data.get("labels", {})),
            namespace=self.data.get("namespace", ""),
        )

    @staticmethod
    def build_award(award: dict[str, Any]) -> Award:
        return Award(
            id=award["id"],
            title=award["title"],
            level=award["level"],
            track=award["track"],
            theme=award["theme"],
            summary=award["summary"],
            tags=tuple(split_tag(tag) for tag in award["tags"]),
            description=award["description"],
            authors=tuple(award["authors"]),
            url=award["url"],
            links=tuple(Link(link["label"], link["url"]) for link in award.get("links", ())),
        )

    @staticmethod
    def build_meta(item: dict[str, Any]) -> MetaItem:
        link = item.get("link")
        return MetaItem(
            label=item["label"],
            emoji=item.get("emoji", ""),
            separator=item.get("separator", "•"),
            text=item.get("text", ""),
            date=datetime.date.fromisoformat(item["date"]) if "date" in item else None,
            link=Link(link["label"], link["url"]) if link else None,
        )


def split_tag(tag: str) -> Tag:
    """'🤖 LLM Behaviour' → emoji '🤖' and text 'LLM Behaviour'."""
    first, _, rest = tag.strip().partition(" ")
    if rest and not any(char.isalnum() for char in first):
        return Tag(first, rest.strip())
    return Tag("", tag.strip())


def check_document(document: YamlDocument) -> LoadResult:
    if document.data is None:
        return LoadResult(None, tuple(document.problems))
    checker = _Checker(document)
    data = checker.run()
    return LoadResult(data, tuple(sorted(checker.problems, key=lambda p: (p.line, p.column))))


_cache: dict[str, tuple[tuple[int, int], LoadResult]] = {}


def load_awards(path: str) -> LoadResult:
    """Load and check a data file, once per version of the file on disk."""
    try:
        status = Path(path).stat()
        stamp = (status.st_mtime_ns, status.st_size)
    except OSError:
        return check_document(read_yaml(path))
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    result = check_document(read_yaml(path))
    _cache[path] = (stamp, result)
    return result
