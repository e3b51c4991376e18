"""The ``sphinx-awards`` command (also ``python -m sphinx_awards``).

``sphinx-awards check [FILE...]`` checks data files without Sphinx: one
``path:line:col: message [awards.subtype]`` line per problem, the same messages
a Sphinx build gives, and exit status 1 if there was any (for pre-commit or CI).

``sphinx-awards init [FILE]`` writes a starter data file to edit.
"""

from __future__ import annotations

import argparse
import sys
from importlib.resources import files
from pathlib import Path

from . import __version__


def check(paths: list[str]) -> int:
    from .checked import load_awards

    problems = [problem for path in paths for problem in load_awards(path).problems]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {len(paths)} file(s)", file=sys.stderr)
    return 1 if problems else 0


def init(path: str, *, force: bool) -> int:
    """Write the starter file; every refusal is one line and exit status 1, never a traceback."""
    target = Path(path)
    if target.is_symlink():
        return _refuse(f"{path} is a symbolic link; name the file itself (nothing is written through a link)")
    if target.is_dir():
        return _refuse(f"{path} is a directory; name a file in it, such as {target / 'awards.yaml'}")
    if target.exists() and not force:
        return _refuse(f"{path} exists already; pass --force to replace it")
    if not target.parent.is_dir():
        return _refuse(f"{target.parent} is not a directory; create it first (mkdir -p {target.parent})")
    try:
        target.write_text(files(__package__).joinpath("starter.yaml").read_text("utf-8"), encoding="utf-8")
    except OSError as error:
        return _refuse(f"cannot write {path}: {error.strerror or error}")
    print(f"wrote {path}: add 'sphinx_awards' to extensions in conf.py and '.. awards::' to a page")
    return 0


def _refuse(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sphinx-awards", description="Award cards for Sphinx: data files.")
    parser.add_argument("--version", action="version", version=f"sphinx-awards {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="check awards data files, as a build would")
    check_parser.add_argument("files", nargs="*", default=["awards.yaml"], metavar="FILE")
    init_parser = commands.add_parser("init", help="write a starter data file")
    init_parser.add_argument("file", nargs="?", default="awards.yaml", metavar="FILE")
    init_parser.add_argument("--force", action="store_true", help="replace an existing file")
    arguments = parser.parse_args(argv)
    if arguments.command == "init":
        return init(arguments.file, force=arguments.force)
    return check(arguments.files)


if __name__ == "__main__":
    sys.exit(main())
