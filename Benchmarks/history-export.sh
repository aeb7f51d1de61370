#!/usr/bin/env bash
# The history API beside psql, in one run: export of a topic's events as NDJSON and CSV
# through pglive vs `psql -c "COPY (…) TO STDOUT"` of the same documents, with pglive's
# peak RSS while it streams; then JSON page latency (limit=100) under 16 concurrent
# clients with wrk.
#
#   bash Benchmarks/history-export.sh       # build release, load 1M events, measure (~10 min)
#
# Environment (all optional):
#   EVENTS=1000000   events in the topic (one published table, ~290 B per NDJSON line)
#   REPS=3           runs of each export (the median is reported)
#   WRK_SECONDS=15   length of the page-latency run
#   SKIP_BUILD=1     use the existing .build-release binary
#   OUT=/tmp/pglive-history.<stamp>   logs and the summary
# Everything it starts is stopped on exit. Markdown on stdout (also $OUT/summary.md).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
source "$HERE/lib.sh"
EVENTS=${EVENTS:-1000000}
REPS=${REPS:-3}
WRK_SECONDS=${WRK_SECONDS:-15}
OUT=${OUT:-/tmp/pglive-history.$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
command -v wrk >/dev/null || { log "wrk missing: apt-get install wrk"; exit 1; }

WORK=$(mktemp -d /tmp/pglive-history-pg.XXXXXX)
stop_everything_on_exit

build_release "$OUT"
start_postgres "$WORK"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres)
export PGOPTIONS="-c client_min_messages=warning"
"$PGLIVE" migrate --database-url "$DB_URL" --dir "$ROOT/migrations" up >"$OUT/migrate.log" 2>&1 \
    || { cat "$OUT/migrate.log" >&2; exit 1; }
log "loading $EVENTS events (1,000 rows per transaction)"
"${PSQL[@]}" >/dev/null <<SQL
CREATE TABLE readings (id bigint PRIMARY KEY, sensor text NOT NULL, temperature numeric(5,2), humidity numeric(5,2),
                       note text, recorded_at timestamptz NOT NULL DEFAULT now());
SELECT pglive.publish_table('readings', topic => 'readings');
SQL
for start in $(seq 1 1000 "$EVENTS"); do
    echo "INSERT INTO readings SELECT g, 'sensor-' || (g % 100), 20 + (g % 50) / 10.0, 40 + (g % 30) / 3.0, 'note, \"quoted\" ' || g, now() FROM generate_series($start, $((start + 999 < EVENTS ? start + 999 : EVENTS))) g;"
done | "${PSQL[@]}" >/dev/null
"${PSQL[@]}" -c "VACUUM ANALYZE" >/dev/null

start_serve "$OUT/serve.log" --user bench:bench
BASE="http://127.0.0.1:$HTTP_PORT/api/v1/topics/readings"

# The 1,000-row statements above are logged one row per event (pglive.events; migration 0007
# packs only statements of up to 256 rows into pglive.event_chunks).
FROM_LOG="FROM pglive.transaction_topics tt JOIN pglive.transactions t ON t.first_position = tt.first_position
          JOIN pglive.events e ON e.tx = t.tx AND e.topic = tt.topic WHERE tt.topic = 'readings' ORDER BY tt.first_position, e.ord"
PSQL_NDJSON="COPY (SELECT pglive.event_document(t.first_position + e.ord, e.topic, e.op, t.committed_at, e.row_data, e.old_row, e.body, e.content_type, e.headers) $FROM_LOG) TO STDOUT"
PSQL_CSV="COPY (SELECT t.first_position + e.ord AS position, e.topic, e.op, pglive.rfc3339(t.committed_at) AS committed_at, e.row_data AS row, e.old_row, e.content_type, e.headers, NULL AS body, NULL AS body_encoding $FROM_LOG) TO STDOUT (FORMAT csv, HEADER)"

