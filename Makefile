# The two commands a newcomer needs are `make run` and `make test`; `make help` lists the rest.

.DEFAULT_GOAL := help
.PHONY: help install install-dev setup run browser lint format test pytest bench-search clean

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

lint: install-dev ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

pytest: install-dev browser ## Run the test suite only (DATABASE_URL picks the database)
	$(BIN)/python -m pytest

test: lint pytest ## Lint, then run every test, browser tests included

bench-search: install-dev ## Benchmark site search over 5,000 generated pages (SQLite, a few minutes)
	$(BIN)/python bench/search.py --database sqlite

clean: ## Remove the virtualenv and generated files (keeps db.sqlite3 and media/)
	rm -rf $(VENV) static_collected artifacts .pytest_cache .ruff_cache
