"""How each language writes numbers, dates and counts: plural rules, digits
and long dates from Babel (the CLDR data Sphinx's own dates use), loaded
when a build first asks, once per language; number words from ICU's
spellout rules, tabled in ``number_words.json``."""

from __future__ import annotations

import datetime
import json
from functools import cache
from typing import Any, NamedTuple

from . import once

#: Words instead of digits up to this number (style guides: digits from 21 on).
SPELLOUT_LIMIT = 20


class Language(NamedTuple):
    """How numbers, dates and counts are written in the site's language.

    Plural and ordinal categories, digits and grouping, long dates and the
    direction come from the Babel installed (CLDR): what Sphinx's own dates
    use, so a site's texts never disagree with its Babel. Loading a
    language's data costs a build about 10 ms once (English, the largest:
    ``localedata.load`` of its 244 KB file). Number words are ICU's
    (``number_words.json``, written by ``make number-words``).
    """

    code: str

    @property
    def babel_locale(self) -> Any:
        """Babel's locale for the code, else for its language ("en" of "en_XX"), else English."""
        return _babel_locale(self.code)

    @property
    def right_to_left(self) -> bool:
        """Written right to left (ar, he, fa, ur...), as Babel's locale data says."""
        return str(getattr(self.babel_locale, "character_order", "")) == "right-to-left"

    def plural_category(self, number: int) -> str:
        return str(self.babel_locale.plural_form(number))

    def ordinal_category(self, number: int) -> str:
        return str(self.babel_locale.ordinal_form(number))

    def number(self, number: int, style: str = "") -> str:
        """The number as the language writes it by default (CLDR): its
        grouping, and its own digits where its default numbering system is
        not Latin (Persian ``۱۲``, Bengali ``১২``, Marathi ``१२``)."""
        from babel.numbers import format_decimal, format_percent

        locale = self.babel_locale
        format_number = format_percent if style == "percent" else format_decimal
        written = str(format_number(number, locale=locale, numbering_system="default"))
        return written.translate(_digits(str(getattr(locale, "default_numbering_system", "latn"))))

    @property
    def number_words(self) -> dict[str, list[str]]:
        """ICU's words for this language, by rule set (the default first);
        empty where ICU has none of its own (then digits, never another
        language's words)."""
        code = self.code.replace("-", "_")
        table = _number_words()
        while code not in table and "_" in code:  # pt_AO_x, pt_AO, then pt
            code = code.rpartition("_")[0]
        return table.get(code, {})

    def spellout(self, number: int, rule_set: str = "") -> str:
        """``number`` in words up to ``SPELLOUT_LIMIT``, in ``rule_set``
        (``%spellout-cardinal-feminine``...) where the language has it, else
        its default words; digits above the limit or without words."""
        if not 0 <= number <= SPELLOUT_LIMIT:
            return self.number(number)
        words = self.number_words
        if not words:
            if once.first_time(("number words", self.code)):
                _no_number_words(self.code)
            return self.number(number)
        chosen = words.get(rule_set) or next(iter(words.values()))
        return chosen[number]

    def long_date(self, day: datetime.date) -> str:
        """ "November 26, 2025", "26. November 2025", "2025年11月26日"."""
        from babel.dates import format_date

        return str(format_date(day, format="long", locale=self.babel_locale))


#: The first digit of each numbering system a CLDR locale has as its default
#: (Babel formats in Latin digits only); the other nine follow it in Unicode.
#: ``tests/ext/test_number_words.py`` compares them with ICU's.
DIGIT_ZERO = {
    "arab": "\u0660",  # ARABIC-INDIC
    "arabext": "\u06f0",  # EXTENDED ARABIC-INDIC
    "beng": "\u09e6",
    "deva": "\u0966",
    "mymr": "\u1040",
    "tibt": "\u0f20",
    "olck": "\u1c50",
    "mtei": "\uabf0",
    "nkoo": "\u07c0",
    "cakm": "\U00011136",
    "adlm": "\U0001e950",
    "hmnp": "\U0001e140",
}


@cache
def _digits(system: str) -> dict[int, str]:
    """``str.translate``'s table from Latin digits to the system's (none for latn)."""
    zero = DIGIT_ZERO.get(system)
    return {} if zero is None else {ord("0") + index: chr(ord(zero) + index) for index in range(10)}


@cache
def _number_words() -> dict[str, dict[str, list[str]]]:
    from ..package import PACKAGE_DIR

    table: dict[str, Any] = json.loads((PACKAGE_DIR / "text" / "number_words.json").read_text("utf-8"))
    table.pop("", None)
    return table


class TextLanguages(NamedTuple):
    """Which language fills a template in: the site's for a text translated
    for it, else the data's own (English words keep English plurals on a
    Russian site until they are translated). Dates and the extension's own
    words follow the site."""

    site: Language
    data: Language
    translated: frozenset[str] = frozenset()

    def of(self, template: str) -> Language:
        return self.site if template in self.translated else self.data

    @property
    def same_language(self) -> bool:
        """Whether the site is in the data's language (``en_GB`` is ``en``)."""
        return (
            self.site.code.replace("-", "_").partition("_")[0]
            == self.data.code.replace("-", "_").partition("_")[0]
        )

    @property
    def data_lang(self) -> str:
        """The data's language (BCP 47) where the page is in another one, else ""."""
        return "" if self.same_language else self.data.code.replace("_", "-")

    def lang_of(self, text: str) -> str:
        """The language to mark a data text with, so that a screen reader reads
        it with the right voice: the data's for a text not translated for a
        page in another language; "" where it is the page's."""
        return self.data_lang if text not in self.translated else ""

    @property
    def direction(self) -> str:
        """``dir`` of our blocks: "rtl" on a right-to-left site, else none."""
        return "rtl" if self.site.right_to_left else ""

    @property
    def isolate(self) -> bool:
        """Whether data texts may run the other way from the page (either
        language is right to left): each then takes its direction from its
        own words (``dir="auto"``)."""
        return self.site.right_to_left or self.data.right_to_left


@cache
def _babel_locale(code: str) -> Any:
    from babel import Locale, UnknownLocaleError

    code = code.replace("-", "_")
    for candidate in (code, code.partition("_")[0]):
        try:
            return Locale.parse(candidate)
        except (ValueError, UnknownLocaleError):
            continue
    return Locale.parse("en")


def _no_number_words(code: str) -> None:
    """Said once per language and build: ICU has no words for it, so digits are written."""
    from sphinx.util import logging

    logging.getLogger(__name__).warning(
        f"no number words for the language {code!r} (ICU's spellout rules lack it): "
        "{n, spellout} writes digits; write {n} to say so, or translate the text",
        type="awards",
        subtype="template",
    )
