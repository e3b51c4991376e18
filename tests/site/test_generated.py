"""Generated files are what their generators write today."""

from __future__ import annotations

import sys

from helpers import REPO


def test_the_compiled_schema_is_current():
    """``schema_code.py`` is the schema as it is now, compiled (``make schema``)."""
    sys.path.insert(0, str(REPO / "tools"))
    import compile_schema

    committed = (REPO / "_ext" / "sphinx_awards" / "data" / "schema_code.py").read_text(encoding="utf-8")
    assert committed == compile_schema.code(), "the schema changed: run make schema"


def test_the_language_tables_are_current():
    """``localedata.py`` is what Babel and num2words say today (``make localedata``)."""
    sys.path.insert(0, str(REPO / "tools"))
    import generate_localedata

    committed = (REPO / "_ext" / "sphinx_awards" / "text" / "localedata.py").read_text(encoding="utf-8")
    assert committed == generate_localedata.code(), "Babel or num2words changed: run make localedata"
