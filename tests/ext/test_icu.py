"""Templates as ICU formats them: each case filled in by the extension and,
where PyICU is installed (``make test`` installs it where ICU's headers are:
Debian's libicu-dev), by ICU itself; the recorded result is ICU 72's."""

from __future__ import annotations

import os

import pytest

from sphinx_awards.text.language import Language
from sphinx_awards.text.messages import format_message
from sphinx_awards.text.template_checks import template_error

#: (template, values, language, what ICU writes)
CASES = [
    # Quoting: an apostrophe quotes only before syntax; '' is one apostrophe.
    ("'{it''s}'", {}, "en", "{it's}"),
    ("a '#' b", {}, "en", "a '#' b"),
    ("{n, plural, one {a '#' b} other {x '#' #}}", {"n": 3}, "en", "x # 3"),
    ("a '|' b", {}, "en", "a '|' b"),
    ("it''s '' {n}", {"n": 4}, "en", "it's ' 4"),
    ("'{n}", {"n": 4}, "en", "{n}"),
    ("{n, plural, other {'{'#'}'}}", {"n": 4}, "en", "{4}"),
    # Choices: the first of duplicates; offset; ordinals; number styles.
    ("{n, plural, one {A} one {B} other {C}}", {"n": 1}, "en", "A"),
    ("{k, select, a {A} a {B} other {O}}", {"k": "a"}, "en", "A"),
    (
        "{n, plural, offset:1 =0 {nobody} =1 {just #} one {# and one} other {# others}}",
        {"n": 2},
        "en",
        "1 and one",
    ),
    (
        "{n, plural, offset:1 =0 {nobody} =1 {just #} one {# and one} other {# others}}",
        {"n": 1},
        "en",
        "just 0",
    ),
    (
        "{n, plural, offset:1 =0 {nobody} =1 {just #} one {# and one} other {# others}}",
        {"n": 5},
        "en",
        "4 others",
    ),
    ("{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", {"n": 22}, "en", "22nd"),
    ("{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}", {"n": 13}, "en", "13th"),
    ("{n, selectordinal, one {#er} other {#e}}", {"n": 1}, "fr", "1er"),
    ("{n, number, integer} {n, number, percent}", {"n": 3}, "en", "3 300%"),
    ("{n, number}", {"n": 1234567}, "de", "1.234.567"),
    ("{n, number, percent}", {"n": 1}, "fr", "100\u00a0%"),
    # A missing argument is written as itself, the rest filled in.
    ("{n} and {m}", {"n": 3}, "en", "3 and {m}"),
    # Plural rules of the twelve languages the site is tried in.
    (
        "{n, plural, one {# статья} few {# статьи} many {# статей} other {# статьи}}",
        {"n": 21},
        "ru",
        "21 статья",
    ),
    ("{n, plural, one {# statja} few {# statji} many {# statej} other {# x}}", {"n": 5}, "ru", "5 statej"),
    ("{n, plural, one {o} few {f} many {m} other {x}}", {"n": 22}, "pl", "f"),
    ("{n, plural, one {o} few {f} many {m} other {x}}", {"n": 21}, "lt", "o"),
    ("{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}", {"n": 2}, "cy", "t"),
    ("{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}", {"n": 3}, "ar", "f"),
    ("{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}", {"n": 11}, "ar", "m"),
    ("{n, plural, one {o} two {t} few {f} many {m} other {x}}", {"n": 7}, "ga", "m"),
    ("{n, plural, one {o} two {t} many {m} other {x}}", {"n": 2}, "he", "t"),
    ("{n, plural, one {# Paper} other {# Paper}}", {"n": 1}, "de", "1 Paper"),
    ("{n, plural, one {# article} many {# m} other {# articles}}", {"n": 0}, "fr", "0 article"),
    ("{n, plural, one {# artigo} many {# m} other {# artigos}}", {"n": 0}, "pt_BR", "0 artigo"),
    ("{n, plural, other {# 本}}", {"n": 3}, "ja", "3 本"),
    ("{n, plural, other {# 篇}}", {"n": 3}, "zh_CN", "3 篇"),
    # Numbers in words: ICU's spellout rules (number_words.json), in a rule set too.
    # (ICU reads the rule set only right after the comma: with a space, it
    # writes the default words; we read both ways.)
    ("{n, spellout,%spellout-cardinal-feminine}", {"n": 2}, "uk", "дві"),
    ("{n, spellout,%spellout-cardinal-feminine} {n, spellout}", {"n": 1}, "ru", "одна один"),
    ("{n, spellout}", {"n": 4}, "de", "vier"),
    ("{n, spellout}", {"n": 4}, "ja", "四"),
    ("{n, spellout}", {"n": 17}, "fr", "dix-sept"),
    ("{n, spellout}", {"n": 3}, "ru", "три"),
]


def _icu(template: str, values: dict, language: str) -> str:
    import icu

    message = icu.MessageFormat(template, icu.Locale(language))
    return str(message.format(list(values), [icu.Formattable(value) for value in values.values()]))


def _have_icu() -> bool:
    try:
        import icu  # noqa: F401
    except ImportError:
        if os.environ.get("AWARDS_REQUIRE_ICU"):
            pytest.fail(
                "PyICU required but missing: apt-get install libicu-dev pkg-config; pip install pyicu"
            )
        return False
    return True


@pytest.mark.parametrize(
    ("template", "values", "language", "expected"), CASES, ids=lambda case: str(case)[:50]
)
def test_templates_are_filled_in_as_icu_fills_them(template, values, language, expected):
    ours = format_message(template, values, Language(language))
    assert ours == expected
    if _have_icu():
        assert ours == _icu(template, values, language)


@pytest.mark.parametrize(
    ("template", "values", "language", "expected"), CASES, ids=lambda case: str(case)[:50]
)
def test_every_case_passes_the_checks(template, values, language, expected):
    """What ICU accepts, the data checks accept (arguments named as the case does)."""
    allowed = {name: "number" if isinstance(value, int) else "text" for name, value in values.items()}
    allowed.setdefault("m", "number")
    assert template_error(template, allowed) is None


def test_deeply_nested_choices_get_a_message_not_a_crash():
    """400 nested plurals (7,200 characters): a located message, and the text as written."""
    deep = "{papers,plural,=0{" * 400 + "x" + "} other {y}}" * 400
    found = template_error(deep, {"papers": "number"})
    assert found is not None and "nest more than" in found[0]
    assert format_message(deep, {"papers": 0}, Language("en")) == deep
    shallow = "{papers,plural,=0{" * 12 + "x" + "} other {y}}" * 12
    assert format_message(shallow, {"papers": 0}, Language("en")) == "x"
