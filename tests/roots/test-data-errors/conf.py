extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
