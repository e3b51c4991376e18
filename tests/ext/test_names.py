"""Names as citations need them: one parser for the forms people write, and
"et al." never an author."""

from __future__ import annotations

import json

import pytest
import yaml
from helpers import SHARED_DATA

from sphinx_awards.cli.entries import entries_yaml
from sphinx_awards.cli.importer import read_references
from sphinx_awards.data.names import PersonName, split_name
from sphinx_awards.data.validation import check_document
from sphinx_awards.data.yamlparse import parse_yaml
from sphinx_awards.publish.citations import bibtex_fields, csl_item, ris_record


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("Ada Lovelace", PersonName("Lovelace", "Ada")),
        ("Christopher D Manning", PersonName("Manning", "Christopher D")),
        ("Quoc V. Le", PersonName("Le", "Quoc V.")),
        ("Ludwig van Beethoven", PersonName("Beethoven", "Ludwig", "van")),
        ("Piet van der Berg", PersonName("Berg", "Piet", "van der")),
        ("Martin Luther King Jr.", PersonName("King", "Martin Luther", suffix="Jr.")),
        ("John Smith III", PersonName("Smith", "John", suffix="III")),
        ("Lovelace, Ada", PersonName("Lovelace", "Ada")),
        ("van Beethoven, Ludwig", PersonName("Beethoven", "Ludwig", "van")),
        ("Smith, Jr., John", PersonName("Smith", "John", suffix="Jr.")),
        ("Teven Le\u00a0Scao", PersonName("Le Scao", "Teven")),
        ("{Google DeepMind}", PersonName("Google DeepMind", literal="Google DeepMind")),
        ("Tom and Jerry Inc.", PersonName("Tom and Jerry Inc.", literal="Tom and Jerry Inc.")),
        ("Plato", PersonName("Plato", literal="Plato")),
        ("  Ada   Lovelace ", PersonName("Lovelace", "Ada")),
    ],
)
def test_split_name(written, parts):
    assert split_name(written) == parts


def _data(authors: list[str]):
    document = yaml.safe_load(SHARED_DATA.read_text(encoding="utf-8"))
    document["awards"] = [{**document["awards"][0], "authors": authors}]
    result = check_document(parse_yaml("a.yaml", yaml.safe_dump(document, allow_unicode=True)))
    assert result.problems == () and result.data is not None
    return result.data


def test_each_format_writes_family_names_first_and_et_al_as_no_author():
    data = _data(["Ludwig van Beethoven", "Smith, Jr., John", "Teven Le\u00a0Scao", "et al."])
    award = data.awards[0]
    assert dict(bibtex_fields(data, award))["author"] == (
        "van Beethoven, Ludwig and Smith, Jr., John and {Le Scao}, Teven and others"
    )
    assert csl_item(data, award)["author"] == [
        {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        {"family": "Smith", "given": "John", "suffix": "Jr."},
        {"family": "Le Scao", "given": "Teven"},
    ]
    authors = [line[6:] for line in ris_record(data, award).splitlines() if line.startswith("AU  - ")]
    assert authors == ["van Beethoven, Ludwig", "Smith, John, Jr.", "Le Scao, Teven"]


def test_and_others_imports_as_et_al_and_exports_as_and_others(tmp_path):
    (tmp_path / "refs.bib").write_text(
        "@inproceedings{k, title = {T}, author = {Lovelace, Ada and others}, year = 1843,\n"
        "  booktitle = {Notes}, url = {https://example.org/}}\n",
        encoding="utf-8",
    )
    imported = read_references(str(tmp_path / "refs.bib"))
    assert imported.entries[0].authors == ["Ada Lovelace", "et al."]
    entry = yaml.safe_load(entries_yaml(imported, "refs.bib"))["awards"][0]
    assert entry["authors"] == ["Ada Lovelace", "et al."] and entry["year"] == 1843
    data = _data(entry["authors"])
    assert dict(bibtex_fields(data, data.awards[0]))["author"] == "Lovelace, Ada and others"
    assert json.dumps(csl_item(data, data.awards[0])["author"]) == '[{"family": "Lovelace", "given": "Ada"}]'
