extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "python"
version = release = "1.0"
copyright = "2030, the tests"
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
