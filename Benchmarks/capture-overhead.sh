#!/usr/bin/env bash
# Writer cost of pglive's change capture: pgbench transactions against a published
# table vs an identical unpublished one, on a throwaway PostgreSQL 15 on 127.0.0.1.
#
#   bash Benchmarks/capture-overhead.sh            # ~15 minutes with the defaults
#
# Environment (all optional):
#   RUN_SECONDS=8        length of each pgbench run
#   REPS=5               plain/published pairs per case and client count (medians taken)
#   CLIENT_COUNTS="1 2"  pgbench client counts
#   UPDATE_ROWS=100000   rows pre-filled for the UPDATE case
#   SYNCHRONOUS_COMMIT=on  the server's synchronous_commit: `on` (default) measures durable
#                        commits, fsync included; `off` takes the disk's flush out and
#                        measures the CPU cost of capture
#   CASES="insert1 insert100x1 insert1x100 update1"  the cases to run, in this order
#   PGBIN=/usr/lib/postgresql/15/bin
#   MIGRATIONS=<repo>/migrations   another checkout's folder measures that schema with this
#                        script (e.g. one before 0006, which had no pglive.transaction_topics)
#
# fsync stays on. SYNCHRONOUS_COMMIT is set for the whole server (ALTER SYSTEM), and a
# one-transaction pgbench run checks that pgbench's own sessions see it before anything is
# measured: the script stops if they do not (e.g. a PGOPTIONS of the caller overriding it;
# the caller's PGOPTIONS is otherwise kept). The server, its data and the pgbench scripts
# live in a new folder under /tmp that is removed on exit, whatever happens. Prints
# progress on stderr and the Markdown results on stdout.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
MIGRATIONS=${MIGRATIONS:-$ROOT/migrations}
source "$HERE/lib.sh"
RUN_SECONDS=${RUN_SECONDS:-8}
REPS=${REPS:-5}
CLIENT_COUNTS=${CLIENT_COUNTS:-"1 2"}
UPDATE_ROWS=${UPDATE_ROWS:-100000}
SYNCHRONOUS_COMMIT=${SYNCHRONOUS_COMMIT:-on}
case "$SYNCHRONOUS_COMMIT" in
    on | off) ;;
    *) echo "SYNCHRONOUS_COMMIT must be on or off, not '$SYNCHRONOUS_COMMIT'" >&2; exit 64 ;;
esac

PSQL_BIN=$PGBIN/psql; [ -x "$PSQL_BIN" ] || PSQL_BIN=$(command -v psql)
PGBENCH_BIN=$PGBIN/pgbench; [ -x "$PGBENCH_BIN" ] || PGBENCH_BIN=$(command -v pgbench)
for b in "$PGBIN/initdb" "$PGBIN/pg_ctl" "$PSQL_BIN" "$PGBENCH_BIN"; do
    [ -x "$b" ] || { echo "missing $b (apt-get install postgresql-15 postgresql-contrib)" >&2; exit 1; }
