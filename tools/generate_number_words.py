"""Write ``_ext/sphinx_awards/text/number_words.json``: ``make number-words``.

Number words are ICU's own: its spellout rules (RBNF) for every language it
has them for, 0 to ``SPELLOUT_LIMIT``, in the default rule set (what
``{n, spellout}`` writes) and in each ``%spellout-cardinal…`` rule set
(gender and case: ``%spellout-cardinal-feminine``...). A language ICU has no
rules of its own for (it falls back to another: root's digits) is left out,
so that a build writes digits there, never another language's words.
Needs PyICU (``make test`` builds it where ICU's headers are).
``tests/ext/test_number_words.py`` checks the table against ICU itself, and
``tests/site/test_generated.py`` that this file is what this script writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import icu

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "_ext" / "sphinx_awards" / "text" / "number_words.json"
sys.path.insert(0, str(REPO / "_ext"))

from sphinx_awards.text.language import SPELLOUT_LIMIT  # noqa: E402


def languages() -> list[str]:
    return sorted({str(locale).partition("_")[0] for locale in icu.Locale.getAvailableLocales()})


def locales() -> list[str]:
    """Every locale ICU has, with a script or a region (``pt_PT``, ``sr_Latn``)."""
    return sorted({str(locale) for locale in icu.Locale.getAvailableLocales()} - set(languages()))


def rule_sets(code: str, *, other_language: bool = False) -> dict[str, list[str]] | None:
    """The words of each spellout rule set ICU has for ``code``, the default
    first; None when ICU's rules for it are another language's (or none: the
    root's are English)."""
    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(code))
    actual = str(formatter.getLocale(icu.ULocDataLocaleType.ACTUAL_LOCALE))
    # A locale of a language ICU has words for may take another language's
    # by CLDR's choice (Hong Kong's Chinese numerals are Cantonese's); else
    # another language's words are ICU's fallback (English), never taken.
    if not actual or (not other_language and actual.partition("_")[0] != code.partition("_")[0]):
        return None
    names = [formatter.getRuleSetName(index) for index in range(formatter.getNumberOfRuleSetNames())]
    cardinals = (name for name in names if name.startswith("%spellout-cardinal"))
    chosen = [formatter.getDefaultRuleSetName(), *cardinals]
    words = {}
    for name in dict.fromkeys(chosen):
        formatter.setDefaultRuleSet(name)
        words[name] = [str(formatter.format(number)) for number in range(SPELLOUT_LIMIT + 1)]
    return words


def table() -> dict[str, object]:
    found: dict[str, object] = {"": f"ICU {icu.ICU_VERSION} spellout rules (RBNF), 0 to {SPELLOUT_LIMIT}"}
    for code in languages():
        words = rule_sets(code)
        if words is not None:
            found[code] = words
    # A locale whose words are not its language's (Portugal's "dezasseis",
    # Serbian in Latin letters; none for Azerbaijani in Cyrillic, where ICU
    # writes digits): looked up before its language (language.py).
    for code in locales():
        words = rule_sets(code, other_language=code.partition("_")[0] in found) or {}
        if words != found.get(code.partition("_")[0], {}):
            found[code] = words
    return found


def text() -> str:
    """One language a line, so that a change of ICU reads as a diff."""
    lines = [
        f"{json.dumps(code)}: {json.dumps(words, ensure_ascii=False)}" for code, words in table().items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


if __name__ == "__main__":
    OUTPUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(REPO)}")
