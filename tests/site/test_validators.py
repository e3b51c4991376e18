"""The site through validators that others wrote: the Nu HTML Checker on every
page, EPUBCheck on the EPUB. Both run on Java; ``.ci/run`` installs them
(Debian's epubcheck, npm's vnu-jar into .tools/) and makes their absence a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import REPO, skip_or_fail

VNU = Path(
    os.environ.get(
        "AWARDS_VNU_JAR", REPO / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    )
)
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
HINT = "apt-get install default-jre-headless epubcheck; npm install --prefix .tools vnu-jar"


def _require(path: Path) -> None:
    if not path.is_file() or shutil.which("java") is None:
        message = f"{path.name} or java is missing: {HINT}"
        skip_or_fail("AWARDS_REQUIRE_VALIDATORS", message)


def _build(builder: str, out: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-W",
        "--keep-going",
        "-b",
        builder,
        "-d",
        str(out / "doctrees"),
    ]
    subprocess.run([*command, str(REPO), str(out / builder)], check=True)
    return out / builder


def test_nu_html_checker_finds_no_error_on_any_page(tmp_path):
    _require(VNU)
    html = _build("html", tmp_path)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(html)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stderr == ""


def test_epubcheck_finds_nothing(tmp_path):
    _require(EPUBCHECK)
    epub = next(_build("epub", tmp_path).glob("*.epub"))
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos" in result.stdout + result.stderr


def test_epub_metadata_comes_from_conf_py(tmp_path):
    import zipfile

    epub = next(_build("epub", tmp_path).glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("content.opf").decode("utf-8")
    assert "unknown" not in opf
    for element in ("dc:identifier", "dc:description", "dc:contributor", "dc:publisher"):
        assert f"<{element}" in opf
    assert "front-page.png" not in " ".join(zipfile.ZipFile(epub).namelist())
