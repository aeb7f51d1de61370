#!/usr/bin/env bash
# Creates a database with migrations 0001..0006 (each one psql --single-transaction -f)
# and the published table small. Usage: setup.sh DB
set -euo pipefail
P=(nice -n 10 psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55992 -U postgres)
"${P[@]}" -d postgres -c "CREATE DATABASE $1"
for f in "$(cd "$(dirname "$0")" && pwd)"/../../../migrations/000[1-6]_*.sql; do "${P[@]}" -d "$1" --single-transaction -f "$f" >/dev/null; done
"${P[@]}" -d "$1" -c "CREATE TABLE small (id bigserial PRIMARY KEY, device int, reading double precision, status text, at timestamptz DEFAULT now())" \
  -c "SELECT pglive.publish_table('small')"
