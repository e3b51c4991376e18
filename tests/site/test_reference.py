"""The docs' reference is the code's: every config value the extension
declares has its ``confval`` entry (and no entry names a value that is not
there), and every option of every directive is named on the "Using the
directives" page."""

from __future__ import annotations

import re

import pytest
from helpers import REPO

from sphinx_awards.extension import directives
from sphinx_awards.extension.config import SETTINGS

USING = (REPO / "using.rst").read_text(encoding="utf-8")
DIRECTIVES = {
    "awards": directives.Awards,
    "awards-summary": directives.AwardsSummary,
    "awards-legend": directives.AwardsLegend,
    "awards-archive": directives.AwardsArchive,
}


def test_every_config_value_has_its_confval_entry_and_no_other_has_one():
    documented = re.findall(r"^\.\. confval:: (\S+)$", USING, re.MULTILINE)
    assert sorted(documented) == sorted(setting.name for setting in SETTINGS)


@pytest.mark.parametrize("setting", SETTINGS, ids=[setting.name for setting in SETTINGS])
def test_each_confval_entry_gives_the_default_the_code_has(setting):
    entry = re.search(rf"^\.\. confval:: {setting.name}\n((?:   .*\n|\n)+?)\n\S", USING, re.MULTILINE)
    assert entry is not None
    default = re.search(r":default: ``(.*?)``", entry.group(1))
    assert default is not None and default.group(1) == repr(setting.default).replace("'", '"')


def _directive_entry(name: str) -> str:
    """The text of ``.. rst:directive:: .. NAME::``: its indented block."""
    entry = re.search(rf"^\.\. rst:directive:: \.\. {re.escape(name)}::.*\n((?:   .*\n|\n)+)", USING, re.M)
    assert entry is not None, f".. {name}:: has no rst:directive entry on the Using page"
    return entry.group(1)


def test_the_awards_directive_documents_exactly_its_options():
    entry = _directive_entry("awards")
    documented = set(re.findall(r"^ {3}(?:\.\. rst:directive:option::| {24}) +([\w-]+)", entry, re.M))
    assert documented == set(directives.Awards.option_spec or {})


@pytest.mark.parametrize("name", sorted(set(DIRECTIVES) - {"awards"}))
def test_every_option_of_every_other_directive_is_named_in_its_entry(name):
    entry = _directive_entry(name)
    options = set(DIRECTIVES[name].option_spec or {})
    missing = sorted(option for option in options if f"``:{option}:``" not in entry)
    assert missing == [], f".. {name}:: options not in its entry on the Using page"


@pytest.mark.parametrize("role", ["award", "award-page"])
def test_every_role_has_its_entry(role):
    assert f".. rst:role:: {role}\n" in USING
