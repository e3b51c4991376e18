"""The data contract checks itself: the schema, the model and the card agree,
and every warning subtype the code emits is documented (and the other way)."""

from __future__ import annotations

import ast
import datetime
import json
from pathlib import Path

import pytest

import sphinx_awards
from sphinx_awards.data import model
from sphinx_awards.data.problems import SUBTYPES

#: The package under test, where it is installed (the wheel, under nox).
PACKAGE = Path(sphinx_awards.__file__).parent
SCHEMA = json.loads((PACKAGE / "schema" / "awards.schema.json").read_text(encoding="utf-8"))
#: Model fields that say where a value is written, not what the data says.
POSITIONS = {"line", "url_line"}


@pytest.mark.parametrize(
    ("definition", "record"),
    [
        ("award", model.Award),
        ("theme", model.Theme),
        ("track", model.Track),
        ("level", model.Level),
        ("stat", model.Stat),
        ("metaItem", model.MetaItem),
        ("link", model.Link),
    ],
)
def test_each_schema_entry_has_exactly_the_models_fields(definition, record):
    properties = set(SCHEMA["$defs"][definition]["properties"])
    fields = set(record._fields) - POSITIONS
    if record is model.Award:  # the typed links are one field of the model, a key each in the data
        fields = fields - {"typed_links"} | set(model.LINK_KINDS)
    if record is model.Level:  # the key count: a tuple has a count method
        fields = fields - {"count_template"} | {"count"}
    assert properties == fields


def test_the_labels_and_the_top_level_match_the_model():
    assert set(SCHEMA["properties"]["labels"]["properties"]) == set(model.Labels._fields)
    event = set(SCHEMA["properties"]["event"]["properties"])
    top_level = (set(SCHEMA["properties"]) - {"event", "labels"}) | event
    assert top_level == set(model.AwardsData._fields) - {"path", "left_out", "labels"}


def test_the_card_shows_every_field_of_an_award():
    """A new field in the schema and the model is not done until the card
    shows it: each text of an award reaches the card's HTML."""
    from sphinx_awards.publish.citations import csl_item, ris_record
    from sphinx_awards.render.card import CardView
    from sphinx_awards.render.card_html import card_html
    from sphinx_awards.text.language import Language, TextLanguages

    award = model.Award(
        id="x-id",
        title="X-TITLE",
        level="gold",
        track="db",
        theme="alpha",
        summary="X-SUMMARY",
        tags=(model.Tag("", "X-TAG"),),
        description="X-DESCRIPTION",
        authors=("X-AUTHOR-1", "X-AUTHOR-2"),
        url="https://example.org/x-url",
        links=(model.Link("X-LINK", "https://example.org/x-link"),),
        openreview="X-FORUM",
        typed_links=tuple(
            model.Link(kind, f"https://example.org/x-{kind}")
            if kind != "openreview"
            else model.Link(kind, model.OPENREVIEW_FORUM + "X-FORUM")
            for kind in model.LINK_KINDS
        ),
    )
    data = model.AwardsData(
        path="awards.yaml",
        title="T",
        lede="",
        meta=(),
        stats=(),
        themes=(model.Theme("alpha", "X-THEME", "#123456", "#abcdef"),),
        tracks=(model.Track("main", "Main", ""), model.Track("db", "X-TRACK", "X-BADGE")),
        levels=(model.Level("gold", "X-LEVEL", "Gold", "Gold Papers", ""),),
        awards=(award,),
    )
    english = Language("en")
    html = card_html(CardView.of(data, award, 3, TextLanguages(english, english)), "")
    shown = {
        "id": 'id="x-id"',
        "title": "X-TITLE",
        "level": "X-LEVEL",
        "track": "X-BADGE",
        "theme": "#123456",
        "summary": "X-SUMMARY",
        "tags": "X-TAG",
        "description": "X-DESCRIPTION",
        "authors": "X-AUTHOR-2",
        "url": "https://example.org/x-url",
        "links": "https://example.org/x-link",
        "openreview": "forum?id=X-FORUM",
        **{kind: f"https://example.org/x-{kind}" for kind in set(model.LINK_KINDS) - {"openreview"}},
    }
    # The paper's own record is for citations (and the award's page): each
    # field reaches the CSL-JSON item instead of the card.
    paper = {
        "venue": "X-VENUE",
        "year": 1999,
        "doi": "10.1234/x-doi",
        "arxiv": "1234.56789",
        "abstract": "X-ABS",
    }
    cited = json.dumps(csl_item(data, award._replace(**paper)))
    # The day of publication reaches RIS (and CSL's date parts).
    dated = ris_record(data, award._replace(date=datetime.date(1999, 12, 5)))
    assert set(shown) | set(paper) | {"date"} == set(SCHEMA["$defs"]["award"]["properties"])
    assert [field for field, marker in shown.items() if marker not in html] == []
    assert [field for field, value in paper.items() if str(value) not in cited] == []
    assert "DA  - 1999/12/05" in dated


