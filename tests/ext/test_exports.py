"""The awards as data: JSON (against its published schema), BibTeX and RIS
read back by parsers that are not ours, CSL-JSON, the command and the files
written beside the HTML."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from helpers import SHARED_DATA, copy_root, parse_html
from jsonschema import Draft202012Validator
from pylatexenc.latex2text import LatexNodes2Text

import sphinx_awards
from sphinx_awards.data.checked import load_awards
from sphinx_awards.data.names import split_name
from sphinx_awards.data.validation import check_document
from sphinx_awards.data.yamlparse import parse_yaml
from sphinx_awards.publish.exports import export

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
    # Authors as BibTeX splits them (" and " outside braces, then "Last, First"),
    # each part decoded from LaTeX: the family and given names the data's names hold.
    people = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    ).entries
    decode = LatexNodes2Text().latex_to_text
    for entry, split, award in zip(library.entries, people, data.awards, strict=True):
        assert entry.entry_type == "inproceedings"
        # pylatexenc reads \textasciicircum (LaTeX's "^") as U+02C6, its look-alike.
        assert entry["title"].replace("\u02c6", "^") == award.title
        # "Tom and Jerry Inc." stays one name: braced, so BibTeX does not split it.
        read = [(decode(" ".join(name.last)), decode(" ".join(name.first))) for name in split["author"]]
        expected = [split_name(name) for name in award.authors]
        assert read == [(name.literal or name.family, name.given) for name in expected]
        assert entry["year"] == str(award.year or 2030) and entry["url"] == award.url  # else the event's


def test_ris_reads_back_with_rispy_and_agrees_with_the_data():
    data = _hostile()
    records = rispy.loads(export([data], "ris"))
    assert [record["title"] for record in records] == [award.title for award in data.awards]
    # Family name first, as RIS writes a person.
    assert records[0]["authors"] == ["Lovelace, Ada", "Tom and Jerry Inc.", "Ñúñez, José"]
    assert [record["type_of_reference"] for record in records] == ["CPAPER"] * len(records)
    assert [record["year"] for record in records] == [str(award.year or 2030) for award in data.awards]
    # The paper's address, then its arXiv abstract page (RIS has no tag for the id).
    assert [record["urls"] for record in records] == [
        [award.url, *([f"https://arxiv.org/abs/{award.arxiv}"] if award.arxiv else [])]
        for award in data.awards
    ]
    assert [record.get("file_attachments1") for record in records] == [
        award.link_of("pdf") or None for award in data.awards
    ]


def test_csl_json_items_carry_title_authors_in_order_year_and_container():
    data = _hostile()
    items = json.loads(export([data], "csl"))
    assert [item["title"] for item in items] == [award.title for award in data.awards]
    assert items[0]["author"] == [
        {"family": "Lovelace", "given": "Ada"},
        {"literal": "Tom and Jerry Inc."},
        {"family": "Ñúñez", "given": "José"},
    ]
    assert [item["type"] for item in items] == ["paper-conference"] * len(items)
    # The paper's date, or year, and venue where the data gives them, else the event's.
    assert [item["issued"] for item in items] == [
        {"date-parts": [[2029, 12, 5]]} if award.date else {"date-parts": [[award.year or 2030]]}
        for award in data.awards
    ]
    assert [award.date for award in data.awards].count(None) == len(data.awards) - 1
    assert [item["container-title"] for item in items] == [award.venue or data.title for award in data.awards]


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


@pytest.mark.parametrize("files", [[], ["data"], ["data", "hostile"], ["hostile", "data", "data"]])
def test_the_build_writes_the_four_files_side_by_side_as_each_is_exported_alone(tmp_path, files):
    """The build writes the formats together, an award at a time, splitting
    each award's names once for all: each file is what the format alone gives."""
    from sphinx_awards.publish.exports import FILE_NAMES, _write_side_by_side

    shown = [{"data": _data, "hostile": _hostile}[name]() for name in files]
    targets = {format_name: tmp_path / name for format_name, name in FILE_NAMES.items()}
    _write_side_by_side(shown, targets)
    for format_name, path in targets.items():
        assert path.read_text(encoding="utf-8") == export(shown, format_name), format_name
    assert json.loads(targets["csl"].read_text(encoding="utf-8")) == (
        [] if not files else json.loads(export(shown, "csl"))
    )


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


# -- the exports follow the pages -------------------------------------------------------

EXPORTS = ("awards.json", "awards.bib", "awards.ris", "awards.csl.json")


def _site_without_refs(tmp_path: Path) -> Path:
    """The embed root without the page that links to the 2024 cards (removing
    those would leave dangling links, which is not what these tests are about)."""
    srcdir = copy_root("embed", tmp_path / "src")
    (srcdir / "refs.rst").write_text("References\n==========\n\nNone.\n", encoding="utf-8")
    return srcdir


def _build_site(make_app, srcdir: Path, builddir: Path, builder: str = "html"):
    app = make_app(builder, srcdir=srcdir, builddir=builddir, confoverrides={"awards_pages": True})
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    outdir = Path(app.outdir)
    app.cleanup()
    return outdir


