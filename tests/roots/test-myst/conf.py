extensions = ["sphinx_awards", "myst_parser"]
exclude_patterns = ["_build"]
