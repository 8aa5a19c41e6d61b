# Every target but `install` runs in the environment `make install` creates (.venv/).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: install spec generate test test-real record-real lint typecheck bench serve demo check-generated dist docs

install:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "meshkit needs Python >= 3.11; run: make install PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[server,dev,cli]'
	@$(PY) -c 'import meshkit; print("meshkit", meshkit.__version__, "installed in $(VENV)/")'
	@# CI (CI=true) also gets the browser of the API reference's screenshot test: Debian's chromium.
	@if [ "$$CI" = true ]; then bash tests/docs/install_chromium.sh; fi

# Rebuild openapi/mesh.yaml from the runtime's published document and meshkit's additions.
spec:
	$(PY) openapi/build_spec.py

# Regenerate clients/meshkit/_generated/ and the typed ops (_operations/) from openapi/mesh.yaml, and each
# sync twin (*_sync.py) from its async source (*_async.py). Deterministic; CI fails on any difference.
generate:
	$(PY) generator/generate.py

test:
	$(PY) -m pytest

# The real formation runtime (muxi-runtime, pinned) on PostgreSQL+pgvector with a stub LLM, all on
# 127.0.0.1; its own cached venv .venv-runtime/ (tests/real/install_runtime.sh). Not part of `make test`.
# Select with ARGS, e.g. make test-real ARGS="-k stream"; MESHKIT_REAL_BACKENDS=postgres,sqlite adds SQLite.
test-real:
	@test -x $(PY) || (echo "make test-real needs $(VENV)/: run make install first" >&2; exit 1)
	tests/real/install_runtime.sh
	$(PY) -m pytest tests/real -p no:cacheprovider $(ARGS)

# Records the real runtime's answers to the probe (tests/real/probe.py) as committed, scrubbed fixtures in
# tests/fixtures/real-runtime/; `make test` compares the dev server's answers with them (offline).
# One real-runtime run at a time on a machine: flock, where there is one.
FLOCK_REAL := $(shell command -v flock >/dev/null 2>&1 && echo flock /tmp/meshkit-real.lock)
record-real:
	@test -x $(PY) || (echo "make record-real needs $(VENV)/: run make install first" >&2; exit 1)
	tests/real/install_runtime.sh
	$(FLOCK_REAL) $(PY) tests/real/runtime_fixtures.py

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck:
	$(PY) -m mypy

# Fails when the committed generated code or mesh.yaml is not what the inputs produce.
check-generated: spec generate
	@$(PY) generator/unasync.py --check
	@git diff --exit-code --stat -- openapi/mesh.yaml clients/meshkit/_generated || \
		(echo "openapi/mesh.yaml or _generated/ differ from what make spec/generate produce" >&2; exit 1)
	@test -z "$$(git status --porcelain -- clients/meshkit/_generated openapi/mesh.yaml)" || \
		(git status --porcelain -- clients/meshkit/_generated openapi/mesh.yaml >&2; exit 1)

# The sdist and the wheel (built from the sdist, so the sdist is proven to build) into dist/, then
# twine's check of their metadata and README. tests/test_dist.py checks what they hold and installs the wheel.
dist:
	rm -rf dist
	$(PY) -m build --outdir dist .
	$(PY) -m twine check --strict dist/*
	@ls -l dist

# The API reference (MkDocs + mkdocstrings, docs/reference/ and mkdocs.yml) with the prose pages, into
# build/site/; --strict: a warning (griffe's and mkdocstrings' included) or a broken link fails it.
docs:
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict
	@echo "API reference: build/site/index.html (API pages under build/site/docs/reference/)"

# Benchmarks: meshkit vs raw httpx in one run (bench/); writes bench/results.json and bench/RESULTS.md.
# Select some with ARGS, e.g. make bench ARGS="chat stream". The bench extra: the transports the scale
# rows compare (httpx2, httpx-aiohttp) and matplotlib for their chart.
bench:
	@test -x $(PY) || (echo "make bench needs $(VENV)/: run make install first" >&2; exit 1)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/run.py $(ARGS)

# The dev server in the foreground; flags via ARGS, e.g. make serve ARGS="--port 0 --token-delay 0.05".
serve:
	$(PY) -m meshkit.devserver $(ARGS)

# Starts the dev server on a free port, walks examples/demo.py against it, always stops the server.
demo:
	$(PY) examples/run_demo.py
