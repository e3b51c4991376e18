"""The ``sphinx-awards`` command (also ``python -m sphinx_awards``).

``sphinx-awards check [FILE...]`` checks data files without Sphinx: one
``path:line:col: message [awards.subtype]`` line per problem, the same messages
a Sphinx build gives, and exit status 1 if there was any (for pre-commit or CI).

``sphinx-awards init [FILE]`` writes a starter data file to edit, and the
JSON Schema beside it for editors; ``sphinx-awards schema`` prints where the
installed package keeps the schema, or writes a copy (``--write DIR``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..package import SCHEMA_DIR, STARTER, __version__
from ..publish.exports import FORMATS
from ..text.quoting import shown
from .references import IMPORT_FORMATS

#: The schema's name beside a data file, as ``init`` and ``schema --write`` put it.
SCHEMA_NAME = "awards.schema.json"
#: The first line of a data file that tells editors (the YAML language server) its schema.
MODELINE = "# yaml-language-server: $schema={}\n"


def check(paths: list[str]) -> int:
    from ..data.checked import load_awards

    problems = 0
    for path in paths:
        result = load_awards(path)
        for problem in result.problems:
            print(problem)
        problems += len(result.problems)
        if not result.problems and result.data is not None:
            print(f"{path}: no problems ({len(result.data.awards):,} awards)")
    if problems:
        print(f"{problems} problem(s) in {len(paths)} file(s)", file=sys.stderr)
    return 1 if problems else 0


def export(paths: list[str], format_name: str) -> int:
    """The files' awards on standard output; problems go to standard error
    (exit status 1), and what they leave out is left out here too."""
    from ..data.checked import load_awards
    from ..publish.exports import export as exported

    files, failed = [], False
    for path in paths:
        result = load_awards(path)
        for problem in result.problems:
            print(problem, file=sys.stderr)
        failed = failed or bool(result.problems)
        if result.data is not None:  # entries with mistakes are left out, as a build leaves them
            files.append(result.data)
    sys.stdout.write(exported(files, format_name))
    return 1 if failed else 0


def import_references(path: str, format_name: str | None, defaults: dict[str, str]) -> int:
    """Award entries on standard output; entries that cannot be read are
    named on standard error (exit status 1), the others still written."""
    from .entries import entries_yaml
    from .importer import read_references

    imported = read_references(path, format_name)
    for problem in imported.problems:
        print(problem, file=sys.stderr)
    if imported.entries:
        sys.stdout.write(entries_yaml(imported, path, defaults))
    elif not imported.problems:
        print(f"{path}: no entries to import", file=sys.stderr)
    return 1 if imported.problems or not imported.entries else 0


def _schema_text() -> str:
    return (SCHEMA_DIR / SCHEMA_NAME).read_text("utf-8")


def schema(folder: str | None, *, force: bool = True) -> int:
    """The installed schema's path, or a copy written into ``folder``."""
    if folder is None:
        print(SCHEMA_DIR / SCHEMA_NAME)
        return 0
    if not Path(folder).is_dir():
        return _refuse(f"{shown(folder)} is not a directory; name the folder of your data file")
    target = Path(folder) / SCHEMA_NAME
    refused = _refusal(target, force=force) or _write(target, _schema_text())
    if refused:
        return _refuse(refused)
    print(f"wrote {shown(str(target))}; make this the first line of the data file:")
    print(MODELINE.format(SCHEMA_NAME), end="")
    return 0


def init(path: str, *, force: bool) -> int:
    """Write the starter file, and the schema beside it unless one is there;
    every refusal is one line and exit status 1, never a traceback, and
    nothing is written unless both can be."""
    target = Path(path)
    if target.is_dir() and not target.is_symlink():
        return _refuse(
            f"{shown(path)} is a directory; name a file in it, such as {shown(str(target / 'awards.yaml'))}"
        )
    if not target.parent.is_dir():
        parent = shown(str(target.parent))
        return _refuse(f"{parent} is not a directory; create it first (mkdir -p {parent})")
    schema_copy = target.parent / SCHEMA_NAME
    keep_schema = schema_copy.is_file() and not schema_copy.is_symlink() and not force
    refused = _refusal(target, force=force) or (None if keep_schema else _refusal(schema_copy, force=force))
    if refused:
        return _refuse(refused)
    starter = STARTER.read_text("utf-8")
    refused = _write(target, MODELINE.format(SCHEMA_NAME) + starter) or (
        None if keep_schema else _write(schema_copy, _schema_text())
    )
    if refused:
        return _refuse(refused)
    print(
        f"wrote {shown(path)} (and {shown(str(schema_copy))}, for editors that complete its keys): add "
        "'sphinx_awards' to extensions in conf.py and '.. awards::' to a page"
    )
    return 0


