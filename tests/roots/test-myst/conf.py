extensions = ["sphinx_awards", "myst_parser"]
exclude_patterns = ["_build"]
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
# The data file is test-basic's (awards.yaml links to it): one file for the roots
# that show the same cards. Built in place, the link leads out of the source
# directory, which awards_data_dirs allows.
awards_data_dirs = ["../test-basic"]
