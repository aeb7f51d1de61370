#!/usr/bin/env bash
# Reader data: the same ~964k-event mix as RESULTS' "Topic reads after 0006", written by the
# capture triggers themselves (pgbench, synchronous_commit=off): topic big = 100-row
# statements (~9,000 transactions), mid = 10-row statements (~4,500), small = single-row
# (~18,000), rare = single-row (~900), random interleaving (pgbench script weights).
# readcur = 0001-0006 (row per event); readchunk = + chunk.sql + chunk_fast.sql (jsonb array, lz4 inline).
set -euo pipefail
P=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55990 -U postgres)
S=$(cd "$(dirname "$0")" && pwd)
DDL='(id bigserial PRIMARY KEY, device int, reading double precision, status text, at timestamptz DEFAULT now())'
"${P[@]}" -d postgres -c "ALTER SYSTEM SET synchronous_commit = off" -c "SELECT pg_reload_conf()" >/dev/null
for t in big:100 mid:10 small:1 rare:1; do
    printf '%s\n' "INSERT INTO ${t%%:*} (device, reading, status) SELECT (random() * 1000)::int, random(), 'ok' FROM generate_series(1, ${t##*:});" >$S/load_${t%%:*}.sql
done
for db in readcur readchunk; do
    "${P[@]}" -d postgres -c "CREATE DATABASE $db"
    for f in "$S"/../../../migrations/*.sql; do "${P[@]}" -d $db --single-transaction -f "$f" >/dev/null; done
    if [ $db = readchunk ]; then
        "${P[@]}" -d $db --single-transaction -f $S/chunk.sql >/dev/null
        sed -e 's/AGG_EXPR/jsonb_agg(r.*)/' -e 's/AGG_SORTED/jsonb_agg(s.r ORDER BY i)/' $S/chunk_fast.sql | "${P[@]}" -d $db --single-transaction >/dev/null
        "${P[@]}" -d $db -c "ALTER TABLE pglive.event_chunks ALTER COLUMN rows SET COMPRESSION lz4, SET (toast_tuple_target = 8160)"
    fi
    for t in big mid small rare; do
        "${P[@]}" -d $db -c "CREATE TABLE $t $DDL" -c "SELECT pglive.publish_table('$t')" -c "SET client_min_messages = warning" >/dev/null
    done
    nice -n 10 pgbench -n -h 127.0.0.1 -p 55990 -U postgres -c 1 -t 32400 \
        -f $S/load_big.sql@90 -f $S/load_mid.sql@45 -f $S/load_small.sql@180 -f $S/load_rare.sql@9 $db 2>&1 | grep -E '^tps|processed'
    "${P[@]}" -d $db -c "VACUUM ANALYZE"
    "${P[@]}" -d $db -At -c "SELECT tt.topic, count(*) AS txns, sum(t.last_position - t.first_position + 1) AS events FROM pglive.transaction_topics tt JOIN pglive.transactions t USING (tx) GROUP BY 1 ORDER BY 1" \
      -c "SELECT c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relnamespace = 'pglive'::regnamespace AND c.relkind = 'r' AND c.relname IN ('events', 'event_chunks') AND pg_total_relation_size(c.oid) > 16384"
done
