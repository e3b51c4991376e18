extensions = ["sphinx_awards"]
exclude_patterns = ["_build"]
project = "i18n"
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
# Translations of the pages, and of the data's texts, as sphinx-intl lays them out.
locale_dirs = ["locale"]