def _exported_ids(outdir: Path) -> dict[str, set[str]]:
    """The award ids each of the four files holds, read by the parsers the exports' tests use."""
    exported = json.loads((outdir / "awards.json").read_text(encoding="utf-8"))
    bib = bibtexparser.parse_string((outdir / "awards.bib").read_text(encoding="utf-8"))
    ris = rispy.loads((outdir / "awards.ris").read_text(encoding="utf-8"))
    csl = json.loads((outdir / "awards.csl.json").read_text(encoding="utf-8"))
    return {
        "json": {award["id"] for file in exported["files"] for award in file["awards"]},
        "bibtex": {entry.key.replace("-", ":", 1) if entry.key.startswith("y2024-") else entry.key
                   for entry in bib.entries},
        "ris": {record["id"] for record in ris},
        "csl": {item["id"] for item in csl},
    }  # fmt: skip


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_removing_a_page_removes_its_awards_from_every_export_and_its_award_pages(
    make_app, tmp_path, builder
):
    srcdir = _site_without_refs(tmp_path)
    outdir = _build_site(make_app, srcdir, tmp_path / "build", builder)
    before = _exported_ids(outdir)
    assert all("y2024:old-paper" in ids for ids in before.values()), before
    old_page = "awards/y2024--old-paper" + (".html" if builder == "html" else "/index.html")
    old_bib = "awards/y2024--old-paper" + (".bib" if builder == "html" else "/index.bib")
    assert (outdir / old_page).is_file() and (outdir / old_bib).is_file()
    (srcdir / "year2024.rst").unlink()
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   year2024\n", ""), encoding="utf-8")
    outdir = _build_site(make_app, srcdir, tmp_path / "build", builder)
    after = _exported_ids(outdir)
    assert all(not any(name.startswith("y2024:") for name in ids) for ids in after.values()), after
    assert {kind: ids for kind, ids in after.items()} == {
        kind: {name for name in ids if not name.startswith("y2024:")} for kind, ids in before.items()
    }
    assert not (outdir / old_page).exists() and not (outdir / old_bib).exists()
    assert (
        outdir / "awards" / ("second-paper.html" if builder == "html" else "second-paper/index.html")
    ).is_file()


def test_renaming_an_award_replaces_its_page_and_entries(make_app, tmp_path):
    srcdir = _site_without_refs(tmp_path)
    data = srcdir / "awards.yaml"
    text = data.read_text(encoding="utf-8")
    data.unlink()  # a link to the shared file: replaced by a copy to edit
    data.write_text(text, encoding="utf-8")
    outdir = _build_site(make_app, srcdir, tmp_path / "build")
    data.write_text(text.replace("- id: second-paper", "- id: renamed-paper"), encoding="utf-8")
    (srcdir / "refs.rst").write_text("References\n==========\n\nNone again.\n", encoding="utf-8")
    outdir = _build_site(make_app, srcdir, tmp_path / "build")
    ids = _exported_ids(outdir)
    assert all("renamed-paper" in found and "second-paper" not in found for found in ids.values()), ids
    assert not list((outdir / "awards").glob("second-paper.*"))
    assert sorted(path.name for path in (outdir / "awards").glob("renamed-paper.*")) == [
        "renamed-paper.bib", "renamed-paper.csl.json", "renamed-paper.html", "renamed-paper.ris"
    ]  # fmt: skip


def test_no_page_showing_cards_leaves_no_export(make_app, tmp_path):
    srcdir = _site_without_refs(tmp_path)
    outdir = _build_site(make_app, srcdir, tmp_path / "build")
    assert all((outdir / name).is_file() for name in EXPORTS)
    for page in ("index.rst", "filters.rst", "year2024.rst", "more/deep.rst"):
        path = srcdir / page
        text = re.sub(r"(?m)^\.\. awards[-a-z]*::.*\n(   .*\n)*", "", path.read_text("utf-8"))
        path.write_text(re.sub(r":(awards:)?award:`[^`]*`", "a card", text), "utf-8")
    outdir = _build_site(make_app, srcdir, tmp_path / "build")
    assert [name for name in EXPORTS if (outdir / name).exists()] == []
    assert not list((outdir / "awards").rglob("*.*"))
    assert (outdir / "index.html").is_file()  # the pages themselves stay


def test_an_unchanged_rebuild_rewrites_no_export(make_app, tmp_path):
    srcdir = _site_without_refs(tmp_path)
    outdir = _build_site(make_app, srcdir, tmp_path / "build")
    times = {name: (outdir / name).stat().st_mtime_ns for name in EXPORTS}
    (srcdir / "unrelated.rst").write_text("Unrelated\n=========\n\nEdited.\n", encoding="utf-8")
    outdir = _build_site(make_app, srcdir, tmp_path / "build")
    assert {name: (outdir / name).stat().st_mtime_ns for name in EXPORTS} == times
