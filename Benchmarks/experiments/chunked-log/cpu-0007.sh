#!/usr/bin/env bash
# Backend CPU per transaction, 0006 (db6) vs 0007 (db7) on the databases readers-0007.sh
# made: the postmaster's reaped-children utime+stime around `pgbench -n -c 1 -t N`
# (synchronous_commit=off; table t truncated with the log + CHECKPOINT before each run),
# the two databases alternating, ROUNDS rounds. Prints: round case db us_per_txn
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
P=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55992 -U postgres)
PM=$(head -1 /tmp/fromtime/data/postmaster.pid)
HZ=$(getconf CLK_TCK)
W=$(mktemp -d)
echo "INSERT INTO t (device, reading, status) SELECT (random() * 1000)::int, random(), 'ok' FROM generate_series(1, 100);" >$W/ins100.sql
printf '%s\n' '\set d random(1, 1000)' "INSERT INTO t (device, reading, status) VALUES (:d, random(), 'ok');" >$W/ins1.sql
{ echo "BEGIN;"; for _ in $(seq 100); do echo "INSERT INTO t (device, reading, status) VALUES (1, random(), 'ok');"; done; echo "COMMIT;"; } >$W/ins1x100.sql
for db in db6 db7; do
    "${P[@]}" -d $db -c "CREATE TABLE IF NOT EXISTS t (id bigserial PRIMARY KEY, device int, reading double precision, status text, at timestamptz DEFAULT now())" \
        -c "SELECT pglive.publish_table('t')" >/dev/null
done
children() { awk '{print $16 + $17}' /proc/$PM/stat; }
for r in $(seq 1 ${ROUNDS:-5}); do
    for c in ins100:2000 ins1:20000 ins1x100:200; do
        for db in db6 db7; do
            tables=$("${P[@]}" -d $db -c "SELECT string_agg(oid::regclass::text, ', ') FROM pg_class WHERE relnamespace = 'pglive'::regnamespace AND relname IN ('events','event_chunks','transactions','transaction_topics')")
            "${P[@]}" -d $db -c "TRUNCATE t, $tables" -c "CHECKPOINT" >/dev/null
            sleep 0.3
            before=$(children)
            pgbench -n -h 127.0.0.1 -p 55992 -U postgres -c 1 -t ${c##*:} -f $W/${c%%:*}.sql $db >/dev/null 2>&1
            sleep 0.3
            after=$(children)
            echo "$r ${c%%:*} $db $(awk -v t=$((after - before)) -v n=${c##*:} -v hz=$HZ 'BEGIN{printf "%.1f", t * 1e6 / hz / n}')"
        done
    done
done
rm -rf $W
