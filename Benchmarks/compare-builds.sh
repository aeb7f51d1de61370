#!/usr/bin/env bash
# Two release builds of pglive side by side, interleaved (A, B, A, B, …) on one throwaway
# PostgreSQL, so drift in the machine's load hits both: delivered msg/s, latency and server
# and client CPU per delivery (at saturation, or at a fixed rate), then RSS per idle
# WebSocket session.
#
#   bash Benchmarks/compare-builds.sh OLD_PGLIVE NEW_PGLIVE   # e.g. a copy of an older build
#   RATE=10 IDLE_SUBSCRIBERS=0 bash Benchmarks/compare-builds.sh OLD NEW   # issue 6's 10k msg/s scenario
#
# Delivery: `pglive bench --subscribers $SUBSCRIBERS --rate $RATE` as in fanout.sh (RATE=0 is
# saturation); the CPU (user + system, /proc) of the server and of the load generator is
# sampled from the client's "subscribed" log line (so connecting the subscribers is left
# out) to the end of the send phase for the server, to the load generator's exit (after
# the last delivery) for the client. Idle: a fresh server per
# build, 200 sessions opened and closed first (so the allocator's arenas exist), then RSS
# before and while $IDLE_SUBSCRIBERS sessions hold. NEW_PGLIVE's `bench` is the client for
# both builds (CLIENT=own: each build's own, to compare load generators) and applies the
# migrations.
#
# Environment (all optional): ROUNDS=3 (A/B pairs), SECONDS_PER_RUN=12, SUBSCRIBERS=1000, RATE=0, CLIENT=new,
# IDLE_SUBSCRIBERS=10000 (0 to skip), PGBIN=/usr/lib/postgresql/15/bin, SERVE_LIMITS (the
# options that lift serve's session and SEND rate limits for the bench's local sessions;
# set it empty for builds older than those options).
# Prints Markdown on stdout, progress on stderr.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
source "$HERE/lib.sh"
OLD=$(realpath "$1")
NEW=$(realpath "$2")
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-12}
SUBSCRIBERS=${SUBSCRIBERS:-1000}
RATE=${RATE:-0}
IDLE_SUBSCRIBERS=${IDLE_SUBSCRIBERS:-10000}
CLIENT=${CLIENT:-new}
SERVE_LIMITS=${SERVE_LIMITS---max-sessions 0 --max-sessions-per-ip 0 --max-send-rate 0}
HZ=$(getconf CLK_TCK)
WORK=$(mktemp -d /tmp/pglive-compare-pg.XXXXXX)
LOGS=$WORK/logs
mkdir -p "$LOGS"
stop_everything_on_exit
ulimit -n "$(ulimit -Hn)"

start_postgres "$WORK"
migrate_with "$NEW" "$LOGS"

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status"; }
# start_bench ARGS…: NEW's load generator against the current server, in the background,
# so that $! is the load generator itself (its CPU is sampled from /proc).
start_bench() {
    "$CLIENT_BUILD" bench --url "ws://127.0.0.1:$HTTP_PORT/stomp" --destination /topic/bench --login bench --passcode bench "$@" &
}
# serve_with BINARY: a fresh `pglive serve` of that build, and the client for it.
serve_with() {
    PGLIVE=$1
    CLIENT_BUILD=$NEW
    if [ "$CLIENT" = own ]; then CLIENT_BUILD=$1; fi
    # shellcheck disable=SC2086 # SERVE_LIMITS is a list of options
    start_serve "$LOGS/serve-$(basename "$1").log" --user bench:bench $SERVE_LIMITS
}

