# kbdesk developer commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test test-core fuzz eval eval-import bench bench-import bench-team screenshots lint clean help check-whoosh dist check-dist

help:
	@echo "make run          create .venv, install, open the app on the bundled library"
	@echo "make test         create .venv with test extras and run the whole suite offscreen"
	@echo "make fuzz         the fuzz suite with many examples (make test runs a few)"
	@echo "make eval         search quality: hit@3 and MRR@10 per query group, app and exported site"
	@echo "make eval-import  import quality: blind fixtures, then the real samples (SAMPLES=folder)"
	@echo "make bench        speed and memory benchmark against SQLite FTS5 and tantivy"
	@echo "make bench-import import of a 5 MB text (target <= 10 s), in three encodings"
	@echo "make bench-team   200 workstations' signed team records: sync, acks --missing, RSS"
	@echo "make screenshots  render the main views into docs/screenshots/"
	@echo "make check-whoosh the pooled writer against the newest whoosh3 (before moving its pin)"
	@echo "make dist         the self-contained bundle, a .tar.gz and a .deb in dist/"
	@echo "make check-dist   run the bundle with no Python, install the .deb (root) and check it"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.run-installed: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e ".[test]"
	touch $@

$(VENV)/.bench-installed: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e ".[test,bench]"
	touch $@

run: $(VENV)/.run-installed
	$(BIN)/kbdesk

# The suite runs on a fixed calendar (tests/clock.py), then again a year and a half later, so no
# test can pass only on the day it was written. The first pass records which tests read the
# calendar (tests/clockreaders.py); the second runs only those. Each pass runs on one process
# per core (TEST_WORKERS), then the tests that measure the UI thread's pauses alone
# (tests/suite.py).
TEST_WORKERS ?= 2

# The layering contracts ([tool.importlinter] in pyproject.toml) and ruff (with its one-clock
# rules: DTZ and the banned calendar calls) are checked first.
test: $(VENV)/.test-installed
	$(BIN)/lint-imports
	$(BIN)/ruff check kbdesk
	$(BIN)/python -m tests.suite --workers $(TEST_WORKERS)

test-core: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -m "not gui"

# The fuzz suite runs in `make test` with a fixed seed and few examples; this runs it longer.
fuzz: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen KBDESK_FUZZ=long $(BIN)/python -m pytest -q tests/fuzz

# The app's figures first, then the exported site's (headless Chromium). Without Chromium the
# app's figures still print, then a line says the site was not measured, and make fails (exit 3).
eval: $(VENV)/.test-installed
	$(BIN)/python -m tests.search_quality.evaluate --site

# Import quality: the blind fixtures (tests/import_quality, held-out ones reported apart), then
# the editors' real samples, kept outside the repository (the suite never reads them).
SAMPLES ?= ../shared/samples

eval-import: $(VENV)/.test-installed
	$(BIN)/python -m tests.import_quality.evaluate
	$(BIN)/python -m tests.eval_import --samples $(SAMPLES)

# The scaling rows (1,000 and 20,000 documents) make a full run take about half an hour;
# BENCH_ARGS="" runs the 5,000-document bench alone.
BENCH_ARGS ?= --scale 1000,20000

bench: $(VENV)/.bench-installed
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)
	$(BIN)/python -m tests.bench.importing
	$(BIN)/python -m tests.bench.team

bench-import: $(VENV)/.test-installed
	$(BIN)/python -m tests.bench.importing

# 200 workstations, 50 documents to acknowledge, 20,000 signed receipts and 2,000 flags on a
# shared folder (tests/bench/team.py; figures in docs/benchmarks.md). Also run by `make bench`.
bench-team: $(VENV)/.test-installed
	$(BIN)/python -m tests.bench.team

# Not part of CI: kbdesk's pooled segment writer (kbdesk/core/search/pool.py) uses only
# Whoosh's public writer interfaces; this runs its equivalence test (the same segment bytes as
# Whoosh's own writer) against the newest whoosh3 on the package index, installed apart into a
# throwaway folder that shadows the pinned one, so the pin in pyproject.toml can move.
check-whoosh: $(VENV)/.test-installed
	newest=$$(mktemp -d "$${TMPDIR:-/tmp}/kbdesk-whoosh-newest-XXXXXX") && \
	$(PIP) install --quiet --no-deps --upgrade --target $$newest whoosh3 && \
	PYTHONPATH=$$newest $(BIN)/python -c \
	    "import whoosh; print('whoosh3', whoosh.versionstring(), 'from', whoosh.__file__)" && \
	PYTHONPATH=$$newest QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
	    -p no:cacheprovider tests/test_search_pool.py; \
	status=$$?; rm -rf $$newest; exit $$status

screenshots: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m kbdesk.gui.screenshots docs/screenshots

lint: $(VENV)/.test-installed
	$(PIP) install --quiet ruff mypy types-PyYAML
	$(BIN)/ruff check kbdesk tests
	$(BIN)/lint-imports
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache

# The self-contained bundle: dist/kbdesk/ (kbdesk with Python and Qt), a .tar.gz of it and a
# Debian package whose Depends name the system libraries it links against (packaging/build.py).
$(VENV)/.dist-installed: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e ".[test,dist]"
	touch $@

dist: $(VENV)/.dist-installed
	$(BIN)/python packaging/build.py

# Runs the bundle in a bubblewrap sandbox with no Python, and the .deb with a bare environment
# (packaging/check_bundle.py; the .deb part needs root).
check-dist: $(VENV)/.dist-installed
	$(BIN)/python packaging/check_bundle.py
