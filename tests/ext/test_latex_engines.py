"""The PDF of a site as sphinx-quickstart makes it, with each LaTeX engine:
card text with arrows, Greek, Cyrillic, CJK and emoji never stops the build
(pdflatex leaves out what its fonts lack, and says so)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata

import pytest
from helpers import ROOTS, skip_or_fail

ENGINES = ("pdflatex", "xelatex", "lualatex")


def _require(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        packages = "texlive-xetex texlive-luatex tex-gyre latexmk poppler-utils texlive-lang-japanese"
        message = f"{', '.join(missing)} not installed: apt-get install {packages}"
        skip_or_fail("AWARDS_REQUIRE_TEX", message)


def _pdf_words(tmp_path, *options: str, sphinx_says: str = "") -> tuple[str, str]:
    """Build the root's LaTeX with ``options`` (``-D name=value``) and its PDF;
    the build's output and the PDF's words. No warning but ``sphinx_says``
    (one Sphinx itself gives every such site)."""
    out = tmp_path / "latex"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "latex",
            *(() if sphinx_says else ("-W",)),
            *options,
            str(ROOTS / "test-latex-engines"),
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    assert all(sphinx_says and sphinx_says in line for line in build.stderr.splitlines()), build.stderr
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


#: Per language: what TeX needs (a file kpsewhich finds, a font fc-list
#: knows), and words the PDF must hold: the site's own date in the language,
#: the cards' English in reading order. Debian's packages in the message.
LANGUAGES = {
    "zh": ("ctexhook.sty", "", "2030 年 1 月 2 日", "texlive-lang-chinese"),
    "ko": ("xeCJK.sty", "UnBatang", "2030년 1월 2일", "texlive-lang-korean fonts-unfonts-core"),
    "ru": ("russianb.ldf", "", "2 января 2030", "texlive-lang-cyrillic"),
    "ar": ("gloss-arabic.ldf", "DejaVu Sans", "يناير", "texlive-lang-arabic fonts-dejavu-core"),
    "he": ("gloss-hebrew.ldf", "DejaVu Sans", "בינואר", "texlive-lang-other fonts-dejavu-core"),
}


def _require_language(tex_file: str, font: str, packages: str) -> None:
    def output(*command: str) -> str:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()

    if not output("kpsewhich", tex_file) or (font and not output("fc-list", font)):
        message = f"{tex_file} or the font {font!r} missing: apt-get install {packages}"
        skip_or_fail("AWARDS_REQUIRE_TEX", message)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_a_sites_pdf_builds_in_its_language_with_the_documented_settings(language, tmp_path):
    """Sphinx's engine for the language, or the one awards_pdf_languages sets
    (XeLaTeX and polyglossia for Arabic and Hebrew, XeLaTeX and xeCJK for
    Korean): the PDF builds, and English data reads in its order on a
    right-to-left page ("2 papers in many scripts.", not "scripts. many in")."""
    tex_file, font, date, packages = LANGUAGES[language]
    _require("xelatex", "pdflatex", "latexmk", "make", "pdftotext", "kpsewhich", "fc-list")
    _require_language(tex_file, font, packages)
    # Sphinx warns that babel has no Korean (polyglossia and xeCJK set it all the same).
    sphinx_says = "no Babel option known for language 'ko'" if language == "ko" else ""
    _output, words = _pdf_words(tmp_path, "-D", f"language={language}", sphinx_says=sphinx_says)

    # As pdftotext reads them: Arabic in presentation forms, direction marks,
    # spaces between Korean and digits.
    def plain(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())

    assert plain(date) in plain(words)
    assert "2 papers in many scripts." in words
    assert "Plain Title With" in words  # (T2A fonts read back accented Latin letters decomposed)


@pytest.mark.parametrize(
    ("overrides", "engine", "polyglossia_last"),
    [
        ({"language": "ar"}, "xelatex", True),
        ({"language": "he", "latex_elements": {"papersize": "a4paper"}}, "xelatex", True),
        ({"language": "ar", "awards_pdf_languages": False}, "pdflatex", False),  # Sphinx's own choice
        ({"language": "ar", "latex_engine": "lualatex"}, "lualatex", False),  # the site's choice wins
        ({"language": "ko"}, "xelatex", False),
        ({"language": "de"}, "pdflatex", False),
    ],
)
def test_the_pdf_settings_are_set_only_where_the_site_has_not_chosen(
    make_app, tmp_path, overrides, engine, polyglossia_last
):
    """No TeX needed: the LaTeX file says which engine and where polyglossia is loaded."""
    app = make_app("latex", srcdir=ROOTS / "test-latex-engines", builddir=tmp_path, confoverrides=overrides)
    app.build()
    assert app.config.latex_engine == engine
    tex = (app.outdir / "engines.tex").read_text(encoding="utf-8")
    hyperref = tex.index("\\usepackage{hyperref}")
    assert ("\\usepackage{polyglossia}" in tex[hyperref:]) is polyglossia_last
    if "latex_elements" in overrides:
        assert "a4paper" in tex  # the site's own keys are kept
    if overrides["language"] == "ko":
        assert "\\setCJKmainfont{UnBatang}" in tex