done
ls "$MIGRATIONS"/*.sql >/dev/null 2>&1 || { echo "no migrations in $MIGRATIONS" >&2; exit 1; }

WORK=$(mktemp -d /tmp/pglive-capture-bench.XXXXXX)
SCRIPTS=$WORK/scripts
stop_everything_on_exit

LOAD_BEFORE=$(uptime)
start_postgres "$WORK"
mkdir -p "$SCRIPTS"
PORT=$PG_PORT

# psql and pgbench share this environment, so what psql reports is what pgbench runs with.
export PGOPTIONS="${PGOPTIONS:+$PGOPTIONS }-c client_min_messages=warning"
PSQL=("$PSQL_BIN" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres)
q() { timeout 300 "${PSQL[@]}" -At -c "$1"; }

q "ALTER SYSTEM SET synchronous_commit = '$SYNCHRONOUS_COMMIT'" >/dev/null
q "SELECT pg_reload_conf()" >/dev/null
# Fails (division by zero) in a pgbench session that does not run with the asked setting.
echo "SELECT 1 / (current_setting('synchronous_commit') = '$SYNCHRONOUS_COMMIT')::int;" >"$SCRIPTS/check_setting.sql"
"$PGBENCH_BIN" -n -h 127.0.0.1 -p "$PORT" -U postgres -f "$SCRIPTS/check_setting.sql" -c 1 -t 1 postgres >"$WORK/check.log" 2>&1 || {
    cat "$WORK/check.log" >&2
    echo "pgbench sessions do not run with synchronous_commit=$SYNCHRONOUS_COMMIT (PGOPTIONS='$PGOPTIONS')" >&2
    exit 1
}
log "pgbench sessions run with synchronous_commit=$SYNCHRONOUS_COMMIT"

for f in $(ls "$MIGRATIONS"/*.sql | sort); do
    log "migration $(basename "$f")"
    timeout 120 "${PSQL[@]}" --single-transaction -f "$f" >/dev/null  # as `pglive migrate` runs them
done
# The log's tables that this schema has (pglive.transaction_topics from 0006 on,
# pglive.event_chunks from 0007 on).
LOG_TABLES=$(q "SELECT string_agg(c.oid::regclass::text, ', ') FROM pg_class c
                 WHERE c.relnamespace = 'pglive'::regnamespace AND c.relname IN ('events', 'event_chunks', 'transactions', 'transaction_topics')")
TOPIC_ROWS=$(q "SELECT to_regclass('pglive.transaction_topics') IS NOT NULL")
if [ "$(q "SELECT to_regclass('pglive.event_chunks') IS NOT NULL")" = t ]; then
    COUNT_EVENTS="SELECT (SELECT count(*) FROM pglive.events) + (SELECT coalesce(sum(n), 0) FROM pglive.event_chunks)"
else
    COUNT_EVENTS="SELECT count(*) FROM pglive.events"
fi
log "log tables: $LOG_TABLES"

TABLE_DDL='(id bigserial PRIMARY KEY, device int, reading double precision, status text, at timestamptz DEFAULT now())'
timeout 300 "${PSQL[@]}" >/dev/null <<SQL
CREATE TABLE plain $TABLE_DDL;
CREATE TABLE published $TABLE_DDL;
CREATE TABLE plain_u $TABLE_DDL;
CREATE TABLE published_u $TABLE_DDL;
INSERT INTO plain_u (device, reading, status)
SELECT g % 1000, random(), 'ok' FROM generate_series(1, $UPDATE_ROWS) g;
INSERT INTO published_u (device, reading, status)
SELECT g % 1000, random(), 'ok' FROM generate_series(1, $UPDATE_ROWS) g;
SELECT pglive.publish_table('published');
SELECT pglive.publish_table('published_u');
VACUUM ANALYZE;
SQL

# pgbench scripts, one per case and table.
for t in plain published; do
    printf '%s\n' '\set d random(1, 1000)' \
        "INSERT INTO $t (device, reading, status) VALUES (:d, random(), 'ok');" >"$SCRIPTS/insert1_$t.sql"
    printf '%s\n' \
        "INSERT INTO $t (device, reading, status) SELECT (random() * 1000)::int, random(), 'ok' FROM generate_series(1, 100);" \
        >"$SCRIPTS/insert100x1_$t.sql"
    {
        echo 'BEGIN;'
        for i in $(seq 1 100); do
            echo "INSERT INTO $t (device, reading, status) VALUES ($i, random(), 'ok');"
        done
        echo 'COMMIT;'
    } >"$SCRIPTS/insert1x100_$t.sql"
    printf '%s\n' "\\set id random(1, $UPDATE_ROWS)" \
        "UPDATE ${t}_u SET reading = random(), status = 'upd' WHERE id = :id;" >"$SCRIPTS/update1_$t.sql"
done
echo "SELECT pg_notify('x', 'y');" >"$SCRIPTS/notify.sql"
printf '%s\n' '\set d random(1, 1000)' 'BEGIN;' \
    "INSERT INTO plain (device, reading, status) VALUES (:d, random(), 'ok');" \
    "SELECT pg_notify('x', 'y');" 'COMMIT;' >"$SCRIPTS/insert1notify_plain.sql"

CASES=${CASES:-"insert1 insert100x1 insert1x100 update1"}
declare -A LABEL=(
    [insert1]="single-row INSERT"
    [insert100x1]="100 rows, one INSERT … SELECT"
    [insert1x100]="100 rows, 100 single-row INSERTs"
    [update1]="single-row UPDATE (${UPDATE_ROWS}-row table)"
)

# Runs one pgbench; sets TPS and TXNS.
bench() { # script clients
    local out
    out=$(timeout $((RUN_SECONDS + 120)) "$PGBENCH_BIN" -n -h 127.0.0.1 -p "$PORT" -U postgres \
        -f "$1" -c "$2" -j "$2" -T "$RUN_SECONDS" postgres 2>&1) || { echo "$out" >&2; exit 1; }
    TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' <<<"$out" | head -1)
    TXNS=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$out")
    [ -n "$TPS" ] && [ -n "$TXNS" ] || { echo "$out" >&2; exit 1; }
}

# Prune and equalise before every run: empty log, empty insert tables, fresh checkpoint.
reset_state() {
    q "TRUNCATE $LOG_TABLES, plain, published; CHECKPOINT;" >/dev/null
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.1f\n", (a[NR/2]+a[NR/2+1])/2}'; }

SANITY_OK=1
declare -A SAN_ROWS SAN_EVENTS SAN_TXNS SAN_SEALED SAN_DENSE
# After a published run: capture must match what was written, positions dense+unique, and
# from 0006 on every event reachable by its topic (pglive.event_log reads through
# pglive.transaction_topics, one row per transaction here: each writes one topic).
check_published() { # case txns
    local c=$1 txns=$2 rows events stats sealed unsealed listed dense n nd mn mx
    if [ "$c" = update1 ]; then rows=$txns; else rows=$(q "SELECT count(*) FROM published"); fi
    events=$(q "$COUNT_EVENTS")
    sealed=$(q "SELECT count(*) FROM pglive.transactions WHERE first_position IS NOT NULL")
    unsealed=$(q "SELECT count(*) FROM pglive.transactions WHERE first_position IS NULL")
    if [ "$TOPIC_ROWS" = t ]; then listed=$(q "SELECT count(*) FROM pglive.transaction_topics"); else listed=$txns; fi
    stats=$(q "SELECT count(*), count(DISTINCT position), min(position), max(position) FROM pglive.event_log")
    IFS='|' read -r n nd mn mx <<<"$stats"
    dense=$([ "$n" = "$nd" ] && [ "$n" = "$events" ] && [ "$n" -gt 0 ] && [ $((mx - mn + 1)) = "$n" ] && echo yes || echo NO)
    log "  sanity $c: rows=$rows events=$events txns(pgbench)=$txns sealed=$sealed unsealed=$unsealed topic rows=$listed event_log(count,distinct,min,max)=$stats dense=$dense"
    if [ "$rows" != "$events" ] || [ "$sealed" != "$txns" ] || [ "$unsealed" != 0 ] || [ "$listed" != "$txns" ] || [ "$dense" != yes ]; then
        SANITY_OK=0
    fi
    SAN_ROWS[$c]=$(( ${SAN_ROWS[$c]:-0} + rows ))
    SAN_EVENTS[$c]=$(( ${SAN_EVENTS[$c]:-0} + events ))
    SAN_TXNS[$c]=$(( ${SAN_TXNS[$c]:-0} + txns ))
    SAN_SEALED[$c]=$(( ${SAN_SEALED[$c]:-0} + sealed ))
    [ "$dense" = yes ] || SAN_DENSE[$c]=NO
    LAST_STATS="$c: $stats"
}

declare -A RESULT_PLAIN RESULT_PUB RESULT_RATIO RANGE_RATIO RAW
T0=$(date +%s)
for c in $CASES; do
    for n in $CLIENT_COUNTS; do
        plain_tps="" pub_tps="" ratios=""
        for rep in $(seq 1 "$REPS"); do
            # ABBA order so slow drift in machine load hits both sides equally.
            if [ $((rep % 2)) = 1 ]; then order="plain published"; else order="published plain"; fi
            for t in $order; do
                reset_state
                bench "$SCRIPTS/${c}_$t.sql" "$n"
                log "$c clients=$n rep=$rep $t: $TPS tps ($TXNS txns)"
                if [ "$t" = plain ]; then plain_tps+=" $TPS"; P_TPS=$TPS; else pub_tps+=" $TPS"; U_TPS=$TPS; check_published "$c" "$TXNS"; fi
            done
            ratios+=" $(awk -v p="$P_TPS" -v u="$U_TPS" 'BEGIN { printf "%.3f", p / u }')"
        done
        RESULT_PLAIN[$c,$n]=$(median <<<"$plain_tps")
        RESULT_PUB[$c,$n]=$(median <<<"$pub_tps")
        RESULT_RATIO[$c,$n]=$(median <<<"$ratios")
        RANGE_RATIO[$c,$n]=$(tr ' ' '\n' <<<"$ratios" | grep -v '^$' | sort -g | sed -n '1p;$p' | paste -sd- -)
        RAW[$c,$n]="plain:$plain_tps / published:$pub_tps / pair ratios:$ratios"
    done
done

# Context: NOTIFY alone, and a plain insert that also NOTIFYs (no capture), 2 clients.
notify_tps="" insnotify_tps=""
for rep in $(seq 1 "$REPS"); do
    reset_state; bench "$SCRIPTS/notify.sql" 2; notify_tps+=" $TPS"; log "pg_notify only clients=2 rep=$rep: $TPS tps"
    reset_state; bench "$SCRIPTS/insert1notify_plain.sql" 2; insnotify_tps+=" $TPS"; log "insert+notify clients=2 rep=$rep: $TPS tps"
done
T1=$(date +%s)
LOAD_AFTER=$(uptime)

VERSION=$(q "SHOW server_version")
SETTINGS=$(q "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
              WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers',
                             'max_wal_size', 'checkpoint_timeout', 'wal_level', 'autovacuum')")

echo "## Change capture: writer overhead (raw output)"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); host: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
echo "- PostgreSQL $VERSION; $SETTINGS"
echo "- schema: migrations through $(basename "$(ls "$MIGRATIONS"/*.sql | sort | tail -1)") from $MIGRATIONS"
echo "- synchronous_commit=$SYNCHRONOUS_COMMIT server-wide, checked inside a pgbench session before the runs"
echo "- pgbench -n -c C -j C -T $RUN_SECONDS over TCP 127.0.0.1; $REPS interleaved plain/published pairs per row (ABBA order), median tps and median of the per-pair ratios; log and both tables truncated and CHECKPOINT before every run"
echo "- load before: ${LOAD_BEFORE#*load average: }; after: ${LOAD_AFTER#*load average: }; benchmark time $((T1 - T0)) s"
echo
echo "| case | clients | plain tps | published tps | cost: plain/published of medians | cost: median of pair ratios (min–max) |"
echo "|---|---:|---:|---:|---:|---:|"
for c in $CASES; do
    for n in $CLIENT_COUNTS; do
        p=${RESULT_PLAIN[$c,$n]} u=${RESULT_PUB[$c,$n]}
        awk -v l="${LABEL[$c]}" -v n="$n" -v p="$p" -v u="$u" -v m="${RESULT_RATIO[$c,$n]}" -v rg="${RANGE_RATIO[$c,$n]}" \
            'BEGIN { split(rg, a, "-"); printf "| %s | %d | %.0f | %.0f | %.2f× | %.2f× (%.2f–%.2f) |\n", l, n, p, u, p / u, m, a[1], a[2] }'
    done
done
awk -v a="$(median <<<"$notify_tps")" -v b="$(median <<<"$insnotify_tps")" 'BEGIN {
    printf "| context: `SELECT pg_notify(...)` only | 2 | %.0f | – | – | – |\n", a
    printf "| context: single-row INSERT + pg_notify, no capture | 2 | %.0f | – | – | – |\n", b }'
echo
echo "Raw tps per run:"
echo
for c in $CASES; do for n in $CLIENT_COUNTS; do echo "- $c, $n client(s): ${RAW[$c,$n]}"; done; done
echo "- pg_notify only, 2 clients:$notify_tps"
echo "- insert + pg_notify (plain), 2 clients:$insnotify_tps"
echo
echo "Sanity (published runs, summed over all runs of a case; log pruned between runs):"
echo
echo "| case | rows written to published | events captured | pgbench txns | sealed transactions | positions dense & unique |"
echo "|---|---:|---:|---:|---:|---|"
for c in $CASES; do
    echo "| $c | ${SAN_ROWS[$c]} | ${SAN_EVENTS[$c]} | ${SAN_TXNS[$c]} | ${SAN_SEALED[$c]} | ${SAN_DENSE[$c]:-yes} |"
done
echo
echo "Last run, \`SELECT count(*), count(DISTINCT position), min(position), max(position) FROM pglive.event_log\`: $LAST_STATS"
echo
if [ "$SANITY_OK" = 1 ]; then echo "Sanity: OK"; else echo "Sanity: FAILED (see log above)"; exit 2; fi
