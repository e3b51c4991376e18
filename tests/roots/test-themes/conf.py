"""One site, built once per theme: the theme comes from AWARDS_TEST_THEME.

Each entry is what a new user of that theme would write: the theme, the
extensions it needs, and the options that turn on its dark mode where the
theme does not follow the reader's system setting by itself.
"""

import os

THEMES = {
    "furo": {},
    "pydata": {"html_theme": "pydata_sphinx_theme"},
    "book": {"html_theme": "sphinx_book_theme"},
    "alabaster": {},
    "rtd": {"html_theme": "sphinx_rtd_theme"},
    "immaterial": {
        "html_theme": "sphinx_immaterial",
        "extensions": ["sphinx_immaterial"],
        # No fonts from Google: the build must work offline.
        "html_theme_options": {
            "font": False,
            "palette": [
                {"media": "(prefers-color-scheme: light)", "scheme": "default"},
                {"media": "(prefers-color-scheme: dark)", "scheme": "slate"},
            ],
        },
    },
    "piccolo": {"html_theme": "piccolo_theme"},
    "wagtail": {"html_theme": "sphinx_wagtail_theme", "extensions": ["sphinx_wagtail_theme"]},
    "nefertiti": {"html_theme": "sphinx_nefertiti"},
    "python-docs": {"html_theme": "python_docs_theme"},
    "shibuya": {},
    "awesome": {"html_theme": "sphinxawesome_theme"},
    "insipid": {"html_theme": "insipid"},
    # Sphinx's own themes whose link colours fall under 4.5:1 on a card
    # (sphinxdoc 3.4:1, agogo 4.1:1, haiku 4.5:1): the script's floor.
    "sphinxdoc": {},
    "agogo": {},
    "haiku": {},
}

theme = os.environ.get("AWARDS_TEST_THEME", "furo")
settings = THEMES[theme]
html_theme = settings.get("html_theme", theme)
extensions = [*settings.get("extensions", []), "sphinx_awards"]
html_theme_options = settings.get("html_theme_options", {})
exclude_patterns = ["_build"]
# A right-to-left site: AWARDS_TEST_LANGUAGE=ar (or he).
language = os.environ.get("AWARDS_TEST_LANGUAGE", "en")
# Short: pydata and book keep the project name on one line in their navbar.
project = "Awards"
# Warnings end with [type.subtype] (the default from Sphinx 8.0 on).
show_warning_types = True
# The data file is test-basic's (awards.yaml links to it): one file for the roots
# that show the same cards. Built in place, the link leads out of the source
# directory, which awards_data_dirs allows.
awards_data_dirs = ["../test-basic"]
# Pages per award and the Cite menu on every card: checked in every theme.
awards_pages = True
