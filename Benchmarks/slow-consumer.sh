#!/usr/bin/env bash
# Issue 5: a consumer that never reads must cost bounded memory, be disconnected by policy,
# and leave other subscribers' latency alone. Runs `pglive bench` alone and with a stalled
# TCP consumer subscribed to the same topic, back to back, PAIRS times in alternating order
# (ABBA…) so drift in the shared machine's load hits both sides.
#
#   bash Benchmarks/slow-consumer.sh       # build release, run, stop everything (~12 min)
#
# Why 50 subscribers × 200 msg/s for 90 s: 10,000 deliveries/s is a real load on 2 cores
# that the SEND path (one commit per message) sustains, and the stalled consumer must be
# sent enough to meet a limit inside the run: first the kernel buffers ~1.5 MB for it
# (~35 s at 200 × ~210 B/s), then the server's own queue (10,000 frames) or the 30 s write
# timeout has to run out. At 100 msg/s or for 20 s nothing but the kernel holds anything.
#
# Each run gets a fresh `pglive serve` (same PostgreSQL), so its log, its peak RSS (VmHWM)
# and its metrics belong to that run alone. The stalled consumer is
# Benchmarks/stalled-consumer.py: CONNECT, SUBSCRIBE with a receipt, then no reads.
#
# Environment (all optional):
#   SKIP_BUILD=1         use the existing .build-release binary
#   SUBSCRIBERS=50 RATE=200 SECONDS_PER_RUN=90   the bench load (RATE × SUBSCRIBERS deliveries/s)
#   PAIRS=3              alone/stalled pairs
#   MAX_LOAD=3 LOAD_WAIT=900   before each pair, wait (up to LOAD_WAIT s) for the 1-minute
#                        load average to fall to MAX_LOAD; measure anyway after that
#   CLOSE_WAIT=60        after the bench, how long to wait for the server to close the stalled consumer
#   OUT=/tmp/pglive-slow-consumer.<stamp>   JSON reports, serve logs, RSS samples, summary
# Prints progress on stderr and Markdown on stdout (also $OUT/summary.md).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
source "$HERE/lib.sh"
SUBSCRIBERS=${SUBSCRIBERS:-50}
RATE=${RATE:-200}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-90}
PAIRS=${PAIRS:-3}
MAX_LOAD=${MAX_LOAD:-3}
LOAD_WAIT=${LOAD_WAIT:-900}
CLOSE_WAIT=${CLOSE_WAIT:-60}
OUT=${OUT:-/tmp/pglive-slow-consumer.$(date -u +%Y%m%dT%H%M%SZ)}

mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/pglive-slow-pg.XXXXXX)
STALLED_PID= SAMPLER_PID=

stop_helpers() {
    local pid
    cp "$WORK/server.log" "$OUT/postgres.log" 2>/dev/null || true
    for pid in $STALLED_PID $SAMPLER_PID; do
        { kill "$pid" && wait "$pid"; } 2>/dev/null || true
    done
    STALLED_PID= SAMPLER_PID=
}
stop_everything_on_exit stop_helpers

build_release "$OUT"
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD)

start_postgres "$WORK"
migrate_with "$PGLIVE" "$OUT"

SUMMARY=$OUT/summary.md
: >"$SUMMARY"
emit() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
# User and system CPU ticks of a process, "U S".
user_system_ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }
# Seconds since the epoch of a log line's ISO-8601 stamp (swift-log's StreamLogHandler).
stamp_of() { date -d "$(cut -d' ' -f1 <<<"$1")" +%s; }

# Colleagues compile on the same 2 cores: wait for a quieter minute, but not forever.
wait_for_quiet() {
    local waited=0
    while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN {exit !(l > m)}' && [ "$waited" -lt "$LOAD_WAIT" ]; do
        log "load average $(load1) > $MAX_LOAD; waiting (${waited}s so far)"
        sleep 60; waited=$((waited + 60))
    done
}

# Every second: the server's RSS, and the bytes the kernel holds unsent towards the
# stalled consumer (Send-Q of the server's STOMP-port sockets; 0 when none).
sample() {
    while kill -0 "$SERVE_PID" 2>/dev/null; do
        printf '%s %s %s\n' "$(date +%s)" "$(awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status" 2>/dev/null)" \
            "$(ss -tnH state established "sport = :$STOMP_PORT" | awk '{q += $2} END {print q + 0}')"
        sleep 1
    done
}

metric() { curl -fs "http://127.0.0.1:$HTTP_PORT/metrics" | awk -v m="$1" '$1 == m {print $2 + 0}' || true; }

