"""Shared fixtures: Sphinx's own test fixtures, our test roots, an HTML parser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
REPO = TESTS.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=NAME)`` finds ``roots/test-NAME``."""
    return TESTS / "roots"


def strip_colors(text: str) -> str:
    """Sphinx colours its warnings even into a StringIO."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def visible_text(element) -> str:
    """The text a sighted reader sees: no screen-reader-only text, no ¶ links."""
    for hidden in element.select(".awards-sr-only, .headerlink"):
        hidden.decompose()
    return " ".join(element.get_text(" ").split())
