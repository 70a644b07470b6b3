# Two commands for a newcomer: `make run` (the main job on the bundled samples) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= storyline.db
SAMPLES := src/storyline/samples

.PHONY: setup run test bench clean

# Extras to install: `make test EXTRAS=test,embeddings` adds the optional embeddings (torch, CPU).
EXTRAS ?= test
comma := ,
STAMP := $(VENV)/.installed-$(subst $(comma),-,$(EXTRAS))

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[$(EXTRAS)]"
	touch $(STAMP)

setup: $(STAMP)

run: setup
	rm -f $(DB)
	$(BIN)/storyline ingest $(SAMPLES)/000_d82f11879fb1db06.txt --published 2025-02-18 --db $(DB)
	$(BIN)/storyline ingest $(SAMPLES)/corpus --db $(DB)
	$(BIN)/storyline stories --db $(DB)
	$(BIN)/storyline show "000_d82f11879fb1db06.txt#1" --story --db $(DB)

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) $(DB) build *.egg-info src/*.egg-info
