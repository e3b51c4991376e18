"""A data file's text or bytes as a YamlDocument: decoded as UTF-8, parsed
by the composer of yamlsource (which keeps every value's line and column
and counts aliases as they expand), every failure one located problem."""

from __future__ import annotations

import yaml

from .problems import Problem
from .yamlhints import explain
from .yamlsource import (
    Composer,
    NeedsMarksError,
    SafeLoader,
    UnusableFileError,
    YamlDocument,
    fatal,
    position_of,
)


def _position_of_index(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _from_yaml_error(path: str, text: str, error: yaml.YAMLError) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        return fatal(
            path,
            _position_of_index(text, error.position),
            f"the character {character} is not allowed in a YAML file ({error.reason}); remove it",
        )
    if isinstance(error, yaml.MarkedYAMLError):
        explained = explain(text, error)
        if explained is not None:
            return fatal(path, *explained)
        mark = error.problem_mark or error.context_mark
        what = " ".join(part for part in (error.context, error.problem) if part)
        return fatal(path, position_of(mark) if mark else (1, 1), f"YAML syntax error: {what}")
    return fatal(path, (1, 1), f"YAML error: {error}")


def parse_yaml(path: str, text: str, located: frozenset[str] | None = None) -> YamlDocument:
    """Compose ``text``; fatal problems leave ``data`` as None. Never raises for bad input.

    With ``located``, only the marks of those keys' values are kept (see
    ``yamlsource``), unless the reading finds a duplicate key."""
    document = YamlDocument(path, None)
    if not text.strip():
        document.problems.append(
            fatal(
                path,
                (1, 1),
                "the file is empty; an awards file needs at least "
                "'event', 'themes', 'tracks', 'levels' and 'awards'",
                "schema",
            )
        )
        return document
    loader = SafeLoader(text)
    try:
        document.data = Composer(document, loader, located).compose()
    except NeedsMarksError:
        return parse_yaml(path, text)
    except yaml.YAMLError as error:
        document.problems.append(_from_yaml_error(path, text, error))
    except UnusableFileError as stop:
        document.problems.append(stop.problem)
    finally:
        loader.dispose()
    if any(problem.fatal for problem in document.problems):
        document.data = None
    return document


def _decode(path: str, raw: bytes) -> str | Problem:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        # Columns count characters, as editors do, not bytes.
        column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
        return fatal(
            path,
            (line, column),
            f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} cannot start or "
            "continue a UTF-8 character); save it as UTF-8 in your editor",
            "encoding",
        )


def parse_bytes(path: str, raw: bytes, located: frozenset[str] | None = None) -> YamlDocument:
    text = _decode(path, raw)
    if isinstance(text, Problem):
        return YamlDocument(path, None, problems=[text])
    return parse_yaml(path, text, located)
