#!/usr/bin/env bash
# Throwaway PostgreSQL 15 in /tmp/fromtime on 127.0.0.1:55992 (fsync on, autovacuum off).
set -euo pipefail
B=/usr/lib/postgresql/15/bin
mkdir -p /tmp/fromtime && chown postgres /tmp/fromtime
runuser -u postgres -- nice -n 10 $B/initdb -D /tmp/fromtime/data -A trust -U postgres -E UTF8 --no-instructions >/tmp/fromtime/initdb.log
runuser -u postgres -- nice -n 10 $B/pg_ctl -D /tmp/fromtime/data -l /tmp/fromtime/server.log -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p 55992 -k /tmp/fromtime -c autovacuum=off -c fsync=on" start
