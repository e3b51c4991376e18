"""Translations that read grammatically: Ukrainian and Slovenian, whose
numbers agree with the noun in gender and take several plural forms (two
for Slovenian's dual). The data is English; each count's sentences are
pinned, as a reader of the language writes them."""

from __future__ import annotations

import pytest
from helpers import copy_root, parse_html, visible_text

AWARD = """\
  - id: {level}-{index}
    title: Paper {index} of {level}
    level: {level}
    track: main
    theme: alpha
    summary: A summary.
    description: A description.
    tags: [Words]
    authors: [Ada Lovelace]
    url: https://example.org/{level}/{index}
"""


def _build(make_app, tmp_path, language: str, best: int, runners_up: int):
    srcdir = copy_root("grammar", tmp_path / "src")
    awards = [AWARD.format(level="best", index=i) for i in range(best)]
    awards += [AWARD.format(level="runner-up", index=i) for i in range(runners_up)]
    data = srcdir / "awards.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("awards: []", "awards:\n" + "".join(awards)))
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / "build", confoverrides={"language": language})
    app.build()
    # Every translation accepted (docutils has no Slovenian words of its own, and says so).
    warnings = [line for line in app.warning.getvalue().splitlines() if "[docutils]" not in line]
    assert warnings == []
    page = parse_html(app.outdir / "index.html")
    app.cleanup()
    lede = visible_text(page.select_one(".awards-summary__lede"))
    subtitles = [visible_text(p) for p in page.select(".awards-group__subtitle")]
    return lede, subtitles


@pytest.mark.parametrize(
    ("language", "best", "runners_up", "lede", "subtitles"),
    [
        (
            "uk",
            1,
            1,
            "2 статті цього року: 1 найкраща стаття · 1 фіналіст.",
            ["Одна у цьому розділі", "Один у цьому розділі"],
        ),
        (
            "uk",
            2,
            3,
            "5 статей цього року: 2 найкращі статті · 3 фіналісти.",
            ["Дві у цьому розділі", "Три у цьому розділі"],
        ),
        (
            "uk",
            5,
            21,
            "26 статей цього року: 5 найкращих статей · 21 фіналіст.",
            ["Пʼять у цьому розділі", "21 у цьому розділі"],  # words up to 20, as documented
        ),
        (
            "uk",
            22,
            102,
            "124 статті цього року: 22 найкращі статті · 102 фіналісти.",
            ["22 у цьому розділі", "102 у цьому розділі"],
        ),
        (
            "sl",
            1,
            1,
            "2 članka letos: 1 najboljši članek · 1 nominacija.",
            ["En v tem razdelku", "Ena v tem razdelku"],
        ),
        (
            "sl",
            2,
            3,
            "5 člankov letos: 2 najboljša članka · 3 nominacije.",
            ["Dva v tem razdelku", "3 v tem razdelku"],
        ),
        (
            "sl",
            4,
            102,
            "106 člankov letos: 4 najboljši članki · 102 nominaciji.",
            ["4 v tem razdelku", "102 v tem razdelku"],
        ),
        (
            "sl",
            5,
            101,
            "106 člankov letos: 5 najboljših člankov · 101 nominacija.",
            ["5 v tem razdelku", "101 v tem razdelku"],
        ),
    ],
)
def test_the_translations_agree_in_number_and_gender(
    make_app, tmp_path, language, best, runners_up, lede, subtitles
):
    assert _build(make_app, tmp_path, language, best, runners_up) == (lede, subtitles)


def test_without_a_translation_the_english_counts_read_english(make_app, tmp_path):
    lede, subtitles = _build(make_app, tmp_path, "en", 1, 3)
    assert lede == "4 papers this year: 1 best paper · 3 runners-up."
    assert subtitles == ["One in this section", "Three in this section"]
