extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "grammar"
show_warning_types = True
# Ukrainian and Slovenian translations of the data's templates: plural
# categories, per-level counts for {levels}, and a subtitle that both levels
# share, agreeing with each level's gender ({gender, select, ...}).
locale_dirs = ["locale"]
