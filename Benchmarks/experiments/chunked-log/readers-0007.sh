#!/usr/bin/env bash
# Reads of the same log in both layouts, with the SQL pglive generates (EventLog.SQL):
# db6 = migrations 0001-0006 (one pglive.events row per event), db7 = 0001-0007 (chunks).
# The log is written by the capture triggers (pgbench, synchronous_commit=off): topic big =
# 100-row statements, small = single-row, rare = single-row (weights 90 : 180 : 9).
# Needs the throwaway server of ../from-time/start.sh (127.0.0.1:55992) and M6 = a folder
# holding migrations 0001-0006. Prints, per read, the best of 5 EXPLAIN ANALYZE times.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
P=(nice -n 10 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55992 -U postgres)
HERE=$(cd "$(dirname "$0")" && pwd)
M7=$HERE/../../../migrations
DDL='(id bigserial PRIMARY KEY, device int, reading double precision, status text, at timestamptz DEFAULT now())'
W=$(mktemp -d)
for t in big:100 small:1 rare:1; do
    echo "INSERT INTO ${t%%:*} (device, reading, status) SELECT (random() * 1000)::int, random(), 'ok' FROM generate_series(1, ${t##*:});" >$W/${t%%:*}.sql
done
for db in db6 db7; do
    "${P[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" -c "ALTER DATABASE $db SET synchronous_commit = off" >/dev/null
    folder=$M7; [ $db = db6 ] && folder=$M6
    for f in "$folder"/000[1-7]_*.sql; do "${P[@]}" -d $db --single-transaction -f "$f" >/dev/null; done
    for t in big small rare; do "${P[@]}" -d $db -c "CREATE TABLE $t $DDL" -c "SELECT pglive.publish_table('$t')" >/dev/null; done
    nice -n 10 pgbench -n -h 127.0.0.1 -p 55992 -U postgres -c 1 -t ${TXNS:-20000} -f $W/big.sql@90 -f $W/small.sql@180 -f $W/rare.sql@9 $db >/dev/null 2>&1
    "${P[@]}" -d $db -c "VACUUM ANALYZE" >/dev/null
done
# db6's reads: the SQL of the previous main (339c5d0), one pglive.events row per event.
events6() { # extra FROM-item conditions are not needed: bounds go on e.ord
    echo "pglive.transaction_topics tt JOIN pglive.transactions t ON t.tx = tt.tx JOIN pglive.events e ON e.tx = tt.tx AND e.topic = tt.topic"
}
# db7's: EventLog.SQL.topicEvents(after:before:) as generated.
events7() { # after before
    local a=$1 b=$2 rc="e.tx = t.tx AND e.topic = tt.topic" cc="c.tx = t.tx AND c.topic = tt.topic" ec=""
    if [ -n "$a" ]; then rc+=" AND e.ord > ($a) - t.first_position"; cc+=" AND c.ord > ($a) - t.first_position - 256 AND c.ord + c.n - 1 > ($a) - t.first_position"; ec+=" AND c.ord + x.i::integer - 1 > ($a) - t.first_position"; fi
    if [ -n "$b" ]; then rc+=" AND e.ord < ($b) - t.first_position"; cc+=" AND c.ord < ($b) - t.first_position"; ec+=" AND c.ord + x.i::integer - 1 < ($b) - t.first_position"; fi
    echo "pglive.transaction_topics tt JOIN pglive.transactions t ON t.tx = tt.tx CROSS JOIN LATERAL (SELECT e.ord, e.topic, e.op, e.row_data, e.old_row, e.body, e.content_type, e.headers FROM pglive.events e WHERE $rc UNION ALL SELECT c.ord + x.i::integer - 1, c.topic, c.op, x.row_data, NULL, NULL, NULL, NULL FROM pglive.event_chunks c CROSS JOIN LATERAL unnest(c.rows) WITH ORDINALITY AS x(row_data, i) WHERE $cc$ec) e"
}
best() { # db sql
    local b=999999 ms
    for _ in 1 2 3 4 5 6; do
        ms=$("${P[@]}" -d $1 -At -c "EXPLAIN (ANALYZE, FORMAT JSON) $2" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')
        b=$(awk -v a=$b -v c=$ms 'BEGIN{print (c < a) ? c : a}')
    done
    echo $b
}
cols="tt.first_position + e.ord AS position, e.topic, e.op, t.committed_at, e.row_data, e.old_row, e.body, e.content_type, e.headers"
doc="pglive.event_document(t.first_position + e.ord, e.topic, e.op, t.committed_at, e.row_data, e.old_row, e.body, e.content_type, e.headers)"
for db in db6 db7; do
    mid=$("${P[@]}" -d $db -At -c "SELECT first_position + 37 FROM pglive.transaction_topics WHERE topic = 'big' ORDER BY first_position OFFSET (SELECT count(*) / 2 FROM pglive.transaction_topics WHERE topic = 'big') LIMIT 1")
    rare=$("${P[@]}" -d $db -At -c "SELECT first_position FROM pglive.transaction_topics WHERE topic = 'rare' ORDER BY first_position OFFSET (SELECT count(*) / 2 FROM pglive.transaction_topics WHERE topic = 'rare') LIMIT 1")
    scan() { echo "tt.first_position >= coalesce((SELECT max(first_position) FROM pglive.transactions WHERE first_position <= $1), 0)"; }
    if [ $db = db6 ]; then
        feed="SELECT $cols FROM $(events6) WHERE tt.topic = 'big' AND $(scan $mid) AND e.ord > $mid - tt.first_position ORDER BY tt.first_position, e.ord LIMIT 500"
        feedr="SELECT $cols FROM $(events6) WHERE tt.topic = 'rare' AND $(scan $rare) AND e.ord > $rare - tt.first_position ORDER BY tt.first_position, e.ord LIMIT 500"
        desc="SELECT $doc FROM $(events6) WHERE tt.topic = 'big' AND tt.first_position < $mid AND tt.first_position + e.ord < $mid ORDER BY tt.first_position DESC, e.ord DESC LIMIT 501"
        filt="SELECT $doc FROM $(events6) WHERE tt.topic = 'big' AND $(scan $mid) AND tt.first_position + e.ord > $mid AND e.row_data IS NOT NULL AND (e.row_data->>'device') = '7' ORDER BY tt.first_position, e.ord LIMIT 501"
    else
        feed="SELECT $cols FROM $(events7 $mid '') WHERE tt.topic = 'big' AND $(scan $mid) ORDER BY tt.first_position, e.ord LIMIT 500"
        feedr="SELECT $cols FROM $(events7 $rare '') WHERE tt.topic = 'rare' AND $(scan $rare) ORDER BY tt.first_position, e.ord LIMIT 500"
        desc="SELECT $doc FROM $(events7 '' $mid) WHERE tt.topic = 'big' AND tt.first_position < $mid ORDER BY tt.first_position DESC, e.ord DESC LIMIT 501"
        filt="SELECT $doc FROM $(events7 $mid '') WHERE tt.topic = 'big' AND $(scan $mid) AND e.row_data IS NOT NULL AND (e.row_data->>'device') = '7' ORDER BY tt.first_position, e.ord LIMIT 501"
    fi
    size=$("${P[@]}" -d $db -At -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c WHERE c.relnamespace = 'pglive'::regnamespace AND c.relkind = 'r'")
    echo "$db (log tables $size): feed big after P $(best $db "$feed") ms; feed rare $(best $db "$feedr") ms; history desc before P $(best $db "$desc") ms; history device=7 after P $(best $db "$filt") ms"
done
rm -rf $W
