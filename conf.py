"""Sphinx configuration of the NeurIPS 2025 Best Paper Awards site."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "NeurIPS 2025 Best Paper Awards"
author = "The sphinx-awards team"
copyright = "2026, the sphinx-awards team"

extensions = ["sphinx_awards", "awards_docs", "myst_parser", "sphinxext.opengraph"]

awards_data = "awards.yaml"

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}

exclude_patterns = [".venv", ".*", "_build", "tests", "benchmarks", "README.md", "Thumbs.db", ".DS_Store"]
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
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary" />']

# Builders other than HTML.
epub_show_urls = "no"
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
