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

# Scans samples/ and records each check in a demo ledger, then lists the ledger.
# secscan exits 1 when a sample leaks, which is the point of the samples; 2 would be an error.
DEMO_LEDGER := .secscan/demo-ledger.sqlite
scan: $(BIN)/secscan
	@$(BIN)/secscan scan samples/ --ledger $(DEMO_LEDGER) --reviewer 示例; rc=$$?; [ $$rc -le 1 ]
	@echo
	@$(BIN)/secscan ledger list --ledger $(DEMO_LEDGER)

test: $(BIN)/secscan
	$(BIN)/python -m pytest -n 2 -q

bench: $(BIN)/secscan
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache
