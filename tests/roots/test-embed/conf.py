extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "embed"
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
