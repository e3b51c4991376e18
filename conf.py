"""Sphinx configuration of the NeurIPS 2025 Best Paper Awards site."""

import contextlib
import io
import logging
import os
import sys
from pathlib import Path

from sphinx.util.console import bold

# sphinx_awards is installed from this repository (requirements.txt: -e .);
# _ext also holds awards_docs, this site's own helper directive.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# sphinxext-opengraph prints "matplotlib is not installed, social cards will
# not be generated" when imported, even with social cards off (below): import
# it once here, quietly, so that builds print only Sphinx's own lines.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

# MyST echoes its whole configuration on every build; the build log keeps
# Sphinx's own lines and real warnings only.
logging.getLogger("sphinx.myst_parser.sphinx_ext.main").addFilter(
    lambda record: not str(record.msg).startswith(bold("myst v"))
)

project = "NeurIPS 2025 Best Paper Awards"
author = "The sphinx-awards team"
copyright = "2026, the sphinx-awards team"

extensions = ["sphinx_awards", "awards_docs", "myst_parser", "sphinxext.opengraph"]

awards_data = "awards.yaml"
# Each year's data file, for ":year:" on the directives and the archive.
awards_years = {2025: "awards.yaml", 2024: "archive/neurips2024.yaml", 2023: "archive/neurips2023.yaml"}
# A page per award (awards/<id>.html) with Google Scholar's citation tags and
# a Cite menu (BibTeX, RIS, CSL-JSON) on every card.
awards_pages = True

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}

exclude_patterns = [
    ".venv", ".*", "_build", "_ext", "dist", "tests", "benchmarks", "README.md", "CHANGELOG.md",
    "Thumbs.db", ".DS_Store",
]  # fmt: skip
templates_path = ["_templates"]

html_theme = "furo"
html_title = "NeurIPS 2025 Best Paper Awards"
html_static_path = ["_static"]
# Read the Docs tells each build its canonical address.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
html_js_files = [("site.js", {"defer": "defer"})]
html_theme_options = {
    # The pages' reST source is a few directives: "view source" shows nothing useful.
    "top_of_page_buttons": ["edit"],
}
version = release = "2025"

# Link previews (Open Graph and Twitter cards). Social-card images would need
# matplotlib: a text card is enough.
ogp_site_url = html_baseurl or "https://sphinx-awards.readthedocs.io/en/latest/"
ogp_social_cards = {"enable": False}
ogp_enable_meta_description = True
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary_large_image" />']
# The preview image: the front page in Furo's light mode (the README shows it too).
ogp_image = "_static/front-page.png"
ogp_image_alt = "The NeurIPS 2025 Best Paper Awards as cards, in four sections"
html_favicon = "_static/favicon.svg"

# Builders other than HTML. The EPUB's metadata says what it is and who made it.
epub_show_urls = "no"
# EPUBCheck wants the toc.ncx uid (an XML id) equal to the identifier.
epub_uid = epub_identifier = "neurips2025-best-paper-awards"
epub_description = "The NeurIPS 2025 Best Paper Awards: seven papers, as data-driven cards."
epub_publisher = author
epub_contributor = "NeurIPS 2025 Best Paper Award committees (the source page)"
# The link-preview image is for the web; e-readers do not need it.
epub_exclude_files = ["_static/front-page.png"]
# XeLaTeX sets any Unicode text (Ω, √, ł) with the GNU FreeFont faces; the
# decorative emoji are left out of LaTeX by the extension.
latex_engine = "xelatex"
latex_use_xindy = False
latex_show_urls = "footnote"
latex_documents = [("index", "neurips2025-awards.tex", project, author, "howto")]
man_pages = [("index", "neurips2025-awards", project, [author], 7)]
texinfo_documents = [
    ("index", "neurips2025-awards", project, author, "awards", "NeurIPS 2025 awards.", "Misc")
]
