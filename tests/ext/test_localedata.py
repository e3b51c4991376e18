"""The language tables (``localedata.py``) answer as Babel and num2words do,
for every language they hold: plural and ordinal categories, direction, small
numbers, long dates and number words. A build then needs neither library's
data for a plain language code."""

from __future__ import annotations

import datetime

import pytest
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

from sphinx_awards.text.language import SPELLOUT_LIMIT, Language
from sphinx_awards.text.localedata import LONG_DATES, NUMBER_WORDS, PLURAL_RULES

COUNTS = [*range(0, 130), 200, 1000, 1001, 100_000, 1_000_000]
DAYS = [datetime.date(2025, month, day) for month in range(1, 13) for day in (1, 9, 28)] + [
    datetime.date(1999, 12, 31),
    datetime.date(2030, 2, 3),
]


def test_the_tables_hold_the_languages_sites_use():
    assert {"en", "de", "fr", "ja", "zh", "ar", "he", "ru", "pt", "es", "ko", "hi"} <= set(PLURAL_RULES)
    assert {"en", "de", "fr", "ja", "ru", "es"} <= set(LONG_DATES)
    assert len(NUMBER_WORDS) > 40


@pytest.mark.parametrize("code", sorted(PLURAL_RULES))
def test_counts_and_direction_are_babels(code):
    language, locale = Language(code), Locale.parse(code)
    assert [language.plural_category(n) for n in COUNTS] == [locale.plural_form(n) for n in COUNTS]
    assert [language.ordinal_category(n) for n in COUNTS] == [locale.ordinal_form(n) for n in COUNTS]
    assert language.right_to_left == (locale.character_order == "right-to-left")
    assert [language.number(n) for n in (0, 7, 42, 999, 1000, 12345)] == [
        format_decimal(n, locale=locale) for n in (0, 7, 42, 999, 1000, 12345)
    ]


@pytest.mark.parametrize("code", sorted(LONG_DATES))
def test_long_dates_are_babels(code):
    language, locale = Language(code), Locale.parse(code)
    expected = [format_date(day, "long", locale=locale) for day in DAYS]
    assert [language.long_date(day) for day in DAYS] == expected


@pytest.mark.parametrize("code", sorted(NUMBER_WORDS))
def test_number_words_are_num2words(code):
    assert [Language(code).spellout(n) for n in range(SPELLOUT_LIMIT + 1)] == [
        num2words(n, lang=code) for n in range(SPELLOUT_LIMIT + 1)
    ]


def test_a_plain_language_build_loads_neither_babels_data_nor_num2words():
    """What the tables are for: in a fresh interpreter, filling in counts,
    words, dates and the direction for English and German imports neither."""
    import subprocess
    import sys

    script = (
        "import datetime, sys\n"
        "import babel.localedata\n"
        "loaded = []\n"
        "babel.localedata.load = lambda name, *args, **kwargs: loaded.append(name)\n"
        "from sphinx_awards.text.messages import Language\n"
        "for code in ('en', 'de'):\n"
        "    language = Language(code)\n"
        "    language.plural_category(3), language.ordinal_category(2), language.spellout(4)\n"
        "    language.number(7), language.long_date(datetime.date(2025, 11, 26)), language.right_to_left\n"
        "print(loaded, 'num2words' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert result.strip() == "[] False"
