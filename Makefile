# Followup: `make run` serves the app locally; `make test` runs every check CI runs.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTHON ?= python3
PG_URL ?= postgres://postgres@127.0.0.1:5432/followup
PYTEST := $(PY) -m pytest -q

.PHONY: install run test lint format migrations-check system-deps test-sqlite test-postgres test-browser bench

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP) system-deps lint migrations-check test-sqlite test-postgres test-browser

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrations-check: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run

# Chromium drives the browser tests; poppler's pdftotext reads the PDFs back.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; \
		else \
			echo "Missing Chromium or poppler-utils. Run: sudo apt-get install -y chromium poppler-utils"; \
			exit 1; \
		fi; \
	fi

test-sqlite: $(STAMP)
	$(PYTEST) -m "not browser"

test-postgres: $(STAMP)
	@if $(PY) -c "import psycopg; psycopg.connect('$(PG_URL:/followup=/postgres)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "PostgreSQL answers at 127.0.0.1:5432: running the suite on it."; \
		DATABASE_URL=$(PG_URL) $(PYTEST) -m "not browser and not engine"; \
	else \
		echo "No PostgreSQL server answers at 127.0.0.1:5432: skipping the PostgreSQL run."; \
	fi

test-browser: $(STAMP) system-deps
	$(PYTEST) -m browser

bench: $(STAMP)
	$(PY) bench/render_bench.py
	$(PY) bench/extract_bench.py
	$(PY) bench/match_bench.py
