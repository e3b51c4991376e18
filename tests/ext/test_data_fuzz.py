"""Random damage to a valid data file never crashes anything.

Hypothesis deletes, duplicates and swaps lines and types stray characters
into the file; whatever it makes, checking it never raises, every message has
a file, a line and a column, and a Sphinx build of it succeeds.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from helpers import TESTS, copy_root
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinx_awards.data.model import flow
from sphinx_awards.data.validation import check_document
from sphinx_awards.data.yamlparse import parse_yaml
from sphinx_awards.extension.selection import GROUPINGS
from sphinx_awards.render import tree as render
from sphinx_awards.text.language import Language, TextLanguages

ROOT = TESTS / "roots" / "test-data-errors"
BASE_LINES = (ROOT / "awards.yaml").read_text(encoding="utf-8").splitlines()
STRAY = st.sampled_from(
    [
        *(":", "-", "[", "]", "{", "}", '"', "'", "&a", "*a", "!!str", "#", "\t", " ", "x", "", "é", "๐Ÿ"),
        # hostile: escapes for control characters and line breaks, format specs,
        # merges, raw control characters, huge numbers, deep nesting
        *('"\\x07"', '"a\\nb"', '"\\u2028"', "{papers:>99}", "{papers.real}", "<<: *a", "\x00", "\x1b"),
        *("9" * 5000, "[" * 200, "&b [*b]", "\u212a", "//evil.example", "javascript:x"),
    ]
)
#: ``AWARDS_FUZZ_EXAMPLES=10000`` for a long run by hand; CI replays a fixed 300.
EXAMPLES = int(os.environ.get("AWARDS_FUZZ_EXAMPLES", "300"))
LOCATED_WARNING = re.compile(r"^\S+:\d+(:\d+)?: WARNING: .+ \[awards\.[a-z-]+\]$")


@st.composite
def damaged_files(draw) -> str:
    lines = list(BASE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "stray", "truncate"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "stray":
            column = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:column] + draw(STRAY) + lines[index][column:]
        else:
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


@settings(max_examples=EXAMPLES, deadline=None)
@given(damaged_files())
def test_checking_never_raises_and_locates_every_problem(text):
    result = check_document(parse_yaml("awards.yaml", text))
    line_count = text.count("\n") + 1
    for problem in result.problems:
        assert problem.path == "awards.yaml"
        assert 1 <= problem.line <= line_count
        assert problem.column >= 1
        assert problem.message
    if result.data is not None:
        english = TextLanguages(Language("en"), Language("en"))
        render.summary(result.data, result.data.awards, 1, english)
        render.legend(result.data, result.data.themes, 2, english)
        for group_by in GROUPINGS:
            render.groups(result.data, result.data.awards, 2, english, group_by)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damaged_files())
def test_sphinx_build_never_raises(text):
    with tempfile.TemporaryDirectory() as tmp:
        srcdir = Path(tmp) / "src"
        copy_root("data-errors", srcdir)
        (srcdir / "awards.yaml").write_text(text, encoding="utf-8")
        app = SphinxTestApp("html", srcdir=srcdir, builddir=Path(tmp) / "build")
        try:
            app.build()
            warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
            assert all(LOCATED_WARNING.match(w) for w in warnings if w.strip()), warnings
            assert (app.outdir / "other.html").is_file()
        finally:
            app.cleanup()


@given(st.text(alphabet="ab \t\n\r", max_size=40))
def test_flow_joins_lines_as_the_plain_rule_says(text):
    """``flow`` (linear: one match per run of blanks) gives what the plain
    rule gives: each run of blanks holding a line break is one space, and
    every other tab a space."""
    plain = re.sub(r"[ \t]*\n[ \t\n]*|\t", " ", text)
    assert flow(text) == plain
