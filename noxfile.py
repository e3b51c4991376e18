"""``make test-compat``: the extension's tests against the installed wheel, per Sphinx version.

The wheel is built once; each session installs it into a fresh venv with one
Sphinx release (and the docutils that release allows), runs ``tests/ext``
against the installed package (never the source folder), then builds an
outside site: a ``sphinx-quickstart`` project with alabaster and the starter
data file that ``sphinx-awards init`` writes, with ``-W --keep-going -n``.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["compat", "too_old"]

ROOT = Path(__file__).parent
DIST = ROOT / ".nox" / "dist"
#: Each Sphinx line with a Python it supports; the newest 9.x needs Python 3.13.
MATRIX = [
    ("3.10", "7.4"),
    ("3.10", "8.1"),
    ("3.11", "8.2"),
    ("3.11", "9.0"),
    ("3.12", "9.1"),
    ("3.13", "9.2"),
]
#: What the wheel must hold besides the modules.
SHIPPED = [
    "static/awards.css",
    "static/awards.js",
    "schema/awards.schema.json",
    "schema/awards-export.schema.json",
    "data/schema_code.py",
    "starter.yaml",
    "py.typed",
]
TEST_TOOLS = [
    "pytest", "beautifulsoup4", "hypothesis", "myst-parser", "sphinx-design", "tinycss2",
    "bibtexparser==2.1.0", "pylatexenc==2.11", "rispy==0.10.0", "sphinxext-opengraph==0.13.0",
    "html5lib==1.1", "lxml==6.2.0",
]  # fmt: skip
PAGE = """
.. awards-summary::

.. awards-legend::

.. awards::
   :level: best

Linked from prose: :award:`fast-builds`.
"""


@nox.session(python=False)
def wheel(session: nox.Session) -> None:
    """Build the wheel and sdist once, into .nox/dist."""
    session.run("rm", "-rf", str(DIST), external=True)
    session.run(sys.executable, "-m", "build", "--outdir", str(DIST), str(ROOT), silent=True)
    with zipfile.ZipFile(_wheel()) as wheel:
        names = set(wheel.namelist())
    expected = {f"sphinx_awards/{name}" for name in SHIPPED}
    if missing := expected - names:
        session.error(f"the wheel lacks {sorted(missing)}")
    if strays := {name for name in names if not name.startswith(("sphinx_awards/", "sphinx_awards-"))}:
        session.error(f"the wheel holds files of the site: {sorted(strays)}")


def _wheel() -> str:
    found = sorted(DIST.glob("sphinx_awards-*.whl"))
    if not found:
        raise RuntimeError("no wheel in .nox/dist: run the 'wheel' session first")
    return str(found[-1])


def _quickstart_site(session: nox.Session) -> Path:
    site = Path(session.create_tmp()).resolve() / "outside-site"
    session.run("rm", "-rf", str(site), external=True)
    session.run(
        "sphinx-quickstart", "-q", "-p", "Outside", "-a", "Someone", "-v", "1",
        "--extensions", "sphinx_awards", "--no-makefile", "--no-batchfile", str(site),
    )  # fmt: skip
    return site


@nox.session(requires=["wheel"])
@nox.parametrize(("python", "sphinx"), MATRIX, ids=[f"sphinx{s}" for _, s in MATRIX])
def compat(session: nox.Session, sphinx: str) -> None:
    """The extension's tests and an outside site, on one Sphinx line."""
    # The package and everything it needs install from wheels alone (no source
    # build, as on a machine without compilers); then the tests' tools.
    session.install("--only-binary", ":all:", _wheel(), f"sphinx=={sphinx}.*")
    session.install(f"{_wheel()}[import]", f"sphinx=={sphinx}.*", *TEST_TOOLS)
    session.run("python", "-c", "import sphinx, docutils; print(sphinx.__version__, docutils.__version__)")
    session.run(
        "pytest", "tests/ext", "-q", "-p", "no:cacheprovider", "-o", "pythonpath=tests",
        # TeX's view of the LaTeX does not change with Sphinx: make test compiles it once.
        "--deselect", "tests/ext/test_hostile.py::test_latex_compiles_to_a_pdf",
        "--deselect", "tests/ext/test_latex_engines.py",
        # PyICU is built once, for make test; here the recorded ICU results are checked.
        env={"AWARDS_TEST_INSTALLED": "1", "AWARDS_REQUIRE_ICU": ""},
    )  # fmt: skip
    site = _quickstart_site(session)
    with session.chdir(site):
        session.run("sphinx-awards", "init", "awards.yaml")
        session.run("sphinx-awards", "check", "awards.yaml")
        with (site / "index.rst").open("a", encoding="utf-8") as index:
            index.write(PAGE)
    session.run(
        "sphinx-build", "-W", "--keep-going", "-n", "-q", "-b", "html", str(site), str(site / "_build")
    )
    html = (site / "_build" / "index.html").read_text(encoding="utf-8")
    if html.count('<article class="award-card"') != 1 or "alabaster" not in html:
        session.error("the outside site does not show its one Best Paper card in alabaster")


@nox.session(python="3.10", requires=["wheel"])
def too_old(session: nox.Session) -> None:
    """On Sphinx 7.3 (below the range), setup fails with one clear line."""
    session.install("sphinx==7.3.7", "pyyaml", "jsonschema", "ftfy")
    session.install("--no-deps", _wheel())
    site = _quickstart_site(session)
    output = session.run(
        "sphinx-build", "-q", "-b", "html", str(site), str(site / "_build"), silent=True, success_codes=[2]
    )
    expected = "sphinx-awards needs Sphinx >= 7.4 (this is Sphinx 7.3.7)"
    if expected not in output or "Traceback" in output:
        session.error(f"expected one line saying {expected!r}, got:\n{output}")
    session.log(f"Sphinx 7.3 refuses the extension with: {expected}")
