"""Award pages with markup in every field, in every theme: what a theme is
handed (``title``, ``metatags``, ``body``) is escaped HTML, so no theme writes
the data's markup as markup, wherever it puts the title (``<title>``, the
relation bar, breadcrumbs, Open Graph).

Sphinx's built-in themes and the theme matrix's (``roots/test-themes``), each
a site of one hostile data file with ``awards_pages = True`` and
sphinxext-opengraph, parsed as browsers parse (html5lib).
"""

from __future__ import annotations

import json
import os
import runpy
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import ROOTS, SHARED_DATA, require_theme_environment, strip_colors, theme_python

from sphinx_awards.data.checked import load_awards

#: Markup for HTML, a template for Jinja, a title that ends ``<title>`` early.
MARKUP = "<img src=x onerror=alert(1)>{{ 7*7 }}</title><script>alert(2)</script>\"'&amp;"
BUILT_IN = ["basic", "alabaster", "classic", "sphinxdoc", "scrolls", "agogo", "traditional", "nature",
            "haiku", "pyramid", "bizstyle", "nonav"]  # fmt: skip
THEMES_CONF = ROOTS / "test-themes" / "conf.py"
MATRIX = runpy.run_path(str(THEMES_CONF))["THEMES"]


def _hostile_data() -> str:
    """The shared data file with the markup in every text the pages show."""
    document = yaml.safe_load(SHARED_DATA.read_text(encoding="utf-8"))
    document["event"]["title"] = f"Event {MARKUP}"
    for kind in ("themes", "tracks"):
        for entry in document[kind]:
            entry["name"] = f"{entry['name']} {MARKUP}"
    for level in document["levels"]:
        level["name"] = level["short"] = level["section_title"] = f"{level['name']} {MARKUP}"
    for award in document["awards"]:
        for key in ("title", "summary", "description"):
            award[key] = f"{award[key]} {MARKUP}"
        award["authors"] = [f"{name} {MARKUP}" for name in award["authors"]]
        award["tags"] = [f"{tag} {MARKUP}" for tag in award["tags"]]
        for link in award.get("links", []):
            link["label"] = f"{link['label']} {MARKUP}"
    document["labels"] = {"view_paper": f"View {MARKUP}", "et_al": "et al."}
    return yaml.safe_dump(document, allow_unicode=True)


def _conf(theme: str) -> str:
    """The theme configured as the theme matrix configures it (extensions, options, paths)."""
    return (
        "import runpy\n"
        f"globals().update(runpy.run_path({str(THEMES_CONF)!r})['theme_config']({theme!r}))\n"
        "project = 'Hostile'\nshow_warning_types = True\nawards_pages = True\n"
        # Open Graph's title and description, from the same context.
        "extensions.append('sphinxext.opengraph')\nogp_site_url = 'https://example.org/'\n"
    )


#: ``make test-compat`` installs Sphinx alone (its built-in themes) on each
#: Sphinx line; ``make test`` has the theme matrix too.
THEMES = BUILT_IN + [
    name for name in MATRIX if name not in BUILT_IN and not os.environ.get("AWARDS_TEST_INSTALLED")
]
#: Themes that write the title raw in <title> (``{{ title|striptags }}``,
#: which unescapes): a reST document's title too, so the theme's own finding.
WRITE_THE_TITLE_RAW = {"immaterial"}
#: Themes whose own ``og:title`` on a page that is not a document is the
#: site's title (quantecon-book-theme: ``pagetitle``, else ``docstitle``).
SITE_TITLE_IN_OPEN_GRAPH = {"quantecon": "Hostile  documentation"}


def _build(root: Path, theme: str, title: str = "Other") -> tuple[Path, str]:
    """The theme's site: the hostile cards on the front page, and a page ``other`` titled ``title``."""
    srcdir, outdir = root / theme / "src", root / theme / "html"
    srcdir.mkdir(parents=True)
    (srcdir / "conf.py").write_text(_conf(theme), encoding="utf-8")
    (srcdir / "awards.yaml").write_text(_hostile_data(), encoding="utf-8")
    index = "Hostile\n=======\n\n.. awards-summary::\n\n.. awards::\n\n.. toctree::\n\n   other\n"
    (srcdir / "index.rst").write_text(index, encoding="utf-8")
    (srcdir / "other.rst").write_text(f"{title}\n{'=' * len(title)}\n\nText.\n", encoding="utf-8")
    python, environment = theme_python(theme)
    if not python.exists():
        return outdir, ""  # the theme's test says so (require_theme_environment)
    run = subprocess.run(
        [str(python), "-m", "sphinx", "-q", "-b", "html", str(srcdir), str(outdir)],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return outdir, strip_colors(run.stderr)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """Each theme's site, built in a process of its own (themes register
    config values and nodes that another theme's build in one process trips on)."""
    root = tmp_path_factory.mktemp("hostile-pages")
    with ThreadPoolExecutor(max_workers=2) as pool:
        builds = pool.map(lambda theme: _build(root, theme), THEMES)
        return dict(zip(THEMES, builds, strict=True))


def _parse(path: Path) -> BeautifulSoup:
    """As a browser parses it (html5lib: ``<title>`` holds text up to ``</title>``)."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


@pytest.mark.parametrize("theme", THEMES)
def test_award_pages_write_no_markup_of_the_data_in_any_theme(built, theme):
    require_theme_environment(theme)
    outdir, log = built[theme]
    assert "[awards." not in log
    data = load_awards(str(outdir.parent / "src" / "awards.yaml")).data
    assert data is not None and len(data.awards) == 3
    for award in data.awards:
        page = _parse(outdir / "awards" / f"{data.anchor(award)}.html")
        assert page.select_one("article.award-card h1").get_text() == award.title
        # The title, whole, is the <title>'s text (the invisible word joiner
        # aside; where the theme unescapes, the data's "&amp;" shows as "&").
        title = page.title.get_text().replace("\u2060", "")
        if theme in WRITE_THE_TITLE_RAW:
            title = title.replace("&", "&amp;")
        assert award.title in title, theme
        assert page.select("img[onerror]") == [], theme
        for script in page.select("script"):
            if script.get("type") == "application/ld+json":  # data: JSON, whole
                assert "</" not in (script.string or "")
                assert json.loads(script.string or "")["name"] == award.title
            else:
                assert "alert(" not in (script.string or ""), theme
        # Scholar's title once, as written, where the theme writes metatags;
        # Open Graph's (ours, or the theme's own) hold it whole.
        scholar = [meta["content"] for meta in page.select("meta[name=citation_title]")]
        assert scholar in ([award.title], []), theme
        for meta in page.select("meta[property='og:title']"):  # sphinxext-opengraph's, or a theme's own
            title = meta["content"].replace("\u2060", "")
            assert award.title in title or title == SITE_TITLE_IN_OPEN_GRAPH.get(theme), theme
        assert "49" not in page.get_text()  # {{ 7*7 }} is text, never a template


if WRITE_THE_TITLE_RAW.intersection(THEMES):  # the matrix's themes are installed (make test)

    @pytest.mark.parametrize("theme", sorted(WRITE_THE_TITLE_RAW.intersection(THEMES)))
    def test_a_theme_writing_the_title_raw_does_so_for_a_rest_title_too(tmp_path, theme):
        """The theme's own template, not what the extension hands it: its
        <title> ends early on a reST title holding ``</title>`` (remove the entry once fixed)."""
        outdir, _ = _build(tmp_path, theme, "Raw </title><i>italic</i>")
        page = _parse(outdir / "other.html")
        assert page.select("head i, body > i, html > i")
