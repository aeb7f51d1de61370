#!/usr/bin/env bash
# Durable commits (synchronous_commit=on, fsync on): pgbench -n -c 1 -j 1 -T 8 of the
# 100-row INSERT ... SELECT; ROUNDS rounds, each runs every variant once, the order
# reversed every other round (ABCD DCBA ...); log + table truncated and CHECKPOINT before
# every run. Prints: round variant tps; cost = plain tps / variant tps of the same round.
set -euo pipefail
ROUNDS=${ROUNDS:-10}
VARIANTS=(${VARIANTS:-plain current chunk_fast chunk_arr})
P=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55990 -U postgres)
S=$(cd "$(dirname "$0")" && pwd)
"${P[@]}" -d postgres -c "ALTER SYSTEM SET synchronous_commit = on" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
for r in $(seq 1 $ROUNDS); do
    if [ $((r % 2)) = 1 ]; then order=("${VARIANTS[@]}"); else order=($(printf '%s\n' "${VARIANTS[@]}" | tac)); fi
    for v in "${order[@]}"; do
        while [ -e /tmp/quiet ]; do sleep 5; done
        tables="t$("${P[@]}" -d "$v" -c "SELECT coalesce(', ' || string_agg(oid::regclass::text, ', '), '') FROM pg_class WHERE relnamespace = to_regnamespace('pglive') AND relname IN ('events','event_chunks','transactions','transaction_topics')")"
        "${P[@]}" -d "$v" -c "TRUNCATE $tables" -c "CHECKPOINT"
        sc=$("${P[@]}" -d "$v" -c "SHOW synchronous_commit"); [ "$sc" = on ] || exit 1
        tps=$(pgbench -n -h 127.0.0.1 -p 55990 -U postgres -c 1 -j 1 -T 8 -f $S/ins100.sql "$v" 2>&1 | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
        echo "$r $v $tps"
    done
done
