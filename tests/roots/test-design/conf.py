extensions = ["sphinx_awards", "sphinx_design"]
exclude_patterns = ["_build"]
project = "design"
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
