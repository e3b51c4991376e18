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
    # The rest of Sphinx's own themes.
    "basic": {},
    "classic": {},
    "scrolls": {},
    "traditional": {},
    "nature": {},
    "pyramid": {},
    "bizstyle": {},
    "epub": {},
    # Bootstrap 3 (sphinx-bootstrap-theme) and 4 (sphinxbootstrap4theme); pydata
    # and book above are Bootstrap 5.
    "bootstrap": {"html_theme": "bootstrap"},
    "bootstrap4": {
        "html_theme": "sphinxbootstrap4theme",
        "theme_path": ("sphinxbootstrap4theme", "get_path"),
        # The theme's script needs jQuery, which Sphinx no longer ships.
        "extensions": ["sphinxcontrib.jquery"],
    },
    # sphinx-material puts a function in html_context, which Sphinx cannot cache.
    "material": {"html_theme": "sphinx_material", "suppress_warnings": ["config.cache"]},
    # sphinx-rtd-dark-mode: Read the Docs' theme with a dark mode the reader toggles.
    "rtd-dark": {
        "html_theme": "sphinx_rtd_theme",
        "extensions": ["sphinx_rtd_dark_mode"],
        "default_dark_mode": False,
    },
    "documatt": {"html_theme": "sphinx_documatt_theme"},
    "readable": {"html_theme": "readable", "theme_path": ("sphinx_readable_theme", "get_html_theme_path")},
    "pdj": {"html_theme": "sphinx_pdj_theme"},
    "dask": {"html_theme": "dask_sphinx_theme"},
    "guzzle": {
        "html_theme": "guzzle_sphinx_theme",
        "extensions": ["guzzle_sphinx_theme"],
        "theme_path": ("guzzle_sphinx_theme", "html_theme_path"),
    },
    "cloud": {"html_theme": "cloud"},
    "py3doc": {
        "html_theme": "sphinx_py3doc_enhanced_theme",
        "theme_path": ("sphinx_py3doc_enhanced_theme", "get_html_theme_path"),
    },
    "pd": {"html_theme": "sphinx_theme_pd", "theme_path": ("sphinx_theme_pd", "get_html_theme_path")},
    "library": {"html_theme": "library"},
    "conestack": {"html_theme": "conestack"},
    "ansible": {"html_theme": "sphinx_ansible_theme"},
    "pylons": {"html_theme": "pylons", "theme_path": ("pylons_sphinx_themes", "get_html_themes_path")},
    "flask": {"html_theme": "flask"},
    # Two themes whose current releases need Python 3.12 and their own pins
    # (ansys: pydata-sphinx-theme 0.23; quantecon: Sphinx < 9): each is built
    # in its own environment (tests/themes/, made by make test).
    "ansys": {"html_theme": "ansys_sphinx_theme"},
    "quantecon": {"html_theme": "quantecon_book_theme"},
    # Sphinx's theme without navigation.
    "nonav": {},
}


def theme_config(name: str) -> dict:
    """The configuration values that put a site in the theme ``name`` (also
    used by tests/ext/test_hostile_pages.py for its sites)."""
    settings = THEMES.get(name, {})
    values = {
        "html_theme": settings.get("html_theme", name),
        "extensions": [*settings.get("extensions", []), "sphinx_awards"],
        "html_theme_options": settings.get("html_theme_options", {}),
        "suppress_warnings": settings.get("suppress_warnings", []),
        "default_dark_mode": settings.get("default_dark_mode", True),  # sphinx-rtd-dark-mode's
    }
    if "theme_path" in settings:  # a theme that registers no entry point
        module, function = settings["theme_path"]
        found = getattr(__import__(module), function)
        found = found() if callable(found) else found
        values["html_theme_path"] = [found] if isinstance(found, str) else list(found)
    return values


globals().update(theme_config(os.environ.get("AWARDS_TEST_THEME", "furo")))
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
