"""``-j``: the data file is parsed and checked once, before Sphinx forks its readers."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import parse_html


@pytest.mark.sphinx("html", testroot="parallel", parallel=2)
def test_parallel_readers_share_one_check_of_the_data_file(app, monkeypatch, tmp_path):
    """Nine pages read by two workers show cards of one file: it is parsed
    once (in the main process; each forked worker finds the result in
    memory), where each worker parsed it again before."""
    from sphinx_awards.data import checked, yamlparse

    monkeypatch.setattr(checked, "_in_memory", {})
    calls = tmp_path / "parsed"  # appended to by any process, forked workers too
    parse = yamlparse.parse_bytes

    def counted(path: str, raw: bytes, located: frozenset[str] | None = None):
        with calls.open("a", encoding="utf-8") as file:
            file.write(f"{path}\n")
        return parse(path, raw, located)

    monkeypatch.setattr(yamlparse, "parse_bytes", counted)
    app.build()
    assert app.parallel == 2
    assert [Path(line).name for line in calls.read_text(encoding="utf-8").splitlines()] == ["awards.yaml"]
    for page in ("index", *(f"page{number}" for number in range(1, 9))):
        assert parse_html(app.outdir / f"{page}.html").select("article.award-card"), page
