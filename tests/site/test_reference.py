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


@pytest.mark.parametrize("name", sorted(DIRECTIVES))
def test_every_option_of_every_directive_is_named_on_the_using_page(name):
    options = set(DIRECTIVES[name].option_spec or {})
    missing = sorted(option for option in options if f"``:{option}:" not in USING)
    assert missing == [], f".. {name}:: options not on the Using page"
