"""The imported entries written as the ``awards:`` list of a data file: ids
our schema accepts, YAML quoted as it needs, ``TODO`` with a hint where the
user decides."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..data.textchecks import PLACEHOLDER as TODO
from ..text.quoting import shown
from .references import MAX_ID_LENGTH, Imported

_NOT_ID = re.compile(r"[^a-z0-9]+")
_HINTS = {
    "level": "the id of one of your levels",
    "track": "the id of one of your tracks",
    "theme": "the id of one of your themes",
    "summary": "one sentence of your own for the card",
    "description": "a paragraph of your own for the card (the file's abstract, if any, is kept as abstract)",
    "url": "the paper's address (the file has none)",
}


def award_id(key: str, taken: set[str]) -> str:
    """An id our schema accepts, from a citation key: ``Vaswani2017:Attention``
    becomes ``vaswani2017-attention``; repeats get ``-2``, ``-3``."""
    base = _NOT_ID.sub("-", key.lower()).strip("-")[: MAX_ID_LENGTH - 4].strip("-") or "award"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _scalar(value: object) -> str:
    """A YAML scalar or flow list on one line, quoted as YAML needs."""
    import yaml

    return (
        yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=float("inf"))
        .removesuffix("\n...\n")
        .rstrip("\n")
    )


def entries_yaml(imported: Imported, source: str, defaults: dict[str, str] | None = None) -> str:
    """The entries as the ``awards:`` list of a data file, ``TODO`` where the
    user must write something (with a comment saying what)."""
    defaults = defaults or {}
    taken: set[str] = set()
    name = shown(Path(source).name)  # a line break in it would end the comment
    lines = [
        f"# {len(imported.entries)} award(s) imported from {name} by sphinx-awards import.",
        f"# Replace each {TODO}, then put the entries under 'awards:' in your data file;",
        "# 'sphinx-awards check' names every one left, with its line.",
        "awards:",
    ]
    for entry in imported.entries:
        values: dict[str, object] = {
            "id": award_id(entry.key, taken),
            "title": entry.title or TODO,
            "level": defaults.get("level") or TODO,
            "track": defaults.get("track") or TODO,
            "theme": defaults.get("theme") or TODO,
            "summary": TODO,
            "tags": entry.keywords,
            "description": TODO,
            "authors": entry.authors or [TODO],
            "url": entry.url or TODO,
        }
        paper = {
            "venue": entry.venue,
            "year": entry.year,
            "date": entry.date,
            "doi": entry.doi,
            "arxiv": entry.arxiv,
            "pdf": entry.pdf,
        }
        values.update((key, value) for key, value in paper.items() if value)
        if entry.abstract:
            values["abstract"] = entry.abstract
        for number, (name, value) in enumerate(values.items()):
            hint = f"  # {_HINTS[name]}" if value == TODO and name in _HINTS else ""
            lines.append(f"{'  - ' if number == 0 else '    '}{name}: {_scalar(value)}{hint}")
        lines += [f"    # not imported: {_unplaced(name, value)}" for name, value in entry.unplaced]
    return "\n".join(lines) + "\n"


def _unplaced(name: object, value: object) -> str:
    """A field no key holds, for a comment: one line, printable, short."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    written = shown(f"{name} = {' '.join(text.split())}")
    return written if len(written) <= 120 else written[:119] + "…"