def _emitted_subtypes() -> set[str]:
    """Every subtype the package's code names: ``subtype="..."`` keywords, and
    the subtype argument of its own report helpers (a short hyphenated word
    among their arguments)."""
    helpers = {"report", "fatal", "Problem", "Report", "unreadable", "fail", "warn"}
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):  # a helper's default: def _fatal(..., subtype="yaml")
                arguments = node.args.args[len(node.args.args) - len(node.args.defaults) :]
                found.update(
                    default.value
                    for argument, default in zip(arguments, node.args.defaults, strict=True)
                    if argument.arg == "subtype" and isinstance(default, ast.Constant)
                )
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg == "subtype" and isinstance(keyword.value, ast.Constant):
                    found.add(keyword.value.value)
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in helpers:
                found.update(
                    argument.value
                    for argument in node.args
                    if isinstance(argument, ast.Constant)
                    and isinstance(argument.value, str)
                    and argument.value.replace("-", "").isalpha()
                    and argument.value.islower()
                )
    return found


def test_every_subtype_emitted_is_documented_and_every_documented_one_is_emitted():
    emitted = _emitted_subtypes()
    assert emitted - set(SUBTYPES) == set(), "emitted but not in SUBTYPES"
    # Subtypes that come from a table rather than a literal at the call.
    from sphinx_awards.data.schema import FORMATS

    emitted |= {subtype for _, subtype in FORMATS.values()}
    assert set(SUBTYPES) - emitted == set(), "in SUBTYPES but never emitted"


def test_the_data_file_page_marks_the_keys_the_schema_requires():
    """The docs' key table: "(required)" on the top-level keys the schema
    requires, and the keys each entry requires in its second column."""
    import re

    from helpers import REPO

    page = (REPO / "data-file.rst").read_text(encoding="utf-8")
    rows = re.findall(
        r"^   \* - ``(\w+)``( \(required\))?\n     - (.+?)\n     - ", page, re.MULTILINE | re.DOTALL
    )
    documented = {key: (bool(required), set(re.findall(r"``(\w+)``", keys))) for key, required, keys in rows}
    assert {key for key, (required, _) in documented.items() if required} == set(SCHEMA["required"])
    definitions = {
        "meta": "metaItem",
        "stats": "stat",
        "themes": "theme",
        "tracks": "track",
        "levels": "level",
    }
    definitions |= {"awards": "award"}
    for key, definition in definitions.items():
        required = set(SCHEMA["$defs"][definition].get("required", ()))
        if definition == "metaItem":  # one of text, date, link (oneOf)
            required |= {"text", "date", "link"}
        assert documented[key][1] == required, key
    assert documented["event"][1] == set(SCHEMA["properties"]["event"]["required"])


def test_ids_written_by_the_extension_fit_the_schemas_id():
    """``sphinx-awards import`` cuts ids to the length the schema allows."""
    from sphinx_awards.cli.references import MAX_ID_LENGTH

    assert SCHEMA["$defs"]["id"]["maxLength"] == MAX_ID_LENGTH
