"""The benchmark harness runs (a smoke test at a tiny N: timings are never tested)."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_harness_writes_its_table(tmp_path):
    output = tmp_path / "results.rst"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench.py"),
            "--sizes",
            "5",
            "--runs",
            "1",
            "--output",
            str(output),
        ],
        check=True,
        capture_output=True,
    )
    rows = []
    for line in output.read_text(encoding="utf-8").splitlines():
        if line.startswith("   * - "):
            rows.append([line.removeprefix("   * - ")])
        elif line.startswith("     - "):
            rows[-1].append(line.removeprefix("     - "))
    header, *data = rows
    assert [row[1] for row in data] == ["ours", "plain", "design"]
    assert all(len(row) == len(header) for row in data)
    ours = dict(zip(header, data[0], strict=True))
    assert 0 < float(ours["CSS (KB)"]) <= 8  # the stylesheet's budget: a size, not a timing
    assert float(ours["JS (KB)"]) <= 2