echo "Scenario: $SUBSCRIBERS subscribers, rate $RATE msg/s (0: as fast as possible), $SECONDS_PER_RUN s per run."
echo
echo "| build | delivered | msg/s | p50 ms | p99 ms | max ms | server CPU s | client CPU s | server µs per delivery | client µs per delivery | load average before → after |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for _ in $(seq 1 "$ROUNDS"); do
    for binary in "$OLD" "$NEW"; do
        serve_with "$binary"
        load_before=$(uptime | sed 's/.*average: //')
        : >"$LOGS/bench.err"
        start_bench --subscribers "$SUBSCRIBERS" --rate "$RATE" --seconds "$SECONDS_PER_RUN" --json >"$LOGS/bench.json" 2>"$LOGS/bench.err"
        client=$!
        until grep -q "subscribed" "$LOGS/bench.err" || ! kill -0 "$client" 2>/dev/null; do sleep 0.1; done
        kill -0 "$client" 2>/dev/null || { log "bench failed: $(tail -3 "$LOGS/bench.err")"; exit 1; }
        t0=$(cpu_ticks "$SERVE_PID"); c0=$(cpu_ticks "$client")
        # The load generator exits once the last delivery arrived, possibly before the
        # sleep below ends: its CPU is sampled in the background until then, and the last
        # reading (about 0.1 s before its exit) counts.
        echo "$c0" >"$LOGS/client.ticks"
        # No process per reading (`read_cpu_ticks`): the sampler must not load the 2 cores
        # it measures.
        (while read_cpu_ticks "$client"; do
            echo "$CPU_TICKS" >"$LOGS/client.ticks"
            sleep 0.1
        done) &
        sampler=$!
        sleep "$SECONDS_PER_RUN"
        t1=$(cpu_ticks "$SERVE_PID")
        load_after=$(uptime | sed 's/.*average: //')
        wait "$client" || { log "bench failed: $(tail -3 "$LOGS/bench.err")"; exit 1; }
        wait "$sampler"
        c1=$(cat "$LOGS/client.ticks")
        stop_serve
        seconds() { awk -v a="$1" -v b="$2" -v hz="$HZ" 'BEGIN {printf "%.1f", (b - a) / hz}'; }
        jq -r --arg build "$(basename "$binary")" --arg load "$load_before → $load_after" \
            --arg cpu "$(seconds "$t0" "$t1")" --arg client "$(seconds "$c0" "$c1")" \
            '"| \($build) | \(.delivered) | \(.delivered_per_second | floor) | \(.latency_ms.p50 * 10 | round / 10) | \(.latency_ms.p99 * 10 | round / 10) | \(.latency_ms.max * 10 | round / 10) | \($cpu) | \($client) | \(($cpu | tonumber) * 1e6 / .delivered * 10 | round / 10) | \(($client | tonumber) * 1e6 / .delivered * 10 | round / 10) | \($load) |"' \
            "$LOGS/bench.json"
    done
done

[ "$IDLE_SUBSCRIBERS" = 0 ] && exit 0
echo
echo "| build | idle sessions | RSS before KiB | RSS with them KiB | KiB per session |"
echo "|---|---:|---:|---:|---:|"
for binary in "$OLD" "$NEW"; do
    serve_with "$binary"
    start_bench --subscribers 200 --idle --seconds 1 --json >/dev/null 2>&1
    wait $!
    sleep 2
    before=$(rss_kib)
    : >"$LOGS/idle.err"
    start_bench --subscribers "$IDLE_SUBSCRIBERS" --idle --seconds 8 --json >/dev/null 2>"$LOGS/idle.err"
    client=$!
    until grep -q "holding idle subscriptions" "$LOGS/idle.err" || ! kill -0 "$client" 2>/dev/null; do sleep 0.5; done
    sleep 3
    during=$(rss_kib)
    wait "$client" || { log "idle bench failed: $(tail -3 "$LOGS/idle.err")"; exit 1; }
    stop_serve
    awk -v b="$(basename "$binary")" -v n="$IDLE_SUBSCRIBERS" -v x="$before" -v y="$during" \
        'BEGIN {printf "| %s | %d | %d | %d | %.1f |\n", b, n, x, y, (y - x) / n}'
done
