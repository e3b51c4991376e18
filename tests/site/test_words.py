"""The site's own texts (awards.yaml) for any count and every filter the site uses."""

from __future__ import annotations

import pytest
from helpers import REPO

from sphinx_awards.data.checked import load_awards
from sphinx_awards.extension.selection import Selection
from sphinx_awards.render import counts
from sphinx_awards.text.language import Language, TextLanguages
from sphinx_awards.text.messages import format_message

DATA = load_awards(str(REPO / "awards.yaml")).data
ENGLISH = Language("en")
IN_ENGLISH = TextLanguages(ENGLISH, ENGLISH)
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
    return counts.global_values(awards, DATA.levels, DATA.tracks, len(DATA.themes), IN_ENGLISH)


@pytest.mark.parametrize("themes", THEME_FILTERS, ids=lambda t: "+".join(t) or "all")
def test_every_text_under_every_filter_the_site_uses(themes):
    awards = Selection(themes=themes).awards(DATA)
    values = _values(awards)
    texts = [DATA.lede, *(t for item in DATA.meta for t in (item.label, item.text) if t)]
    texts += [t for stat in DATA.stats for t in (stat.label, stat.value, stat.detail) if t]
    for level in DATA.levels:
        in_level = [award for award in awards if award.level == level.id]
        if in_level:
            level_values = counts.level_values(level, in_level, counts.TrackOrder(DATA.tracks))
            texts.append(format_message(level.subtitle, {**values, **level_values}, ENGLISH))
    for text in texts:
        filled = format_message(text, values, ENGLISH)
        assert "{" not in filled and "()" not in filled and "(incl. )" not in filled, filled
        assert not filled.startswith(("One papers", "One Best Papers", "One additional papers")), filled


#: The languages the site is tried in (issue: words in the data's own language).
LANGUAGES = ("de", "ja", "fr", "ru", "pl", "ar", "he", "zh_CN", "pt_BR", "cy", "lt", "ga")


@pytest.fixture(scope="module")
def sites_in_languages(tmp_path_factory):
    """The whole site built with -W in each language, two at a time: what each printed."""
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    out = tmp_path_factory.mktemp("languages")

    def build(language: str) -> tuple[int, str]:
        command = [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html", "-D"]
        command += [f"language={language}", str(REPO), str(out / language)]
        # Docutils has no Welsh or Irish and warns so on every site: not ours.
        if language in ("cy", "ga"):
            command += ["-D", "suppress_warnings=docutils"]
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        return run.returncode, run.stderr

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(LANGUAGES, pool.map(build, LANGUAGES), strict=True))
    return out, results


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_builds_with_w_in_each_language_and_english_stays_english(sites_in_languages, language):
    from helpers import parse_html, visible_text

    out, results = sites_in_languages
    returncode, printed = results[language]
    assert returncode == 0, printed
    page = parse_html(out / language / "index.html")
    # The data's English templates keep English plurals and number words.
    assert visible_text(page.select_one(".awards-group__subtitle")) == (
        "Four Best Papers (incl. one in Datasets & Benchmarks)"
    )
    assert visible_text(page.select_one(".awards-summary__lede")).startswith(
        "Snapshot of the four Best Papers"
    )
