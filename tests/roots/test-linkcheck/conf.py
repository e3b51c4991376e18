extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "linkcheck"
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
linkcheck_timeout = 5
linkcheck_retries = 1