# seconds bytes peak-RSS-KiB of one command (RSS sampled from pglive serve every 50 ms)
measure() {
    local start end bytes peak=0 rss sampler
    ( while kill -0 "$SERVE_PID" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status"; sleep 0.05; done ) >"$WORK/rss" &
    sampler=$!
    start=$(date +%s.%N)
    bytes=$("$@" | wc -c)
    end=$(date +%s.%N)
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    peak=$(sort -n "$WORK/rss" | tail -1)
    echo "$(echo "$end - $start" | bc) $bytes ${peak:-0}"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

RSS_IDLE=$(awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status")
declare -A SECONDS_OF BYTES_OF PEAK_OF
for rep in $(seq 1 "$REPS"); do
    for what in psql-ndjson pglive-ndjson psql-csv pglive-csv; do
        case $what in
            psql-ndjson) cmd=("${PSQL[@]}" -c "$PSQL_NDJSON") ;;
            pglive-ndjson) cmd=(curl -fsS -u bench:bench -H 'Accept: application/x-ndjson' "$BASE/events") ;;
            psql-csv) cmd=("${PSQL[@]}" -c "$PSQL_CSV") ;;
            pglive-csv) cmd=(curl -fsS -u bench:bench -H 'Accept: text/csv' "$BASE/events") ;;
        esac
        read -r secs bytes peak < <(measure "${cmd[@]}")
        log "rep $rep $what: ${secs}s ${bytes} B peak RSS ${peak} KiB"
        SECONDS_OF[$what]+="$secs "
        BYTES_OF[$what]=$bytes
        PEAK_OF[$what]+="$peak "
    done
done

log "JSON pages: wrk -t2 -c16 -d${WRK_SECONDS}s --latency $BASE/events?limit=100&after=…"
AUTH=$(printf 'bench:bench' | base64)
cat >"$WORK/pages.lua" <<LUA
-- Pages of 100 events at random offsets in the log, so the server reads different pages.
math.randomseed(os.time())
request = function()
    local after = math.random(0, $EVENTS - 100)
    return wrk.format("GET", "/api/v1/topics/readings/events?limit=100&after=" .. after, {["Authorization"] = "Basic $AUTH"})
end
LUA
wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -s "$WORK/pages.lua" "http://127.0.0.1:$HTTP_PORT" >"$OUT/wrk.txt" 2>&1
RSS_AFTER=$(awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status")
lat() { awk -v p="$1" '$1 == p {print $2}' "$OUT/wrk.txt"; }

{
    echo "### History export and pages ($(date -u +%Y-%m-%d), commit $(cd "$ROOT" && git rev-parse --short HEAD))"
    echo
    echo "\`bash Benchmarks/history-export.sh\` (EVENTS=$EVENTS REPS=$REPS): one topic of $EVENTS events from a published"
    echo "table, PostgreSQL 15 and pglive (release) on this 2-core machine; medians of $REPS runs; load before: $(uptime | sed 's/.*load/load/')."
    echo
    echo "| export | seconds | MB/s | bytes | pglive peak RSS (idle $((RSS_IDLE / 1024)) MiB) |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    for what in psql-ndjson pglive-ndjson psql-csv pglive-csv; do
        secs=$(echo "${SECONDS_OF[$what]}" | tr ' ' '\n' | grep . | median)
        peak=$(echo "${PEAK_OF[$what]}" | tr ' ' '\n' | grep . | sort -n | tail -1)
        printf '| %s | %.2f | %.0f | %s | %s MiB |\n' "$what" "$secs" "$(echo "${BYTES_OF[$what]} / $secs / 1000000" | bc -l)" \
            "${BYTES_OF[$what]}" "$((peak / 1024))"
    done
    nd_ratio=$(echo "$(echo "${SECONDS_OF[psql-ndjson]}" | tr ' ' '\n' | grep . | median) / $(echo "${SECONDS_OF[pglive-ndjson]}" | tr ' ' '\n' | grep . | median)" | bc -l)
    csv_ratio=$(echo "$(echo "${SECONDS_OF[psql-csv]}" | tr ' ' '\n' | grep . | median) / $(echo "${SECONDS_OF[pglive-csv]}" | tr ' ' '\n' | grep . | median)" | bc -l)
    printf '\nThroughput vs psql COPY: NDJSON %.2f×, CSV %.2f× (goal ≥ 0.9×).\n' "$nd_ratio" "$csv_ratio"
    echo
    echo "JSON pages (limit=100, random \`after\`), wrk -t2 -c16 ${WRK_SECONDS}s: $(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt") requests/s,"
    echo "p50 $(lat 50%), p90 $(lat 90%), p99 $(lat 99%); pglive RSS after: $((RSS_AFTER / 1024)) MiB."
} | tee "$OUT/summary.md"
