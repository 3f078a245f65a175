# Two commands do everything on a fresh machine:
#   make serve   install, build and serve the site at http://127.0.0.1:8000
#   make test    install (including a browser), build and run the whole test suite
# make build writes the finished site to site/; make pages its GitHub Pages variant to site-pages/.

# Python 3.13: the minor version of Pyodide 0.29's CPython, which `pyodide py-compile` needs on
# the host, and which makes the native tests run the same interpreter version as the browser.
PYTHON ?= $(shell for p in python3.13 $(HOME)/.pyenv/versions/3.13*/bin/python3.13 /usr/bin/python3.13; do \
            $$p -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build pages generate test bench loadtest golden install browser webserver lock clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt calculators/pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.13 is needed (Pyodide 0.29 runs CPython 3.13). Install it, or run make PYTHON=/path/to/python3.13." >&2; exit 1; }
	@if [ -x $(BIN)/python ] && ! $(BIN)/python -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null; then \
	  echo "Recreating $(VENV) with Python 3.13"; rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e calculators
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p node_modules
	touch $@

# Generated before every build (not committed): the norm register and norms.json (fails on an
# invalid norm box), the calculators' interface pages and widgets, and the browser engine.
generate: install
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m build_scripts.generate

# After the site build: .gz and .br next to every compressible file, for nginx's gzip_static and
# brotli_static (deploy/nginx.conf).
build: generate
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m build_scripts.precompress site

# GitHub Pages (.github/workflows/pages.yml) sets no response headers: site-pages/ is site/ with the
# Content-Security-Policy and Referrer-Policy of deploy/_headers as meta tags in every page, without
# the .br/.gz copies (GitHub compresses itself), plus .nojekyll.
pages: build
	$(BIN)/python -m build_scripts.github_pages site site-pages

serve: generate
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# The browser tests drive a real Chromium. Playwright cannot download its own browser here,
# so Debian's is used; installing it needs root.
browser:
	@if [ -x "$(CHROMIUM)" ]; then \
	  echo "Browser: $(CHROMIUM)"; \
	elif [ "$$(id -u)" = "0" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "Chromium is missing and installing it needs root. Run:" >&2; \
	  echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2; \
	  echo "then run 'make test' again (or set CHROMIUM=/path/to/chromium)." >&2; \
	  exit 1; \
	fi

# tests/deploy serve the site with Debian's nginx and deploy/nginx.conf (brotli_static module too).
NGINX ?= /usr/sbin/nginx
webserver:
	@if [ -x "$(NGINX)" ] && [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then \
	  echo "Web server: $(NGINX)"; \
	elif [ "$$(id -u)" = "0" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null; \
	else \
	  echo "nginx is missing and installing it needs root. Run:" >&2; \
	  echo "    sudo apt-get update && sudo apt-get install -y nginx libnginx-mod-http-brotli-static" >&2; \
	  echo "then run 'make test' again (or set NGINX=/path/to/nginx)." >&2; \
	  exit 1; \
	fi

test: install browser webserver generate
	CHROMIUM=$(CHROMIUM) NGINX=$(NGINX) $(BIN)/python -m pytest

# What visitors wait for, beside the plain Pyodide way: figures, not assertions (not part of make test).
bench: install browser
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m benchmarks.run

# The nginx recipe under load on loopback: 50 connections, at most 60 s or 20,000 requests; figures
# go to benchmarks/results/loadtest.* and the Prestaties page (not part of make test).
loadtest: install webserver build
	NGINX=$(NGINX) $(BIN)/python -m benchmarks.loadtest

# Every calculator's output for frozen inputs, to compare before and after a refactor (not a test).
golden: install
	$(BIN)/python -m tests.golden

# Re-pin Python dependencies after editing requirements.in.
lock:
	$(PYTHON) -m venv /tmp/zorg-lock-venv
	/tmp/zorg-lock-venv/bin/pip install --quiet -r requirements.in
	/tmp/zorg-lock-venv/bin/pip freeze --exclude-editable > requirements.txt

clean:
	rm -rf site site-pages site-zensical docs/normen/index.md docs/normen/norms.json docs/fout .pytest_cache
