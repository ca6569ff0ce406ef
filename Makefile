# Everything runs inside .venv, created on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_TRAIN := $(VENV)/.installed-train

.PHONY: run console test lint imports typecheck pytest bench loadtest manifest train clean

# pip prints each package as it fetches and installs it, so a first run (about a minute)
# shows what it is doing; later runs skip this until pyproject.toml changes.
PIP := $(BIN)/python -m pip install --disable-pip-version-check --progress-bar on

$(BIN)/python:
	@echo "==> Creating the project's Python environment in $(VENV) (first run only)"
	$(PYTHON) -m venv $(VENV)
	@echo "==> Updating pip inside $(VENV)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	@echo "==> Installing Service Coach and its libraries into $(VENV) (about a minute the first time)"
	$(PIP) -e .
	@echo "==> Installed"
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	@echo "==> Installing Service Coach with its test tools into $(VENV) (about a minute the first time)"
	$(PIP) -e '.[test]'
	@echo "==> Installed"
	touch $@ $(STAMP_RUN)

$(STAMP_TRAIN): pyproject.toml | $(BIN)/python
	@echo "==> Installing the model-training libraries into $(VENV)"
	# torch first, pinned, so pip takes the CPU build it is configured with, never a CUDA one.
	$(PIP) torch==2.13.0
	$(PIP) -e '.[train]'
	touch $@

run: $(STAMP_RUN)
	$(BIN)/python -m bot run

console: $(STAMP_RUN)
	$(BIN)/python -m bot console

test: $(STAMP_TEST) lint imports typecheck pytest

lint: $(STAMP_TEST)
	@echo "==> Lint and format check (ruff)"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# bot/ must not import Slack or handlers/: the contract is in pyproject.toml.
imports: $(STAMP_TEST)
	@echo "==> Import contract: bot/ never imports Slack or handlers/ (import-linter)"
	$(BIN)/lint-imports

typecheck: $(STAMP_TEST)
	@echo "==> Type check (mypy --strict)"
	$(BIN)/mypy

pytest: $(STAMP_TEST)
	@echo "==> Tests (pytest on every core, a few minutes; skipped tests say why at the end)"
	$(BIN)/python -m pytest -n auto

bench: $(STAMP_TEST)
	$(BIN)/python -m pytest bench --benchmark-only --benchmark-columns=min,median,mean,max,rounds -p no:randomly

# Hostile traffic at the HTTP edge: 500 slow clients, 10,000 forged requests (issue 16);
# then a signed mixed load at 20, 50 and 100 req/s on 100,000 demo calls (issue 14;
# LOADTEST_CALLS and LOADTEST_SECONDS make it smaller).
loadtest: $(STAMP_TEST)
	$(BIN)/python -m bench.loadtest_slow_clients 500 10
	$(BIN)/python -m bench.security_fuzz 10000
	$(BIN)/python -m bench.loadtest_mixed 20 50 100

# Refit the tone model on the corpus's train + dev splits (thresholds by 5-fold
# cross-validation, word weights distilled from all-MiniLM-L6-v2, fully offline); writes
# content/rephrase_model.json. Deterministic: the same corpus gives the same file.
train: $(STAMP_TRAIN)
	$(BIN)/python -m bot.rephrase.train

manifest: $(STAMP_RUN)
	$(BIN)/python -m bot manifest > manifest.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
