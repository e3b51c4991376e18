# make html         build the site into _build/html (creates .venv with the site's requirements when needed)
# make test         lint, then the test suite (adds the test tools to .venv)
# make lint         ruff (lint and format check) and mypy
# make test-compat  the wheel, installed in a fresh venv per supported Sphinx version, under tests/ext
# make dist         the wheel and sdist of sphinx-awards, into dist/
# make serve        live preview with sphinx-autobuild on http://127.0.0.1:$(PORT) (PORT=8000 unless given)
# make clean        remove _build, dist and .nox
# make schema       the data file's JSON Schema compiled to Python (_ext/sphinx_awards/data/schema_code.py)
# make number-words number words of every language ICU spells (_ext/sphinx_awards/text/number_words.json)
# make bench        the benchmark: the site's front page, N = 7, 1,000, 5,000 and 20,000 awards, -j 1 and -j 2;
#                    writes benchmarks/results.rst
# make bench-worst  what a hostile 6 MiB data file costs (time, peak memory), shape by shape
# make latex, text, man, gettext, linkcheck... any Sphinx builder, into _build/<builder>

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -n
BUILDDIR := _build
SITE_STAMP := $(VENV)/.site-installed
DEV_STAMP := $(VENV)/.dev-installed
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# The other Pythons the compatibility matrix needs (pyenv's, where they are).
PYENV_BINS := $(subst $(eval) ,:,$(wildcard $(HOME)/.pyenv/versions/3.1[0-3]*/bin))
# Themes of the matrix whose releases need another Python and other pins than
# the site's venv: each built in a venv of its own (tests/site/test_themes.py).
# Without a Python 3.12 (pyenv's, or on PATH) they are not made, and the theme
# tests say so (a failure where AWARDS_REQUIRE_BROWSER is set, as in CI).
THEME_REQUIREMENTS := $(wildcard tests/roots/test-themes/environments/*.txt)
THEME_ENVS := $(patsubst tests/roots/test-themes/environments/%.txt,$(VENV)/themes/%/.installed,$(THEME_REQUIREMENTS))

.PHONY: html test lint test-compat dist serve clean venv bench bench-worst bench-smoke catalogs screenshots schema number-words
.DEFAULT_GOAL := html

$(SITE_STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt
	touch $@

# PyICU (the oracle of tests/ext/test_icu.py) compiles against ICU's headers:
# installed where they are (Debian: libicu-dev, pkg-config), else the
# comparison with ICU skips and the recorded results are checked.
$(DEV_STAMP): $(SITE_STAMP) requirements-dev.txt
	$(PIP) -r requirements-dev.txt
	if pkg-config --exists icu-i18n 2>/dev/null; then $(PIP) pyicu==2.17; \
	else echo "PyICU not installed: no ICU headers (apt-get install libicu-dev pkg-config)"; fi
	touch $@

venv: $(DEV_STAMP)

html: $(SITE_STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint $(THEME_ENVS)
	$(BIN)/python -m pytest

PYTHON_3_12 := $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3) $(shell command -v python3.12 2>/dev/null))
$(VENV)/themes/%/.installed: tests/roots/test-themes/environments/%.txt $(SITE_STAMP)
	@if [ -z "$(PYTHON_3_12)" ]; then echo "no Python 3.12: the $* theme is not built for the theme tests"; else \
		set -e; rm -rf $(VENV)/themes/$*; $(PYTHON_3_12) -m venv $(VENV)/themes/$*; \
		$(VENV)/themes/$*/bin/python -m pip install --quiet --disable-pip-version-check -r $<; touch $@; fi

# nox refuses --no-color beside FORCE_COLOR (which a CI may set): it is taken away.
test-compat: $(DEV_STAMP)
	env -u FORCE_COLOR PATH="$(PYENV_BINS):$$PATH" $(BIN)/nox --no-color

# The two need one tool each, not the test toolchain: pinned as in requirements-dev.txt.
dist: $(SITE_STAMP)
	$(PIP) $$(grep '^build==' requirements-dev.txt)
	$(BIN)/python -m build --outdir dist .

PORT ?= 8000
serve: $(SITE_STAMP)
	$(PIP) $$(grep '^sphinx-autobuild==' requirements-dev.txt)
	$(BIN)/sphinx-autobuild --port $(PORT) -b html $(SPHINXOPTS) --watch _ext . $(BUILDDIR)/html

clean:
	rm -rf $(BUILDDIR) dist .nox

schema: $(DEV_STAMP)
	$(BIN)/python tools/compile_schema.py

number-words: $(DEV_STAMP)
	$(BIN)/python tools/generate_number_words.py

bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/bench.py

# CI runs the harness at a small N, only to show it works; never a timing test.
# The worst a 6 MiB data file can cost: time and peak memory of check, html and text.
bench-worst: $(DEV_STAMP)
	$(BIN)/python benchmarks/worst_case.py

bench-smoke: $(DEV_STAMP)
	$(BIN)/python benchmarks/bench.py --sizes 20 --runs 1 --small-runs 1 --instruction-sizes --noop-instruction-sizes \
	  --parallel-runs 1 --output $(BUILDDIR)/bench-smoke.rst

# Every builder Sphinx ships (sphinx-build -M), as in sphinx-quickstart's Makefile.
SPHINX_BUILDERS := dirhtml singlehtml pickle json htmlhelp qthelp devhelp epub applehelp latex latexpdf \
	latexpdfja text man texinfo info gettext changes xml pseudoxml linkcheck doctest coverage
.PHONY: $(SPHINX_BUILDERS)
$(SPHINX_BUILDERS): $(SITE_STAMP)
	$(BIN)/sphinx-build -M $@ . $(BUILDDIR) $(SPHINXOPTS)

# The extension's message catalogs: the .pot extracted from the code (a test
# keeps it current), each .po updated from it, then compiled to .mo (shipped).
LOCALE := _ext/sphinx_awards/locale
catalogs: $(DEV_STAMP)
	$(BIN)/pybabel extract --no-location --omit-header --sort-output -k _ -k ngettext:1,2 \
		-o $(LOCALE)/sphinx_awards.pot _ext/sphinx_awards
	for dir in $(LOCALE)/*/; do po=$$dir/LC_MESSAGES/sphinx_awards.po; \
		$(BIN)/pybabel update --no-fuzzy-matching -l $$(basename $$dir) -i $(LOCALE)/sphinx_awards.pot -o $$po; \
		$(BIN)/pybabel compile -i $$po -o $${po%.po}.mo; done

# The docs' "Sphinx themes" page shows the cards in each theme: screenshots
# taken by the theme browser tests (light and dark at 1280 px), copied into gallery/.
screenshots: $(DEV_STAMP)
	AWARDS_UPDATE_GALLERY=1 $(BIN)/python -m pytest -q tests/site/test_themes.py -k screenshots
