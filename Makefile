# Shuniu: `make serve` to set up and preview, `make test` to set up and run every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
GIFT_STAMP := tools/gift/node_modules/.installed
AXE_STAMP  := tools/axe/node_modules/.installed
FSRS_STAMP := tools/ts-fsrs/node_modules/.installed

.PHONY: serve build build-internal test check lint clean bench
.PHONY: search-quality package package-internal

$(SITE_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): $(SITE_STAMP) pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# gift-pegjs (npm, pinned in tools/gift/package-lock.json) parses the GIFT export in the tests.
# Without npm the GIFT parser tests are skipped with a reason.
$(GIFT_STAMP): tools/gift/package.json tools/gift/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tools/gift --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the GIFT parser tests will be skipped"; fi

# axe-core (npm, pinned in tools/axe/package-lock.json) checks accessibility in the browser tests.
$(AXE_STAMP): tools/axe/package.json tools/axe/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tools/axe --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

# ts-fsrs (npm, pinned in tools/ts-fsrs/package-lock.json): the tests check the vendored copy against it.
$(FSRS_STAMP): tools/ts-fsrs/package.json tools/ts-fsrs/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tools/ts-fsrs --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the vendored ts-fsrs is checked by its SHA-256 only"; fi

## serve: set up (first time) and preview on http://127.0.0.1:8000/: each save re-renders what it
## touches (both languages) and the browser reloads; content problems are listed over the page
serve: $(SITE_STAMP)
	$(BIN)/python -m shuniu_preview --dev-addr 127.0.0.1:8000

## build: strict build into a temporary folder; site/ is replaced only when it succeeds
build: $(SITE_STAMP)
	sh tools/build_site.sh $(BIN)/mkdocs site

## build-internal: the internal edition (pages and banks marked classification: internal too) into site-internal/
build-internal: $(SITE_STAMP)
	SHUNIU_EDITION=internal sh tools/build_site.sh $(BIN)/mkdocs site-internal

## package: strict build, then release packages in dist/ (zip and tar.gz for servers, a zip for opening from disk)
package: build
	$(BIN)/shuniu package --site site -o dist

## package-internal: the same for the internal edition
package-internal: build-internal
	SHUNIU_EDITION=internal $(BIN)/shuniu package --site site-internal -o dist

## test: set up (first time) and run every test
test: $(TEST_STAMP) $(GIFT_STAMP) $(AXE_STAMP) $(FSRS_STAMP)
	$(BIN)/python -m pytest -q

## check: lint, types, content check and the tests
check: $(TEST_STAMP) $(GIFT_STAMP) $(AXE_STAMP)
	$(BIN)/ruff check shuniu shuniu_preview hooks tests
	$(BIN)/mypy
	$(BIN)/shuniu check
	$(BIN)/python -m pytest -q

## bench: build times, page weight, search speed and quality, preview speed -> bench-results/ (BENCH_SIZES, BENCH_RUNS)
bench: $(TEST_STAMP)
	$(BIN)/python -m bench.run

## search-quality: recall@5 of the Chinese test queries (bench/search_queries.yml) on the real site
search-quality: $(TEST_STAMP)
	$(BIN)/python -m bench.search_quality --json bench-results/search-quality.json

clean:
	rm -rf dist site site.old site.tmp-* site-internal site-internal.old site-internal.tmp-*
