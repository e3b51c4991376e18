"""``python -m sphinx_awards check``: the build's messages, for pre-commit and CI."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO, TESTS

ENV = {**os.environ, "PYTHONPATH": str(REPO / "_ext")}


def check(*files: str, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx_awards", "check", *files],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=cwd,
        check=False,
    )


def test_valid_file_passes_silently():
    result = check("awards.yaml")
    assert (result.returncode, result.stdout) == (0, "")


def test_default_file_is_awards_yaml(tmp_path):
    (tmp_path / "awards.yaml").write_text("- not a mapping\n", encoding="utf-8")
    result = check(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("awards.yaml:1:1: the top level must be a mapping")


def test_problems_print_as_path_line_column_and_exit_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = (TESTS / "roots" / "test-data-errors" / "awards.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("title: First Paper", "titel: First Paper"), encoding="utf-8")
    result = check(str(bad), "missing.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    unknown = f"{bad}:20:5: award 'first': unknown key 'titel'; did you mean 'title'?"
    assert any(line.startswith(unknown) and line.endswith("[awards.unknown-key]") for line in lines)
    assert any(
        line.startswith(f"{bad}:19:5: award 'first': the required key 'title' is missing") for line in lines
    )
    assert lines[-1].startswith("missing.yaml:1:1: cannot read the data file")
    assert "problem(s) in 2 file(s)" in result.stderr
