"""Publishing: what Read the Docs runs, the PDF, and the metadata links share."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml
from helpers import REPO, parse_html, skip_or_fail

CANONICAL = "https://awards-example.readthedocs.io/en/latest/"
TEX_PACKAGES = ("texlive-xetex", "texlive-latex-extra", "latexmk", "fonts-freefont-otf", "poppler-utils")


def test_readthedocs_config():
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    assert config["build"]["os"] == "ubuntu-24.04"
    assert config["sphinx"] == {"configuration": "conf.py", "fail_on_warning": True}
    assert sorted(config["formats"]) == ["epub", "pdf"]
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]
    # Read the Docs installs its newest Sphinx first: exact pins replace it.
    pins = dict(
        line.split("==") for line in (REPO / "requirements.txt").read_text().splitlines() if "==" in line
    )
    assert pins["sphinx"].startswith("9.0.")
    assert {
        "furo",
        "docutils",
        "pyyaml",
        "jsonschema",
        "ftfy",
        "myst-parser",
        "sphinxext-opengraph",
    } <= pins.keys()


def test_the_read_the_docs_html_command(tmp_path):
    """Exactly the command Read the Docs runs for HTML, with its environment."""
    output = tmp_path / "rtd"
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_CANONICAL_URL": CANONICAL,
        "READTHEDOCS_OUTPUT": str(output),
    }
    command = [
        sys.executable,
        *"-m sphinx -T -W --keep-going -b html -d _build/doctrees -D language=en .".split(),
    ]
    result = subprocess.run(
        [*command, f"{output}/html"], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    page = parse_html(output / "html" / "index.html")
    assert page.select_one('link[rel="canonical"]')["href"] == CANONICAL + "index.html"
    assert page.select_one('meta[property="og:url"]')["content"] == CANONICAL + "index.html"


@pytest.fixture(scope="module")
def front_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("meta")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "html",
            "-d",
            str(out / "d"),
            str(REPO),
            str(out / "html"),
        ],
        check=True,
    )
    return parse_html(out / "html" / "index.html")


def test_link_previews(front_page):
    meta = {
        tag.get("property") or tag.get("name"): tag["content"] for tag in front_page.select("meta[content]")
    }
    assert meta["og:title"] == "NeurIPS 2025 — Best Paper Awards"
    lede = "Snapshot of the four Best Papers and three Runners-Up awarded at NeurIPS 2025, spanning"
    assert meta["og:description"].startswith(lede)  # the summary's lede, not the page's first words
    assert meta["description"] == meta["og:description"]
    assert len(front_page.select('meta[name="description"]')) == 1
    assert meta["og:type"] == "website"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].endswith("/_static/front-page.png")
    assert meta["og:image:alt"].startswith("The NeurIPS 2025 Best Paper Awards")
    assert front_page.select_one('link[rel~="icon"]')["href"].endswith("favicon.svg")


def test_json_ld_lists_the_seven_papers(front_page):
    (script,) = front_page.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    articles = [entry["item"] for entry in data["itemListElement"]]
    assert len(articles) == 7
    assert all(article["@type"] == "ScholarlyArticle" for article in articles)
    assert {article["award"] for article in articles} == {"Best Paper", "Runner-up"}
    gated = next(article for article in articles if article["name"].startswith("Gated Attention"))
    assert len(gated["author"]) == 13
    assert gated["url"] == "https://openreview.net/forum?id=1b7whO4SfY"
    assert gated["sameAs"] == ["https://arxiv.org/abs/2505.06708"]


def _require(tool: str) -> None:
    if shutil.which(tool) is None:
        message = f"{tool} is not installed: apt-get install {' '.join(TEX_PACKAGES)}"
        skip_or_fail("AWARDS_REQUIRE_TEX", message)


def _squeezed(text: str) -> str:
    """Text without spaces, line breaks and hyphens (LaTeX breaks lines anywhere)."""
    return re.sub(r"[\s\-‐]", "", text)


def test_pdf_holds_every_title_and_author(tmp_path):
    for tool in ("xelatex", "latexmk", "pdftotext"):
        _require(tool)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-M",
            "latexpdf",
            str(REPO),
            str(tmp_path),
            "-W",
            "--keep-going",
            "-q",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pdf = tmp_path / "latex" / "neurips2025-awards.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    log = (tmp_path / "latex" / "neurips2025-awards.log").read_text(errors="replace")
    assert "Missing character" not in log
    assert "Hyper reference" not in log  # every :award: link lands on its card
    awards = yaml.safe_load((REPO / "awards.yaml").read_text(encoding="utf-8"))["awards"]
    for award in awards:
        assert _squeezed(award["title"]) in _squeezed(text), award["title"]
        assert _squeezed(", ".join(award["authors"])) in _squeezed(text), award["id"]
