# Two commands on a fresh machine: `make run` scans the shipped corpus, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench eval render clean

$(VENV)/.run-stamp: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.test-stamp: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.run-stamp

run: $(VENV)/.run-stamp
	$(BIN)/jdcheck scan corpora/ || [ $$? -eq 1 ]

test: $(VENV)/.test-stamp
	$(BIN)/python -m pytest
	$(BIN)/lint-imports

lint: $(VENV)/.test-stamp
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/ruff check jdcheck tests bench corpora/tools
	$(BIN)/mypy jdcheck

render: $(VENV)/.test-stamp
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python corpora/tools/render.py
	$(BIN)/python corpora/tools/golden.py
	$(BIN)/python -m jdcheck.reporters.json_report > schemas/report.schema.json

bench: $(VENV)/.run-stamp
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/python bench/run.py

eval: $(VENV)/.test-stamp
	$(BIN)/python bench/eval.py

clean:
	rm -rf $(VENV) .pytest_cache bench/out
