"""The data texts as the gettext builder writes them into a page's ``.pot``
catalog: each at its own line of the data file (where a translator finds it,
not at the directive), and each template with a note for translators naming
its syntax (ICU MessageFormat) and the arguments to keep.

Only ``make gettext`` pays for this: the data file is parsed again there for
its lines, which the model does not keep (every other build would carry them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .translation import awards_messages

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..data.yamlsource import YamlDocument

#: The address translators are sent to for the syntax.
ICU_SYNTAX = "https://unicode-org.github.io/icu/userguide/format_parse/messages/"


def locate_messages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """For the gettext builder: one message node per data text, at its line of
    the data file (the directive's line where the text is not found as written);
    the templates' notes kept for ``note_templates``."""
    if app.builder.name != "gettext":
        return
    notes = _notes_of(app)
    for node in list(doctree.findall(awards_messages)):
        path = node.get("data_file", "")
        lines = _lines_of(app, path)
        located: list[nodes.Node] = []
        for text in node["texts"]:
            one = awards_messages(texts=[text], ready=True)
            one.source, one.line = (path, lines[text]) if text in lines else (node.source, node.line)
            if hasattr(node, "uid"):  # Sphinx's gettext builder lists only nodes given one
                one.uid = node.uid  # type: ignore[attr-defined]
            located.append(one)
        templates: list[str] = node.get("templates", [])
        for template in templates:
            notes.setdefault(template, translator_note(template))
        node.replace_self(located)


def translator_note(template: str) -> list[str]:
    """What a translator needs to know of a template: its syntax and arguments."""
    from ..text.messages import MessageSyntaxError, parse
    from ..text.quoting import listed

    note = [f"An ICU MessageFormat template ({ICU_SYNTAX})."]
    try:
        names = list(dict.fromkeys(argument.name for argument in parse(template).arguments()))
    except MessageSyntaxError:
        names = []
    if names:
        note.append(
            f"Keep {listed(['{' + name + '}' for name in names])} as written: each is filled in "
            "with a count or a name."
        )
        name = names[0]
        note.append(
            f"A plural needs a branch for each category of your language "
            f"({{{name}, plural, one {{...}} few {{...}} many {{...}} other {{...}}}}); "
            f"a number in words may take a gender ({{{name}, spellout,%spellout-cardinal-feminine}})."
        )
    return note


def note_templates(app: Sphinx, exception: Exception | None) -> None:
    """Writes the templates' notes (``#.`` comments) into the catalogs the
    gettext builder wrote, above each template's entry."""
    notes = _notes.pop(app, None)
    _lines.pop(app, None)
    if exception is not None or not notes or app.builder.name != "gettext":
        return
    for pot in Path(app.outdir).rglob("*.pot"):
        text = pot.read_text(encoding="utf-8")
        noted = with_notes(text, notes)
        if noted != text:
            pot.write_text(noted, encoding="utf-8")


def with_notes(catalog: str, notes: dict[str, list[str]]) -> str:
    """``catalog`` (a ``.pot`` file's text) with ``#.`` lines above each entry
    whose msgid has a note (an entry noted already is left as it is)."""
    entries = catalog.split("\n\n")
    for index, entry in enumerate(entries):
        msgid = _msgid(entry)
        if msgid in notes and "\n#. " not in f"\n{entry}":
            entries[index] = "\n".join(f"#. {line}" for line in notes[msgid]) + "\n" + entry
    return "\n\n".join(entries)


def _msgid(entry: str) -> str | None:
    """The msgid of a catalog entry, unescaped as Sphinx escapes it."""
    lines = entry.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith('msgid "')), None)
    if start is None:
        return None
    parts = [lines[start][6:]]
    parts += [line for line in lines[start + 1 :] if line.startswith('"')]
    quoted = "".join(part.strip()[1:-1] for part in parts)
    return quoted.replace("\\n", "\n").replace('\\"', '"').replace("\\\\", "\\")


#: Per gettext build (by application): the templates' notes, and each data
#: file's texts with their lines (parsed once a build, not once a page).
_notes: dict[Any, dict[str, list[str]]] = {}
_lines: dict[Any, dict[str, dict[str, int]]] = {}


def _notes_of(app: Sphinx) -> dict[str, list[str]]:
    return _notes.setdefault(app, {})


def _lines_of(app: Sphinx, path: str) -> dict[str, int]:
    files = _lines.setdefault(app, {})
    if path not in files:
        files[path] = _text_lines(path) if path else {}
    return files[path]


def _text_lines(path: str) -> dict[str, int]:
    """Each text of the data file, as the model writes it, and the first line it is on."""
    from ..data.files import read_bytes
    from ..data.model import flow, split_tag
    from ..data.yamlparse import parse_bytes

    raw = read_bytes(path)
    if not isinstance(raw, bytes):
        return {}
    document = parse_bytes(path, raw)
    found: dict[str, int] = {}
    for data_path, (line, _column) in document.marks.items():
        value = _value_at(document, data_path)
        if isinstance(value, str):
            for text in (value, flow(value), flow(value).strip(), split_tag(value).text):
                found.setdefault(text, line)
    return found


def _value_at(document: YamlDocument, data_path: tuple[str | int, ...]) -> object:
    value: Any = document.data
    for step in data_path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value