def _refusal(path: Path, *, force: bool) -> str | None:
    """Why ``path`` is not written, or None: never through a symbolic link
    (a dangling one too: its target would be made), never over what is not
    a regular file, never over a file without ``--force``."""
    name = shown(str(path))
    if path.is_symlink():
        return f"{name} is a symbolic link; name the file itself (nothing is written through a link)"
    if path.exists() and not path.is_file():
        return f"{name} exists and is not a regular file; name another file"
    if path.exists() and not force:
        return f"{name} exists already; pass --force to replace it"
    return None


def _write(path: Path, text: str) -> str | None:
    """Write ``text``; why it failed, or None. Opened without following a
    link made since ``_refusal`` looked (``O_NOFOLLOW``)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        return f"cannot write {shown(str(path))}: {error.strerror or error}"
    return None


def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _data_files_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="*", default=["awards.yaml"], metavar="FILE", help="a data file (default: awards.yaml)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphinx-awards", description="Award cards for Sphinx: data files.")
    parser.add_argument("--version", action="version", version=f"sphinx-awards {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser(
        "check",
        help="check awards data files, as a build would",
        description="Check data files with the messages a Sphinx build gives: one "
        "'path:line:col: message [awards.subtype]' line per problem; exit status 1 if there is any.",
    )
    _data_files_argument(check_parser)
    init_parser = commands.add_parser(
        "init",
        help="write a starter data file",
        description="Write a starter data file with two awards to edit, and the JSON Schema beside it.",
    )
    init_parser.add_argument(
        "file",
        nargs="?",
        default="awards.yaml",
        metavar="FILE",
        help="the file to write (default: awards.yaml)",
    )
    init_parser.add_argument("--force", action="store_true", help="replace an existing file")
    schema_parser = commands.add_parser(
        "schema",
        help="where the data file's JSON Schema is",
        description="Print the path of the installed JSON Schema, or write a copy into a folder "
        "(for the '# yaml-language-server: $schema=...' line editors read).",
    )
    schema_parser.add_argument("--write", metavar="DIR", help="write awards.schema.json into DIR")
    export_parser = commands.add_parser(
        "export",
        help="write the awards as JSON, BibTeX, RIS or CSL-JSON",
        description="Print the awards of data files in another format: json (everything, as "
        "awards.json), bibtex, ris or csl (CSL-JSON, as Zotero reads it).",
    )
    export_parser.add_argument("--format", choices=FORMATS, default="json")
    _data_files_argument(export_parser)
    import_parser = commands.add_parser(
        "import",
        help="write award entries from BibTeX, CSL-JSON or RIS",
        description="Print award entries for a data file from a BibTeX or RIS file (needs the 'import' "
        "extra: pip install 'sphinx-awards[import]') or CSL-JSON (Zotero's export): the title, authors, "
        "address, abstract, keywords and the paper's record it holds; TODO where you decide (level, "
        "track, theme, summary); the fields no key holds are named.",
    )
    import_parser.add_argument("file", metavar="FILE", help="a .bib, .json or .ris file")
    import_parser.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="the file's format (default: csl for .json, ris for .ris, else bibtex)",
    )
    for key in ("level", "track", "theme"):
        import_parser.add_argument(f"--{key}", metavar="ID", help=f"the {key} of every entry (default: TODO)")
    arguments = parser.parse_args(argv)
    if arguments.command == "import":
        defaults = {key: getattr(arguments, key) or "" for key in ("level", "track", "theme")}
        return import_references(arguments.file, arguments.format, defaults)
    if arguments.command == "export":
        return export(arguments.files, arguments.format)
    if arguments.command == "init":
        return init(arguments.file, force=arguments.force)
    if arguments.command == "schema":
        return schema(arguments.write)
    return check(arguments.files)


if __name__ == "__main__":
    sys.exit(main())
