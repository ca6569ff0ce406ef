# Everything runs inside .venv, created on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_TRAIN := $(VENV)/.installed-train

.PHONY: run console test lint imports typecheck pytest bench manifest train clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

$(STAMP_TRAIN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[train]'
	touch $@

run: $(STAMP_RUN)
	$(BIN)/python -m bot run

console: $(STAMP_RUN)
	$(BIN)/python -m bot console

test: $(STAMP_TEST) lint imports typecheck pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# bot/ must not import Slack or handlers/: the contract is in pyproject.toml.
imports: $(STAMP_TEST)
	$(BIN)/lint-imports

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

pytest: $(STAMP_TEST)
	$(BIN)/python -m pytest

bench: $(STAMP_TEST)
	$(BIN)/python -m pytest bench --benchmark-only --benchmark-columns=min,median,mean,max,rounds -p no:randomly

# Refit the tone model on the corpus's train split (thresholds on dev); writes
# content/rephrase_model.json. Deterministic: the same corpus gives the same file.
train: $(STAMP_TRAIN)
	$(BIN)/python -m bot.rephrase.train

manifest: $(STAMP_RUN)
	$(BIN)/python -m bot manifest > manifest.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
