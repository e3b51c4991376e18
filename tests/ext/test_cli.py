"""The ``sphinx-awards`` command: the build's messages, for pre-commit and CI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOTS, SHARED_DATA

#: The console script pip installs beside the interpreter (from PATH in a venv).
SCRIPT = Path(sys.executable).with_name("sphinx-awards")


def run(*arguments: str, cwd: Path | None = None, module: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "sphinx_awards"] if module else [str(SCRIPT)]
    return subprocess.run(
        [*command, *arguments], capture_output=True, text=True, cwd=cwd or ROOTS, check=False
    )


@pytest.mark.parametrize("module", [False, True], ids=["sphinx-awards", "python -m sphinx_awards"])
def test_valid_file_passes_and_says_so(module):
    result = run("check", "test-basic/awards.yaml", module=module)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "test-basic/awards.yaml: no problems (3 awards)\n",
        "",
    )


def test_default_file_is_awards_yaml(tmp_path):
    (tmp_path / "awards.yaml").write_text("- not a mapping\n", encoding="utf-8")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("awards.yaml:1:1: the top level must be a mapping")


def test_problems_print_as_path_line_column_and_exit_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = (ROOTS / "test-data-errors" / "awards.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("title: First Paper", "titel: First Paper"), encoding="utf-8")
    result = run("check", str(bad), "missing.yaml")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    unknown = f"{bad}:20:5: award 'first': unknown key 'titel'; did you mean 'title'?"
    assert any(line.startswith(unknown) and line.endswith("[awards.unknown-key]") for line in lines)
    assert any(
        line.startswith(f"{bad}:19:5: award 'first': the required key 'title' is missing") for line in lines
    )
    assert lines[-1].startswith("missing.yaml:1:1: cannot read the data file")
    assert "problem(s) in 2 file(s)" in result.stderr


def test_init_writes_a_starter_file_that_passes_the_check(tmp_path):
    result = run("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote awards.yaml" in result.stdout
    assert run("check", "awards.yaml", cwd=tmp_path).returncode == 0
    # Editors with the YAML language server read the first line, and the schema beside it.
    data = (tmp_path / "awards.yaml").read_text(encoding="utf-8")
    assert data.startswith("# yaml-language-server: $schema=awards.schema.json\n")
    schema = json.loads((tmp_path / "awards.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/") and "awards" in schema["properties"]
    again = run("init", cwd=tmp_path)
    assert again.returncode == 1
    assert "exists already; pass --force" in again.stderr


def test_version_is_the_package_version():
    import sphinx_awards

    result = run("--version")
    assert result.stdout.strip() == f"sphinx-awards {sphinx_awards.__version__}"


def test_hostile_files_give_one_located_line_each(tmp_path):
    """What crashed the command before: deep nesting (a segfault), a FIFO (a hang)."""
    (tmp_path / "deep.yaml").write_text("[" * 100_000, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run("check", "deep.yaml", "pipe.yaml", cwd=tmp_path)
    assert result.returncode == 1
    deep, pipe = result.stdout.splitlines()
    # ours stops at 64 levels; libyaml from PyYAML 6.0.4 on at its own 1,000
    assert deep.startswith("deep.yaml:1:") and "nest" in deep and deep.endswith("[awards.yaml]")
    assert pipe == (
        "pipe.yaml:1:1: cannot read the data file: it is a named pipe (FIFO), not a file [awards.file]"
    )


@pytest.mark.parametrize(
    ("make", "target", "said"),
    [
        (lambda d: (d / "adir").mkdir(), "adir", "is a directory; name a file in it"),
        (lambda d: None, "missing/sub/x.yaml", "is not a directory; create it first"),
        (lambda d: (d / "link.yaml").symlink_to(d / "nowhere.yaml"), "link.yaml", "is a symbolic link"),
        (lambda d: _link_to_a_file(d), "ok.yaml", "is a symbolic link"),
    ],
    ids=["directory", "missing-folder", "dangling-link", "link"],
)  # fmt: skip
@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_init_refuses_in_one_line_and_writes_nothing(tmp_path, make, target, said, force):
    make(tmp_path)
    before = sorted(path.name for path in tmp_path.rglob("*"))
    result = run("init", target, *(["--force"] if force else []), cwd=tmp_path)
    assert result.returncode == 1
    assert said in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(path.name for path in tmp_path.rglob("*")) == before
    assert not (tmp_path / "nowhere.yaml").exists()


def _link_to_a_file(folder: Path) -> None:
    (folder / "real.yaml").write_text("x", encoding="utf-8")
    (folder / "ok.yaml").symlink_to(folder / "real.yaml")


def test_check_explains_deep_nesting_without_a_traceback(tmp_path):
    lines = SHARED_DATA.read_text(encoding="utf-8").splitlines()
    deep = "{papers,plural,=0{" * 400 + "x" + "} other {y}}" * 400
    data = "\n".join(f"  lede: '{deep}'" if line.startswith("  lede:") else line for line in lines)
    (tmp_path / "deep.yaml").write_text(data, encoding="utf-8")
    result = run("check", "deep.yaml", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "nest more than 12 deep" in result.stdout and "[awards.template]" in result.stdout


def test_a_key_with_terminal_escapes_is_shown_never_obeyed(tmp_path):
    """A key that would wipe the line and print a fake "build succeeded." (with
    a mis-decoded value under it, whose warning names the key)."""
    lines = SHARED_DATA.read_text(encoding="utf-8").splitlines()
    first = next(index for index, line in enumerate(lines) if line.startswith("  - id: first-paper"))
    hostile = '    "\\e[2K\\rbuild succeeded.\\e]8;;https://evil.example\\e\\\\": "FranÃ§ais Ã©tÃ©"'
    (tmp_path / "escapes.yaml").write_text(
        "\n".join([*lines[: first + 1], hostile, *lines[first + 1 :]]), "utf-8"
    )
    result = run("check", "escapes.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "[awards.mojibake]" in result.stdout and "[awards.unknown-key]" in result.stdout
    assert not any(char in result.stdout + result.stderr for char in "\x1b\r\x07"), repr(result.stdout)
    assert "\\x1b[2K\\rbuild succeeded." in result.stdout  # shown, escaped


def test_schema_prints_the_installed_schema_or_writes_a_copy(tmp_path):
    printed = run("schema", cwd=tmp_path)
    assert printed.returncode == 0
    installed = Path(printed.stdout.strip())
    assert installed.name == "awards.schema.json" and installed.is_file()
    written = run("schema", "--write", ".", cwd=tmp_path)
    assert written.returncode == 0
    assert (tmp_path / "awards.schema.json").read_bytes() == installed.read_bytes()
    assert "# yaml-language-server: $schema=awards.schema.json" in written.stdout
    refused = run("schema", "--write", "nowhere", cwd=tmp_path)
    assert refused.returncode == 1 and "nowhere is not a directory" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize(
    ("command", "said"),
    [("check", "a data file (default: awards.yaml)"), ("init", "the file to write (default: awards.yaml)")],
)
def test_help_says_what_file_is(command, said):
    result = run(command, "--help")
    assert result.returncode == 0
    assert said in " ".join(result.stdout.split())


def test_an_empty_path_is_named_as_such():
    result = run("check", "")
    assert result.returncode == 1
    assert result.stdout.startswith(":1:1: cannot read the data file: the path is empty; name the data file")


def _no_raw_control(text: str) -> bool:
    return not any((ord(char) < 32 and char not in "\n") or 0x7F <= ord(char) <= 0x9F for char in text)


@pytest.mark.parametrize(
    "make_schema",
    [
        lambda d: (d / "awards.schema.json").symlink_to(d / "victim.json"),  # dangling: would be created
        lambda d: ((d / "victim.json").write_text("mine", encoding="utf-8"),
                   (d / "awards.schema.json").symlink_to(d / "victim.json")),  # would be overwritten
        lambda d: (d / "awards.schema.json").mkdir(),
    ],
    ids=["dangling-link", "link-to-a-file", "directory"],
)  # fmt: skip
@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_init_never_writes_the_schema_through_a_link_nor_over_a_folder(tmp_path, make_schema, force):
    make_schema(tmp_path)
    victim = (
        (tmp_path / "victim.json").read_text(encoding="utf-8")
        if (tmp_path / "victim.json").exists()
        else None
    )
    before = sorted(path.name for path in tmp_path.iterdir())
    result = run("init", "awards.yaml", *(["--force"] if force else []), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "awards.schema.json" in result.stderr
    assert (
        sorted(path.name for path in tmp_path.iterdir()) == before
    )  # nothing written, the data file neither
    victim_now = (
        (tmp_path / "victim.json").read_text(encoding="utf-8")
        if (tmp_path / "victim.json").exists()
        else None
    )
    assert victim_now == victim


def test_init_keeps_a_schema_that_is_there_unless_forced(tmp_path):
    (tmp_path / "awards.schema.json").write_text("{}", encoding="utf-8")
    assert run("init", cwd=tmp_path).returncode == 0
    assert (tmp_path / "awards.schema.json").read_text(encoding="utf-8") == "{}"
    assert run("init", "--force", cwd=tmp_path).returncode == 0
    assert json.loads((tmp_path / "awards.schema.json").read_text(encoding="utf-8"))["$schema"]


def test_schema_write_never_writes_through_a_link(tmp_path):
    (tmp_path / "awards.schema.json").symlink_to(tmp_path / "victim.json")
    result = run("schema", "--write", ".", cwd=tmp_path)
    assert result.returncode == 1 and "symbolic link" in result.stderr
    assert not (tmp_path / "victim.json").exists()


@pytest.mark.parametrize("name", ["bad\nnamespace: evil\nx.bib", "esc\x1b[2Kape.bib", "rtl\u202ebib.bib"])
def test_import_writes_a_hostile_file_name_as_text(tmp_path, name):
    """The name goes into the YAML's first comment: a line break there would
    add keys of its own, a terminal code would reach the terminal."""
    bib = tmp_path / name
    bib.write_text(
        "@article{k, title = {T}, author = {A B}, url = {https://example.org/}}\n", encoding="utf-8"
    )
    result = run("import", str(bib), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(yaml.safe_load(result.stdout)) == ["awards"]  # the one key
    assert _no_raw_control(result.stdout + result.stderr)
    assert result.stdout.splitlines()[0].startswith("# 1 award(s) imported from ")


def test_import_shows_a_hostile_entry_key_escaped(tmp_path):
    """bibtexparser's message about an entry quotes its key: shown escaped."""
    (tmp_path / "refs.bib").write_text(
        "@article{k\x1b[2K\x07, title = {One}, author = {A B}}\n"
        "@article{k\x1b[2K\x07, title = {Two}, author = {A B}}\n",
        encoding="utf-8",
    )
    result = run("import", "refs.bib", cwd=tmp_path)
    assert "Duplicate entry key 'k\\x1b[2K\\x07'" in result.stderr  # the repeated one, named
    assert _no_raw_control(result.stdout + result.stderr), repr(result.stderr)
