# Golden Thread. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test

.PHONY: site serve test validate lint bench bench-all clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TESTSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

site: $(STAMP)            ## validate, generate and build site/
	$(BIN)/goldenthread build

serve: $(STAMP)           ## live preview on http://127.0.0.1:8000
	$(BIN)/goldenthread serve

validate: $(STAMP)
	$(BIN)/goldenthread validate

test: $(TESTSTAMP)        ## the whole test suite
	$(BIN)/python -m pytest

lint: $(TESTSTAMP)
	$(BIN)/ruff check scripts tests bench
	$(BIN)/mypy

bench: $(TESTSTAMP)       ## the pipeline at 150, 1,000 and 10,000 titles: one table (about 15 minutes)
	$(BIN)/python bench/pipeline_bench.py

bench-all: bench          ## and the detailed benchmarks: validate, PDF, search, catalogue
	$(BIN)/python bench/validate_bench.py
	$(BIN)/python bench/pdf_bench.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/catalogue_bench.py

clean:
	rm -rf site docs/generated
