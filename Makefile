# BOUNCE online. Two commands do all set-up on a fresh machine:
#   make run   - install, migrate, load demo content once, serve on http://127.0.0.1:8000
#   make test  - the same set-up, then the whole suite (browser tests included)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := .make
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test setup bench lint messages clean

$(STAMP):
	mkdir -p $(STAMP)

$(STAMP)/python: requirements.txt | $(STAMP)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(STAMP)/npm: package.json package-lock.json | $(STAMP)
	# h5p-standalone's preinstall script insists on yarn; it needs no install scripts at all.
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Compiled message catalogues (.mo) are build output, made from the committed .po files.
$(STAMP)/messages: $(shell find locale */locale -name '*.po' 2>/dev/null) | $(STAMP)/python
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules >/dev/null
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi

setup: $(STAMP)/python $(STAMP)/npm $(STAMP)/messages

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

# Browser tests run in a pytest process of their own: they need transactional tests with
# serialized rollback (Wagtail's root page, locales and roles come from migrations), which
# pytest-django only restores reliably when no ordinary test ran before them in the process.
# Both runs are spread over TEST_WORKERS processes (pytest-xdist), each with a test database of
# its own. --dist load hands tests out in the order pytest-django puts them (transactional ones
# last), so in every process no ordinary test runs after a transactional test emptied the
# database (tests/conftest.py checks). A module that empties a Redis database takes one per
# process (tests/redis_databases.py).
TEST_WORKERS ?= 2
test: setup $(CHROMIUM)
	$(PY) -m pytest -m "not browser" -n $(TEST_WORKERS) --dist load
	$(PY) -m pytest -m browser -n $(TEST_WORKERS) --dist load

# Debian's wrk for the HTTP benchmark (scripts/bench_http.py), installed like Chromium.
/usr/bin/wrk:
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi

bench: setup /usr/bin/wrk
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo >/dev/null
	$(PY) manage.py bench
	# gunicorn -w 2 (gthread) on PostgreSQL + Redis under wrk; the last line is the JSON summary.
	$(PY) scripts/bench_http.py
	# Faults on a PostgreSQL cluster and a Redis of its own (never the shared ones): last line JSON.
	$(PY) scripts/bench_faults.py

# Static checks, run by .ci/run before the tests (and by pre-commit on each commit): ruff's rules,
# ruff's formatter and djhtml on the files a commit touches (no mass reformat of the tree), the
# system check and missing migrations.
lint: setup
	$(VENV)/bin/ruff check .
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run >/dev/null

messages: setup
	$(PY) manage.py makemessages -l nl -l en --ignore=.venv --ignore=node_modules --ignore=staticfiles

clean:
	rm -rf $(VENV) node_modules $(STAMP) staticfiles