# run <pair> <alone|stalled>: one bench run on a fresh server; appends a row to $OUT/runs.psv.
run() {
    local pair=$1 kind=$2 tag=$1-$2
    local serve_log=$OUT/serve-$tag.log
    start_serve "$serve_log" --user bench:bench --max-sessions 0 --max-sessions-per-ip 0 --max-send-rate 0
    local idle_rss cpu_start; idle_rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status")
    # Latency on this shared machine is noisy; the server's CPU time is the steadier figure.
    cpu_start=$(user_system_ticks "$SERVE_PID")
    if [ "$kind" = stalled ]; then
        python3 "$HERE/stalled-consumer.py" "$STOMP_PORT" >"$OUT/stalled-$tag.out" 2>&1 &
        STALLED_PID=$!
        for _ in $(seq 1 50); do grep -q subscribed "$OUT/stalled-$tag.out" && break; sleep 0.2; done
        grep -q subscribed "$OUT/stalled-$tag.out" || { cat "$OUT/stalled-$tag.out" >&2; exit 1; }
    fi
    sample >"$OUT/samples-$tag.txt" &
    SAMPLER_PID=$!
    local command=("$PGLIVE" bench --url "ws://127.0.0.1:$HTTP_PORT/stomp" --login bench --passcode bench
        --subscribers "$SUBSCRIBERS" --rate "$RATE" --seconds "$SECONDS_PER_RUN" --json)
    log "pair $pair, $kind: ${command[*]}"
    local start end status=0
    start=$(date +%s)
    "${command[@]}" >"$OUT/bench-$tag.json" 2>"$OUT/bench-$tag.stderr" || status=$?
    end=$(date +%s)
    local load_after; load_after=$(load1)
    # The stalled session is the only TCP one; the bench's 100 are WebSocket sessions.
    local closed="-"
    if [ "$kind" = stalled ]; then
        local line=
        for _ in $(seq 1 "$CLOSE_WAIT"); do
            line=$(grep 'session closed' "$serve_log" | grep 'transport=tcp' | head -1) && break
            sleep 1
        done
        if [ -n "$line" ]; then
            closed="+$(($(stamp_of "$line") - start)) s: $(sed -n 's/.*reason=\(.*\) session=.*/\1/p' <<<"$line")"
        else
            closed="not closed $((CLOSE_WAIT + end - start)) s after bench start"
        fi
    fi
    local hwm slow dropped cpu
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$SERVE_PID/status")
    cpu=$(echo "$cpu_start $(user_system_ticks "$SERVE_PID")" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f + %.1f", ($3 - $1) / hz, ($4 - $2) / hz}')
    slow=$(metric pglive_stomp_slow_consumer_disconnects_total); dropped=$(metric pglive_stomp_messages_dropped_total)
    stop_helpers
    stop_serve
    local max_rss max_sendq
    max_rss=$(awk '$2 > m {m = $2} END {print m + 0}' "$OUT/samples-$tag.txt")
    max_sendq=$(awk '$3 > m {m = $3} END {print m + 0}' "$OUT/samples-$tag.txt")
    local figures
    figures=$(jq -r '"\(.delivered_per_second|floor)|\(.lost)|\(.latency_ms.p50*10|round/10)|\(.latency_ms.p99*10|round/10)|\(.latency_ms.max*10|round/10)|\(.connection_errors)"' \
        "$OUT/bench-$tag.json" 2>/dev/null || echo "no report|||||")
    # A SEND backlog cancelled at disconnect shows up as pooled connections discarded.
    local discards; discards=$(grep -c 'discarding a dead pooled connection' "$serve_log" || true)
    printf '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$pair" "$kind" "$LOAD_BEFORE" "$load_after" "$figures" "$idle_rss" \
        "$max_rss" "$hwm" "$max_sendq" "$closed" "${slow:-?}/${dropped:-?}" "$discards" "$cpu" >>"$OUT/runs.psv"
    [ "$status" = 0 ] || log "bench exited $status: $(tail -3 "$OUT/bench-$tag.stderr")"
}

emit "## Run $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT"
emit ""
: >"$OUT/runs.psv"
for pair in $(seq 1 "$PAIRS"); do
    wait_for_quiet
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
    log "pair $pair: load average $LOAD_BEFORE"
    if [ $((pair % 2)) = 1 ]; then run "$pair" alone; run "$pair" stalled; else run "$pair" stalled; run "$pair" alone; fi
done

emit "| pair | run | load avg before pair → after run | delivered msg/s | lost | p50 ms | p99 ms | max ms | conn. errors | RSS idle / max / HWM KiB | max Send-Q to stalled B | stalled consumer closed (from bench start) | slow-consumer closes / dropped | pool discards | serve CPU s user + sys |"
emit "|---:|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|---|---:|---|"
while IFS='|' read -r pair kind load after rate lost p50 p99 max errors idle rss hwm sendq closed counters discards cpu; do
    emit "| $pair | $kind | $load → $after | $rate | $lost | $p50 | $p99 | $max | $errors | $idle / $rss / $hwm | $sendq | $closed | $counters | $discards | $cpu |"
done <"$OUT/runs.psv"
emit ""
log "done"
