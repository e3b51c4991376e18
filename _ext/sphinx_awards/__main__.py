"""``python -m sphinx_awards check [FILE...]``: check data files without Sphinx.

Prints one ``path:line:col: message [awards.subtype]`` line per problem, the
same messages a Sphinx build gives, and exits with 1 if there was any: a
pre-commit hook or a CI step.
"""

from __future__ import annotations

import argparse
import sys

from .validation import load_awards


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_awards", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check awards data files")
    check.add_argument("files", nargs="*", default=["awards.yaml"], metavar="FILE")
    arguments = parser.parse_args(argv)

    problems = [problem for path in arguments.files for problem in load_awards(path).problems]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {len(arguments.files)} file(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
