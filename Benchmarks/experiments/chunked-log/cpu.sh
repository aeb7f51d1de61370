#!/usr/bin/env bash
# Backend CPU per transaction: the postmaster's reaped-children utime+stime (cutime+cstime,
# /proc/<pid>/stat fields 16+17, clock ticks) around `pgbench -n -c 1 -t N`, with
# synchronous_commit=off; log and table truncated + CHECKPOINT before every run; variants
# interleaved (order rotated every round). Prints: round case variant ticks txns us_per_txn
set -euo pipefail
ROUNDS=${ROUNDS:-7}
VARIANTS=(${VARIANTS:-plain current chunk chunk_lz4 chunk_fast chunk_arr floor_noop floor_json})
P=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55990 -U postgres)
S=$(cd "$(dirname "$0")" && pwd)
PM=$(head -1 /tmp/chunkexp/data/postmaster.pid)
HZ=$(getconf CLK_TCK)
printf '%s\n' "INSERT INTO t (device, reading, status) SELECT (random() * 1000)::int, random(), 'ok' FROM generate_series(1, 100);" >$S/ins100.sql
printf '%s\n' '\set d random(1, 1000)' "INSERT INTO t (device, reading, status) VALUES (:d, random(), 'ok');" >$S/ins1.sql
"${P[@]}" -d postgres -c "ALTER SYSTEM SET synchronous_commit = off" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
children() { awk '{print $16 + $17}' /proc/$PM/stat; }
reset() { # db
    local tables
    tables="t$("${P[@]}" -d "$1" -c "SELECT coalesce(', ' || string_agg(oid::regclass::text, ', '), '') FROM pg_class WHERE relnamespace = to_regnamespace('pglive') AND relname IN ('events','event_chunks','transactions','transaction_topics')")"
    "${P[@]}" -d "$1" -c "TRUNCATE $tables" -c "CHECKPOINT"
}
for r in $(seq 1 $ROUNDS); do
    n=${#VARIANTS[@]}; order=()
    for i in $(seq 0 $((n - 1))); do order+=("${VARIANTS[$(((i + r) % n))]}"); done
    for c in ins100:2000 ins1:20000; do
        case=${c%%:*}; txns=${c##*:}
        for v in "${order[@]}"; do
            while [ -e /tmp/quiet ]; do sleep 5; done
            reset "$v"; sleep 0.3
            sc=$("${P[@]}" -d "$v" -c "SHOW synchronous_commit")
            [ "$sc" = off ] || { echo "synchronous_commit is $sc" >&2; exit 1; }
            sleep 0.3
            before=$(children)
            pgbench -n -h 127.0.0.1 -p 55990 -U postgres -c 1 -t "$txns" -f $S/$case.sql "$v" >/tmp/chunkexp/pgbench.log 2>&1 \
                || { cat /tmp/chunkexp/pgbench.log >&2; exit 1; }
            sleep 0.3
            after=$(children)
            ticks=$((after - before))
            echo "$r $case $v $ticks $txns $(awk -v t=$ticks -v n=$txns -v hz=$HZ 'BEGIN{printf "%.1f", t * 1e6 / hz / n}')"
        done
    done
done
