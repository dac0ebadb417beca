# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite demo migrate bench-import clean

$(STAMP): pyproject.toml
	@echo "Installing Qilu JobMatch into $(VENV) (2-3 minutes the first time; later runs skip this)..."
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	touch $(STAMP)

## run: install if needed, migrate, serve on 127.0.0.1:8000 with the default SQLite file
run: $(STAMP)
	$(BIN)/jobmatch migrate
	$(BIN)/jobmatch serve --host $(HOST) --port $(PORT)

## test: install if needed and run the whole suite (SQLite and PostgreSQL)
test: $(STAMP)
	$(BIN)/python -m pytest

## test-sqlite: the suite without the PostgreSQL half
test-sqlite: $(STAMP)
	$(BIN)/python -m pytest -m "not postgres"

## demo: seed a synthetic provincial dataset, then serve it
# The demo keeps its own database file, so it never mixes synthetic people into ./jobmatch.db.
DEMO_DB ?= sqlite:///./demo.db

demo: $(STAMP)
	@# One process migrates, stores, embeds the postings' titles (what makes them matchable) and
	@# prints a key per role; the server then embeds graduates and posting bodies while it serves.
	JOBMATCH_DATABASE_URL=$(DEMO_DB) $(BIN)/python scripts/seed_demo.py --jobs 2000 --graduates 3000 --embed titles --print-keys
	JOBMATCH_DATABASE_URL=$(DEMO_DB) $(BIN)/jobmatch serve --host $(HOST) --port $(PORT)

migrate: $(STAMP)
	$(BIN)/jobmatch migrate

## bench-import: import a 10,000-row GBK CSV of graduates (with bad rows) and time it
bench-import: $(STAMP)
	$(BIN)/python scripts/bench_import.py --rows 10000

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
