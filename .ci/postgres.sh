#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (installing the Debian package if needed).
# Prints the SQLAlchemy URL on stdout; `.ci/postgres.sh stop DATADIR` stops it.
set -euo pipefail
PORT="${STORYLINE_PG_PORT:-54329}"
if [ "${1:-}" = "stop" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  su postgres -c "$PGBIN/pg_ctl -D '$2' stop -m fast" >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is not installed and cannot be installed here" >&2
    exit 1
  fi
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
DATA=$(mktemp -d /tmp/storyline-pg.XXXXXX)
RUNAS=""
if [ "$(id -u)" = 0 ]; then chown postgres "$DATA"; RUNAS="su postgres -c"; fi
run() { if [ -n "$RUNAS" ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
run "$PGBIN/initdb -D $DATA -A trust -U postgres" >/dev/null
run "$PGBIN/pg_ctl -D $DATA -l $DATA/server.log -w -o '-p $PORT -k $DATA -c listen_addresses=127.0.0.1' start" >/dev/null
echo "$DATA postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
