"""Config values of the wrong type: one located warning naming the value and
the type expected, the default used, and the site still built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import copy_root, parse_html, strip_colors

from sphinx_awards.extension.config import SETTINGS

DEFAULTS = {setting.name: setting.default for setting in SETTINGS}

WRONG = [
    ("awards_data", "5"),
    ("awards_data", "None"),
    ("awards_data", "['awards.yaml']"),
    ("awards_data", "''"),
    ("awards_data", "b'awards.yaml'"),
    ("awards_json_ld", "'yes'"),
    ("awards_json_ld", "None"),
    ("awards_max_bytes", "'100'"),
    ("awards_max_bytes", "1e9"),
    ("awards_max_bytes", "-1"),
    ("awards_max_bytes", "0"),
    ("awards_max_bytes", "True"),
    ("awards_max_bytes", "None"),
    ("awards_data_dirs", "None"),
    ("awards_data_dirs", "[1]"),
    ("awards_data_dirs", "'data'"),
    ("awards_data_dirs", "('ok', None)"),
    ("awards_years", "[2024]"),
    ("awards_years", "None"),
    ("awards_years", "{2024: 5}"),
    ("awards_years", "{None: 'awards.yaml'}"),
    ("awards_years", "{2024.5: 'awards.yaml'}"),
    ("awards_exports", "'no'"),
    ("awards_exports", "0"),
    ("awards_pages", "'true'"),
    ("awards_pages", "1"),
    ("awards_pdf_languages", "'yes'"),
    ("awards_cache", "1"),
    ("awards_cache", "None"),
    ("awards_cache", "2.5"),
    ("awards_cache", "['cache']"),
]


def _site(tmp_path: Path, assignment: str) -> tuple[Path, int]:
    """The basic root with one more line in conf.py; that line's number."""
    srcdir = copy_root("basic", tmp_path / "src")
    conf = srcdir / "conf.py"
    text = conf.read_text(encoding="utf-8")
    conf.write_text(text + assignment + "\n", encoding="utf-8")
    return srcdir, text.count("\n") + 1


def _cards(app) -> list[str]:
    return [card["id"] for card in parse_html(Path(app.outdir) / "index.html").select("article.award-card")]


_BASELINE: list[list[str]] = []


@pytest.fixture
def baseline(make_app, tmp_path_factory) -> list[str]:
    """The cards of the basic root's front page, built with its own conf.py (once)."""
    if not _BASELINE:
        tmp_path = tmp_path_factory.mktemp("baseline")
        srcdir, _ = _site(tmp_path, "")
        app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
        app.build()
        assert strip_colors(app.warning.getvalue()).strip() == ""
        _BASELINE.append(_cards(app))
        app.cleanup()  # before the test's own app registers its nodes again
    assert _BASELINE[0]
    return _BASELINE[0]


def test_every_setting_is_in_the_matrix():
    assert {name for name, _ in WRONG} == set(DEFAULTS)


@pytest.mark.parametrize(("name", "value"), WRONG, ids=[f"{n}={v}" for n, v in WRONG])
def test_a_wrong_value_is_one_located_warning_and_the_default(make_app, tmp_path, baseline, name, value):
    srcdir, line = _site(tmp_path, f"{name} = {value}")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    assert getattr(app.config, name) == DEFAULTS[name]
    warnings = [w for w in strip_colors(app.warning.getvalue()).splitlines() if w.strip()]
    assert len(warnings) == 1, warnings  # Sphinx's own type warning does not follow
    location, _, message = warnings[0].partition(": WARNING: ")
    assert location == f"{srcdir / 'conf.py'}:{line}"
    assert message.startswith(f"{name} = ") and message.endswith("[awards.config]")
    assert re.search(r"is not .+; the default", message)
    assert "Traceback" not in app.status.getvalue()
    assert _cards(app) == baseline  # the site's cards, as with no such line
    assert not (srcdir / "1").exists() and not (srcdir / "2.5").exists()  # awards_cache = 1 made "1"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("awards_max_bytes", "10_000_000"),
        ("awards_data_dirs", "('.',)"),
        ("awards_years", "{2030: 'awards.yaml', '2029': 'other.yaml'}"),
        ("awards_cache", "False"),
        ("awards_data", "'awards.yaml'"),
    ],
)
def test_a_right_value_gives_no_warning(make_app, tmp_path, name, value):
    srcdir, _ = _site(tmp_path, f"{name} = {value}")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    assert strip_colors(app.warning.getvalue()).strip() == ""


def test_a_wrong_value_set_outside_conf_py_has_no_line(make_app, tmp_path):
    """A value set outside conf.py (an override): no line of conf.py to point at."""
    srcdir, _ = _site(tmp_path, "")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build", confoverrides={"awards_pages": 2})
    app.build()
    warnings = [w for w in strip_colors(app.warning.getvalue()).splitlines() if w.strip()]
    assert warnings == [
        "WARNING: awards_pages = 2 is not True or False; the default awards_pages = False is used: "
        "correct it in conf.py [awards.config]"
    ]
