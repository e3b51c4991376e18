extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "python"
version = release = "1.0"
copyright = "2030, the tests"
