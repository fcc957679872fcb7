# Golden Thread. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
PROJECT   := $(VENV)/.installed-project

# Every version installed comes from a lock in requirements/ (README, "Dependencies"):
# pip checks each file against its hashes and takes wheels only, so nothing is chosen,
# fetched unpinned or built here. pip.txt goes first, so the lock decides pip too.
LOCKED  := $(PIP) install --quiet --require-hashes --only-binary :all:
# What `make lock` and `make upgrade` run (uv is in the test lock); the flags are
# written into each lock's header. uv only reads the package index: it never downloads
# a Python of its own, even for a --python-version it does not find here.
UV      := $(BIN)/uv pip compile --quiet --no-python-downloads
COMPILE := $(UV) --universal --generate-hashes --only-binary :all:

.PHONY: site serve test validate lint install install-test lock upgrade bench bench-all clean

# Removes what an earlier install left that the given locks no longer list (pip-sync's
# job), so the environment is the lock and nothing more.
define remove-unlisted
unlisted="$$($(BIN)/python .ci/lock-check --unlisted $(1))"; \
if [ -n "$$unlisted" ]; then $(PIP) uninstall --quiet --yes $$unlisted; fi
endef

$(STAMP): requirements/pip.txt requirements/site.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(LOCKED) --no-deps -r requirements/pip.txt
	$(LOCKED) -r requirements/site.txt
	$(call remove-unlisted,requirements/pip.txt requirements/site.txt requirements/test.txt)
	touch $@

$(TESTSTAMP): requirements/pip.txt requirements/test.txt $(STAMP)
	$(LOCKED) -r requirements/test.txt
	$(call remove-unlisted,requirements/pip.txt requirements/test.txt)
	touch $@

# The project itself, editable, built by the locked setuptools ([build-system]) already
# in .venv, so pip neither resolves its dependencies nor fetches a build backend.
$(PROJECT): pyproject.toml $(STAMP)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP) $(PROJECT)            ## .venv with the site's locked dependencies
install-test: $(TESTSTAMP) $(PROJECT)   ## and the test extras' (what make test uses)

site: install             ## validate, generate and build site/
	$(BIN)/goldenthread build

serve: install            ## live preview on http://127.0.0.1:8000
	$(BIN)/goldenthread serve

validate: install
	$(BIN)/goldenthread validate

test: install-test        ## the whole test suite
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check scripts tests bench .ci/lock-check
	$(BIN)/mypy
	$(BIN)/mypy --strict .ci/lock-check

# The locks: test.txt (pyproject.toml's dependencies and test extras, and the build
# backend), site.txt (the same versions, without the test extras) and pip.txt.
define relock
$(COMPILE) requirements/pip.in -o requirements/pip.txt $(1)
$(COMPILE) pyproject.toml --extra test requirements/build.in -o requirements/test.txt $(1)
$(COMPILE) pyproject.toml requirements/build.in -c requirements/test.txt -o requirements/site.txt
endef

# Where the locks must install, from wheels alone: uv resolves them for each, 8 at a time.
PLATFORMS := x86_64-manylinux_2_28 aarch64-manylinux_2_28 x86_64-apple-darwin aarch64-apple-darwin \
             x86_64-pc-windows-msvc
PYTHONS   := 3.11 3.12 3.13 3.14
define check-platforms
printf '%s\n' $(foreach platform,$(PLATFORMS),$(foreach version,$(PYTHONS),$(platform)/$(version))) \
| xargs -P 8 -n 1 sh -c '$(UV) --no-header --only-binary :all: \
    --python-platform "$${1%/*}" --python-version "$${1#*/}" requirements/pip.txt requirements/test.txt \
    >/dev/null || { echo "make: the locks do not install from wheels on $$1" >&2; exit 1; }' check \
&& echo "the locks install from wheels on $(PLATFORMS), Python $(PYTHONS)"
endef

lock: $(TESTSTAMP)        ## re-lock after changing pyproject.toml's ranges; every other pin stays
	$(call relock,)
	@$(check-platforms)

upgrade: $(TESTSTAMP)     ## re-lock at the newest versions the ranges allow
	$(call relock,--upgrade)
	@$(check-platforms)

bench: install-test       ## the pipeline at 150, 1,000 and 10,000 titles: one table (about 15 minutes)
	$(BIN)/python bench/pipeline_bench.py

bench-all: bench          ## and the detailed benchmarks: validate, PDF, search, catalogue
	$(BIN)/python bench/validate_bench.py
	$(BIN)/python bench/pdf_bench.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/catalogue_bench.py

clean:
	rm -rf site docs/generated
