# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint types pytest bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/perspecta

lint: $(STAMP)
	$(BIN)/ruff check core tui tests bench

types: $(STAMP)
	$(BIN)/mypy core

pytest: $(STAMP)
	$(BIN)/pytest

test: lint types pytest

bench: $(STAMP)
	$(BIN)/python bench/attribution.py --split both
	$(BIN)/python bench/speed.py
	$(BIN)/python bench/grouping.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/tui.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
