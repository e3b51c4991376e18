# A site of the furo theme that shows the cards, as a new user would make it.
extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
# Short: pydata and book keep the project name on one line in their navbar.
project = "Awards"
html_theme = "furo"
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
