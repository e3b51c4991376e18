# A site as sphinx-quickstart makes it, plus the extension: LaTeX with
# Sphinx's default engine (pdflatex) unless a test sets latex_engine.
project = "Engines"
author = "Tester"
extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
show_warning_types = True
