# make html   build the site into _build/html (creates .venv when needed)
# make test   lint, then the test suite (which builds the site with -W)
# make serve  live preview with sphinx-autobuild
# make clean  remove _build
# make bench  the benchmark: N = 7, 1,000 and 5,000 awards, three ways; writes benchmarks/results.rst
# make latex, text, man, ... any other Sphinx builder, into _build/<builder>

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going -n
BUILDDIR := _build
STAMP := $(VENV)/.installed

.PHONY: html test lint serve clean venv bench bench-smoke
.DEFAULT_GOAL := html

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(STAMP)

html: $(STAMP)
	$(BIN)/sphinx-build -b html $(SPHINXOPTS) . $(BUILDDIR)/html

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/sphinx-autobuild -b html $(SPHINXOPTS) --watch _ext . $(BUILDDIR)/html

clean:
	rm -rf $(BUILDDIR)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# CI runs the harness at a small N, only to show it works; never a timing test.
bench-smoke: $(STAMP)
	$(BIN)/python benchmarks/bench.py --sizes 20 --runs 1 --output $(BUILDDIR)/bench-smoke.rst

dirhtml singlehtml epub latex latexpdf text man texinfo xml: $(STAMP)
	$(BIN)/sphinx-build -M $@ . $(BUILDDIR) $(SPHINXOPTS)
