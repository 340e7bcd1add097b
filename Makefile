# Quick start: `make scan` scans samples/, `make test` runs the whole suite.
# Both create the virtual environment .venv when it is missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: scan test bench clean

$(BIN)/secscan: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(BIN)/secscan

# secscan exits 1 when a sample leaks, which is the point of the samples.
scan: $(BIN)/secscan
	-$(BIN)/secscan scan samples/ --no-ledger

test: $(BIN)/secscan
	$(BIN)/python -m pytest -n 2

bench: $(BIN)/secscan
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache
