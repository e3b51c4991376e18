"""The data file's JSON Schema, as the checks use it: loaded once, references
inlined, the fields each annotation marks (x-template, maxItems),
the formats (URL, colour, date) checked by our own functions, and the
jsonschema validator that explains a failing file (a valid file never
imports it: schema_code.py, the schema compiled, says yes first)."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Iterator
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from ..package import SCHEMA_DIR
from ..text.quoting import quote
from .addresses import color_problem, url_problem
from .problems import DataPath
from .textchecks import is_text, text_problem

if TYPE_CHECKING:
    from jsonschema.protocols import Validator


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema shipped in the package (also what editors use)."""
    return json.loads((SCHEMA_DIR / "awards.schema.json").read_text("utf-8"))


def inline_references(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with every ``$ref`` replaced by its definition (ours has no
    cycles): the same meaning, validated twice as fast as resolving each one."""
    if isinstance(node, list):
        return [inline_references(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    inlined = {key: inline_references(value, definitions) for key, value in node.items() if key != "$defs"}
    reference = inlined.pop("$ref", None)
    if reference is not None:
        target = inline_references(definitions[reference.rpartition("/")[2]], definitions)
        inlined = {**target, **inlined}
    return inlined


#: The schema's own formats: each names the check that applies to a field,
#: and the warning subtype its message gets.
FORMATS: dict[str, tuple[Callable[[str], str | None], str]] = {
    "awards-line": (partial(text_problem, one_line=True), "text"),
    "awards-text": (partial(text_problem, one_line=False), "text"),
    "awards-url": (url_problem, "url"),
    "awards-color": (color_problem, "color"),
}
EMPTY_PATTERN = "[\\s\\S]*\\S[\\s\\S]*"


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_date(value: object) -> bool:
    """The ``date`` format, for both validators: YYYY-MM-DD, and a day that exists."""
    if not isinstance(value, str):
        return True
    try:
        return bool(_DATE.fullmatch(value)) and bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


def _passes(check: Callable[[str], str | None], value: object) -> bool:
    return not (isinstance(value, str) and check(value))


#: The schema's formats for the compiled schema (``schema_code``): True when a
#: value passes. The two texts, called for every string, are one regex search
#: each (``is_text``); the others ask the function that explains a refusal.
_PASSES: dict[str, Callable[[object], bool]] = {
    "awards-line": lambda value: not isinstance(value, str) or is_text(value, one_line=True),
    "awards-text": lambda value: not isinstance(value, str) or is_text(value, one_line=False),
    "awards-url": partial(_passes, url_problem),
    "awards-color": partial(_passes, color_problem),
    "date": _is_date,
}


def satisfies_schema(data: object) -> bool:
    """Whether ``data`` satisfies the schema, by the schema compiled to plain
    Python (``schema_code.py``, made by fastjsonschema with ``make schema``).

    This is the common case, and it never imports jsonschema, which costs a
    small site's build a tenth of a second; a file that fails is checked again
    by jsonschema, which names every mistake.
    """
    from .schema_code import JsonSchemaValueException, validate

    try:
        validate(data, _PASSES)
    except JsonSchemaValueException:
        return False
    return True


class _RefusedError(ValueError):
    """A format check's reason, carried to the message as the error's cause."""


def _format_check(check: Callable[[str], str | None], value: object) -> bool:
    reason = check(value) if isinstance(value, str) else None
    if reason:
        raise _RefusedError(reason)
    return True


def _whole_pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    """``pattern`` matched against the whole value: with ``re.search``, ``$``
    also matches before a final line break, so ``"llm\\n"`` would pass as an id."""
    from jsonschema import ValidationError

    if isinstance(instance, str) and not re.fullmatch(pattern, instance):
        yield ValidationError(f"{quote(instance)} does not match {pattern!r}")


@cache
def _inlined_schema() -> dict[str, Any]:
    return dict(inline_references(schema(), schema()["$defs"]))


#: A field's place in the schema: keys, and None for "any item of a list".
SchemaPath = tuple[str | None, ...]


@cache
def annotated_fields(keyword: str) -> tuple[tuple[SchemaPath, Any], ...]:
    """Where the schema puts ``keyword`` (``x-template``, ``maxItems``), with
    its value: written into ``schema_code.py`` by ``make schema`` (reading and
    walking the schema costs a small build 2 ms), else found once here."""
    from .schema_code import ANNOTATED

    if keyword in ANNOTATED:
        return tuple(ANNOTATED[keyword])
    return walk_annotated(_inlined_schema(), keyword)


def walk_annotated(inlined: dict[str, Any], keyword: str) -> tuple[tuple[SchemaPath, Any], ...]:
    """Where ``keyword`` is in a schema whose references are inlined."""
    found: list[tuple[SchemaPath, Any]] = []
    stack: list[tuple[SchemaPath, Any]] = [((), inlined)]
    while stack:
        path, node = stack.pop()
        if not isinstance(node, dict):
            continue
        if keyword in node:
            found.append((path, node[keyword]))
        stack.extend(((*path, name), child) for name, child in node.get("properties", {}).items())
        if "items" in node:
            stack.append(((*path, None), node["items"]))
    return tuple(sorted(found, key=repr))


def values_at(data: Any, path: SchemaPath, data_path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """The values at a schema path in the data, with their data paths."""
    if not path:
        yield data_path, data
    elif path[0] is None:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, path[1:], (*data_path, index))
    elif isinstance(data, dict) and path[0] in data:
        yield from values_at(data[path[0]], path[1:], (*data_path, path[0]))


def strings_in(value: Any, *, with_paths: bool = True) -> Iterator[tuple[DataPath, str]]:
    """Every string in the data, with its path unless ``with_paths`` is False
    (then the path is empty, and the walk is much cheaper). A loop, not
    recursion: files may nest deep."""
    stack: list[tuple[DataPath, Any]] = [((), value)]
    while stack:
        data_path, item = stack.pop()
        if isinstance(item, str):
            yield data_path, item
        elif not with_paths and isinstance(item, (dict, list)):
            stack.extend(((), child) for child in reversed(item.values() if isinstance(item, dict) else item))
        elif isinstance(item, dict):
            stack.extend(((*data_path, key), child) for key, child in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend(((*data_path, index), child) for index, child in reversed(list(enumerate(item))))


@cache
def validator() -> Validator:
    """Imported and built on first use: a site whose pages read no data file pays nothing."""
    from jsonschema import Draft202012Validator, FormatChecker, validators

    checker = FormatChecker([])
    checker.checks("date")(_is_date)  # the same rule as the compiled schema's
    for name, (check, _) in FORMATS.items():
        checker.checks(name, raises=_RefusedError)(partial(_format_check, check))
    strict = validators.extend(Draft202012Validator, {"pattern": _whole_pattern})
    return strict(_inlined_schema(), format_checker=checker)


def type_name(value: Any) -> str:
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


def quote_message(message: str, limit: int = 300) -> str:
    """A validator's message, cut where it quotes a huge value."""
    return message if len(message) <= limit else f"{message[: limit - 1]}… ({len(message):,} characters)"


def field_name(data_path: DataPath) -> str:
    """``awards[2].title``; a key that is not plain printable text (a terminal
    escape, a line break) is quoted, so that the log shows it, never obeys it."""
    name = ""
    for part in data_path:
        if isinstance(part, int):
            name += f"[{part}]"
            continue
        key = part if part.isprintable() and len(part) <= 60 else quote(part)
        name += f".{key}" if name else key
    return name or "the top level"


def chooses_between_keys(instance: object, options: Any) -> bool:
    """Whether a ``oneOf`` failed on a mapping by its keys (a meta entry's
    text, date or link), not by the form of a value."""
    return isinstance(instance, dict) and any(
        isinstance(option, dict) and option.get("required") for option in options
    )
