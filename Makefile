# tregks – make help lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

# The newest supported Python found (3.13, 3.12, 3.11); pyenv shims of versions that are
# not active fail to run, so each candidate is asked for its version rather than looked up.
SUPPORTED_PYTHON := import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))
ifeq ($(origin PYTHON), undefined)
PYTHON := $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c '$(SUPPORTED_PYTHON)' 2>/dev/null && command -v $$p && break; done)
endif
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# PostgreSQL for the production-shaped test pass; pytest-django creates test_<name>.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/postgres
PYTEST_ARGS ?=
# pytest-xdist workers per pass (one test database each; 0 runs in one process). Whole
# files go to a worker, in the order tests/conftest.py sets (files with slow tests first).
TEST_WORKERS ?= 2
XDIST := $(if $(filter-out 0 1,$(TEST_WORKERS)),-n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder,)

.PHONY: help run install install-dev test test-sqlite test-postgres smoke-python lint format check messages demo bench clean faults lighthouse

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-14s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is needed (none found; set PYTHON=...)."; exit 1; }
	@$(PYTHON) -c '$(SUPPORTED_PYTHON)' || { echo "$(PYTHON) is not Python 3.11, 3.12 or 3.13 (set PYTHON=...)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The browser-side test tools (axe-core, the HTML checker, Lighthouse); with -j they
# install beside the Python packages.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; else echo "npm not found: browser accessibility tests and the HTML check will be skipped."; fi

install: $(VENV)/.installed ## Create the virtual environment and install the site

install-dev: $(VENV)/.installed-dev node_modules/.installed ## Install the site plus test and lint tools

# Links in feeds and e-mails point at the port the demo is served on.
demo run: export BASE_URL ?= http://127.0.0.1:$(PORT)

demo: install ## Migrate the SQLite database and load the bilingual demo content
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

run: demo ## Set everything up and serve the demo site on http://127.0.0.1:$(PORT)
	@echo "Site: http://127.0.0.1:$(PORT)/   Admin: http://127.0.0.1:$(PORT)/admin/ (see README for logins)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev ## Run ruff (lint and format check)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev ## Format and fix the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install-dev ## Django system checks and a check for missing migrations
	DJANGO_SETTINGS_MODULE=tregks.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=tregks.settings.test $(PY) manage.py makemigrations --check --dry-run

messages: install-dev ## Extract and compile the German UI catalogue
	$(PY) manage.py makemessages -l de --no-location --ignore ".venv/*" --ignore "node_modules/*" --ignore "staticfiles/*" --ignore "tests/*" --ignore "bench/*"
	$(PY) manage.py compilemessages --ignore ".venv/*" --ignore "node_modules/*"

# Each test runs once, on the database it is about. PostgreSQL (production) runs the suite;
# the SQLite pass (the database of `make run`) runs the browser journeys and the other
# tests that serve a SQLite copy of the demo in another process, plus what differs
# between the databases (marker every_database), and what no database changes (marker
# any_database: it evens out the two passes' lengths). Without PostgreSQL, the SQLite
# pass runs everything but the PostgreSQL-only tests.
PG_REACHABLE = $(PY) -c "import psycopg; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null
SQLITE_PASS := (browser or served or every_database or any_database) and not postgres
POSTGRES_PASS := not browser and not served and not any_database

test-sqlite: install-dev ## Run the SQLite pass (everything but PostgreSQL-only tests if PostgreSQL is unreachable)
	@if $(PG_REACHABLE); then \
		$(PY) -m pytest -m "$(SQLITE_PASS)" $(XDIST) $(PYTEST_ARGS); \
	else \
		$(PY) -m pytest -m "not postgres" $(XDIST) $(PYTEST_ARGS); \
	fi

test-postgres: install-dev ## Run the PostgreSQL pass (PG_TEST_URL): the suite but browser and served tests
	@if $(PG_REACHABLE); then \
		TEST_DATABASE_URL='$(PG_TEST_URL)' $(PY) -m pytest -m "$(POSTGRES_PASS)" $(XDIST) $(PYTEST_ARGS); \
	elif [ "$$TREGKS_FAIL_ON_SKIP" = "1" ]; then \
		echo "PostgreSQL at $(PG_TEST_URL) is not reachable, and this run requires it."; exit 1; \
	else \
		echo "PostgreSQL at $(PG_TEST_URL) is not reachable: PostgreSQL pass skipped."; \
	fi

# It needs no venv of its own here (make run in the copy makes one), so under `make test`
# it starts at once, beside the installation of the suite's tools.
smoke-python: ## make run on a copy of the tree with another supported Python, then a request per language
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is needed (none found; set PYTHON=...)."; exit 1; }
	.ci/smoke-other-python $(PYTHON)

# Lint, checks, the two passes and the smoke test run side by side: each waits for
# servers, browsers and databases part of the time, so together they keep both cores
# busy. The installation runs inside the same parallel make, so the smoke test's own
# venv and npm install while pip installs the suite's tools. Each prints its output
# when it ends (--output-sync), so the logs stay readable; any of them failing fails
# the run.
test: ## Run the whole test suite (lint, checks, SQLite and PostgreSQL passes and another Python, side by side)
	@echo "Lint, checks, SQLite pass, PostgreSQL pass and make run with another Python run side by side; each prints its output when it ends."
	@$(MAKE) --no-print-directory -j5 --output-sync=target lint check test-sqlite test-postgres smoke-python

bench: install-dev ## Build a large site on PostgreSQL and measure it (see docs/PERFORMANCE.md)
	$(PY) bench/run.py

faults: install-dev ## Fault drills: Redis killed and frozen, PostgreSQL stopped, a worker killed (docs/RELIABILITY.md)
	$(PY) bench/faults.py

lighthouse: install-dev ## Lighthouse SEO score and layout shift of every page type (docs/seo.md)
	$(PY) bench/lighthouse.py

clean: ## Remove the virtual environment, database, media and caches
	rm -rf $(VENV) db.sqlite3 media .test-media .test-cache staticfiles node_modules .ruff_cache .hypothesis
