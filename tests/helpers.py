"""Helpers the tests import: paths, Sphinx's output without terminal codes, HTML parsing."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path
from typing import NoReturn

import pytest
from bs4 import BeautifulSoup

TESTS = Path(__file__).parent
REPO = TESTS.parent
ROOTS = TESTS / "roots"


#: Themes of the matrix whose releases need their own Python and pins: each
#: built with the Python of the environment ``make test`` makes for it (the
#: Makefile's THEME_ENVS, from roots/test-themes/environments/), the
#: extension from the source folder.
OWN_ENVIRONMENTS = tuple(path.stem for path in sorted((ROOTS / "test-themes" / "environments").glob("*.txt")))


def theme_python(theme: str) -> tuple[Path, dict[str, str]]:
    """The Python that builds a site in ``theme``, and what its environment adds."""
    if theme in OWN_ENVIRONMENTS:
        return REPO / ".venv" / "themes" / theme / "bin" / "python", {"PYTHONPATH": str(REPO / "_ext")}
    return Path(sys.executable), {}


def require_theme_environment(theme: str) -> None:
    """Skip (fail in CI) where ``theme``'s own environment has not been made."""
    if not theme_python(theme)[0].exists():
        skip_or_fail(
            "AWARDS_REQUIRE_BROWSER",
            f"the {theme} theme's environment is missing: make test makes it (with Python 3.12)",
        )


def strip_colors(text: str) -> str:
    """Sphinx's output without terminal codes: colours, and (where it thinks it
    writes to a terminal, as in CI) progress lines rewritten with \\r and erase codes."""
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text).replace("\r", "\n")


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _spoken_text(element) -> str:
    """Text of ``element`` without its aria-hidden parts."""
    return "".join(
        text
        for text in element.find_all(string=True)
        if not any(parent.get("aria-hidden") == "true" for parent in text.parents if parent.name)
    )


def accessible_name(page, element) -> str:
    """A link's name as a screen reader computes it (for our markup): the
    elements aria-labelledby names, else its own text; aria-hidden parts left out."""
    targets = [page.find(id=ref) for ref in element.get("aria-labelledby", "").split()] or [element]
    return " ".join(" ".join(_spoken_text(target) for target in targets).split())


def visible_text(element) -> str:
    """The text a sighted reader sees: no screen-reader-only text, no ¶ links."""
    for hidden in element.select(".awards-sr-only, .headerlink"):
        hidden.decompose()
    return " ".join(element.get_text(" ").split())


def inventory(path: Path, base: str = "https://example.org/awards") -> dict[str, dict[str, tuple[str, str]]]:
    """objects.inv as {type: {name: (address, title)}}, read by Sphinx's own loader
    (its items are named tuples before Sphinx 8.2, objects after)."""
    from sphinx.util.inventory import InventoryFile

    with path.open("rb") as stream:
        loaded = InventoryFile.load(stream, base, lambda base, uri: f"{base}/{uri}")
    return {
        kind: {
            name: (item.uri, item.display_name) if hasattr(item, "uri") else (item[2], item[3])
            for name, item in items.items()
        }
        for kind, items in loaded.items()
    }


#: The data file the roots that show the same cards share (basic, embed,
#: myst, themes: theirs link to it).
SHARED_DATA = ROOTS / "test-basic" / "awards.yaml"


def copy_root(name: str, destination: Path) -> Path:
    """A copy of ``roots/test-NAME`` for a test that edits its sources (the
    shared data file is copied, not linked)."""
    shutil.copytree(ROOTS / f"test-{name}", destination)
    return destination


def skip_or_fail(required_by: str, message: str, *, allow_module_level: bool = False) -> NoReturn:
    """A tool the test needs is missing: a failure where the environment
    variable ``required_by`` is set (``.ci/run`` sets ``AWARDS_REQUIRE_TEX``,
    ``_BROWSER``, ``_VALIDATORS``, ``_ICU``), else a skip that says what to install."""
    if os.environ.get(required_by):
        pytest.fail(f"required ({required_by}) but missing: {message}")
    pytest.skip(message, allow_module_level=allow_module_level)
