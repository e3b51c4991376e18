"""Read a YAML file into plain data while remembering where every value came from.

A data file may come from a stranger, so reading it is bounded in every way:
the file must be a regular file under a size cap; the YAML is composed from
the parser's event stream by a loop with an explicit stack (no recursion, so
no nesting can crash the interpreter), with a depth limit; aliases and merge
keys (``<<``) are shared rather than copied, and what they would expand to is
counted *before* anything uses it, so an alias bomb ends in a message.

PyYAML's own constructors would also forget source positions and silently
keep the last of two equal keys: here every value gets its mark (line and
column, in characters), duplicate keys are reported, and only plain YAML types
are accepted (no ``!!python/object``).

Keeping every mark is most of the reading's cost: a reading with ``located``
keeps only the marks of the values under those keys (what the model keeps
lines of), and is for a file expected to be well-formed. Whatever it finds
wrong, the file is read again with every mark (``checked.read_and_check``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import DataPath, Problem

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_YAML = "tag:yaml.org,2002:"
#: The scalar tags whose Python value we keep; timestamps stay as written text
#: so the schema can check them like any other string.
_CONSTRUCTED_TAGS = frozenset(_YAML + name for name in ("int", "float", "bool", "null"))
_TEXT_TAGS = frozenset(_YAML + name for name in ("str", "timestamp", "binary"))
_MERGE_TAG = _YAML + "merge"
_COLLECTION_TAGS = {yaml.MappingStartEvent: _YAML + "map", yaml.SequenceStartEvent: _YAML + "seq"}
_OPENING = frozenset(_COLLECTION_TAGS)
_CLOSING = frozenset({yaml.MappingEndEvent, yaml.SequenceEndEvent})
#: Longer digit strings are not numbers a person types (and Python refuses
#: to convert more than 4,300 digits).
_MAX_NUMBER_LENGTH = 100

MAX_DEPTH = 64
#: Aliases may repeat parts of a file, but not blow it up: the values they add
#: are counted, and may be at most this many times the values written out
#: (plus a little), and never more than a million. Counted in values, not in
#: characters: commas in comments or long texts buy nothing.
_EXPANSION_FACTOR = 20
_EXPANSION_SLACK = 10_000
_MAX_EXPANDED = 1_000_000


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, scalars) plus the position of every value."""

    path: str
    data: Any
    #: True where every value's mark was kept; False for a reading that kept
    #: only the marks of some keys' values (``Composer``'s ``located``).
    complete: bool = True
    marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, data_path: DataPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a value, or of its key with ``key=True``.

        Falls back to the nearest enclosing value that has a position (inside
        an alias, the alias).
        """
        table = self.key_marks if key else self.marks
        while data_path not in table and data_path:
            data_path = data_path[:-1]
            table = self.marks
        return table.get(data_path, (1, 1))


class NeedsMarksError(Exception):
    """A reading that keeps few marks found something to report: it needs them all."""


class UnusableFileError(Exception):
    """Ends the reading with a problem that makes the whole file unusable."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def position_of(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def fatal(path: str, position: tuple[int, int], message: str, subtype: str = "yaml") -> Problem:
    return Problem(path, *position, message, subtype, fatal=True)


_MERGE = object()  # the value of a "<<" key


@dataclass
class _Collection:
    """A mapping or list being built, with what it needs until its end event."""

    value: dict[str, Any] | list[Any]
    data_path: DataPath
    position: tuple[int, int]
    anchor: str | None
    size: int = 1
    key: Any = None
    key_position: tuple[int, int] = (1, 1)
    has_key: bool = False
    merges: list[tuple[Any, int, tuple[int, int]]] = field(default_factory=list)


