extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "embed"
