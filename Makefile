# make build: venv, pinned install, build the sample site.  make test: lint, then the whole suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build lint test eval serve clean bench

build: $(STAMP)
	$(BIN)/briefings build

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# ruff's rules and format settings are in pyproject.toml.
lint: $(STAMP)
	$(BIN)/ruff check briefings tests bench
	$(BIN)/ruff format --check briefings tests bench

test: lint
	$(BIN)/python -m pytest -q

# Every scorer in ../shared/eval, through `briefings extract --format json`.
eval: $(STAMP)
	$(BIN)/python -m pip install --quiet rouge-score==0.1.2
	$(BIN)/python bench/eval.py

serve: $(STAMP)
	$(BIN)/briefings serve

clean:
	rm -rf output .briefings-cache .pytest_cache test-artifacts

# Speed and scale figures (one JSON line per N, and a table): see bench/README.md.
bench: $(STAMP)
	$(BIN)/python bench/run.py -n 1000 --peers --repeat 3
