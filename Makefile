# WattWijs — make targets. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# Production-like settings for tests and benchmarks: DEBUG off, a throwaway key.
TEST_ENV := SECRET_KEY=test-only-secret-key ALLOWED_HOSTS=localhost,127.0.0.1,testserver DEBUG=0
# Two workers: the suite (browser tests included) is CPU-bound on this 2-core machine.
PYTEST_ARGS ?= -n 2

.PHONY: demo install install-dev assets system-packages test test-sqlite test-postgres lint typecheck fmt messages bench bench-demo clean

## demo: install into .venv, migrate, load demo data and serve on http://127.0.0.1:$(PORT)
demo: install assets
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	@echo "WattWijs serves on http://127.0.0.1:$(PORT)"
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.base-installed: requirements/base.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/base.txt requirements/dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $(VENV)/.base-installed $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed
assets: node_modules/.package-lock.json

## system-packages: Debian packages the tests need (chromium, chromium-driver, postgresql)
system-packages:
	bash scripts/install-system-packages.sh

## test: lint, type checks and the whole suite on SQLite and on a throwaway PostgreSQL
test: install-dev assets system-packages lint typecheck test-sqlite test-postgres

test-sqlite: install-dev assets
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: install-dev assets
	$(TEST_ENV) $(PY) scripts/with_postgres.py -- $(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install-dev
	$(TEST_ENV) $(VENV)/bin/mypy wattwijs

fmt: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: extract and compile translations (needs GNU gettext)
messages: install
	command -v msgfmt >/dev/null || (apt-get update && apt-get install -y gettext)
	cd wattwijs && DEBUG=1 ../$(PY) ../manage.py makemessages --locale nl --no-obsolete --add-location file
	cd wattwijs && DEBUG=1 ../$(PY) ../manage.py compilemessages --locale nl

## bench: the benchmarks in bench/, one line per figure
bench: install-dev assets system-packages
	$(PY) bench/run.py
	$(PY) scripts/with_postgres.py -- $(PY) bench/run.py

## bench-demo: time `make demo` on a fresh clone (downloads the pinned packages)
bench-demo:
	bash bench/demo_timing.sh

clean:
	rm -rf var/bench var/screenshots
