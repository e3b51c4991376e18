"""The site itself: it builds without a warning and shows the whole source page."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import REPO, TESTS, parse_html, visible_text

SPHINX_BUILD = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q"]


def sphinx_build(builder: str, workdir) -> subprocess.CompletedProcess:
    """Build the site into ``workdir/out``, doctrees beside it."""
    return subprocess.run(
        [*SPHINX_BUILD, "-b", builder, "-d", str(workdir / "doctrees"), str(REPO), str(workdir / "out")],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("site")
    result = sphinx_build("html", workdir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    page = parse_html(workdir / "out" / "index.html")
    page.workdir = workdir
    return page


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_front_page_shows_every_line_of_the_source_page_in_order(site):
    page_text = visible_text(site.select_one("article[role=main]"))
    position = 0
    for line in (TESTS / "site" / "fixtures" / "awards-page.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        found = page_text.find(_normalised(line), position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(_normalised(line))


def test_seven_cards_in_two_sections(site):
    groups = site.select("section.awards-group")
    assert [visible_text(group.h2) for group in groups] == ["Best Papers", "Runner-Up Papers"]
    assert [len(group.select("article.award-card")) for group in groups] == [4, 3]
    assert all(len(card.select(".award-tags > li")) == 3 for card in site.select("article.award-card"))


def test_counts_are_computed(site):
    subtitles = [p.get_text() for p in site.select(".awards-group__subtitle")]
    assert subtitles[0] == "Four Best Papers (incl. one in Datasets & Benchmarks)"
    values = [p.get_text() for p in site.select(".awards-stat__value")]
    assert values == ["7", "5", "2", "Method + Theory"]


def test_legend_has_the_five_themes(site):
    names = [visible_text(li) for li in site.select(".awards-legend__themes > li")]
    assert names == [
        "LLMs & Architectures",
        "Reinforcement Learning",
        "Diffusion & Generative Models",
        "Learning Theory & Scaling",
        "Datasets & Benchmarks",
    ]


def test_papers_link_to_openreview_and_arxiv_with_full_author_lists(site):
    facts = (TESTS / "site" / "fixtures" / "papers.md").read_text(encoding="utf-8")
    rows = [row.split("|") for row in facts.splitlines() if re.match(r"\| \d ", row)]
    cards = site.select("article.award-card")
    assert len(rows) == len(cards) == 7
    for row, card in zip(rows, cards, strict=True):
        title, authors, arxiv, openreview = (cell.strip() for cell in row[3:7])
        assert card.h3.get_text() == title
        authors = re.sub(r"\s*\(.*\)$", "", authors)
        assert card.select_one(".award-authors > p").get_text() == authors
        first = authors.split(", ")[0]
        assert card.select_one("details summary").get_text().endswith(f"{first} et al.")
        hrefs = [a["href"] for a in card.select(".award-links a")]
        assert hrefs == [openreview, f"https://arxiv.org/abs/{arxiv}"]


def test_text_is_real_unicode_not_mojibake(site):
    text = site.get_text()
    assert "Don’t Memorize" in text
    assert "“artificial hivemind”" in text
    assert "โ€" not in text and "๐Ÿ" not in text


@pytest.mark.parametrize(
    "builder", ["dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "xml"]
)
def test_every_builder_builds_the_site_without_warnings(tmp_path, builder):
    result = sphinx_build(builder, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_data_file_page_shows_every_check_at_work(site):
    from sphinx_awards.data.problems import SUBTYPES

    page = parse_html(site.workdir / "out" / "data-file.html")
    listed = {code.get_text() for code in page.select("li code")}
    assert {f"awards.{subtype}" for subtype in SUBTYPES} <= listed
    examples = page.select("dl.awards-checks > dd")
    assert len(examples) >= 15
    for example in examples:
        messages = [code.get_text() for code in example.select("p code")]
        assert messages, example.get_text()
        assert all(re.match(r"awards\.yaml:\d+:\d+: .+ \[awards\.[a-z-]+\]$", m) for m in messages)


#: What no page may show: a plural noun after one, an empty or stray fragment.
WRONG_WORDS = re.compile(
    r"\b(?:[Oo]ne|1) (?:[\w-]+ )?(?:[Pp]apers|[Rr]unners-[Uu]p|cards)\b"
    r"|\(\s*(?:incl\.\s*)?\)|\(incl\. (?:zero|0) |[·•,]\s*[·•,]"
)


def test_no_page_shows_a_wrong_plural_or_an_empty_fragment(site):
    pages = sorted((site.workdir / "out").rglob("*.html"))
    assert len(pages) >= 13
    for path in pages:
        page = parse_html(path)
        # What the cards, tiles and legend say: every template filled in.
        for block in page.select(".awards-summary, .awards-legend, .awards-group"):
            assert "{" not in visible_text(block), (path.name, visible_text(block))
        if path.name not in ("data-file.html", "changes.html"):  # these quote template syntax
            text = visible_text(page)
            assert not WRONG_WORDS.search(text), (path.name, WRONG_WORDS.search(text).group())


@pytest.mark.parametrize("language", ["de", "ja"])
def test_the_site_builds_in_other_languages_with_their_words_and_dates(tmp_path, language):
    result = subprocess.run(
        [*SPHINX_BUILD, "-D", f"language={language}", "-b", "html", str(REPO), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = parse_html(tmp_path / "out" / "index.html")
    date = {"de": "26. November 2025", "ja": "2025年11月26日"}[language]
    view = {"de": "Zum Paper", "ja": "論文を読む"}[language]
    assert page.select_one(".awards-meta time").get_text() == date
    assert page.select_one("article.award-card .award-links a").get_text(strip=True).startswith(view)


def test_the_archive_shows_three_years_with_their_counts(site):
    """2025, 2024 and 2023 on one page: each year's cards and counts, the
    papers in all, and links to each year and to each award's page."""
    archive = parse_html(site.workdir / "out" / "archive.html")
    rows = [visible_text(row) for row in archive.select(".awards-archive__row")]
    assert rows == [
        "NeurIPS 2025 — Best Paper Awards — 7 papers (4 Best · 3 Runner-up)",
        "NeurIPS 2024 — Paper Awards — 7 papers (3 Best · 2 Runner-up · 2 Test of Time)",
        "NeurIPS 2023 — Paper Awards — 5 papers (2 Outstanding · 2 Outstanding D&B · 1 Test of Time)",
    ]
    assert visible_text(archive.select_one(".awards-archive__total")) == "In all: 19 papers"
    years = {visible_text(section.h2): section for section in archive.select("section:has(> h2)")}
    counts = {year: len(section.select("article.award-card")) for year, section in years.items()}
    assert counts == {"NeurIPS 2025": 7, "NeurIPS 2024": 7, "NeurIPS 2023": 5}
    # Only what the sources verify: no 2023 runner-up (named in GitHub notes only).
    assert "Direct Preference Optimization" not in archive.get_text()
    assert "Scaling Data-Constrained" not in archive.get_text()
    # The lede links each year's section; each card's title its award's page.
    links = {a.get_text(): a["href"] for a in archive.select("p a.reference.internal")}
    assert {year: links[year] for year in years} == {
        "NeurIPS 2025": "#archive-2025",
        "NeurIPS 2024": "#archive-2024",
        "NeurIPS 2023": "#archive-2023",
    }
    assert {archive.select_one(links[year])["id"] for year in years} <= {
        "archive-2025",
        "archive-2024",
        "archive-2023",
    }
    title = archive.select_one("#neurips2023--word2vec a.award-page-link")
    assert title["href"] == "awards/neurips2023--word2vec.html"
    ids = [element["id"] for element in archive.select("[id]")]
    assert len(ids) == len(set(ids))
