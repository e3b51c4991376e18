"""A site of several pages over one data file, for ``-j``: each page shows some of its cards."""

extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "parallel"
# awards.yaml links to test-basic's file.
awards_data_dirs = ["../test-basic"]
