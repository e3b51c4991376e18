"""BibTeX as BibTeX itself reads it: no text of the data can close a field,
add a field or forge an entry, in ``awards.bib`` or an award's own ``.bib``.

bibtexparser reads leniently (a backslash before a brace keeps it out of its
count), so these tests run TeX Live's ``bibtex`` with a style that writes every
field it read (``bibtex/fields.bst``) and biber's ``--tool`` mode, and compare
with the fields written.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import SHARED_DATA, TESTS, skip_or_fail

from sphinx_awards.cli.importer import read_references
from sphinx_awards.data.names import split_name
from sphinx_awards.data.validation import check_document
from sphinx_awards.data.yamlparse import parse_yaml
from sphinx_awards.publish.citations import bibtex_entry, bibtex_fields, bibtex_key
from sphinx_awards.publish.exports import export

#: Texts that close a field or an entry early where braces are escaped with a
#: backslash alone, and their neighbours: unpaired, paired, deep, mixed.
FORGERIES = [
    "x}}} @misc(forged, title={F})",
    '}}, note = "INJECTED", x = "{{',
    "}, note = {INJECTED",
    "Unclosed {brace",
    "Closed} brace",
    "}{ reversed",
    r"a \} backslash brace",
    r"a \{ backslash brace",
    "@comment{ an entry",
    "Deep {{{{{{{{ nesting",
    "Paired {nested {braces}} stay",
    "50% & $x_1^2$ # ~ \\input{x} @",
    "} @inproceedings{forged2, title = {F}} {",
]
NAMES = ["Ada}, note={X}, author={Y", "Smith, Jr., John, III", "Tom and Jerry", "{", "Grace Hopper"]
EVENTS = ["Conference}}, note = {forged", "Plain Conference {2030}", "Event { open"]


def _files() -> list:
    """Data files, each award holding the forgeries in title, abstract and tags."""
    files = []
    for number, event in enumerate(EVENTS):
        document = yaml.safe_load(SHARED_DATA.read_text(encoding="utf-8"))
        document["event"]["title"] = event
        document["namespace"] = f"e{number}"
        template = document["awards"][0]
        document["awards"] = [
            {
                **template,
                "id": f"forgery-{index}",
                "title": text,
                "abstract": f"Abstract: {text}",
                "venue": f"Venue {text}",
                "year": 2013,
                "arxiv": "2505.06708",
                "tags": [text.replace(",", " ")],
                "authors": NAMES,
            }
            for index, text in enumerate(FORGERIES)
        ]
        result = check_document(parse_yaml(f"e{number}.yaml", yaml.safe_dump(document, allow_unicode=True)))
        assert result.problems == () and result.data is not None, result.problems
        files.append(result.data)
    return files


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed: apt-get install texlive-binaries biber"
        skip_or_fail("AWARDS_REQUIRE_TEX", message)
    return path


def _bibtex_reads(bib: str, folder: Path) -> dict[str, dict[str, str]]:
    """Each entry's fields as ``bibtex`` read them (whitespace aside: it wraps lines)."""
    (folder / "awards.bib").write_text(bib, encoding="utf-8")
    aux = "\\citation{*}\n\\bibstyle{fields}\n\\bibdata{awards}\n"
    (folder / "job.aux").write_text(aux, encoding="utf-8")
    run = subprocess.run(
        [_tool("bibtex"), "job"],
        cwd=folder,
        env={**os.environ, "BSTINPUTS": f"{TESTS / 'ext' / 'bibtex'}:"},
        capture_output=True,
        text=True,
        check=False,
    )
    log = (folder / "job.blg").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log  # 1: warnings, 2: errors
    assert "Warning--" not in log and "error message" not in log, log
    entries: dict[str, dict[str, str]] = {}
    bbl = " ".join((folder / "job.bbl").read_text(encoding="utf-8").split())
    for key, kind, body in re.findall(r"\\entry\{([^}]*)\}\{([^}]*)\}(.*?)(?=\\entry\{|$)", bbl):
        assert kind == "inproceedings", key
        entries[key] = dict(_fields(body))
    return entries


def _fields(body: str) -> list[tuple[str, str]]:
    """``\\field{name}{value}`` runs, the value up to its balanced closing brace."""
    fields, position = [], 0
    while (start := body.find("\\field{", position)) != -1:
        name_end = body.index("}{", start)
        name, depth, index = body[start + 7 : name_end], 1, name_end + 2
        while depth:
            depth += {"{": 1, "}": -1}.get(body[index], 0)
            index += 1
        fields.append((name, body[name_end + 2 : index - 1]))
        position = index
    return fields


def _expected(files: list) -> dict[str, dict[str, str]]:
    return {
        bibtex_key(data, award): {name: " ".join(value.split()) for name, value in bibtex_fields(data, award)}
        for data in files
        for award in data.awards
    }


def test_bibtex_reads_exactly_the_fields_written_in_awards_bib(tmp_path):
    files = _files()
    read = _bibtex_reads(export(files, "bibtex"), tmp_path)
    assert read == _expected(files)
    assert len(read) == len(FORGERIES) * len(EVENTS)


@pytest.mark.parametrize("index", [0, 1, 2, 12])
def test_bibtex_reads_each_award_file_alone_as_written(tmp_path, index):
    """An award page's own ``.bib`` holds one entry, and only it."""
    data = _files()[0]
    award = data.awards[index]
    read = _bibtex_reads(bibtex_entry(data, award), tmp_path)
    assert read == _expected([data._replace(awards=(award,))])


def test_biber_reads_the_same_entries_and_fields(tmp_path):
    """Biber (biblatex's reader, with its own parser): every entry, no field more."""
    files = _files()
    (tmp_path / "awards.bib").write_text(export(files, "bibtex"), encoding="utf-8")
    run = subprocess.run(
        [_tool("biber"), "--tool", "--quiet", "--output-file=read.bib", "awards.bib"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "WARN" not in run.stdout + run.stderr, run.stdout + run.stderr
    written = (tmp_path / "read.bib").read_text(encoding="utf-8")
    entries = re.findall(r"^@(\w+)\{([^,]+),\n(.*?)^\}", written, re.MULTILINE | re.DOTALL)
    expected = _expected(files)
    assert {key: kind.lower() for kind, key, _ in entries} == dict.fromkeys(expected, "inproceedings")
    for _, key, body in entries:
        names = {name.lower() for name in re.findall(r"^\s+(\w+)\s*=", body, re.MULTILINE)}
        # biber writes the year as "date" and archivePrefix as "eprinttype", biblatex's names.
        renamed = {"date": "year", "eprinttype": "archiveprefix"}
        names = {renamed.get(name, name) for name in names}
        assert names == set(expected[key]), key


def test_import_reads_the_forgeries_back_as_written(tmp_path):
    """Our importer (bibtexparser and pylatexenc) gives back every text."""
    files = _files()
    bib = tmp_path / "awards.bib"
    bib.write_text(export(files, "bibtex"), encoding="utf-8")
    imported = read_references(str(bib))
    assert imported.problems == []
    titles = [entry.title for entry in imported.entries]
    assert titles == [" ".join(text.split()) for text in FORGERIES] * len(EVENTS)
    assert imported.entries[0].authors == [_shown(split_name(name)) for name in NAMES]


def _shown(name) -> str:
    """A split name as the importer writes it: given, particle, family, suffix."""
    return name.literal or " ".join(
        part for part in (name.given, name.particle, name.family, name.suffix) if part
    )
