"""Whether a data file's template can be filled in: its syntax, the
arguments it may use and their kinds, and the placeholders of older files
(each with what to write now); and whether a translation of it says what it
says. A message (and a position), never an error."""

from __future__ import annotations

import re
from collections.abc import Mapping

from .language import Language
from .messages import NUMERIC, MessageSyntaxError, parse
from .quoting import listed

#: What older data files wrote, and what to write now.
OLD_PLACEHOLDERS = {
    "papers_word": "{papers, spellout}",
    "count": "{LEVEL} with a level id, e.g. {best}",
    "word": "{LEVEL, spellout} with a level id, e.g. {best, spellout}",
    "Word": "{n, spellout, capital} (or {best, spellout, capital})",
    "in_other_tracks": (
        "{other_tracks, plural, =0 {} other { (incl. {other_tracks, spellout} in {other_track_names})}}"
    ),
}
_OLD = re.compile(r"\{(papers_word|count|word|Word|in_other_tracks)(\[[\w-]*\])?\}")


def template_error(template: str, allowed: Mapping[str, str]) -> tuple[str, int] | None:
    """Why ``template`` cannot be filled in, and where (a character index), or None.

    ``allowed`` maps each argument the text may use to its kind ("number" or "text").
    """
    old = _OLD.search(template)
    if old is not None:
        return (
            f"{old.group()} is the old placeholder syntax; write {OLD_PLACEHOLDERS[old.group(1)]} "
            "(see 'Counts are computed' in the docs)",
            old.start(),
        )
    try:
        message = parse(template)
    except MessageSyntaxError as error:
        return str(error), error.position
    for argument in message.arguments():
        if argument.name not in allowed:
            known = listed([f"{{{name}}}" for name in allowed])
            return f"unknown argument {{{argument.name}}}; this text may use {known}", template.find(
                argument.name
            )
        if argument.kind in NUMERIC and allowed[argument.name] != "number":
            return f"{{{argument.name}}} is text, not a number: it cannot be {argument.kind}", template.find(
                argument.name
            )
    return None


def translation_problem(source: str, translation: str, language: Language) -> str | None:
    """Why a translated template does not say what its source says, or None:
    each of the source's arguments used (and no other), and every plural
    choice with a branch for each category the translation's language has
    (Russian: one, few, many, other), so that no count falls back to
    ``other`` by accident. Both are valid templates (``template_error``)."""
    try:
        ours, theirs = parse(source).arguments(), parse(translation).arguments()
    except MessageSyntaxError:
        return None  # said by template_error
    used, source_names = {a.name for a in theirs}, {a.name for a in ours}
    # A language may need a level's gender where the source's does not
    # (Ukrainian "одна"/"один"); where it may be used at all, template_error says.
    if foreign := sorted(used - source_names - {"gender"}):
        return f"it uses {listed(['{' + name + '}' for name in foreign])}, which the source text does not"
    if missing := sorted(source_names - used):
        return f"it leaves out {listed(['{' + name + '}' for name in missing])}, which the source text uses"
    for argument in theirs:
        if argument.kind not in ("plural", "selectordinal"):
            continue
        rule = (
            language.babel_locale.plural_form
            if argument.kind == "plural"
            else language.babel_locale.ordinal_form
        )
        needed = sorted({*rule.tags, "other"}, key=_CATEGORY_ORDER.index)
        if lacking := [category for category in needed if argument.branch(category) is None]:
            return (
                f"{{{argument.name}, {argument.kind}, ...}} has no branch for {listed(lacking)}; "
                f"the language {language.code!r} needs {listed(needed)}"
            )
    return None


_CATEGORY_ORDER = ["zero", "one", "two", "few", "many", "other"]
