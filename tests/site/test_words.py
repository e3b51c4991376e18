"""The site's own texts (awards.yaml) for any count and every filter the site uses."""

from __future__ import annotations

import pytest
from helpers import REPO

from sphinx_awards import counts
from sphinx_awards.checked import load_awards
from sphinx_awards.messages import Language, format_message
from sphinx_awards.selection import Selection

DATA = load_awards(str(REPO / "awards.yaml")).data
ENGLISH = Language("en")
LEVEL = {level.id: level for level in DATA.levels}
THEME_FILTERS = [(), *((theme.id,) for theme in DATA.themes)]  # the front page, themes/*.rst


def test_the_data_file_is_valid():
    assert load_awards(str(REPO / "awards.yaml")).problems == ()


@pytest.mark.parametrize(
    ("n", "other_tracks", "expected"),
    [
        (0, 0, "Zero Best Papers"),
        (1, 0, "One Best Paper"),
        (1, 1, "One Best Paper (incl. one in Datasets & Benchmarks)"),
        (2, 0, "Two Best Papers"),
        (5, 1, "Five Best Papers (incl. one in Datasets & Benchmarks)"),
        (21, 2, "21 Best Papers (incl. two in Datasets & Benchmarks)"),
    ],
)
def test_best_paper_subtitle_for_any_count(n, other_tracks, expected):
    values = {"n": n, "other_tracks": other_tracks, "other_track_names": "Datasets & Benchmarks"}
    assert format_message(LEVEL["best"].subtitle, values, ENGLISH) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "Zero additional papers recognized for outstanding contributions"),
        (1, "One additional paper recognized for outstanding contributions"),
        (2, "Two additional papers recognized for outstanding contributions"),
        (5, "Five additional papers recognized for outstanding contributions"),
        (21, "21 additional papers recognized for outstanding contributions"),
    ],
)
def test_runner_up_subtitle_for_any_count(n, expected):
    assert format_message(LEVEL["runner-up"].subtitle, {"n": n}, ENGLISH) == expected


@pytest.mark.parametrize(
    ("best", "runners_up", "expected"),
    [
        (0, 0, "Snapshot of the no Best Papers and no Runners-Up"),
        (1, 0, "Snapshot of the one Best Paper and no Runners-Up"),
        (1, 1, "Snapshot of the one Best Paper and one Runner-Up"),
        (2, 5, "Snapshot of the two Best Papers and five Runners-Up"),
        (21, 2, "Snapshot of the 21 Best Papers and two Runners-Up"),
    ],
)
def test_lede_for_any_count(best, runners_up, expected):
    values = {**_values(DATA.awards), "best": best, "runner-up": runners_up}
    assert format_message(DATA.lede, values, ENGLISH).startswith(expected + " awarded at NeurIPS 2025")


@pytest.mark.parametrize(
    ("papers", "expected"), [(0, "0 papers"), (1, "1 paper"), (2, "2 papers"), (21, "21 papers")]
)
def test_meta_label_for_any_count(papers, expected):
    label = next(item.label for item in DATA.meta if "papers" in item.label)
    assert format_message(label, {**_values(DATA.awards), "papers": papers}, ENGLISH) == expected


def _values(awards) -> dict[str, object]:
    return counts.global_values(awards, DATA.levels, DATA.tracks, len(DATA.themes), ENGLISH)


@pytest.mark.parametrize("themes", THEME_FILTERS, ids=lambda t: "+".join(t) or "all")
def test_every_text_under_every_filter_the_site_uses(themes):
    awards = Selection(themes=themes).awards(DATA)
    values = _values(awards)
    texts = [DATA.lede, *(t for item in DATA.meta for t in (item.label, item.text) if t)]
    texts += [t for stat in DATA.stats for t in (stat.label, stat.value, stat.detail) if t]
    for level in DATA.levels:
        in_level = [award for award in awards if award.level == level.id]
        if in_level:
            level_values = counts.level_values(level, in_level, DATA.tracks)
            texts.append(format_message(level.subtitle, {**values, **level_values}, ENGLISH))
    for text in texts:
        filled = format_message(text, values, ENGLISH)
        assert "{" not in filled and "()" not in filled and "(incl. )" not in filled, filled
        assert not filled.startswith(("One papers", "One Best Papers", "One additional papers")), filled
