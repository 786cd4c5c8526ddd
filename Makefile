# Shuniu: `make serve` to set up and preview, `make test` to set up and run every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: serve build test check lint clean bench

$(SITE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): $(SITE_STAMP) pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

## serve: set up (first time) and preview on http://127.0.0.1:8000/ with live reload
serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: strict build into a temporary folder; site/ is replaced only when it succeeds
build: $(SITE_STAMP)
	sh tools/build_site.sh $(BIN)/mkdocs site

## test: set up (first time) and run every test
test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

## check: lint, types, content check and the tests
check: $(TEST_STAMP)
	$(BIN)/ruff check shuniu hooks tests
	$(BIN)/mypy
	$(BIN)/shuniu check
	$(BIN)/python -m pytest -q

clean:
	rm -rf site site.old site.tmp-*
