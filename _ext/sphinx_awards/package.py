"""What the package is: its version, the shape of what it pickles, and where
its own files are. Imported by every layer, importing nothing of ours."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.2.0"
#: Bump whenever what the extension stores in a pickled environment or doctree
#: changes shape (the domain's data, ``CardView``, ``extension.datafiles.FileRead``; 6:
#: the records became named tuples; 7: ``CardView`` gained the track's name; 8: ``AwardsData`` its language;
#: 9: anchors join names with two hyphens; 10: ``Award`` its line; 11: the
#: modules moved into layers, the data files' records into the domain's data;
#: 14: a card node points into its grid's packed ``CardViews``, without its words):
#: Sphinx then reads every document again instead of loading objects an older
#: version pickled. (The domain's own ``data_version`` is not bumped: this one
#: covers it.)
ENV_VERSION = 14

#: The package's folder, and its files that are not Python.
PACKAGE_DIR = Path(__file__).parent
SCHEMA_DIR = PACKAGE_DIR / "schema"
STATIC_DIR = PACKAGE_DIR / "static"
LOCALE_DIR = PACKAGE_DIR / "locale"
STARTER = PACKAGE_DIR / "starter.yaml"
