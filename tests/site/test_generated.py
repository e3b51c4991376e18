"""Generated files are what their generators write today."""

from __future__ import annotations

import sys

from helpers import REPO, skip_or_fail


def test_the_compiled_schema_is_current():
    """``schema_code.py`` is the schema as it is now, compiled (``make schema``)."""
    sys.path.insert(0, str(REPO / "tools"))
    import compile_schema

    committed = (REPO / "_ext" / "sphinx_awards" / "data" / "schema_code.py").read_text(encoding="utf-8")
    assert committed == compile_schema.code(), "the schema changed: run make schema"


def test_the_number_words_are_current():
    """``number_words.json`` is what ICU's spellout rules say today (``make number-words``)."""
    try:
        import icu  # noqa: F401
    except ImportError:
        skip_or_fail("AWARDS_REQUIRE_ICU", "PyICU is not installed (apt-get install libicu-dev pkg-config)")
    sys.path.insert(0, str(REPO / "tools"))
    import generate_number_words

    committed = (REPO / "_ext" / "sphinx_awards" / "text" / "number_words.json").read_text(encoding="utf-8")
    assert committed == generate_number_words.text(), "ICU changed: run make number-words"
