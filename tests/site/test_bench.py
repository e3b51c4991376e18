"""The benchmark harness runs (a smoke test at a tiny N: timings are never tested)."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from helpers import REPO


def _tables(text: str) -> list[list[list[str]]]:
    """The reST list-tables of the results file, each a list of rows."""
    tables = []
    for line in text.splitlines():
        if line.startswith(".. list-table::"):
            tables.append([])
        elif line.startswith("   * - "):
            tables[-1].append([line.removeprefix("   * - ")])
        elif line.startswith("     - "):
            tables[-1][-1].append(line.removeprefix("     - "))
    return tables


def test_harness_writes_its_tables(tmp_path):
    output = tmp_path / "results.rst"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench.py"),
            "--sizes",
            "5",
            "--runs",
            "1",
            "--small-runs",
            "1",
            "--output",
            str(output),
            "--phase-sizes",
            "5",
            "--instruction-sizes",
            "--noop-instruction-sizes",
            "--parallel-runs",
            "1",
        ],
        check=True,
        capture_output=True,
    )
    build, written, counted, phases, parallel = _tables(output.read_text(encoding="utf-8"))
    assert [row[0] for row in phases[1:]][-1] == "the whole build (profiled seconds)"
    for header, *rows in (build, written, counted):
        assert header[:2] == ["N", "build"]
        # The site's own front page first (its words as plain reST, its HTML raw), then N = 5.
        assert [row[:2] for row in rows[:3]] == [["7, front page", way] for way in ("ours", "plain", "raw")]
        assert [row[1] for row in rows[3:]] == ["ours", "ours-warm", "ours-aliased", "plain", "raw", "design"]
        assert all(len(row) == len(header) for row in rows)
    assert [row[0] for row in parallel] == ["-j", "1", "2"] and float(parallel[1][2]) == 1.0
    ours = dict(zip(written[0], written[4], strict=True))
    # Reported, not budgeted here: the budgets are on the compressed files
    # (tests/ext/test_stylesheet.py, and the script's in test_browser.py).
    assert float(ours["CSS (KB)"]) > 0 and float(ours["JS (KB)"]) > 0
    raw = json.loads(output.with_suffix(".json").read_text(encoding="utf-8"))
    assert len(raw["rows"]) == 9 and len(raw["header"]) == 23


def test_committed_results_are_the_harness_output():
    """The page shows benchmarks/results.rst: it must be what bench.py renders from its data."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import bench

    raw = json.loads((REPO / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    assert raw["header"] == bench.HEADER
    assert (REPO / "benchmarks" / "results.rst").read_text(encoding="utf-8") == bench.results_text(
        raw["rows"], raw["caption"], raw.get("phases", ""), raw.get("parallel", "")
    )


def test_every_phase_of_the_profile_names_a_function_of_the_code():
    """A phase whose file or function was moved would read 0% for ever."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import bench

    package = REPO / "_ext" / "sphinx_awards"
    for phase, file_name, function in bench.PHASES:
        if file_name == "~":  # a built-in, as cProfile names it
            continue
        (found,) = package.rglob(file_name)
        assert re.search(rf"^\s*def {function}\(", found.read_text(encoding="utf-8"), re.MULTILINE), phase
