#!/usr/bin/env bash
# Install storyline the way users do, from pyproject.toml alone (no requirements.lock), in a fresh
# virtualenv, then ingest the bundled sample corpus and check that every kind of file in it (plain
# text, JSONL, HTML) was stored. Catches a dependency that the lock supplies but pyproject.toml does
# not declare (lxml_html_clean: the first HTML file raised ImportError and nothing was stored).
#   bash .ci/install_from_pyproject.sh            (VENV=/some/dir to keep the virtualenv)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
venv=${VENV:-$work/venv}
start=$(date +%s)

"$PYTHON" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
# the committed tree, so the build leaves no build/ in the checkout; outside git, the folder itself
src=.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mkdir "$work/src" && git archive HEAD | tar -x -C "$work/src" && src="$work/src"
fi
"$venv/bin/python" -m pip install --quiet "$src"   # pyproject.toml only: no -c requirements.lock

db="$work/x.db"
"$venv/bin/storyline" ingest src/storyline/samples/corpus --db "$db"
"$venv/bin/storyline" export --format jsonl -o "$work/all.jsonl" --db "$db"
"$venv/bin/python" - "$work/all.jsonl" <<'PY'
import json, sys
ids = [json.loads(line)["id"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
missing = [f for f in ("river_flood.txt", "port_strike.html", "wire-") if not any(i.startswith(f) for i in ids)]
if len(ids) < 3 or missing:
    sys.exit(f"install from pyproject.toml: {len(ids)} article(s) stored, none from {missing}: {ids}")
print(f"install from pyproject.toml: {len(ids)} articles stored ({', '.join(ids)})")
PY
echo "install_from_pyproject.sh: $(( $(date +%s) - start )) s"
