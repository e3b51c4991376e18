"""Numbers, counts and dates as the libraries the docs name write them:
number words as ICU's spellout rules (PyICU, where ``make test`` built it),
plural categories, digits and dates as the installed Babel."""

from __future__ import annotations

import datetime
import json

import pytest
from babel import Locale, localedata
from babel.dates import format_date
from babel.numbers import format_decimal
from helpers import skip_or_fail

from sphinx_awards.package import PACKAGE_DIR
from sphinx_awards.text import once
from sphinx_awards.text.language import DIGIT_ZERO, SPELLOUT_LIMIT, Language
from sphinx_awards.text.messages import format_message
from sphinx_awards.text.template_checks import template_error

TABLE = json.loads((PACKAGE_DIR / "text" / "number_words.json").read_text("utf-8"))
CODES = sorted(code for code in TABLE if code)
COUNTS = [*range(0, 130), 200, 1000, 1001, 100_000]


def _icu():
    try:
        import icu
    except ImportError:
        skip_or_fail("AWARDS_REQUIRE_ICU", "PyICU is not installed: apt-get install libicu-dev pkg-config")
    return icu


def test_the_table_holds_the_languages_sites_use():
    sites_use = {"en", "de", "fr", "ja", "zh", "ar", "he", "ru", "pt", "es", "ko", "hi", "uk", "sl", "pl"}
    assert sites_use <= set(CODES)
    assert TABLE[""].startswith("ICU ")


@pytest.mark.parametrize("code", CODES)
def test_number_words_are_icus_in_every_rule_set(code):
    icu = _icu()
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(code))
    language = Language(code)
    for rule_set in TABLE[code]:
        formatter.setDefaultRuleSet(rule_set)
        expected = [formatter.format(number) for number in range(SPELLOUT_LIMIT + 1)]
        assert [language.spellout(number, rule_set) for number in range(SPELLOUT_LIMIT + 1)] == expected
    # {n, spellout} is ICU's default rule set.
    message = icu.MessageFormat("{n, spellout}", icu.Locale(code))
    assert language.spellout(4) == message.format(["n"], [icu.Formattable(4)])


@pytest.mark.parametrize(
    ("code", "rule_set", "words"),
    [
        ("uk", "%spellout-cardinal-feminine", ["одна", "дві"]),
        ("uk", "%spellout-cardinal-masculine", ["один", "два"]),
        ("uk", "%spellout-cardinal-neuter", ["одне", "два"]),
        ("ru", "%spellout-cardinal-feminine", ["одна", "две"]),
        ("de", "%spellout-cardinal-feminine", ["eine", "zwei"]),
    ],
)
def test_gender_is_written_where_the_language_has_it(code, rule_set, words):
    assert [Language(code).spellout(number, rule_set) for number in (1, 2)] == words


@pytest.mark.parametrize("code", ["fil", "arn", "ceb", "ga_XX", "bn", "xx"])
def test_a_language_without_icu_words_of_its_own_gets_digits_never_another_languages(code):
    """num2words spelt fil in Finnish, arn in Arabic, ceb in Chechen (it cut
    codes to two letters); only an exact language match gives words, else
    the language's own digits (Bengali's ৩)."""
    language = Language(code)
    expected = TABLE.get(code.partition("_")[0], {})
    for number in (3, 7, 12):
        words = language.spellout(number)
        assert words == (next(iter(expected.values()))[number] if expected else language.number(number))
    if code == "bn":
        assert language.spellout(3) == "৩"


def test_an_unknown_rule_set_falls_back_to_the_default_words():
    assert Language("en").spellout(3, "%spellout-cardinal-feminine") == "three"


def test_above_the_limit_numbers_are_digits_in_the_languages_grouping():
    assert Language("en").spellout(21) == "21"
    assert Language("de").spellout(12345) == "12.345"


