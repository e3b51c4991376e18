"""Text templates in ICU MessageFormat: counts that are right in any language.

The data file's texts may carry arguments that are filled in from the awards
a directive shows, in the syntax translators already know from ICU::

    {papers}                                   a number, formatted for the language
    {papers, spellout}                         in words ("four", "vier", "四"), digits from 21 on
    {papers, spellout, capital}                the same, capitalized (at the start of a sentence)
    {n, spellout,%spellout-cardinal-feminine}  in one of ICU's rule sets (gender, case: "одна")
    {papers, plural, one {# paper} other {# papers}}      # is the number
    {extra, plural, =0 {} other { (incl. # more)}}        =N matches a number exactly
    {kind, select, main {Main} other {Other}}             a choice by text
    {n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}   ordinals
    {n, plural, offset:1 =0 {nobody} one {# more} other {# more}}   # is n - 1
    {n, number, integer}  {n, number, percent}            number styles

The language's plural categories (one, few, many, other...) come from Babel,
numbers in words from ICU's spellout rules. Quoting is ICU's: ``'{'`` writes a literal
brace (and ``'#'`` a literal # inside a plural), ``''`` an apostrophe, and an
apostrophe before anything else is itself. When a choice is given twice, the
first counts; an argument without a value is written as ``{name}``, as ICU
does. Only the arguments a text may use are known; anything
else is reported by the checks (with file, line and column) and the text is
shown as written. Nothing in a template is ever evaluated as code, and no
width or precision exists to blow a page up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

from .language import Language

_ARGUMENT = re.compile(r"\s*(\w[\w-]*)\s*(?:,\s*([a-z]+)\s*(?:,\s*)?)?")
_SELECTOR = re.compile(r"\s*(=\d+|\w[\w-]*)\s*\{")
_OFFSET = re.compile(r"\s*offset\s*:\s*(\d{1,6})")
_STYLES = {
    "number": ("", "integer", "percent"),
    "spellout": ("", "capital"),
    "plural": (),
    "selectordinal": (),
    "select": (),
}
#: ``{n, spellout, %spellout-cardinal-feminine}``: one of ICU's rule sets
#: (gender, case), optionally followed by ``capital``.
_RULE_SET = re.compile(r"%spellout-[a-z0-9-]{1,60}(\s+capital)?")
#: The kinds whose choices are counted (``#`` is the number inside them).
_COUNTED = ("plural", "selectordinal")
#: The kinds that need a number.
NUMERIC = ("number", "spellout", *_COUNTED)


class MessageSyntaxError(ValueError):
    """A template that cannot be parsed; ``position`` is its character index."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


class Argument(NamedTuple):
    name: str
    kind: str  # "", "number", "spellout", "plural", "selectordinal" or "select"
    style: str = ""
    #: plural or select: the branches by selector ("one", "=0", "other"...).
    branches: tuple[tuple[str, Message], ...] = ()
    #: plural: ``offset:N``, subtracted before choosing a keyword and for ``#``.
    offset: int = 0

    def branch(self, selector: str) -> Message | None:
        """The first branch with this selector (ICU: the first of duplicates)."""
        return next((message for key, message in self.branches if key == selector), None)


class Message(NamedTuple):
    """A parsed template: text and arguments, in order."""

    parts: tuple[str | Argument | _Hash, ...]

    def arguments(self) -> list[Argument]:
        """Every argument, nested ones included."""
        found = []
        for part in self.parts:
            if isinstance(part, Argument):
                found.append(part)
                for _, branch in part.branches:
                    found.extend(branch.arguments())
        return found


class _Hash(NamedTuple):
    """``#`` inside a plural branch: the number."""


