#!/usr/bin/env bash
# Durable commits (synchronous_commit=on, fsync on): pgbench -n -c 2 -j 2 -T 8 single-row
# INSERTs into small; PAIRS ABBA pairs of wnone (A) / wbtree (B); log + table truncated and
# CHECKPOINT before every run. Prints: pair variant tps
set -euo pipefail
PAIRS=${PAIRS:-5}
P=(nice -n 10 psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55992 -U postgres)
S=$(cd "$(dirname "$0")" && pwd)
for r in $(seq 1 $PAIRS); do
    for v in wnone wbtree wbtree wnone; do
        "${P[@]}" -d "$v" -c "TRUNCATE pglive.events, pglive.transactions, pglive.transaction_topics, small" -c "CHECKPOINT"
        sc=$(PGOPTIONS='-c synchronous_commit=on' "${P[@]}" -d "$v" -c "SHOW synchronous_commit"); [ "$sc" = on ] || exit 1
        tps=$(PGOPTIONS='-c synchronous_commit=on' nice -n 10 pgbench -n -h 127.0.0.1 -p 55992 -U postgres -c 2 -j 2 -T 8 -f $S/ins1.sql "$v" 2>&1 | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
        echo "$r $v $tps"
    done
done
