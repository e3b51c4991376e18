"""Builds that are exact: incremental re-reads, parallel and reproducible output."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from helpers import copy_root, parse_html, strip_colors


@pytest.fixture
def site(tmp_path, rootdir):
    """A copy of the embed root that tests edit, built with fresh apps each time."""
    srcdir = tmp_path / "src"
    copy_root("embed", srcdir)
    return srcdir


def build_reporting(make_app, srcdir: Path, builddir: Path, **kwargs) -> tuple[list[str], list[str], Path]:
    """Build; return the documents Sphinx read (from its own output), the
    warning lines and the outdir."""
    app = make_app("html", srcdir=srcdir, builddir=builddir, **kwargs)
    app.build()
    status = strip_colors(app.status.getvalue())
    read = re.findall(r"reading sources\.\.\. \[\s*\d+%\] (.+)", status)
    warnings = [line for line in strip_colors(app.warning.getvalue()).splitlines() if line.strip()]
    outdir = app.outdir
    app.cleanup()
    return read, warnings, outdir


def build(make_app, srcdir: Path, builddir: Path, **kwargs) -> tuple[list[str], Path]:
    """Build a site that must give no warning; return the documents read and the outdir."""
    read, warnings, outdir = build_reporting(make_app, srcdir, builddir, **kwargs)
    assert warnings == []
    return read, outdir


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_rebuild_with_nothing_changed_reads_nothing(make_app, site, tmp_path):
    first, _ = build(make_app, site, tmp_path / "build")
    assert len(first) == 7
    again, _ = build(make_app, site, tmp_path / "build")
    assert again == []


def test_editing_the_data_rereads_the_pages_that_embed_it_or_link_to_it(make_app, site, tmp_path):
    build(make_app, site, tmp_path / "build")
    edit(site / "awards.yaml", "title: Second Paper", "title: Second Paper, Renamed")
    read, outdir = build(make_app, site, tmp_path / "build")
    # filters and index embed awards.yaml; refs and more/deep only link to its cards.
    assert read == ["filters", "index", "more/deep", "refs"]
    links = [a.get_text() for a in parse_html(outdir / "refs.html").select("a.reference.internal")]
    assert "Second Paper, Renamed" in links


def test_editing_another_data_file_rereads_only_its_pages(make_app, site, tmp_path):
    build(make_app, site, tmp_path / "build")
    edit(site / "y2024.yaml", "title: An Old Paper", "title: An Older Paper")
    read, outdir = build(make_app, site, tmp_path / "build")
    assert read == ["refs", "year2024"]
    links = [a.get_text() for a in parse_html(outdir / "refs.html").select("a.reference.internal")]
    assert "An Older Paper" in links


def _files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def test_parallel_build_gives_the_same_output_as_serial(make_app, site, tmp_path):
    _, serial = build(make_app, site, tmp_path / "serial")
    chunks, parallel = build(make_app, site, tmp_path / "parallel", parallel=2)
    assert any(" .. " in chunk for chunk in chunks)  # Sphinx read in parallel chunks
    serial_files, parallel_files = _files(serial), _files(parallel)
    assert serial_files.keys() == parallel_files.keys()
    different = [name for name in serial_files if serial_files[name] != parallel_files[name]]
    assert different == []


def test_two_clean_builds_are_byte_identical(make_app, site, tmp_path):
    _, first = build(make_app, site, tmp_path / "first")
    _, second = build(make_app, site, tmp_path / "second")
    first_files, second_files = _files(first), _files(second)
    assert first_files.keys() == second_files.keys()
    assert [name for name in first_files if first_files[name] != second_files[name]] == []


def test_a_data_file_restored_with_an_old_time_rebuilds_its_pages(make_app, site, tmp_path):
    """Sphinx compares times; a file moved back (cp -p, rsync, tar) is older
    than the last build, yet its content decides."""
    build(make_app, site, tmp_path / "build")
    data = site / "awards.yaml"
    aside = tmp_path / "aside.yaml"
    shutil.move(data, aside)
    read, warnings, outdir = build_reporting(make_app, site, tmp_path / "build")
    assert "index" in read
    assert any("cannot read the data file" in warning for warning in warnings)
    assert parse_html(outdir / "index.html").select("article.award-card") == []
    shutil.move(aside, data)
    os.utime(data, (1_000_000_000, 1_000_000_000))  # 2001: older than every build
    read, warnings, outdir = build_reporting(make_app, site, tmp_path / "build")
    assert warnings == []
    assert {"filters", "index"} <= set(read)
    assert len(parse_html(outdir / "index.html").select("article.award-card")) > 0


def test_each_data_problem_is_reported_once_serial_or_parallel(make_app, site, tmp_path):
    edit(site / "awards.yaml", "title: Second Paper", "titel: Second Paper\n    title: Second Paper")
    _, serial, _ = build_reporting(make_app, site, tmp_path / "serial")
    chunks, parallel, _ = build_reporting(make_app, site, tmp_path / "parallel", parallel=2)
    assert any(" .. " in chunk for chunk in chunks)  # Sphinx read in parallel chunks
    assert len(serial) == 1
    assert "unknown key 'titel'" in serial[0]
    assert parallel == serial
