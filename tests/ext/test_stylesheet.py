"""The stylesheet as a CSS parser reads it: every rule and declaration
well-formed, every selector scoped to the extension's markup, and small once
compressed (the size a reader downloads), which never outweighs correctness."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest
import tinycss2

STYLESHEET = resources.files("sphinx_awards").joinpath("static/awards.css").read_text(encoding="utf-8")
#: Gzipped bytes; the stylesheet is linked only from pages with cards. (4 KiB
#: until the award pages' BibTeX and the print, forced-colours and contrast
#: rules of the theme work: what they need comes first.)
GZIP_BUDGET = 5120


def _rules(nodes):
    """Every qualified rule, also inside @media and @supports blocks."""
    for node in nodes:
        if node.type == "qualified-rule":
            yield node
        elif node.type == "at-rule" and node.content is not None:
            yield from _rules(
                tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            )


TOP_LEVEL = tinycss2.parse_stylesheet(STYLESHEET, skip_comments=True, skip_whitespace=True)
RULES = list(_rules(TOP_LEVEL))


def _selectors(rule) -> list[str]:
    """The selectors of a rule's list, split at its top-level commas only
    (not those inside ``:is()``)."""
    selectors: list[list] = [[]]
    for token in rule.prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [tinycss2.serialize(tokens).strip() for tokens in selectors]


def test_the_stylesheet_parses_rule_by_rule():
    errors = [node for node in TOP_LEVEL if node.type == "error"]
    for rule in RULES:
        declarations = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        errors += [(tinycss2.serialize(rule.prelude), item) for item in declarations if item.type == "error"]
        errors += [
            (tinycss2.serialize(rule.prelude), item.name)
            for item in declarations
            if item.type == "declaration" and not item.value
        ]
    assert len(RULES) > 50
    assert errors == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: tinycss2.serialize(rule.prelude).strip()[:60])
def test_every_selector_is_complete_and_scoped_to_our_markup(rule):
    """A selector list cut short (a trailing ``:root`` that swallows the next
    rule's selector) or a rule for a theme's own elements would restyle
    every page of a site; ours name an award class or attribute, or are the
    custom properties on ``body``."""
    for selector in _selectors(rule):
        assert selector, "empty selector in a list"
        assert "award" in selector or selector == "body", selector
        assert "\n" not in selector.strip(), f"a selector spread over lines: {selector!r}"


def test_the_stylesheet_is_small_once_compressed():
    assert len(gzip.compress(STYLESHEET.encode(), 9)) <= GZIP_BUDGET


def test_the_e_book_stylesheet_has_no_property_epub_forbids():
    """EPUB forbids ``unicode-bidi`` (EPUBCheck's CSS-001); the rest is kept, rule by rule."""
    from sphinx_awards.render.assets import for_e_books

    e_book = for_e_books(STYLESHEET.encode()).decode()
    assert "unicode-bidi" in STYLESHEET and "unicode-bidi" not in e_book
    rules = list(_rules(tinycss2.parse_stylesheet(e_book, skip_comments=True, skip_whitespace=True)))
    assert [tinycss2.serialize(rule.prelude) for rule in rules] == [
        tinycss2.serialize(rule.prelude) for rule in RULES
    ]
