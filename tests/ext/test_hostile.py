"""Hostile data: every case gives its located warning, nothing crashes or
injects, and every output stays well-formed.

One site holds every case of ``hostile_cases.py`` on a page of its own (each
page shows the three directives on its own data file), plus a page without
cards. Each builder runs in a subprocess under a memory and CPU limit, so a
regression that blows up fails the test instead of the machine.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from helpers import inventory, parse_html, skip_or_fail, strip_colors
from hostile_cases import BASE, MARKER, Case, all_cases

MAX_BYTES = 2_000_000
CASES = all_cases(MAX_BYTES)
BUILDERS = ("html", "epub", "man", "texinfo", "text", "latex")
COLORED_BUILDER = "html"
# Sphinx colours its log, and rewrites progress lines in place after an erase
# code, where it thinks it writes to a terminal: FORCE_COLOR (or FORCE_COLOUR) or
# CI=true tell it so, and a CI sets them. Both are taken out of the builds'
# environment and each build is told which it is.
COLOR_VARIABLES = ("FORCE_COLOR", "FORCE_COLOUR", "NO_COLOR", "NO_COLOUR", "PY_COLORS", "CI")
SPHINX_COLOR = re.compile(r"\x1b\[[0-9;]*m")
SPHINX_PROGRESS = re.compile(r"\x1b\[2K(?=\x1b\[01m)")  # erase, then the bold "reading sources..."
MEMORY_LIMIT = 3 * 1024**3
CPU_SECONDS = 600
SECRET = "AWARDS-SECRET-hunter2"
WARNING = re.compile(r"^(?P<location>.+?): WARNING: (?P<message>.*) \[awards\.(?P<subtype>[a-z-]+)\]$")


def _page(index: int) -> str:
    return f"case-{index:03d}"


@dataclass
class Site:
    srcdir: Path
    outdir: Path
    runs: dict[str, subprocess.CompletedProcess]
    warnings: list[re.Match[str]]

    def warnings_of(self, index: int) -> list[re.Match[str]]:
        """The warnings located in the case's data file or on its page."""
        prefixes = (f"data/{_page(index)}.yaml:", f"{_page(index)}.rst:")
        return [w for w in self.warnings if w["location"].startswith(prefixes)]


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def _write_site(srcdir: Path) -> None:
    data = srcdir / "data"
    data.mkdir(parents=True)
    (srcdir / "conf.py").write_text(
        "extensions = ['sphinx_awards']\n"
        "project = 'hostile'\n"
        "show_warning_types = True\n"
        f"awards_max_bytes = {MAX_BYTES}\n"
        "latex_engine = 'xelatex'\n",
        encoding="utf-8",
    )
    toctree = "\n".join(f"   {_page(index)}" for index in range(len(CASES)))
    (srcdir / "index.rst").write_text(
        f"Hostile\n=======\n\n.. toctree::\n\n   other\n{toctree}\n", encoding="utf-8"
    )
    (srcdir / "other.rst").write_text("Other\n=====\n\nA page without cards.\n", encoding="utf-8")
    for index, case in enumerate(CASES):
        page = _page(index)
        path = data / f"{page}.yaml"
        if case.make is not None:
            case.make(path)
        elif isinstance(case.text, bytes):
            path.write_bytes(case.text)
        elif case.text and case.text.startswith("event:"):
            # A namespace keeps ids unique across files; last, so lines stay where they were.
            path.write_text(f"{case.text}namespace: c{index}\n", encoding="utf-8", newline="")
        else:
            path.write_text(case.text or "", encoding="utf-8", newline="")
        directives = (
            case.page or ".. awards-summary:: {data}\n\n.. awards-legend:: {data}\n\n.. awards:: {data}\n"
        )
        (srcdir / f"{page}.rst").write_text(
            f"Case {index}\n{'=' * 12}\n\n" + directives.format(data=f"data/{page}.yaml"), encoding="utf-8"
        )
    # What a page outside the source directory must never show.
    (srcdir.parent / "secret.yaml").write_text(BASE + f"secret: {SECRET}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("hostile")
    srcdir, outdir = root / "src", root / "out"
    _write_site(srcdir)
    runs = {}
    # The HTML build writes as on a terminal (colours, progress lines erased and
    # rewritten), the others as on none: the log test sees both, whatever the
    # environment the tests run in.
    environment = {name: value for name, value in os.environ.items() if name not in COLOR_VARIABLES}
    for builder in BUILDERS:
        command = [sys.executable, "-m", "sphinx", "-b", builder, "-d", str(root / "doctrees")]
        colored = builder == COLORED_BUILDER
        command.append("--color" if colored else "--no-color")
        runs[builder] = subprocess.run(
            [*command, str(srcdir), str(outdir / builder)],
            env=environment | ({"FORCE_COLOR": "1"} if colored else {"NO_COLOR": "1"}),
            capture_output=True,
            text=True,
            errors="replace",
            timeout=CPU_SECONDS,
            preexec_fn=_limits,
            check=False,
        )
    lines = strip_colors(runs["html"].stderr).replace(f"{srcdir}/", "").splitlines()
    warnings = [match for line in lines if (match := WARNING.match(line))]
    return Site(srcdir, outdir, runs, warnings)


def test_there_are_at_least_150_cases():
    assert len(CASES) >= 150


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_finishes_without_a_traceback(site, builder):
    run = site.runs[builder]
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert "Exception occurred" not in run.stderr


def test_every_warning_is_located_and_short(site):
    stderr = strip_colors(site.runs["html"].stderr)
    for line in stderr.splitlines():
        if "WARNING" in line:
            assert WARNING.match(line.replace(f"{site.srcdir}/", "")), line[:300]
            assert len(line) < 700, line[:300]


@pytest.mark.parametrize(
    ("index", "case"), list(enumerate(CASES)), ids=[f"{i:03d}-{c.name[:40]}" for i, c in enumerate(CASES)]
)
def test_case_gives_its_located_warning(site, index, case: Case):
    found = site.warnings_of(index)
    page = parse_html(site.outdir / "html" / f"{_page(index)}.html")
    if case.subtype is None:
        assert found == [], [w.group() for w in found]
        if case.shown:
            assert case.shown in page.get_text(), case.shown
        return
    matching = [w for w in found if w["subtype"] == case.subtype and case.words in w["message"]]
    assert matching, f"no {case.subtype} warning with {case.words!r}; got " + repr(
        [w.group()[:200] for w in found]
    )
    if case.line is None:  # not read at all: located at the directive
        assert any(w["location"].startswith(f"{_page(index)}.rst:") for w in matching)
    else:
        expected = f"data/{_page(index)}.yaml:{case.line}" + (f":{case.column}" if case.column else ":")
        assert any(w["location"].startswith(expected) for w in matching), (
            expected,
            [w["location"] for w in matching],
        )


def test_pages_without_cards_still_build(site):
    for builder, name in (("html", "other.html"), ("text", "other.txt")):
        assert (site.outdir / builder / name).is_file()


def test_epub_files_are_well_formed_xml(site):
    epub = next((site.outdir / "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        names = [n for n in archive.namelist() if n.endswith((".xhtml", ".ncx", ".opf", ".xml"))]
        assert len(names) > len(CASES)
        for name in names:
            ElementTree.fromstring(archive.read(name))  # raises on a file that is not well-formed


def test_man_page_runs_no_request_from_the_data(site):
    groff = shutil.which("groff")
    if groff is None:
        skip_or_fail("CI", "groff is not installed: apt-get install groff-base")
    page = next((site.outdir / "man").glob("*.1"))
    checked = subprocess.run(
        [groff, "-man", "-z", "-ww", str(page)], capture_output=True, text=True, check=False
    )
    assert MARKER not in checked.stderr
    shown = subprocess.run(
        [groff, "-man", "-Tutf8", "-P-c", str(page)], capture_output=True, text=True, check=False
    ).stdout
    assert f".tm {MARKER}" in shown  # the data's words are there, as text


def test_texinfo_and_latex_have_no_raw_control_characters(site):
    texinfo = next((site.outdir / "texinfo").glob("*.texi")).read_text(encoding="utf-8")
    latex = next((site.outdir / "latex").glob("*.tex")).read_text(encoding="utf-8")
    for text in (texinfo, latex):
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", text)
    assert "\\input{/etc/passwd}" not in latex  # escaped: \textbackslash{}input...


def test_inventory_holds_exactly_the_cards_shown(site):
    cards = set()
    for html in (site.outdir / "html").glob("case-*.html"):
        cards |= {article["id"] for article in parse_html(html).select("article.award-card")}
    awards = inventory(site.outdir / "html" / "objects.inv")["awards:award"]
    shown_first = {card for card in cards if not re.search(r"--\d+$", card)}  # not a card shown again
    assert {uri.rpartition("#")[2] for uri, _ in awards.values()} == shown_first
    assert all(re.fullmatch(r"c\d+:[a-z0-9-]+", name) for name in awards)
    assert len(cards) > 100


def test_format_syntax_shows_as_written_in_text_output(site):
    for index, case in enumerate(CASES):
        if case.subtype is None and case.shown:
            text = (site.outdir / "text" / f"{_page(index)}.txt").read_text(encoding="utf-8")
            # The text writer wraps a long word, and words run over lines.
            assert "".join(case.shown.split()) in "".join(text.split()), case.shown


def test_latex_compiles_to_a_pdf(site):
    """Everything the data may hold, escaped for LaTeX: the PDF build finishes."""
    tools = ("xelatex", "latexmk", "make")
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not installed: apt-get install texlive-xetex latexmk"
        skip_or_fail("AWARDS_REQUIRE_TEX", message)
    latex = site.outdir / "latex"
    run = subprocess.run(
        ["make", "-C", str(latex), "all-pdf", "LATEXMKOPTS=-halt-on-error -interaction=nonstopmode"],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=CPU_SECONDS,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert list(latex.glob("*.pdf"))


@pytest.mark.parametrize("builder", BUILDERS)
def test_the_log_shows_escape_and_control_characters_escaped(site, builder):
    """A key written with terminal codes (erase the line, print a fake "build
    succeeded.", a hidden link) is shown as ``\\x1b[2K``, never run. As on a
    terminal, Sphinx's own colour codes, the erase code before each progress line
    and carriage returns are the only ones."""
    log = site.runs[builder].stdout + site.runs[builder].stderr
    if builder == COLORED_BUILDER:  # the first: it reads the pages and warns
        assert "\\x1b[2K" in log
        assert SPHINX_COLOR.search(log)
        assert SPHINX_PROGRESS.search(log)
        log = SPHINX_COLOR.sub("", SPHINX_PROGRESS.sub("", log)).replace("\r", "")
    raw = sorted({char for char in log if (ord(char) < 32 and char != "\n") or 0x7F <= ord(char) <= 0x9F})
    assert raw == [], raw


def test_a_file_outside_the_source_directory_is_never_shown(site):
    for builder in BUILDERS:
        assert SECRET not in site.runs[builder].stderr + site.runs[builder].stdout
        for path in (site.outdir / builder).rglob("*"):
            if path.is_file() and path.suffix not in (".png", ".pdf", ".woff2", ".gz"):
                assert SECRET.encode() not in path.read_bytes(), path


def test_every_page_has_unique_ids_and_every_name_reference_exists(site):
    """Ids that look like another card's parts (``x-t``, ``x-p``, ``x-1``), the
    same cards shown twice: no id twice on any page, in HTML or EPUB."""
    pages = [parse_html(path) for path in (site.outdir / "html").glob("*.html")]
    epub = next((site.outdir / "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        pages += [
            BeautifulSoup(archive.read(name), "html.parser")
            for name in archive.namelist()
            if name.endswith(".xhtml")
        ]
    assert len(pages) > 2 * len(CASES)
    for page in pages:
        ids = Counter(element["id"] for element in page.select("[id]"))
        assert [name for name, count in ids.items() if count > 1] == []
        ours = ".award-card [aria-labelledby], .awards-legend [aria-labelledby], .award-card[aria-labelledby]"
        for element in page.select(ours):
            assert all(name in ids for name in element["aria-labelledby"].split())
