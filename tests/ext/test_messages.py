"""Templates in ICU MessageFormat: right for any count, in English, German and Japanese."""

from __future__ import annotations

import pytest

from sphinx_awards.text.language import Language
from sphinx_awards.text.messages import format_message
from sphinx_awards.text.template_checks import template_error

COUNTS = (0, 1, 2, 5, 21)
TYPES = "(', plural', ', select', ', spellout', ', number')"

# The same sentence as translators would write it in each language.
TEMPLATES = {
    "en": (
        "{n, plural, =0 {No Best Papers} one {One Best Paper} other {{n, spellout, capital} Best Papers}}"
        "{other, plural, =0 {} other { (incl. {other, spellout} in {tracks})}}"
    ),
    "de": (
        "{n, plural, =0 {Keine Best Papers} one {Ein Best Paper} other {{n, spellout, capital} Best Papers}}"
        "{other, plural, =0 {} one { (davon eines in {tracks})}"
        " other { (davon {other, spellout} in {tracks})}}"
    ),
    "ja": (
        "{n, plural, =0 {最優秀論文なし} other {最優秀論文{n}本}}"
        "{other, plural, =0 {} other {（うち{tracks}で{other}本）}}"
    ),
}
EXPECTED = {
    "en": [
        "No Best Papers",
        "One Best Paper (incl. one in D&B)",
        "Two Best Papers",
        "Five Best Papers (incl. one in D&B)",
        "21 Best Papers (incl. one in D&B)",
    ],
    "de": [
        "Keine Best Papers",
        "Ein Best Paper (davon eines in D&B)",
        "Zwei Best Papers",
        "Fünf Best Papers (davon eines in D&B)",
        "21 Best Papers (davon eines in D&B)",
    ],
    "ja": [
        "最優秀論文なし",
        "最優秀論文1本（うちD&Bで1本）",
        "最優秀論文2本",
        "最優秀論文5本（うちD&Bで1本）",
        "最優秀論文21本（うちD&Bで1本）",
    ],
}


@pytest.mark.parametrize("language", ["en", "de", "ja"])
def test_counts_read_right_in_each_language(language):
    rendered = [
        format_message(TEMPLATES[language], {"n": n, "other": n % 2, "tracks": "D&B"}, Language(language))
        for n in COUNTS
    ]
    assert rendered == EXPECTED[language]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "four, 1,234 papers"), ("de", "vier, 1.234 papers"), ("ja", "四, 1,234 papers")],
)
def test_numbers_and_words_follow_the_language(language, expected):
    template = "{a, spellout}, {b} papers"
    assert format_message(template, {"a": 4, "b": 1234}, Language(language)) == expected


def test_select_picks_by_text_and_falls_back_to_other():
    template = "{kind, select, main {the main track} other {another track}}"
    assert format_message(template, {"kind": "main"}, Language("en")) == "the main track"
    assert format_message(template, {"kind": "x"}, Language("en")) == "another track"


def test_apostrophes_quote_braces_as_in_icu():
    template = "Don't write '{papers}' literally; it''s {papers}"
    assert format_message(template, {"papers": 3}, Language("en")) == "Don't write {papers} literally; it's 3"


def test_a_number_above_twenty_is_written_in_digits():
    assert format_message("{n, spellout, capital}", {"n": 20}, Language("en")) == "Twenty"
    assert format_message("{n, spellout, capital}", {"n": 1500}, Language("en")) == "1,500"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{papers", ("the argument {papers is not closed; add '}'", 0)),
        ("x }", ("a '}' closes nothing; write '}' in quotes ('}') for a literal brace", 2)),
        (
            "{n, plural, one {x}}",
            ("{n, plural, ...} needs an 'other {...}' choice, used when no other fits", 0),
        ),
        ("ab {paper}", ("unknown argument {paper}; this text may use {papers}, {n}", 4)),
        ("{papers:>9}", (f"after {{papers comes '}}' or a type {TYPES}, not ':>9}}'", 0)),
        ("{papers.__class__}", (f"after {{papers comes '}}' or a type {TYPES}, not '.__class__}}'", 0)),
        ("{ }", ("a '{' must start an argument such as {papers}; write '{' in quotes for a brace", 0)),
        ("{word[best]}", None),
    ],
)
def test_mistakes_say_what_and_where(template, expected):
    found = template_error(template, {"papers": "number", "n": "number"})
    if expected is None:
        assert found is not None
        assert "old placeholder syntax" in found[0]
    else:
        assert found == expected


def test_a_template_that_cannot_be_filled_is_shown_as_written():
    assert (
        format_message("{papers, plural, one {x}}", {"papers": 2}, Language("en"))
        == "{papers, plural, one {x}}"
    )
    assert format_message("{unknown}", {"papers": 2}, Language("en")) == "{unknown}"


@pytest.mark.parametrize(("code", "expected"), [("xx", "1,234"), ("en_XX", "1,234"), ("de-AT", "1.234")])
def test_an_unknown_or_regional_language_falls_back_without_failing(code, expected):
    """Sphinx takes any ``language``: Babel's nearest locale, else English."""
    import datetime

    language = Language(code)
    assert language.number(1234) == expected
    assert language.plural_category(1) == "one"
    assert language.long_date(datetime.date(2030, 1, 2)) in ("January 2, 2030", "2. Jänner 2030")
