extensions = ["sphinx_awards", "myst_parser"]
exclude_patterns = ["_build"]
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
