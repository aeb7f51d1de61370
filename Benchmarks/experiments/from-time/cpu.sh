#!/usr/bin/env bash
# Writer cost of a btree on pglive.transactions(committed_at): backend CPU per transaction
# = the postmaster's reaped-children utime+stime (cutime+cstime, /proc/<pid>/stat fields
# 16+17, clock ticks) around `pgbench -n -c 1 -t 20000` single-row INSERTs into the
# published table small, synchronous_commit=off (PGOPTIONS); before every run the log
# tables and small are truncated and CHECKPOINT; wnone (0001-0006 as is) and wbtree (+ the
# btree) interleaved, the order alternating every round. Prints: round variant ticks txns us_per_txn
set -euo pipefail
ROUNDS=${ROUNDS:-7}; TXNS=${TXNS:-20000}
P=(nice -n 10 psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55992 -U postgres)
S=$(cd "$(dirname "$0")" && pwd)
PM=$(head -1 /tmp/fromtime/data/postmaster.pid)
HZ=$(getconf CLK_TCK)
children() { awk '{print $16 + $17}' /proc/$PM/stat; }
for r in $(seq 1 $ROUNDS); do
    if [ $((r % 2)) = 1 ]; then order=(wnone wbtree); else order=(wbtree wnone); fi
    for v in "${order[@]}"; do
        "${P[@]}" -d "$v" -c "TRUNCATE pglive.events, pglive.transactions, pglive.transaction_topics, small" -c "CHECKPOINT"
        sleep 0.3
        before=$(children)
        PGOPTIONS='-c synchronous_commit=off' nice -n 10 pgbench -n -h 127.0.0.1 -p 55992 -U postgres -c 1 -t "$TXNS" -f $S/ins1.sql "$v" >/tmp/fromtime/pgbench.log 2>&1 \
            || { cat /tmp/fromtime/pgbench.log >&2; exit 1; }
        sleep 0.3
        after=$(children)
        n=$("${P[@]}" -d "$v" -c "SELECT count(*) FROM pglive.transactions")
        [ "$n" = "$TXNS" ] || { echo "expected $TXNS transactions, got $n" >&2; exit 1; }
        ticks=$((after - before))
        echo "$r $v $ticks $TXNS $(awk -v t=$ticks -v n=$TXNS -v hz=$HZ 'BEGIN{printf "%.1f", t * 1e6 / hz / n}')"
    done
done
