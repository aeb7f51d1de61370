#!/usr/bin/env bash
# Databases: plain (tables only), current (0001-0006), chunk (0001-0006 + chunk.sql),
# chunk_lz4 (same, rows column lz4 and toast_tuple_target 8160: a chunk stays in the heap row).
set -euo pipefail
P=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55990 -U postgres)
S=$(cd "$(dirname "$0")" && pwd)
DDL='(id bigserial PRIMARY KEY, device int, reading double precision, status text, at timestamptz DEFAULT now())'
for db in plain current chunk chunk_lz4; do
    "${P[@]}" -d postgres -c "CREATE DATABASE $db"
    if [ $db != plain ]; then
        for f in "$S"/../../../migrations/*.sql; do "${P[@]}" -d $db --single-transaction -f "$f" >/dev/null; done
    fi
    case $db in chunk*) "${P[@]}" -d $db --single-transaction -f $S/chunk.sql >/dev/null ;; esac
    [ $db = chunk_lz4 ] && "${P[@]}" -d $db -c "ALTER TABLE pglive.event_chunks ALTER COLUMN rows SET COMPRESSION lz4, SET (toast_tuple_target = 8160)"
    "${P[@]}" -d $db -c "CREATE TABLE t $DDL"
    [ $db != plain ] && "${P[@]}" -d $db -c "SELECT pglive.publish_table('t')" >/dev/null
    "${P[@]}" -d $db -c "VACUUM ANALYZE"
done
