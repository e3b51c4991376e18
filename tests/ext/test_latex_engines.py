"""The PDF of a site as sphinx-quickstart makes it, with each LaTeX engine:
card text with arrows, Greek, Cyrillic, CJK and emoji never stops the build
(pdflatex leaves out what its fonts lack, and says so)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from helpers import ROOTS, skip_or_fail

ENGINES = ("pdflatex", "xelatex", "lualatex")


def _require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        packages = "texlive-xetex texlive-luatex tex-gyre latexmk poppler-utils texlive-lang-japanese"
        message = f"{', '.join(missing)} not installed: apt-get install {packages}"
        skip_or_fail("AWARDS_REQUIRE_TEX", message)


def _pdf_words(tmp_path, *options: str) -> tuple[str, str]:
    """Build the root's LaTeX with ``options`` (``-D name=value``) and its PDF;
    the build's output and the PDF's words."""
    out = tmp_path / "latex"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "latex",
            "-W",
            *options,
            str(ROOTS / "test-latex-engines"),
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    run = subprocess.run(
        ["make", "-C", str(out), "all-pdf", "LATEXMKOPTS=-halt-on-error -interaction=nonstopmode"],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    text = subprocess.run(
        ["pdftotext", str(out / "engines.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return build.stdout, " ".join(text.split())


@pytest.mark.parametrize("engine", ENGINES)
def test_the_pdf_builds_with_every_engine(engine, tmp_path):
    _require(engine, "latexmk", "make", "pdftotext")
    output, words = _pdf_words(tmp_path, "-D", f"latex_engine={engine}")
    assert "Plain Title With Ünïcödé Latin" in words
    assert "Polish Zażółć" in words
    assert "View paper ↗" in words  # \nearrow in pdflatex, the glyph elsewhere
    if engine == "pdflatex":
        # Left out, and said once in the build's output; a title of CJK alone is named by its id.
        assert "Tieng Viet" in words and "日本語" not in words
        assert "left out" in output and "pdflatex cannot set" in output
        assert "cjk" in words
    else:
        assert "Ελληνικά" in words and "Tiếng Việt" in words


def test_a_japanese_sites_pdf_builds_with_its_default_engine(tmp_path):
    """Sphinx's engine for ``ja`` is upLaTeX, which sets kana and kanji but not
    Vietnamese or Greek: the cards keep what it sets (and say what they left
    out), and the PDF builds."""
    _require("uplatex", "latexmk", "make", "pdftotext")
    output, words = _pdf_words(tmp_path, "-D", "language=ja")
    assert "uplatex cannot set" in output
    assert "日本語" in words and "テーマの凡例" in words  # the card's Japanese, and our own words in Japanese
    assert "Plain Title With Ünïcödé Latin" in words and "Tieng Viet" in words
