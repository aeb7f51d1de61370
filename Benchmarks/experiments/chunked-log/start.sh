#!/usr/bin/env bash
# Throwaway PostgreSQL 15 in /tmp/chunkexp on 127.0.0.1:55990 (fsync on, autovacuum off).
set -euo pipefail
B=/usr/lib/postgresql/15/bin
runuser -u postgres -- nice -n 10 $B/initdb -D /tmp/chunkexp/data -A trust -U postgres -E UTF8 --no-instructions >/tmp/chunkexp/initdb.log
runuser -u postgres -- nice -n 10 $B/pg_ctl -D /tmp/chunkexp/data -l /tmp/chunkexp/server.log -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p 55990 -k /tmp/chunkexp -c autovacuum=off -c fsync=on" start