class Composer:
    """Plain data from the parser's events: a loop and an explicit stack."""

    def __init__(self, document: YamlDocument, loader: Any, located: frozenset[str] | None = None) -> None:
        self.document = document
        self.loader = loader
        #: Keys whose values' marks are kept (None: every value's).
        self.located = located
        document.complete = located is None
        #: Values written out in the file, and values aliases and merges added.
        self.written = 0
        self.expanded = 0
        self.stack: list[_Collection] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        resolvers = loader.yaml_implicit_resolvers
        #: The first characters of plain scalars that may be something other
        #: than text (true, 12, ~, 2025-...); None: ask the resolver every time.
        self.maybe_typed = None if None in resolvers or loader.yaml_path_resolvers else frozenset(resolvers)
        self.resolved: dict[str, str] = {}

    def fail(self, position: tuple[int, int], message: str, subtype: str = "yaml") -> UnusableFileError:
        return UnusableFileError(fatal(self.document.path, position, message, subtype))

    def compose(self) -> Any:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            raise self.fail((1, 1), "the file holds no YAML document", "schema")
        loader.get_event()  # document start
        root = self.compose_value()
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.peek_event()
            raise self.fail(
                position_of(event.start_mark),
                "the file holds a second YAML document (after '---'); an awards file is one document",
            )
        return root

    def compose_value(self) -> Any:
        """Consume the events of one value (the document's root) and return it.

        The loop runs once per value of the file (tens of thousands for a
        large site): it dispatches on the event's exact class and keeps what
        it calls in locals.
        """
        get_event, stack, anchors = self.loader.get_event, self.stack, self.anchors
        scalar, add, maybe_typed = self.scalar, self.add, self.maybe_typed
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                mark = event.start_mark
                position = (mark.line + 1, mark.column + 1)
                value, size, anchor = event.value, 1, event.anchor
                # Text, as most values are: untagged, and quoted or starting unlike
                # any typed value (true, 12, ~, 2025-...); the rest is ``scalar``'s.
                if (
                    event.tag is not None
                    or maybe_typed is None
                    or (event.implicit[0] and (not value or value[0] in maybe_typed))
                ):
                    value = scalar(event, position)
                self.written += 1
            elif kind in _OPENING:
                self.open(event, position_of(event.start_mark))
                continue
            elif kind in _CLOSING:
                collection = stack.pop()
                value, size = self.close(collection), collection.size
                position = collection.position
                anchor = collection.anchor
            else:  # an alias
                position = position_of(event.start_mark)
                if event.anchor not in anchors:
                    raise self.fail(position, f"the alias *{event.anchor} names no anchor (&{event.anchor})")
                value, size = anchors[event.anchor]
                self.spend(size, position)
                anchor = None
            if anchor is not None:
                anchors[anchor] = (value, size)
            if not stack:
                return "<<" if value is _MERGE else value
            add(value, size, position)

    def spend(self, size: int, position: tuple[int, int]) -> None:
        """Count the values an alias or merge adds; too many end the file."""
        self.expanded += size
        if self.expanded > min(_EXPANSION_FACTOR * self.written + _EXPANSION_SLACK, _MAX_EXPANDED):
            raise self.fail(
                position,
                "the file expands to far more values than it contains (an alias bomb?); "
                "use fewer nested aliases (*name) and merge keys (<<)",
            )

    def open(self, event: Any, position: tuple[int, int]) -> None:
        if event.tag not in (None, "!", _COLLECTION_TAGS[type(event)]):
            raise self.refuse_tag(event.tag, position)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.value, dict) and not parent.has_key:
            raise self.fail(position, "a key must be plain text, not a list or mapping")
        data_path = self.child_path(parent)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(position, f"values are nested more than {MAX_DEPTH} levels deep; flatten them")
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.written += 1
        self.stack.append(_Collection(value, data_path, position, event.anchor))

    @staticmethod
    def child_path(parent: _Collection | None) -> DataPath:
        if parent is None:
            return ()
        if isinstance(parent.value, list):
            return (*parent.data_path, len(parent.value))
        if parent.key is _MERGE:  # its keys join the parent's
            return parent.data_path
        return (*parent.data_path, str(parent.key))

    def add(self, value: Any, size: int, position: tuple[int, int]) -> None:
        """Put a finished value into the collection on top of the stack."""
        parent = self.stack[-1]
        collected = parent.value
        located = self.located
        if value is _MERGE and (isinstance(collected, list) or parent.has_key):
            value = "<<"  # merges only as a key
        if isinstance(collected, list):
            if located is None:
                item_path = (*parent.data_path, len(collected))
                self.document.marks[item_path] = position
            collected.append(value)
            parent.size += size
            return
        if not parent.has_key:
            if isinstance(value, (dict, list)):  # an alias of a collection, as a key
                raise self.fail(position, "a key must be plain text, not a list or mapping")
            parent.key, parent.key_position, parent.has_key = value, position, True
            return
        parent.has_key = False
        if parent.key is _MERGE:
            parent.merges.append((value, size, position))
            return
        key = parent.key if type(parent.key) is str else str(parent.key)
        if located is not None:
            if key in collected:
                raise NeedsMarksError
            if key in located:
                located_path = (*parent.data_path, key)
                self.document.marks[located_path] = position
            collected[key] = value
            parent.size += size
            return
        key_path = (*parent.data_path, key)
        if key in collected:
            first_line = self.document.key_marks[key_path][0]
            self.document.problems.append(
                Problem(
                    self.document.path,
                    *parent.key_position,
                    f"the key {key!r} appears twice in this entry (first on line {first_line}); "
                    "YAML would silently keep only the last one: remove or rename one of them",
                    "duplicate-key",
                    data_path=key_path,
                )
            )
        else:
            self.document.key_marks[key_path] = parent.key_position
        self.document.marks[key_path] = position
        collected[key] = value
        parent.size += size

    def close(self, collection: _Collection) -> Any:
        """A finished collection; a mapping takes its merged keys (own keys first)."""
        if not isinstance(collection.value, dict):
            return collection.value
        for merged, size, position in collection.merges:
            collection.size += size
            sources = merged if isinstance(merged, list) else [merged]
            for source in sources:
                if not isinstance(source, dict):
                    raise self.fail(position, "a merge key (<<) takes a mapping or a list of mappings")
                for key, value in source.items():
                    self.spend(1, position)  # every key copied counts
                    if key not in collection.value:
                        collection.value[key] = value
                        if self.located is None or key in self.located:
                            self.document.marks.setdefault((*collection.data_path, key), position)
        return collection.value

    def resolve(self, value: str, implicit: tuple[bool, bool]) -> str:
        """The resolver's tag for an untagged scalar; a plain scalar's answer
        is kept for its next time (keys repeat in every entry)."""
        if not implicit[0] or len(value) > 32 or self.maybe_typed is None:
            return str(self.loader.resolve(yaml.ScalarNode, value, implicit))
        tag = self.resolved.get(value)
        if tag is None:
            tag = self.resolved[value] = str(self.loader.resolve(yaml.ScalarNode, value, implicit))
        return tag

    def refuse_tag(self, tag: str, position: tuple[int, int]) -> UnusableFileError:
        return self.fail(
            position,
            f"the tag {tag!r} is not allowed: awards files hold plain text, "
            "numbers, lists and mappings; remove the tag",
            subtype="tag",
        )

    def scalar(self, event: Any, position: tuple[int, int]) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolve(event.value, event.implicit)
        if tag in _TEXT_TAGS:
            return event.value
        if tag == _MERGE_TAG:
            return _MERGE
        if tag not in _CONSTRUCTED_TAGS:
            raise self.refuse_tag(tag, position)
        if len(event.value) > _MAX_NUMBER_LENGTH:
            raise self.fail(
                position,
                f"a number of {len(event.value):,} characters; put it in quotes if it is text",
                "schema",
            )
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return self.loader.construct_object(node)
