#!/usr/bin/env bash
# More databases: chunk_fast (jsonb_agg(r.*) fast path), chunk_arr (jsonb[] column),
# both lz4 + toast_tuple_target 8160; floor_noop / floor_json (tables + floor trigger only).
set -euo pipefail
P=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55990 -U postgres)
S=$(cd "$(dirname "$0")" && pwd)
DDL='(id bigserial PRIMARY KEY, device int, reading double precision, status text, at timestamptz DEFAULT now())'
for db in chunk_fast chunk_arr; do
    "${P[@]}" -d postgres -c "CREATE DATABASE $db"
    for f in "$S"/../../../migrations/*.sql; do "${P[@]}" -d $db --single-transaction -f "$f" >/dev/null; done
    "${P[@]}" -d $db --single-transaction -f $S/chunk.sql >/dev/null
    if [ $db = chunk_arr ]; then
        "${P[@]}" -d $db -c "DROP VIEW pglive.chunk_event_log" -c "ALTER TABLE pglive.event_chunks ALTER COLUMN rows TYPE jsonb[] USING NULL"
        sed -e 's/AGG_EXPR/array_agg(to_jsonb(r.*))/' -e 's/AGG_SORTED/array_agg(to_jsonb(s.r) ORDER BY i)/' $S/chunk_fast.sql
    else
        sed -e 's/AGG_EXPR/jsonb_agg(r.*)/' -e 's/AGG_SORTED/jsonb_agg(s.r ORDER BY i)/' $S/chunk_fast.sql
    fi | "${P[@]}" -d $db --single-transaction >/dev/null
    "${P[@]}" -d $db -c "ALTER TABLE pglive.event_chunks ALTER COLUMN rows SET COMPRESSION lz4, SET (toast_tuple_target = 8160)"
    "${P[@]}" -d $db -c "CREATE TABLE t $DDL" -c "SELECT pglive.publish_table('t')" -c "VACUUM ANALYZE" >/dev/null 2>&1
done
"${P[@]}" -d chunk_arr -c "CREATE VIEW pglive.chunk_event_log AS
SELECT tt.first_position + c.ord + x.i::integer - 1 AS position, tt.topic, c.op, t.committed_at, x.row_data
  FROM pglive.transaction_topics tt JOIN pglive.transactions t ON t.tx = tt.tx
  JOIN pglive.event_chunks c ON c.tx = tt.tx AND c.topic = tt.topic
  CROSS JOIN LATERAL unnest(c.rows) WITH ORDINALITY AS x(row_data, i)" 2>&1 | grep -v '^$' || true
for v in noop json; do
    db=floor_$v
    "${P[@]}" -d postgres -c "CREATE DATABASE $db"
    "${P[@]}" -d $db -f $S/floors.sql -c "CREATE TABLE t $DDL" \
      -c "CREATE TRIGGER floor AFTER INSERT ON t REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.floor_trigger('$v')" -c "VACUUM ANALYZE"
done