@pytest.mark.parametrize("code", ["en", "de", "fr", "ru", "ar", "he", "ja", "pt_BR", "uk", "sl", "vi", "cy"])
def test_counts_digits_dates_and_direction_are_the_installed_babels(code):
    language, locale = Language(code), Locale.parse(code)
    assert [language.plural_category(n) for n in COUNTS] == [locale.plural_form(n) for n in COUNTS]
    assert [language.ordinal_category(n) for n in COUNTS] == [locale.ordinal_form(n) for n in COUNTS]
    assert language.right_to_left == (locale.character_order == "right-to-left")
    numbers = (7, 1000, 12345)
    assert [language.number(n) for n in numbers] == [format_decimal(n, locale=locale) for n in numbers]
    day = datetime.date(2025, 11, 26)
    assert language.long_date(day) == format_date(day, "long", locale=locale)


def test_a_language_without_words_is_said_once_a_build(caplog):
    """Said once a build, not once a process: a second build in one process
    (sphinx-autobuild) says it again."""
    once.forget()
    for number in (3, 4, 5):
        Language("bn").spellout(number)
    first = [record for record in caplog.records if "no number words" in record.getMessage()]
    once.forget()
    Language("bn").spellout(3)
    both = [record for record in caplog.records if "no number words" in record.getMessage()]
    assert (len(first), len(both)) == (1, 2)
    assert "'bn'" in first[0].getMessage()


@pytest.mark.parametrize(
    ("template", "accepted"),
    [
        ("{n, spellout,%spellout-cardinal-feminine}", True),
        ("{n, spellout, %spellout-cardinal-feminine capital}", True),
        ("{n, spellout, capital}", True),
        ("{n, spellout, %numbering}", False),
        ("{n, spellout, feminine}", False),
        ("{n, number, %spellout-cardinal-feminine}", False),
    ],
)
def test_a_template_may_name_a_spellout_rule_set_and_nothing_else(template, accepted):
    found = template_error(template, {"n": "number"})
    assert (found is None) == accepted
    if not accepted:
        assert found is not None and "unknown style" in found[0]


def test_a_capitalized_rule_set_is_written_capitalized():
    text = format_message("{n, spellout,%spellout-cardinal-feminine capital}", {"n": 1}, Language("uk"))
    assert text == "Одна"


def test_each_numbering_systems_digits_are_icus():
    """The one table of digits: each system's first digit, the others after
    it in Unicode, as ICU's numbering systems list them."""
    icu = _icu()
    for system, zero in DIGIT_ZERO.items():
        digits = "".join(chr(ord(zero) + index) for index in range(10))
        assert digits == icu.NumberingSystem.createInstanceByName(system).getDescription(), system


@pytest.mark.parametrize(
    ("code", "written"),
    [
        ("fa", "۱٬۲۳۴٬۵۶۷"),
        ("bn", "১২,৩৪,৫৬৭"),
        ("mr", "१२,३४,५६७"),
        ("ar_EG", "١٬٢٣٤٬٥٦٧"),
        ("my", "၁,၂၃၄,၅၆၇"),
        ("en", "1,234,567"),
        ("de", "1.234.567"),
        ("hi", "12,34,567"),
    ],
)
def test_numbers_are_written_in_the_languages_own_digits_and_grouping(code, written):
    assert Language(code).number(1234567) == written


def test_every_locale_writes_the_digits_of_its_default_numbering_system():
    """All of Babel's locales: the digits written are those of the system
    CLDR makes the locale's default, and ICU's where ICU's default is the same
    (ICU 72 has CLDR 42, Babel a newer one: Arabic's default became Latin)."""
    icu = _icu()
    agreeing = 0
    for code in localedata.locale_identifiers():
        language = Language(code)
        system = language.babel_locale.default_numbering_system
        zero = DIGIT_ZERO.get(system, "0")
        expected = {chr(ord(zero) + index) for index in range(10)}
        written = {char for char in language.number(1234567890) if char.isdigit()}
        assert written == expected, code
        if icu.NumberingSystem.createInstance(icu.Locale(code)).getName() == system:
            formatted = icu.NumberFormat.createInstance(icu.Locale(code)).format(1234567890)
            assert {char for char in formatted if char.isdigit()} == written, code
            agreeing += 1
    assert agreeing > 1000
