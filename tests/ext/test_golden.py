"""A card's HTML and its tree for other builders, compared with files that were
read and approved: any change to a card's markup shows up here as a diff.

After a deliberate change, rewrite them with ``AWARDS_UPDATE_GOLDEN=1 make
test`` and review the diff of ``tests/ext/golden/`` before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docutils import nodes
from helpers import SHARED_DATA

from sphinx_awards.data.checked import load_awards
from sphinx_awards.data.model import AwardsData
from sphinx_awards.publish.pages import page_body, scholar_tags
from sphinx_awards.render.card import CardView
from sphinx_awards.render.card_html import card_html
from sphinx_awards.render.card_tree import card_tree
from sphinx_awards.text.language import Language, TextLanguages

GOLDEN = Path(__file__).parent / "golden"
PERMALINK = '<a class="headerlink" href="#{anchor}" title="Link to this card">¶</a>'


def _data() -> AwardsData:
    data = load_awards(str(SHARED_DATA)).data
    assert data is not None
    return data


def _views(site: str = "en") -> dict[str, CardView]:
    data = _data()
    languages = TextLanguages(Language(site), Language("en"))
    return {award.id: CardView.of(data, award, 3, languages) for award in data.awards}


def _compare(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("AWARDS_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with AWARDS_UPDATE_GOLDEN=1 and review it"
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("award_id", ["first-paper", "third-paper"])
def test_card_html_is_the_approved_markup(award_id):
    view = _views()[award_id]
    _compare(f"{award_id}.html", card_html(view, PERMALINK.format(anchor=view.anchor)))


@pytest.mark.parametrize("award_id", ["first-paper", "third-paper"])
def test_card_tree_is_the_approved_tree(award_id):
    _compare(f"{award_id}.tree", outline(card_tree(_views()[award_id])))


def test_card_on_a_right_to_left_page_is_the_approved_markup():
    """An Arabic site showing English data: the card runs right to left, each
    text isolated with its own direction, the emoji tags as they are."""
    view = _views("ar")["first-paper"]
    _compare("first-paper.ar.html", card_html(view, PERMALINK.format(anchor=view.anchor)))
    _compare("first-paper.ar.tree", outline(card_tree(view)))


@pytest.mark.parametrize("award_id", ["first-paper", "third-paper"])
def test_award_page_is_the_approved_markup(award_id):
    """An award's own page: the card unfolded, the paper's record, the Cite
    menu, JSON-LD; and the tags Google Scholar reads."""
    data, view = _data(), _views()[award_id]
    _compare(f"{award_id}.page.html", page_body(view, data, f"{award_id}.html"))
    _compare(f"{award_id}.page.meta", scholar_tags(data, view.award))


def _value(value: object) -> str:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return " ".join(_value(item) for item in value)
    # Where a link is written: the data file, named as the roots name it.
    return str(value).replace(str(SHARED_DATA), "awards.yaml")


def outline(node: nodes.Node, depth: int = 0) -> str:
    """The tree as indented lines, the same on every docutils (whose own
    ``pformat`` writes booleans as 0/1 or False/True)."""
    indent = "    " * depth
    if isinstance(node, nodes.Text):
        return f"{indent}{str(node)!r}\n"
    assert isinstance(node, nodes.Element)
    attributes = "".join(
        f" {name}={_value(value)!r}"
        for name, value in sorted(node.attributes.items())
        if value not in ([], "", None)
    )
    return f"{indent}<{node.tagname}{attributes}>\n" + "".join(
        outline(child, depth + 1) for child in node.children
    )
