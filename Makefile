# The README's two commands: `make demo` and `make test`. .ci/run calls `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SEED := seeds/putin_imitates_peace_negotiations.txt
LINTED := src tests benchmarks scripts

.PHONY: demo test install install-test install-browser lint typecheck pytest docs bench screenshot clean

CONSTRAINTS := constraints.txt
BUILD_CONSTRAINTS := build-constraints.txt
# Every install takes its exact versions from the pinned files (pyproject.toml keeps ranges).
PIP := $(BIN)/python -m pip install --quiet --constraint $(CONSTRAINTS) \
	--build-constraint $(BUILD_CONSTRAINTS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --constraint $(CONSTRAINTS) pip

install: $(BIN)/python
	$(PIP) -e .

# A new virtualenv every time, so a leftover .venv cannot hide a broken install;
# then every installed package must be one the constraints pin, at that version
# (setuptools comes with the venv itself, not from us).
install-test:
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --constraint $(CONSTRAINTS) pip
	$(PIP) -e '.[test,docs]'
	$(BIN)/python -m pip check
	@echo "Installed (Python $$($(BIN)/python -c 'import platform; print(platform.python_version())')):"
	@$(BIN)/python -m pip freeze --all --exclude-editable | grep -v "^setuptools==" | tee $(VENV)/installed.txt | paste -sd ' ' | fold -s -w 99
	@unpinned="$$(grep -vxF -f $(CONSTRAINTS) $(VENV)/installed.txt || true)"; \
	if [ -n "$$unpinned" ]; then \
		echo "install-test: not pinned in $(CONSTRAINTS):"; echo "$$unpinned"; exit 1; \
	fi

## demo: install rhetorika and print the analysis of the seed article
demo: install
	$(BIN)/rhetorika analyze $(SEED)

## test: build a fresh .venv from the pinned files, then run lint, types, tests and the docs build
test: install-test install-browser lint typecheck pytest docs

# Headless Chromium for tests/test_browser.py, from the Debian package (as root, as in CI).
install-browser:
	@if [ -x /usr/bin/chromium ]; then \
		echo "chromium: /usr/bin/chromium"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "install-browser: install Debian's chromium as root (apt-get install chromium);" \
			"until then tests/test_browser.py is skipped"; \
	fi

lint:
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

typecheck:
	$(BIN)/mypy --strict src

pytest:
	$(BIN)/python -m pytest

docs:
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet --site-dir build/site

## bench: same-run speed and accuracy figures, in a separate venv (TextDescriptives pins numpy<2)
BENCH_VENV ?= .venv-bench
EVAL ?= ../shared/eval
bench:
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -e '.[bench]'
	$(BENCH_VENV)/bin/python benchmarks/throughput.py --corpus ../shared/bench/news_throughput.jsonl
	$(BENCH_VENV)/bin/python benchmarks/eval_readability.py --data $(EVAL)

## screenshot: redraw docs/images/highlighted-seed.png (needs chromium)
screenshot: install-test install-browser
	$(BIN)/python scripts/screenshot_seed.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
