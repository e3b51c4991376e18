"""The awards as data: JSON (against its published schema), BibTeX and RIS
read back by parsers that are not ours, CSL-JSON, the command and the files
written beside the HTML."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from helpers import SHARED_DATA, copy_root, parse_html
from jsonschema import Draft202012Validator
from pylatexenc.latex2text import LatexNodes2Text

import sphinx_awards
from sphinx_awards.checked import load_awards
from sphinx_awards.exports import export
from sphinx_awards.validation import check_document
from sphinx_awards.yamlsource import parse_yaml

EXPORT_SCHEMA = json.loads(
    (Path(sphinx_awards.__file__).parent / "schema" / "awards-export.schema.json").read_text(encoding="utf-8")
)
#: A title and authors with every character BibTeX and LaTeX treat specially.
HOSTILE_TITLE = r"50% of {braces} & $x_1^2$ # ~tilde \input{x}"
HOSTILE_AUTHORS = ["Ada Lovelace", "Tom and Jerry Inc.", "José Ñúñez"]


def _data():
    data = load_awards(str(SHARED_DATA)).data
    assert data is not None
    return data


def _hostile():
    text = SHARED_DATA.read_text(encoding="utf-8")
    text = text.replace('title: "First Paper: Hivemindful Things"', f"title: '{HOSTILE_TITLE}'")
    text = text.replace(
        "authors: [Ada Lovelace, Charles Babbage, Mary Somerville]", "authors: " + json.dumps(HOSTILE_AUTHORS)
    )
    result = check_document(parse_yaml("awards.yaml", text))
    assert result.data is not None and result.problems == (), result.problems
    return result.data


def test_awards_json_validates_against_its_published_schema_and_holds_every_award():
    exported = json.loads(export([_data(), _hostile()], "json"))
    Draft202012Validator.check_schema(EXPORT_SCHEMA)
    assert list(Draft202012Validator(EXPORT_SCHEMA).iter_errors(exported)) == []
    first = exported["files"][0]
    assert [award["id"] for award in first["awards"]] == [award.id for award in _data().awards]
    assert first["year"] == 2030 and exported["version"] == 1


@pytest.mark.parametrize("which", ["plain", "hostile"])
def test_bibtex_reads_back_with_bibtexparser_and_agrees_with_the_data(which):
    data = _data() if which == "plain" else _hostile()
    text = export([data], "bibtex")
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == [award.id for award in data.awards]
    # Authors as BibTeX splits them (" and " outside braces), each decoded from LaTeX.
    people = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors()]).entries
    decode = LatexNodes2Text().latex_to_text
    for entry, split, award in zip(library.entries, people, data.awards, strict=True):
        assert entry.entry_type == "inproceedings"
        # pylatexenc reads \textasciicircum (LaTeX's "^") as U+02C6, its look-alike.
        assert entry["title"].replace("\u02c6", "^") == award.title
        # "Tom and Jerry Inc." stays one name: braced, so BibTeX does not split it.
        assert [decode(name) for name in split["author"]] == list(award.authors)
        assert entry["year"] == "2030" and entry["url"] == award.url


def test_ris_reads_back_with_rispy_and_agrees_with_the_data():
    data = _hostile()
    records = rispy.loads(export([data], "ris"))
    assert [record["title"] for record in records] == [award.title for award in data.awards]
    assert [record["authors"] for record in records] == [list(award.authors) for award in data.awards]
    assert all(record["type_of_reference"] == "CPAPER" and record["year"] == "2030" for record in records)
    assert [record["urls"] for record in records] == [[award.url] for award in data.awards]


def test_csl_json_items_carry_title_authors_in_order_year_and_container():
    data = _hostile()
    items = json.loads(export([data], "csl"))
    assert [item["title"] for item in items] == [award.title for award in data.awards]
    assert items[0]["author"] == [{"literal": name} for name in HOSTILE_AUTHORS]
    assert all(
        item["type"] == "paper-conference" and item["issued"] == {"date-parts": [[2030]]} for item in items
    )
    assert {item["container-title"] for item in items} == {data.title}


def test_the_command_exports_every_format(tmp_path):
    script = Path(sys.executable).with_name("sphinx-awards")
    for format_name in ("json", "bibtex", "ris", "csl"):
        result = subprocess.run(
            [str(script), "export", "--format", format_name, str(SHARED_DATA)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert result.stdout == export([_data()], format_name)
    missing = subprocess.run(
        [str(script), "export", "missing.yaml"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert missing.returncode == 1 and "cannot read the data file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_the_html_build_writes_the_exports_beside_the_pages(make_app, tmp_path):
    srcdir = copy_root("embed", tmp_path / "src")
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build")
    app.build()
    exported = json.loads((app.outdir / "awards.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(EXPORT_SCHEMA).iter_errors(exported)) == []
    ids = [award["id"] for file in exported["files"] for award in file["awards"]]
    assert "first-paper" in ids and "y2024:old-paper" in ids
    for name in ("awards.bib", "awards.ris", "awards.csl.json"):
        assert (app.outdir / name).stat().st_size > 0
    assert parse_html(app.outdir / "index.html").select("article.award-card")


def test_a_noop_build_keeps_the_exports_and_writes_a_missing_one_again(make_app, tmp_path):
    srcdir = copy_root("embed", tmp_path / "src")
    make_app("html", srcdir=srcdir, builddir=tmp_path / "build").build()
    outdir = tmp_path / "build" / "html"

    def written():
        return {path.name: path.stat().st_mtime_ns for path in outdir.glob("awards.*")}

    first = written()
    make_app("html", srcdir=srcdir, builddir=tmp_path / "build").build()
    assert written() == first  # not written again
    (outdir / "awards.bib").unlink()
    make_app("html", srcdir=srcdir, builddir=tmp_path / "build").build()
    assert "@inproceedings{first-paper," in (outdir / "awards.bib").read_text(encoding="utf-8")
    data = srcdir / "awards.yaml"
    renamed = data.read_text(encoding="utf-8").replace("First Paper", "Renamed Paper", 1)
    data.write_text(renamed, encoding="utf-8")
    make_app("html", srcdir=srcdir, builddir=tmp_path / "build").build()
    assert "Renamed Paper" in (outdir / "awards.json").read_text(encoding="utf-8")


def test_exports_can_be_turned_off(make_app, tmp_path):
    srcdir = copy_root("basic", tmp_path / "src")
    app = make_app(
        "html", srcdir=srcdir, builddir=tmp_path / "build", confoverrides={"awards_exports": False}
    )
    app.build()
    assert not (app.outdir / "awards.json").exists()
