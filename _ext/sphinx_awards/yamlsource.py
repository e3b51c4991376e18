"""Read a YAML file into plain data while remembering where every value came from.

PyYAML's constructors forget source positions and silently keep the last of
two equal keys, so we walk the composed node graph ourselves: every value gets
its mark (line and column), duplicate keys are found, only plain YAML types are
accepted (no ``!!python/object``), and aliases are expanded under a budget so an
alias bomb ends in a message instead of filling the memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DataPath, Problem

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The scalar tags whose Python value we keep; timestamps stay as written text
#: so the schema can check them like any other string.
_CONSTRUCTED_TAGS = frozenset("tag:yaml.org,2002:" + name for name in ("int", "float", "bool", "null"))
_TEXT_TAGS = frozenset("tag:yaml.org,2002:" + name for name in ("str", "timestamp", "binary"))
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAX_DEPTH = 64
#: Aliases may repeat parts of a file, but not blow it up more than this much.
_EXPANSION_FACTOR = 20
_EXPANSION_SLACK = 10_000


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, scalars) plus the position of every value."""

    path: str
    data: Any
    marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, data_path: DataPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a value, or of its key with ``key=True``.

        Falls back to the nearest enclosing value that has a position.
        """
        table = self.key_marks if key else self.marks
        while data_path not in table and data_path:
            data_path = data_path[:-1]
            table = self.marks
        return table.get(data_path, (1, 1))


class _UnusableFileError(Exception):
    """Ends the walk with a problem that makes the whole file unusable."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _problem_at(path: str, mark: yaml.Mark | None, message: str, subtype: str) -> Problem:
    line, column = _position(mark) if mark is not None else (1, 1)
    return Problem(path, line, column, message, subtype, fatal=True)


def _count_distinct_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


class _Walker:
    def __init__(self, document: YamlDocument, loader: yaml.SafeLoader, budget: int) -> None:
        self.document = document
        self.loader = loader
        self.budget = budget

    def fail(self, node: yaml.Node, message: str, subtype: str = "yaml") -> _UnusableFileError:
        return _UnusableFileError(_problem_at(self.document.path, node.start_mark, message, subtype))

    def walk(self, node: yaml.Node, data_path: DataPath) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise self.fail(
                node,
                "the file expands to far more values than it contains (an alias bomb?); "
                "use fewer nested aliases (*name)",
            )
        if len(data_path) > _MAX_DEPTH:
            raise self.fail(node, f"values are nested more than {_MAX_DEPTH} levels deep")
        self.document.marks[data_path] = _position(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self.walk_mapping(node, data_path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise self.refuse_tag(node)
            return [self.walk(item, (*data_path, i)) for i, item in enumerate(node.value)]
        return self.walk_scalar(node)

    def refuse_tag(self, node: yaml.Node) -> _UnusableFileError:
        return self.fail(
            node,
            f"the tag {node.tag!r} is not allowed: awards files hold plain text, "
            "numbers, lists and mappings; remove the tag",
            subtype="tag",
        )

    def walk_scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag in _TEXT_TAGS:
            return node.value
        if node.tag in _CONSTRUCTED_TAGS:
            return self.loader.construct_object(node)
        raise self.refuse_tag(node)

    def walk_mapping(self, node: yaml.MappingNode, data_path: DataPath) -> dict[str, Any]:
        if node.tag != _MAP_TAG:
            raise self.refuse_tag(node)
        first_seen: dict[str, yaml.Node] = {}
        for key_node, _value in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = str(key_node.value)
            if key in first_seen:
                line, column = _position(key_node.start_mark)
                first_line = first_seen[key].start_mark.line + 1
                self.document.problems.append(
                    Problem(
                        self.document.path,
                        line,
                        column,
                        f"the key {key!r} appears twice in this entry (first on line "
                        f"{first_line}); YAML would silently keep only the last one: "
                        "remove or rename one of them",
                        "duplicate-key",
                        data_path=(*data_path, key),
                    )
                )
            else:
                first_seen[key] = key_node
        try:
            self.loader.flatten_mapping(node)  # resolves "<<: *defaults" merges
        except yaml.MarkedYAMLError as error:
            raise _UnusableFileError(_from_yaml_error(self.document.path, error)) from None
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be plain text, not a list or mapping")
            key = str(self.walk_scalar(key_node))
            key_path = (*data_path, key)
            self.document.key_marks[key_path] = _position(key_node.start_mark)
            result[key] = self.walk(value_node, key_path)
        return result


def _from_yaml_error(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    what = " ".join(part for part in (error.context, error.problem) if part)
    return _problem_at(path, mark, f"YAML syntax error: {what}", "yaml")


def _decode(path: str, raw: bytes) -> str | Problem:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(
            path,
            line,
            column,
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} cannot start or "
            "continue a UTF-8 character); save it as UTF-8 in your editor",
            "encoding",
            fatal=True,
        )


def parse_yaml(path: str, text: str) -> YamlDocument:
    """Compose ``text`` and walk it; fatal problems leave ``data`` as None."""
    document = YamlDocument(path, None)
    if not text.strip():
        document.problems.append(
            Problem(
                path,
                1,
                1,
                "the file is empty; an awards file needs at least "
                "'event', 'themes', 'tracks', 'levels' and 'awards'",
                "schema",
                fatal=True,
            )
        )
        return document
    loader = SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise _UnusableFileError(
                Problem(path, 1, 1, "the file holds no YAML document", "schema", fatal=True)
            )
        # Without an alias ("*name") nothing can expand: no need to count.
        budget = (
            _EXPANSION_FACTOR * _count_distinct_nodes(root) + _EXPANSION_SLACK if "*" in text else 1 << 62
        )
        document.data = _Walker(document, loader, budget).walk(root, ())
    except yaml.MarkedYAMLError as error:
        document.problems.append(_from_yaml_error(path, error))
    except yaml.YAMLError as error:
        document.problems.append(_problem_at(path, None, f"YAML error: {error}", "yaml"))
    except RecursionError:
        document.problems.append(_problem_at(path, None, "values are nested too deeply to read", "yaml"))
    except _UnusableFileError as stop:
        document.problems.append(stop.problem)
    finally:
        loader.dispose()
    if any(problem.fatal for problem in document.problems):
        document.data = None
    return document


def read_yaml(path: str) -> YamlDocument:
    """Read, decode and parse the file at ``path``; never raises for bad input."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        if isinstance(error, IsADirectoryError):
            reason = "it is a directory, not a file"
        document = YamlDocument(path, None)
        document.problems.append(
            Problem(path, 1, 1, f"cannot read the data file: {reason}", "file", fatal=True)
        )
        return document
    text = _decode(path, raw)
    if isinstance(text, Problem):
        document = YamlDocument(path, None)
        document.problems.append(text)
        return document
    return parse_yaml(path, text)
