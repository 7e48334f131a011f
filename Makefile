# kbdesk developer commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test test-core fuzz eval eval-import bench bench-import screenshots lint clean help dist check-dist

help:
	@echo "make run          create .venv, install, open the app on the bundled library"
	@echo "make test         create .venv with test extras and run the whole suite offscreen"
	@echo "make fuzz         the fuzz suite with many examples (make test runs a few)"
	@echo "make eval-import  import quality on blind fixtures: structure, title, furniture"
	@echo "make eval         search quality: hit@3 and MRR@10 per query group"
	@echo "make bench        speed and memory benchmark against SQLite FTS5 and tantivy"
	@echo "make bench-import import of a 5 MB text (target <= 10 s), in three encodings"
	@echo "make screenshots  render the main views into docs/screenshots/"

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
# test can pass only on the day it was written.
LATER := 2028-01-20T16:30:00+08:00

# The layering contracts ([tool.importlinter] in pyproject.toml) are checked first.
test: $(VENV)/.test-installed
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	QT_QPA_PLATFORM=offscreen KBDESK_TEST_NOW=$(LATER) $(BIN)/python -m pytest -q -p no:cacheprovider

test-core: $(VENV)/.test-installed
	$(BIN)/python -m pytest -q -m "not gui"

# The fuzz suite runs in `make test` with a fixed seed and few examples; this runs it longer.
fuzz: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen KBDESK_FUZZ=long $(BIN)/python -m pytest -q tests/fuzz

eval: $(VENV)/.test-installed
	$(BIN)/python -m tests.search_quality.evaluate

# Import quality on the blind fixtures (tests/import_quality), held-out ones reported apart.
eval-import: $(VENV)/.test-installed
	$(BIN)/python -m tests.import_quality.evaluate

# The scaling rows (1,000 and 20,000 documents) make a full run take about half an hour;
# BENCH_ARGS="" runs the 5,000-document bench alone.
BENCH_ARGS ?= --scale 1000,20000

bench: $(VENV)/.bench-installed
	$(BIN)/python -m tests.bench.run $(BENCH_ARGS)
	$(BIN)/python -m tests.bench.importing

bench-import: $(VENV)/.test-installed
	$(BIN)/python -m tests.bench.importing

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
