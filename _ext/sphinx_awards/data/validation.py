"""Turn a YAML document into checked model objects, with a message per mistake.

Rules: a problem inside one entry of a list (an award, a theme, a stat tile...)
leaves that entry out; a problem elsewhere makes the file unusable; typos in
keys, templates and mojibake are reported but change nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..text.quoting import listed, quote
from ..text.template_checks import template_error
from . import arguments
from .model import AwardsData, LoadResult
from .problems import DataPath, Problem
from .schema import (
    EMPTY_PATTERN,
    FORMATS,
    annotated_fields,
    chooses_between_keys,
    field_name,
    quote_message,
    satisfies_schema,
    strings_in,
    type_name,
    validator,
    values_at,
)
from .textchecks import may_be_misread, mojibake_repair
from .yamlsource import YamlDocument

if TYPE_CHECKING:
    from jsonschema import ValidationError

#: The lists whose entries are left out one by one when they are wrong.
_ENTRY_LISTS = {
    "awards": "award",
    "themes": "theme",
    "tracks": "track",
    "levels": "award level",
    "meta": "meta strip entry",
    "stats": "stat tile",
}
#: An award's keys that name an entry of another list.
_REFERENCES = {"level": "levels", "track": "tracks", "theme": "themes"}
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
            return field_name(data_path)
        kind = _ENTRY_LISTS[str(entry[0])]
        value = self.data[str(entry[0])][entry[1]]
        name = value.get("id") if isinstance(value, dict) else None
        where = f"{kind} {name!r}" if isinstance(name, str) else f"{kind} #{int(entry[1]) + 1}"
        inner = data_path[2:]
        return f"{where}, {field_name(inner)}" if inner else where

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
        if satisfies_schema(self.data):
            return
        self.cut_long_lists()
        errors = sorted(
            validator().iter_errors(self.data), key=lambda e: self.document.position(tuple(e.absolute_path))
        )
        for error in errors:
            self.report_schema_error(error)

    def cut_long_lists(self) -> None:
        """A list longer than the schema allows is reported here and cut to
        that length, so that explaining the file never walks 600,000 tags
        (its entry is left out in any case)."""
        for schema_path, limit in annotated_fields("maxItems"):
            for data_path, value in list(values_at(self.data, schema_path)):
                if isinstance(value, list) and len(value) > limit:
                    self.report(
                        data_path,
                        f"{self.describe(data_path)} has {len(value):,} items, more than the {limit:,} "
                        "allowed; keep the ones that matter",
                        "schema",
                    )
                    del value[limit:]

    def report_schema_error(self, error: ValidationError) -> None:
        data_path = tuple(error.absolute_path)
        where = self.describe(data_path)
        hint = error.schema.get("x-hint", "") if isinstance(error.schema, dict) else ""
        kind = error.validator
        if len(data_path) == 3 and data_path[0] == "awards" and data_path[2] in _REFERENCES:
            # An award's level, track or theme: the ids the file defines, not an example.
            list_name = _REFERENCES[str(data_path[2])]
            ids = [entry.get("id") for entry in self.data.get(list_name) or () if isinstance(entry, dict)]
            hint = f"use one of the {list_name} defined: {listed([str(i) for i in ids if i])}"
        if kind == "required":
            # jsonschema gives one error per missing key, each holding the list of all required keys.
            for key in error.validator_value:
                if (
                    isinstance(error.instance, dict)
                    and key not in error.instance
                    and error.message.startswith(repr(key))
                ):
                    self.report(
                        data_path, f"{where}: the required key {key!r} is missing; add '{key}: ...'", "schema"
                    )
        elif kind == "oneOf" and hint and not chooses_between_keys(error.instance, error.validator_value):
            # A value of several forms (a level's gender).
            self.report(data_path, f"{where} cannot be {quote(error.instance)}; {hint}", "schema")
        elif kind == "oneOf" and isinstance(error.instance, dict):
            # "exactly one of": which keys the entry has, in our words (not jsonschema's).
            choices = [key for option in error.validator_value for key in option.get("required", ())]
            present = [key for key in choices if key in error.instance]
            said = " and ".join(repr(key) for key in present) if present else "none of them"
            self.report(
                data_path,
                f"{where} has {said}; give it exactly one of {', '.join(repr(key) for key in choices)}",
                "schema",
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
            type_hint = _TYPE_HINTS.get(expected, "")
            self.report(
                data_path,
                f"{where} must be {_TYPE_NAMES.get(expected, expected)}, not "
                f"{type_name(error.instance)} ({quote(error.instance)})"
                + (f"; {type_hint}" if type_hint else ""),
                "schema",
            )
        elif kind == "pattern" and error.validator_value == EMPTY_PATTERN:
            self.report(data_path, f"{where} is empty; {hint}", "schema")
        elif kind == "format" and error.validator_value == "date":
            self.report(data_path, f"{where}: {quote(error.instance)} is not a date; {hint}", "date")
        elif kind == "format" and error.validator_value in FORMATS:
            self.report(data_path, f"{where}: {error.cause}", FORMATS[error.validator_value][1])
        elif kind == "maxLength":
            self.report(
                data_path,
                f"{where} is {len(error.instance):,} characters long, more than the "
                f"{error.validator_value:,} allowed (a PDF cannot set longer lines); shorten it",
                "text",
            )
        elif kind == "minItems":
            self.report(data_path, f"{where} needs at least {error.validator_value} item(s)", "schema")
        else:
            # jsonschema's own message quotes the whole value: cut it.
            detail = (
                f"{quote(error.instance)} is not valid" if kind == "pattern" else quote_message(error.message)
            )
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

    def left_out_ids(self, list_name: str) -> dict[str, int]:
        """The ids of a list's entries that were left out, with their lines."""
        return {
            str(value["id"]): self.document.position((list_name, index))[0]
            for index, value in enumerate(self.data.get(list_name) or ())
            if (list_name, index) in self.left_out and isinstance(value, dict) and "id" in value
        }

    def check_references(self) -> None:
        defined = {
            key: {value["id"] for _, value in self.entries(list_name)}
            for key, list_name in (("level", "levels"), ("track", "tracks"), ("theme", "themes"))
        }
        left_out = {key: self.left_out_ids(_REFERENCES[key]) for key in defined}
        for entry, award in list(self.entries("awards")):
            for key, ids in defined.items():
                if award[key] in left_out[key]:
                    self.report(
                        (*entry, key),
                        f"{self.describe(entry)} refers to the {key} {award[key]!r}, which is left out "
                        f"for a mistake in its entry (line {left_out[key][award[key]]}); fix that entry",
                        "reference",
                    )
                elif award[key] not in ids:
                    choices = ", ".join(sorted(ids)) or "none is defined"
                    self.report(
                        (*entry, key),
                        f"{self.describe(entry)} refers to the {key} {award[key]!r}, which is not "
                        f"defined; use one of: {choices}",
                        "reference",
                    )

    def check_paper_dates(self) -> None:
        """A paper's ``date`` and ``year`` say the same year (the schema checked each)."""
        for entry, award in list(self.entries("awards")):
            year, date = award.get("year"), str(award.get("date", ""))
            if year is not None and date[:4] != str(year) and date:
                message = f"{self.describe(entry)} has the date {date} but the year {year}; make them agree"
                self.report((*entry, "date"), message, "date")

    def check_mojibake(self) -> None:
        if not any(may_be_misread(text) for _, text in strings_in(self.data, with_paths=False)):
            return  # the common case, decided without building a path per string
        for data_path, text in strings_in(self.data):
            repaired = mojibake_repair(text)
            if repaired is not None:
                self.report(
                    data_path,
                    f"{self.describe(data_path)} looks mis-decoded (mojibake): {quote(text)} was probably "
                    f"{quote(repaired)}; copy the text again from its source, or save the file as UTF-8"
                    + (" (the \ufffd marks bytes that were lost)" if "\ufffd" in repaired else ""),
                    "mojibake",
                )

    def template_fields(self) -> Iterator[tuple[DataPath, str, str]]:
        """Every text the schema marks as a template (``x-template``), in the
        entries still in, and its kind (``arguments.KINDS``)."""
        for schema_path, kind in annotated_fields("x-template"):
            for data_path, text in values_at(self.data, schema_path):
                entry = self.entry_of(data_path)
                if isinstance(text, str) and (entry is None or entry not in self.left_out):
                    yield data_path, text, kind

    def check_templates(self) -> None:
        level_ids = [level["id"] for _, level in self.entries("levels")]
        for entry, level in self.entries("levels"):
            if level["id"] in arguments.GLOBAL_ARGUMENTS or level["id"] in arguments.LEVEL_ARGUMENTS:
                self.report(
                    (*entry, "id"),
                    f"{self.describe(entry)}: the id {level['id']!r} is also the name of a template "
                    "argument, so texts cannot count its awards; rename it",
                    "template",
                )
        # Once, not per text: a file of thousands of levels has as many arguments.
        allowed = {kind: arguments.arguments(level_ids, kind) for kind in arguments.KINDS}
        for data_path, template, kind in self.template_fields():
            found = template_error(template, allowed[kind])
            if found is not None:
                message, index = found
                self.report(
                    data_path, f"{self.describe(data_path)}: {message} (at character {index + 1})", "template"
                )

    def run(self) -> AwardsData | None:
        if not isinstance(self.data, dict):
            self.report(
                (),
                f"the top level must be a mapping with the keys 'event', 'themes', 'tracks', "
                f"'levels' and 'awards', not {type_name(self.data)}",
                "schema",
            )
            return None
        self.check_mojibake()
        self.check_schema()
        if self.fatal:
            return None
        self.check_unique_ids()
        self.check_references()
        self.check_paper_dates()
        self.check_templates()
        if self.fatal:
            return None
        data = AwardsData.from_checked(
            self.document.path,
            self.data,
            lambda name: list(self.entries(name)),
            lambda data_path: self.document.position(data_path)[0],
        )
        left_out = {
            list_name: tuple(self.left_out_ids(list_name).items())
            for list_name in ("levels", "tracks", "themes", "awards")
        }
        return data._replace(left_out=left_out) if any(left_out.values()) else data


def check_document(document: YamlDocument) -> LoadResult:
    if document.data is None:
        return LoadResult(None, tuple(document.problems))
    checker = _Checker(document)
    data = checker.run()
    return LoadResult(data, tuple(sorted(checker.problems, key=lambda p: (p.line, p.column))))
