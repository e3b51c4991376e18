"""The extension as a package: what it ships, what it declares, what Sphinx learns at setup."""

from __future__ import annotations

import os
from importlib import metadata, resources
from pathlib import Path

import pytest
import sphinx
from helpers import REPO

import sphinx_awards


def test_the_package_under_test_is_the_one_expected():
    """``make test-compat`` sets AWARDS_TEST_INSTALLED: the tests then run against
    the installed wheel, never against the source folder."""
    location = Path(sphinx_awards.__file__).resolve()
    if os.environ.get("AWARDS_TEST_INSTALLED"):
        assert "site-packages" in location.parts
        assert REPO / "_ext" not in location.parents
    else:
        assert location.parent == REPO / "_ext" / "sphinx_awards"


def test_one_version_number():
    assert metadata.version("sphinx-awards") == sphinx_awards.__version__


@pytest.mark.parametrize(
    "name", ["static/awards.css", "static/awards.js", "schema/awards.schema.json", "py.typed", "starter.yaml"]
)
def test_package_data_is_shipped(name):
    assert resources.files("sphinx_awards").joinpath(name).is_file()


def test_declared_sphinx_range_holds_the_running_sphinx_and_not_older_ones():
    from packaging.requirements import Requirement

    requirements = [Requirement(line) for line in metadata.requires("sphinx-awards") or []]
    declared = next(r for r in requirements if r.name.lower() == "sphinx").specifier
    assert sphinx.__version__ in declared
    minimum = ".".join(map(str, sphinx_awards.MIN_SPHINX))
    assert f"{minimum}.0" in declared
    assert "7.3.7" not in declared


def test_the_import_extra_declares_what_import_needs_and_it_is_installed():
    """``pip install 'sphinx-awards[import]'`` brings what ``sphinx-awards
    import refs.bib`` (and ``.ris``) imports (the compat sessions install the wheel so)."""
    from packaging.requirements import Requirement

    requirements = [Requirement(line) for line in metadata.requires("sphinx-awards") or []]
    extra = {r.name.lower() for r in requirements if r.marker and r.marker.evaluate({"extra": "import"})}
    assert extra == {"bibtexparser", "pylatexenc", "rispy"}
    for name in extra:
        metadata.version(name)  # raises where the extra's packages are missing


@pytest.mark.sphinx("html", testroot="basic")
def test_setup_declares_parallel_safety_and_versions(app):
    extension = app.extensions["sphinx_awards"]
    assert extension.version == sphinx_awards.__version__
    assert extension.parallel_read_safe
    assert extension.parallel_write_safe
    assert app.registry.get_envversion(app)["sphinx_awards"] == sphinx_awards.ENV_VERSION


def test_an_older_sphinx_is_refused_at_setup_with_one_clear_message(monkeypatch):
    """Below the range, setup stops before registering anything. Sphinx 7.3
    prints an ExtensionError as "Extension error:" and this one line, with no
    traceback: ``make test-compat`` checks that on a real Sphinx 7.3."""
    from sphinx.errors import ExtensionError

    class NoApp:
        def __getattr__(self, name):
            raise AssertionError(f"setup used app.{name} on a Sphinx it does not support")

    monkeypatch.setattr(sphinx, "version_info", (7, 3, 7, "final", 0))
    monkeypatch.setattr(sphinx, "__display_version__", "7.3.7")
    with pytest.raises(ExtensionError) as raised:
        sphinx_awards.setup(NoApp())
    assert str(raised.value) == (
        "sphinx-awards needs Sphinx >= 7.4 (this is Sphinx 7.3.7); upgrade with: pip install 'sphinx>=7.4'"
    )
