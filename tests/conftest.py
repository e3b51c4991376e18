"""Shared fixtures: Sphinx's own test fixtures, our test roots, an HTML parser."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

# In CI the property tests replay the same examples every run, so that a
# submission's result does not depend on chance; locally they explore.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
REPO = TESTS.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=NAME)`` finds ``roots/test-NAME``."""
    return TESTS / "roots"


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
