"""A site's PDF in its language, where Sphinx's LaTeX defaults cannot set it.

Sphinx picks the engine and packages by ``language``; for some languages its
defaults stop: Arabic, Hebrew, Persian and Urdu with pdflatex (``rlbabel.def``
missing, any external link ends the run with ``pdf_link_stack empty``), and
with XeLaTeX because ``bidi`` (loaded by polyglossia) must come after every
package Sphinx loads later; Korean with pdflatex (no Hangul). So, unless
``conf.py`` (or ``-D``) sets them, with ``awards_pdf_languages = True``:

* right to left: XeLaTeX, and polyglossia loaded with ``hyperref``, the last
  package of Sphinx's preamble, with a font that has the script (DejaVu);
* Korean: XeLaTeX with xeCJK and the Un fonts (Debian's fonts-unfonts-core).

Chinese (XeLaTeX and xeCJK), Japanese (upLaTeX) and Cyrillic languages
(pdflatex with T2A) build with Sphinx's own defaults once TeX Live has the
language (the README lists the packages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Polyglossia's name and ISO 15924 script of each right-to-left language.
RIGHT_TO_LEFT = {"ar": ("arabic", "Arabic"), "fa": ("persian", "Arabic"), "ur": ("urdu", "Arabic"),
                 "he": ("hebrew", "Hebrew")}  # fmt: skip
#: Sphinx's own last lines of the preamble (``hyperref``), as in its defaults.
_HYPERREF = (
    "\\usepackage{hyperref}\n\\usepackage{hypcap}% it must be loaded after hyperref.\n\\urlstyle{same}\n"
)
#: The script's font: DejaVu Sans sets Arabic and Hebrew (fonts-dejavu-core).
SCRIPT_FONT = "DejaVu Sans"
KOREAN_FONTS = (
    "\\usepackage{fontspec}\n\\usepackage{xeCJK}\n"
    "\\setCJKmainfont{UnBatang}\n\\setCJKsansfont{UnDotum}\n\\setCJKmonofont{UnDotum}\n"
)


def latex_settings(language: str) -> tuple[str, dict[str, str]] | None:
    """The engine and ``latex_elements`` a language's PDF needs beyond
    Sphinx's defaults, or None where those do."""
    code = language.replace("-", "_").partition("_")[0]
    if code in RIGHT_TO_LEFT:
        name, script = RIGHT_TO_LEFT[code]
        setup = (
            "\\usepackage{polyglossia}\n"
            f"\\setmainlanguage{{{name}}}\n\\setotherlanguage{{english}}\n"
            f"\\newfontfamily\\{name}font[Script={script}]{{{SCRIPT_FONT}}}\n"
            f"\\newfontfamily\\{name}fontsf[Script={script}]{{{SCRIPT_FONT}}}\n"
            f"\\newfontfamily\\{name}fonttt[Script={script}]{{{SCRIPT_FONT}}}\n"
        )
        return "xelatex", {"polyglossia": "", "hyperref": _HYPERREF + setup}
    if code == "ko":
        return "xelatex", {"fontenc": KOREAN_FONTS}
    return None


def set_pdf_language(app: Sphinx, config: Config) -> None:
    """``config-inited``: the engine and preamble the language needs, where
    the site has not chosen them (a key of ``latex_elements`` it sets wins)."""
    if not config.awards_pdf_languages:
        return
    settings = latex_settings(config.language or "en")
    if settings is None:
        return
    engine, elements = settings
    chosen = {**getattr(config, "_raw_config", {}), **getattr(config, "_overrides", {})}
    if "latex_engine" in chosen and config.latex_engine != engine:
        return  # the site's choice, whatever it costs
    config.latex_engine = engine
    config.latex_elements = {**elements, **config.latex_elements}
