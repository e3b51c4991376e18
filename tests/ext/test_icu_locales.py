"""Every locale against ICU: plural and ordinal categories and numbers on
0..200 (and 1,234, 12,345, 1,234,567 for grouping), number words on 0..20.

The extension takes categories, digits and grouping from the installed
Babel (CLDR 47) and words from ICU 72 (CLDR 42); where the two disagree, each
locale that does is recorded with the reason in ``icu_differences.json``, and
this test fails on any other (or on a recorded one that no longer differs).
After a deliberate change: ``AWARDS_UPDATE_GOLDEN=1`` rewrites the record;
review its diff."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import skip_or_fail

from sphinx_awards.text import once
from sphinx_awards.text.language import SPELLOUT_LIMIT, Language

RECORD = Path(__file__).parent / "icu_differences.json"
#: Why a locale may differ from ICU 72, by kind of difference.
REASONS = {
    "cldr": "CLDR 47 (the installed Babel) changed the rule since CLDR 42 (ICU 72)",
    "parent": "ICU 72 gives Portuguese outside Brazil and Portugal Brazil's plural rule (0 is one); "
    "Babel follows CLDR's parent locale for them, Portugal (0 is other)",
    "digits": "the default digits: ICU 72 writes the locale's own, CLDR 47's default is Latin",
    "grouping": "the grouping separator or pattern changed between CLDR 42 and CLDR 47",
    "no-words": "ICU has no number words for the language and writes English ('zero'); we write digits",
}
NUMBERS = [*range(201), 1234, 12345, 1234567]


@pytest.fixture(scope="module")
def icu():
    try:
        import icu
    except ImportError:
        skip_or_fail("AWARDS_REQUIRE_ICU", "PyICU is not installed: apt-get install libicu-dev pkg-config")
    return icu


def _categories(icu, code: str, kind: str) -> Callable[[int], str]:
    message = icu.MessageFormat(
        f"{{n, {kind}, zero{{zero}} one{{one}} two{{two}} few{{few}} many{{many}} other{{other}}}}",
        icu.Locale(code),
    )
    return lambda n: str(message.format(["n"], [icu.Formattable(n)]))


def _differences(icu) -> dict[str, dict[str, str]]:
    """Kind → locale → reason, for every locale both ICU and Babel know."""
    from babel import Locale, UnknownLocaleError

    found: dict[str, dict[str, str]] = {"plural": {}, "ordinal": {}, "number": {}, "spellout": {}}
    for code in sorted(str(locale) for locale in icu.Locale.getAvailableLocales()):
        try:
            Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        ours, locale = Language(code), icu.Locale(code)
        number = icu.NumberFormat.createInstance(locale)
        words = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, locale)
        plural, ordinal = _categories(icu, code, "plural"), _categories(icu, code, "selectordinal")
        if any(ours.plural_category(n) != plural(n) for n in range(201)):
            found["plural"][code] = "parent" if code.startswith("pt_") else "cldr"
        if any(ours.ordinal_category(n) != ordinal(n) for n in range(201)):
            found["ordinal"][code] = "cldr"
        differing = [n for n in NUMBERS if ours.number(n) != number.format(n)]
        if differing:
            found["number"][code] = "digits" if differing[0] < 10 else "grouping"
        if any(ours.spellout(n) != words.format(n) for n in range(SPELLOUT_LIMIT + 1)):
            found["spellout"][code] = "no-words" if words.format(0) == "zero" else "unexplained"
    return found


@pytest.fixture(scope="module")
def found(icu) -> dict[str, dict[str, str]]:
    differences = _differences(icu)
    once.forget()  # the notes of languages without words, said here, are not a build's
    return differences


def test_every_locale_is_icus_or_a_recorded_difference(found):
    if os.environ.get("AWARDS_UPDATE_GOLDEN"):
        RECORD.write_text(
            json.dumps({"reasons": REASONS, **found}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    assert recorded["reasons"] == REASONS
    for kind in ("plural", "ordinal", "number", "spellout"):
        assert found[kind] == recorded[kind], kind
    assert "unexplained" not in json.dumps(found)
    # The differences stay the exception: a few locales each, not whole families.
    assert len(found["plural"]) <= 20 and len(found["ordinal"]) <= 40 and len(found["number"]) <= 60


def test_the_languages_sites_use_agree_with_icu_everywhere(found):
    """English, German, French, Russian, Ukrainian, Slovenian, Polish, Japanese,
    Chinese, Korean, Hebrew and Hindi: no difference of any kind."""
    for code in ("en", "de", "fr", "ru", "uk", "sl", "pl", "ja", "zh", "ko", "he", "hi"):
        assert all(code not in differing for differing in found.values()), code


def test_the_docs_count_the_recorded_differences():
    """data-file.rst says how many locales differ, kind by kind: the record's numbers."""
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    docs = " ".join((Path(__file__).parents[2] / "data-file.rst").read_text(encoding="utf-8").split())
    assert f"plural categories in {len(recorded['plural'])} locales" in docs
    assert f"ordinals in {len(recorded['ordinal'])}" in docs
    assert f"numbers in {len(recorded['number'])}" in docs
    assert f"words in the {len(recorded['spellout'])} locales" in docs
