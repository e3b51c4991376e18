"""The extension's own words ("View paper", "et al."), in the site's language:
its message catalog, and the data's labels that stand in for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.locale import get_translation, get_translator, is_translator_registered

from ..package import LOCALE_DIR

if TYPE_CHECKING:
    from ..text.language import TextLanguages

CATALOG = "sphinx_awards"
#: The extension's own strings: ``_("View paper")``, ``_(singular, plural, n)``.
_ = get_translation(CATALOG)


def label(written: str, own: str, languages: TextLanguages) -> str:
    """A label the data writes (``labels:``), else the extension's own word
    ``own`` (already in the site's language). On a site in another language
    than the data's, a label not translated for it gives way to the
    extension's word where the extension ships the site's language ("Legende
    der Themen", not the data's "Theme Legend", under de)."""
    if not written:
        return own
    if written in languages.translated or languages.same_language or not ships(languages.site.code):
        return written
    return own


def ships(code: str) -> bool:
    """Whether the extension ships its words in the language ``code``."""
    code = code.replace("-", "_")
    return any((LOCALE_DIR / each).is_dir() for each in (code, code.partition("_")[0]))


def own_words_lang(site: str) -> str:
    """The language of the extension's own words where it is not the page's:
    "en" on a site in a language the extension has no words for (a screen
    reader then reads "View paper" with an English voice), else ""."""
    return "" if site.replace("-", "_").partition("_")[0] == "en" or ships(site) else "en"


def ngettext(singular: str, plural: str, number: int) -> str:
    """The extension's own words for a count, in the site's language."""
    if is_translator_registered(CATALOG):
        return str(get_translator(CATALOG).ngettext(singular, plural, number))
    return singular if number == 1 else plural


def cards_shown(total: int) -> str:
    """What the legend's script announces after filtering: "{shown} of 7 cards shown"."""
    text = ngettext("{shown} of {total} card shown", "{shown} of {total} cards shown", total)
    return text.replace("{total}", str(total))