#: How deep choices may nest: far beyond any real text, far below Python's
#: recursion limit (a file of 400 nested plurals must get a message, not a crash).
MAX_NESTING = 12


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.depth = 0

    def fail(self, message: str, position: int | None = None) -> MessageSyntaxError:
        return MessageSyntaxError(message, self.position if position is None else position)

    def message(self, *, in_plural: bool, nested: bool) -> Message:
        parts: list[str | Argument | _Hash] = []
        literal: list[str] = []
        text = self.text
        while self.position < len(text):
            char = text[self.position]
            if char == "'":
                literal.append(self.quoted(in_plural=in_plural))
                continue
            if char == "{":
                parts.extend(["".join(literal)] if literal else [])
                literal = []
                parts.append(self.argument())
                continue
            if char == "}":
                if nested:
                    break
                raise self.fail("a '}' closes nothing; write '}' in quotes ('}') for a literal brace")
            if char == "#" and in_plural:
                parts.extend(["".join(literal)] if literal else [])
                literal = []
                parts.append(_Hash())
                self.position += 1
                continue
            literal.append(char)
            self.position += 1
        if literal:
            parts.append("".join(literal))
        return Message(tuple(parts))

    def quoted(self, *, in_plural: bool) -> str:
        """ICU's apostrophe: '' is one apostrophe; an apostrophe before a brace
        (or # inside a plural) quotes up to the next single apostrophe, with ''
        inside it one apostrophe; any other apostrophe is itself."""
        text, start = self.text, self.position
        if text.startswith("''", start):
            self.position += 2
            return "'"
        syntax = "{}#" if in_plural else "{}"
        if start + 1 < len(text) and text[start + 1] in syntax:
            out = []
            position = start + 1
            while position < len(text):
                if text[position] == "'":
                    if text.startswith("''", position):
                        out.append("'")
                        position += 2
                        continue
                    position += 1
                    break
                out.append(text[position])
                position += 1
            self.position = position
            return "".join(out)
        self.position += 1
        return "'"

    def argument(self) -> Argument:
        start = self.position
        match = _ARGUMENT.match(self.text, start + 1)
        if match is None:
            raise self.fail("a '{' must start an argument such as {papers}; write '{' in quotes for a brace")
        name, kind = match.group(1), match.group(2) or ""
        self.position = match.end()
        if self.position >= len(self.text):
            raise self.fail(f"the argument {{{name} is not closed; add '}}'", start)
        if not kind and not self.text.startswith("}", self.position):
            junk = self.text[self.position : self.position + 12]
            raise self.fail(
                f"after {{{name} comes '}}' or a type (', plural', ', select', ', spellout', ', number'), "
                f"not {junk!r}",
                start,
            )
        if kind and kind not in _STYLES:
            raise self.fail(
                f"{{{name}, {kind}}}: unknown type {kind!r}; use number, spellout, plural, selectordinal "
                "or select",
                start,
            )
        if kind in (*_COUNTED, "select"):
            offset = 0
            if kind == "plural" and (found := _OFFSET.match(self.text, self.position)):
                offset = int(found.group(1))
                self.position = found.end()
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise self.fail(
                    f"choices nest more than {MAX_NESTING} deep here; write a flatter text", start
                )
            branches = self.branches(name, kind, start)
            self.depth -= 1
            return Argument(name, kind, branches=branches, offset=offset)
        end = self.text.find("}", self.position)
        if end < 0:
            raise self.fail(f"the argument {{{name} is not closed; add '}}'", start)
        style = self.text[self.position : end].strip()
        if style not in _STYLES.get(kind, ("",)) and not (kind == "spellout" and _RULE_SET.fullmatch(style)):
            raise self.fail(f"{{{name}, {kind}, {style}}}: unknown style {style!r}", start)
        self.position = end + 1
        return Argument(name, kind, style)

    def branches(self, name: str, kind: str, start: int) -> tuple[tuple[str, Message], ...]:
        branches = []
        while True:
            while self.position < len(self.text) and self.text[self.position].isspace():
                self.position += 1
            if self.text.startswith("}", self.position):
                self.position += 1
                break
            if self.position >= len(self.text):
                raise self.fail(f"the argument {{{name}, {kind}, ...}} is not closed; add '}}'", start)
            match = _SELECTOR.match(self.text, self.position)
            if match is None:
                raise self.fail(
                    f"{{{name}, {kind}, ...}}: expected a choice such as 'other {{...}}' here", self.position
                )
            self.position = match.end()
            branch = self.message(in_plural=kind in _COUNTED, nested=True)
            if not self.text.startswith("}", self.position):
                raise self.fail(
                    f"the choice {match.group(1)!r} of {{{name}, {kind}}} is not closed; add '}}'", start
                )
            self.position += 1
            branches.append((match.group(1), branch))
        if "other" not in dict(branches):
            raise self.fail(
                f"{{{name}, {kind}, ...}} needs an 'other {{...}}' choice, used when no other fits", start
            )
        return tuple(branches)


@cache
def parse(template: str) -> Message:
    """The parsed template; raises ``MessageSyntaxError`` with a position."""
    parser = _Parser(template)
    return parser.message(in_plural=False, nested=False)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def format_message(template: str, values: Mapping[str, object], language: Language) -> str:
    """The template filled in; shown as written if it cannot be parsed or uses
    text as a number, and an argument without a value as ``{name}`` (the
    checks said why)."""
    try:
        message = parse(template)
    except MessageSyntaxError:
        return template
    for argument in message.arguments():
        value = values.get(argument.name)
        if (
            argument.kind in NUMERIC
            and value is not None
            and (not isinstance(value, int) or isinstance(value, bool))
        ):
            return template  # text used as a number: a mistake the checks report
    return _render(message, values, language, None)


def _render(
    message: Message, values: Mapping[str, object], language: Language, hash_value: int | None
) -> str:
    out = []
    for part in message.parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, _Hash):
            out.append(language.number(hash_value) if hash_value is not None else "#")
        else:
            out.append(_argument(part, values, language))
    return "".join(out)


def _argument(argument: Argument, values: Mapping[str, object], language: Language) -> str:
    value = values.get(argument.name)
    if value is None:
        return f"{{{argument.name}}}"
    if argument.kind == "select":
        chosen = argument.branch(str(value)) or argument.branch("other")
        return _render(chosen, values, language, None) if chosen is not None else ""
    if not isinstance(value, int) or isinstance(value, bool):
        return str(value)
    if argument.kind in _COUNTED:
        counted = value - argument.offset
        category = (
            language.plural_category(counted)
            if argument.kind == "plural"
            else language.ordinal_category(counted)
        )
        chosen = argument.branch(f"={value}") or argument.branch(category) or argument.branch("other")
        return _render(chosen, values, language, counted) if chosen is not None else ""
    if argument.kind == "spellout":
        style = argument.style.split()
        rule_set = style[0] if style and style[0].startswith("%") else ""
        words = language.spellout(value, rule_set)
        return _capital(words) if style[-1:] == ["capital"] else words
    return language.number(value, argument.style)
