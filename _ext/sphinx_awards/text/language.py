"""How each language writes numbers, dates and counts: plural rules, number
words and long dates from the tables make localedata writes (Babel's
and num2words' answers), or from the libraries for a code not tabled."""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any, NamedTuple

#: Words instead of digits up to this number (style guides: digits from 21 on).
SPELLOUT_LIMIT = 20


class Language(NamedTuple):
    """How numbers, dates and counts are written in the site's language.

    For a plain language code (``en``, ``de``, ``ja``) the answers come from
    ``localedata.py``, Babel's and num2words' answers tabled by ``make
    localedata``: loading Babel's locale data and importing num2words cost a
    small site's build about 5% of its instructions (176 M of 3.4 G). Any other code (``en_GB``,
    ``pt_PT``) asks Babel and num2words, as the tables' tests do.
    """

    code: str

    @property
    def tabled(self) -> bool:
        from .localedata import PLURAL_RULES

        return self.code in PLURAL_RULES

    @property
    def babel_locale(self) -> Any:
        """Babel's locale for the code, else for its language ("en" of "en_XX"), else English."""
        return _babel_locale(self.code)

    @property
    def right_to_left(self) -> bool:
        """Written right to left (ar, he, fa, ur...), as Babel's locale data says."""
        if self.tabled:
            from .localedata import RIGHT_TO_LEFT

            return self.code in RIGHT_TO_LEFT
        return str(getattr(self.babel_locale, "character_order", "")) == "right-to-left"

    def plural_category(self, number: int) -> str:
        if self.tabled:
            return str(_plural_rule(self.code, "cardinal")(number))
        return str(self.babel_locale.plural_form(number))

    def ordinal_category(self, number: int) -> str:
        if self.tabled:
            return str(_plural_rule(self.code, "ordinal")(number))
        return str(self.babel_locale.ordinal_form(number))

    def number(self, number: int, style: str = "") -> str:
        if style != "percent" and 0 <= number < 1000 and self.tabled:
            from .localedata import PLAIN_SMALL_NUMBERS

            if self.code in PLAIN_SMALL_NUMBERS:
                return str(number)
        from babel.numbers import format_decimal, format_percent

        if style == "percent":
            return str(format_percent(number, locale=self.babel_locale))
        return str(format_decimal(number, locale=self.babel_locale))

    def spellout(self, number: int) -> str:
        if not 0 <= number <= SPELLOUT_LIMIT:
            return self.number(number)
        from .localedata import NUMBER_WORDS

        code = self.code.replace("-", "_")
        for candidate in (code, code.partition("_")[0]):
            if candidate in NUMBER_WORDS:
                return NUMBER_WORDS[candidate].split("\x1c")[number]
        return _number_words(code, number)

    def long_date(self, day: datetime.date) -> str:
        """ "November 26, 2025", "26. November 2025", "2025年11月26日"."""
        from .localedata import LONG_DATES

        if self.tabled and self.code in LONG_DATES:
            pattern, months = _long_date(self.code)
            values = {"y": day.year, "M": day.month, "MM": f"{day.month:02d}", "d": day.day}
            values |= {"dd": f"{day.day:02d}"} | {field: names[day.month - 1] for field, names in months}
            return str(pattern % values)
        from babel.dates import format_date

        return str(format_date(day, format="long", locale=self.babel_locale))


@cache
def _plural_rule(code: str, kind: str) -> Any:
    from babel.plural import PluralRule

    from .localedata import PLURAL_RULES

    cardinal, ordinal = PLURAL_RULES[code].split("\x1c")
    chosen = cardinal if kind == "cardinal" else ordinal
    rules = (rule.split("\x1e") for rule in chosen.split("\x1d") if rule)
    return PluralRule(dict(rules))


@cache
def _long_date(code: str) -> tuple[str, list[tuple[str, list[str]]]]:
    """The pattern of a language's long date and the month names it uses."""
    from .localedata import LONG_DATES

    pattern, months = LONG_DATES[code].split("\x1c")
    named = [field_names.split("\x1e") for field_names in months.split("\x1d") if field_names]
    return pattern, [(field, names.split("\x1f")) for field, names in named]


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


@cache
def _number_words(code: str, number: int) -> str:
    from num2words import num2words

    for candidate in (code, code.partition("_")[0]):
        try:
            return str(num2words(number, lang=candidate))
        except NotImplementedError:
            continue
    _no_number_words(code)
    return str(number)


@cache
def _no_number_words(code: str) -> None:
    """Said once per language: num2words has no words for it, so digits are written."""
    from sphinx.util import logging

    logging.getLogger(__name__).warning(
        f"no number words for the language {code!r} (num2words lacks it): "
        "{n, spellout} writes digits; write {n} to say so, or translate the text",
        type="awards",
        subtype="template",
    )
