# The two commands a newcomer needs are `make run` and `make test`; `make help` lists the rest.

.DEFAULT_GOAL := help
.PHONY: help install install-dev setup run serve browser services test-tools lint format test pytest bench-search bench-load clean

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "需要 Python 3.11 或更新版本 (Python 3.11+ required), found " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing python3-venv with apt-get ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	  else \
	    echo "Python cannot create a virtualenv here. On Debian/Ubuntu: sudo apt-get install python3-venv" >&2; exit 1; \
	  fi; \
	}
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Create .venv and install the runtime and test requirements

setup: install ## Migrate, load the demo when the site is empty, create an admin if none exists
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py ensure_admin

run: setup ## Set up, then serve the site at http://127.0.0.1:8000/ (SQLite)
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# `make serve`: the production settings, with a local secret key and plain HTTP unless the
# environment says otherwise (a real server sets SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL,
# REDIS_URL and serves behind a TLS proxy: docs/deploy.md). The task worker that sends staff
# notifications runs in the background and stops when gunicorn stops.
SERVE_ENV = DJANGO_SETTINGS_MODULE=website.settings.production \
	SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	HTTPS="$${HTTPS:-false}"

.secret_key:
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

serve: install .secret_key ## Production settings under gunicorn at http://127.0.0.1:8000/, with the task worker
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput -v 0
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py load_demo --if-empty
	$(SERVE_ENV) $(BIN)/python manage.py ensure_admin
	$(SERVE_ENV) $(BIN)/python manage.py db_worker --backend notifications --interval 5 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(SERVE_ENV) $(BIN)/gunicorn -c website/gunicorn_config.py website.wsgi

browser: ## Make sure Debian's Chromium and CJK fonts are there for the browser tests
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Chromium and CJK fonts with apt-get ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "Browser tests need Chromium at $(CHROMIUM)." >&2; \
	    echo "Install it (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk) or run make test CHROMIUM=/path/to/chromium." >&2; \
	    exit 1; \
	  fi; \
	fi
	@if command -v fc-list >/dev/null 2>&1 && [ -z "$$(fc-list :lang=zh 2>/dev/null)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; \
	  else \
	    echo "Note: no Chinese font found; screenshots will show boxes (sudo apt-get install fonts-noto-cjk)." >&2; \
	  fi; \
	fi

services: ## Make sure redis-server is there (the page-cache tests start their own)
	@if ! command -v redis-server >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing redis-server with apt-get ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	  else \
	    echo "The shared-cache tests need redis-server (Debian/Ubuntu: sudo apt-get install redis-server)." >&2; \
	    exit 1; \
	  fi; \
	fi

lint: install-dev ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing npm with apt-get ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	  else \
	    echo "The accessibility tests need npm, for axe-core (Debian/Ubuntu: sudo apt-get install npm)." >&2; exit 1; \
	  fi; \
	}
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test-tools: node_modules/.installed ## Install the tools the browser tests load into Chromium (axe-core, npm)

pytest: install-dev browser services test-tools ## Run the test suite only (DATABASE_URL picks the database)
	$(BIN)/python -m pytest

test: lint pytest ## Lint, then run every test, browser tests included

bench-search: install-dev ## Benchmark site search over 5,000 generated pages (SQLite, a few minutes)
	$(BIN)/python bench/search.py --database sqlite

bench-load: install-dev services ## Load benchmark: gunicorn and wrk over a large data set (SQLite)
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "bench-load needs wrk (sudo apt-get install wrk)" >&2; exit 1; }
	$(BIN)/python bench/load.py --database sqlite

clean: ## Remove the virtualenv and generated files (keeps db.sqlite3 and media/)
	rm -rf $(VENV) node_modules static_collected artifacts .pytest_cache .ruff_cache
