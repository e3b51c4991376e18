"""The extension's own words: the template catalog is what the code asks
for (``make catalogs`` extracts it), and every shipped language has them all."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import sphinx_awards

PACKAGE = Path(sphinx_awards.__file__).parent
LOCALE = PACKAGE / "locale"
LANGUAGES = sorted(path.name for path in LOCALE.iterdir() if path.is_dir())


def _ids(path: Path) -> set[str | tuple[str, ...]]:
    with path.open("rb") as stream:
        return {message.id for message in read_po(stream) if message.id}


def test_the_template_catalog_is_what_the_code_asks_for():
    keywords = {"_": None, "ngettext": (1, 2)}
    in_code = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=keywords
    ):
        in_code.add(message if isinstance(message, str) else tuple(message))
    assert _ids(LOCALE / "sphinx_awards.pot") == in_code, "run make catalogs"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_translates_every_word(language):
    po = LOCALE / language / "LC_MESSAGES" / "sphinx_awards.po"
    with po.open("rb") as stream:
        catalog = read_po(stream)
    untranslated = [
        message.id
        for message in catalog
        if message.id and not all(message.string if isinstance(message.string, tuple) else [message.string])
    ]
    assert _ids(po) == _ids(LOCALE / "sphinx_awards.pot")
    assert untranslated == []

    # The compiled catalog says what its source says.
    def texts(messages):
        return {_key(message.id): _key(message.string) for message in messages if message.id}

    with po.with_suffix(".mo").open("rb") as stream:
        assert texts(read_mo(stream)) == texts(catalog)


def _key(text):
    return text if isinstance(text, str) else tuple(text)
