"""The ``awards_*`` config values: declared once, each with its check.

Sphinx warns when a config value's type differs from its default's, then
builds with the value anyway: ``awards_max_bytes = '100'`` would crash the
build later with a traceback, ``awards_cache = 1`` make a folder named ``1``.
So on ``config-inited``, before Sphinx's own type check (priority 800), each
value is checked as the code uses it, the elements of lists and dicts too; a
wrong one is one located warning naming the value, the type expected and
the default used instead, and the build goes on with that default.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from sphinx.util import logging

from ..data.files import DEFAULT_MAX_BYTES
from ..text.quoting import quote

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_flag(value: object) -> bool:
    return isinstance(value, bool)


def _is_size(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _is_folder_list(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(_is_text(item) for item in value)


def _is_year_map(value: object) -> bool:
    return isinstance(value, dict) and all(
        (_is_text(year) or (isinstance(year, int) and not isinstance(year, bool))) and _is_text(path)
        for year, path in value.items()
    )


def _is_cache(value: object) -> bool:
    return isinstance(value, (bool, str))


class Setting(NamedTuple):
    name: str
    default: Any
    #: Sphinx's ``rebuild``: what a change makes Sphinx do again.
    rebuild: Literal["", "env", "html"]
    #: The types Sphinx's own check is told about.
    types: frozenset[type]
    accepts: Callable[[object], bool]
    #: What ``accepts`` wants, as the warning says it.
    expected: str


SETTINGS = (
    Setting("awards_data", "awards.yaml", "env", frozenset({str}), _is_text, "a file name (str)"),
    Setting("awards_json_ld", True, "html", frozenset({bool}), _is_flag, "True or False"),
    Setting(
        "awards_max_bytes",
        DEFAULT_MAX_BYTES,
        "env",
        frozenset({int}),
        _is_size,
        "a whole number of bytes above 0 (int)",
    ),
    Setting(
        "awards_data_dirs",
        [],
        "env",
        frozenset({list, tuple}),
        _is_folder_list,
        "a list of folder names (list of str)",
    ),
    Setting(
        "awards_years",
        {},
        "env",
        frozenset({dict}),
        _is_year_map,
        "a dict of year to data file, such as {2024: 'archive/2024.yaml'}",
    ),
    Setting("awards_exports", True, "html", frozenset({bool}), _is_flag, "True or False"),
    Setting("awards_pages", False, "html", frozenset({bool}), _is_flag, "True or False"),
    # The engine and preamble of a language whose PDF Sphinx's defaults cannot build (pdf_languages.py).
    Setting("awards_pdf_languages", True, "env", frozenset({bool}), _is_flag, "True or False"),
    Setting(
        "awards_cache",
        False,
        "",
        frozenset({bool, str}),
        _is_cache,
        "True, False or a folder name (str)",
    ),
)


def add_config_values(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild, types=setting.types)


def check_config_values(app: Sphinx, config: Config) -> None:
    """``config-inited``: a value of the wrong type is reported and replaced by its default."""
    for setting in SETTINGS:
        value = getattr(config, setting.name)
        if setting.accepts(value):
            continue
        logger.warning(
            f"{setting.name} = {quote(value)} is not {setting.expected}; the default "
            f"{setting.name} = {setting.default!r} is used: correct it in conf.py",
            location=_assignment(app.confdir, setting.name),
            type="awards",
            subtype="config",
        )
        setattr(config, setting.name, setting.default)


def _assignment(confdir: str | Path, name: str) -> str | None:
    """``conf.py:12``, where ``name`` is set; None where conf.py does not set
    it (``-D`` on the command line)."""
    conf = Path(confdir, "conf.py")
    try:
        text = conf.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = re.search(rf"^{re.escape(name)}\s*[:=]", text, re.MULTILINE)
    return f"{conf}:{text.count(chr(10), 0, found.start()) + 1}" if found else None
