#!/usr/bin/env bash
# WAL bytes per 100-row transaction: pg_current_wal_lsn() around 500 transactions (after a
# TRUNCATE + CHECKPOINT, so full-page images are included as in the benchmark runs).
set -euo pipefail
P=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55990 -U postgres)
for v in plain current chunk chunk_lz4 chunk_fast chunk_arr; do
    tables="t$("${P[@]}" -d "$v" -c "SELECT coalesce(', ' || string_agg(oid::regclass::text, ', '), '') FROM pg_class WHERE relnamespace = to_regnamespace('pglive') AND relname IN ('events','event_chunks','transactions','transaction_topics')")"
    "${P[@]}" -d "$v" -c "TRUNCATE $tables" -c "CHECKPOINT"
    a=$("${P[@]}" -d "$v" -c "SELECT pg_current_wal_lsn()")
    pgbench -n -h 127.0.0.1 -p 55990 -U postgres -c 1 -t 500 -f Benchmarks/experiments/chunked-log/ins100.sql "$v" >/dev/null 2>&1
    echo "$v $("${P[@]}" -d "$v" -c "SELECT round(pg_wal_lsn_diff(pg_current_wal_lsn(), '$a') / 500)") bytes/txn"
done
