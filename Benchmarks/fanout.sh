#!/usr/bin/env bash
# pglive's STOMP-over-WebSocket fan-out beside RabbitMQ Web-STOMP, in one run on this
# machine: the three scenarios of issue 6 ("`pglive bench`"), each run against pglive and
# then against RabbitMQ (interleaved, so drift in the machine's load hits both), then
# memory per idle session.
#
#   bash Benchmarks/fanout.sh          # build release, start everything, run, stop (~10 min)
#
# pglive's publish path is the real one: SEND → pglive.publish → commit → NOTIFY → feed →
# broker → WebSocket, on a throwaway PostgreSQL 15 on 127.0.0.1 (migrations applied with
# `pglive migrate up`, topic `bench` created with pglive.create_topic).
#
# Environment (all optional):
#   SKIP_BUILD=1          use the existing .build-release binary (default: build it first)
#   SECONDS_PER_RUN=15    send phase of each scenario
#   IDLE_SUBSCRIBERS=10000  idle sessions for the memory measurement (held IDLE_HOLD_SECONDS=15)
#   IDLE_RABBITMQ=1       also measure RabbitMQ's RSS per idle session (0 to skip)
#   NOFILE=65536          `ulimit -n` wanted, capped at the hard limit (20,000 in this container)
#   OUT=/tmp/pglive-fanout.<stamp>  where the JSON reports, server logs and the summary stay
#   PGBIN=/usr/lib/postgresql/15/bin
#   PERF=1                sample pglive serve with `perf record -F 199 -g` during its
#                         saturation scenario ($OUT/perf-saturation.data; 0 to skip)
#
# Per scenario it records `uptime` before and after, and CPU seconds (user + system) used
# by pglive serve, by the PostgreSQL cluster (postmaster, its live children, and its reaped
# children), by RabbitMQ and by the load generator. Everything it starts (pglive,
# PostgreSQL, RabbitMQ) is stopped on exit, whatever happens.
# Prints progress on stderr and Markdown on stdout (also saved as $OUT/summary.md).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
source "$HERE/lib.sh"
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
IDLE_SUBSCRIBERS=${IDLE_SUBSCRIBERS:-10000}
IDLE_HOLD_SECONDS=${IDLE_HOLD_SECONDS:-15}
IDLE_RABBITMQ=${IDLE_RABBITMQ:-1}
NOFILE=${NOFILE:-65536}
OUT=${OUT:-/tmp/pglive-fanout.$(date -u +%Y%m%dT%H%M%SZ)}
RABBIT_URL=ws://127.0.0.1:15674/ws
HZ=$(getconf CLK_TCK)

raise_nofile() {
    local hard; hard=$(ulimit -Hn)
    if [ "$hard" = unlimited ] || [ "$hard" -ge "$NOFILE" ]; then ulimit -n "$NOFILE"; else ulimit -n "$hard"; fi
}

mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/pglive-fanout-pg.XXXXXX)
RABBIT_STARTED=0

keep_logs_and_stop_rabbitmq() {
    cp "$WORK/server.log" "$OUT/postgres.log" 2>/dev/null
    [ "$RABBIT_STARTED" = 1 ] && bash "$HERE/rabbitmq-webstomp.sh" stop
}
stop_everything_on_exit keep_logs_and_stop_rabbitmq

# --- build ------------------------------------------------------------------------------
build_release "$OUT"
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD)

raise_nofile
log "ulimit -n $(ulimit -n)"

# --- PostgreSQL + pglive ---------------------------------------------------------------
start_postgres "$WORK"
migrate_with "$PGLIVE" "$OUT"

# The load generator opens up to 10,001 sessions from 127.0.0.1 and publishes as fast as it can.
start_serve "$OUT/serve.log" --user bench:bench --max-sessions 0 --max-sessions-per-ip 0 --max-send-rate 0
PGLIVE_URL=ws://127.0.0.1:$HTTP_PORT/stomp

# --- RabbitMQ ---------------------------------------------------------------------------
RABBIT_STARTED=1
NOFILE=$NOFILE bash "$HERE/rabbitmq-webstomp.sh" start
RABBIT_PID=$(ss -ltnpH 'sport = :15674' | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)
[ -n "$RABBIT_PID" ] || { log "no RabbitMQ pid"; exit 1; }

# --- measurement helpers ----------------------------------------------------------------
# The cluster: the postmaster's own time plus its reaped children's, plus its live children.
pg_ticks() {
    local t c
    t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$PG_PID/stat")
    for c in $(ps --ppid "$PG_PID" -o pid= 2>/dev/null); do
        t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0)))
    done
    echo "$t"
}
ticks_now() { echo "$(cpu_ticks "$SERVE_PID") $(pg_ticks) $(cpu_ticks "$RABBIT_PID")"; }
secs() { awk -v a="$1" -v b="$2" -v hz="$HZ" 'BEGIN {printf "%.1f", (b - a) / hz}'; }
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

SUMMARY=$OUT/summary.md
: >"$SUMMARY"
emit() { printf '%s\n' "$*" | tee -a "$SUMMARY"; }

# scenario <server> <label> <tag> bench-args...
scenario() {
    local server=$1 label=$2 tag=$3; shift 3
    local url auth
    if [ "$server" = pglive ]; then
        auth=(--url "$PGLIVE_URL" --destination /topic/bench --login bench --passcode bench)
    else
        auth=(--url "$RABBIT_URL" --destination /topic/bench --stomp-host / --login guest --passcode guest)
    fi
    local command=("$PGLIVE" bench "${auth[@]}" "$@" --seconds "$SECONDS_PER_RUN" --json)
    log "$server $label: ${command[*]}"
    local up_before up_after t0 t1 status=0 times=$OUT/$tag-$server.time
    local perf_pid=
    if [ "$server" = pglive ] && [ "$tag" = s3 ] && [ "${PERF:-1}" = 1 ] && command -v perf >/dev/null; then
        perf record -F 199 -g -o "$OUT/perf-saturation.data" -p "$SERVE_PID" >"$OUT/perf.log" 2>&1 &
        perf_pid=$!
    fi
    up_before=$(uptime); t0=$(ticks_now)
    /usr/bin/time -f '%U %S %e' -o "$times" "${command[@]}" >"$OUT/$tag-$server.json" 2>"$OUT/$tag-$server.stderr" || status=$?
    t1=$(ticks_now); up_after=$(uptime)
    if [ -n "$perf_pid" ]; then kill -INT "$perf_pid" 2>/dev/null; wait "$perf_pid" 2>/dev/null || true; fi
    read -r s0 p0 r0 <<<"$t0"; read -r s1 p1 r1 <<<"$t1"
    read -r cu cs wall <<<"$(tail -1 "$times")"
    local client; client=$(awk -v u="$cu" -v s="$cs" 'BEGIN {printf "%.1f", u + s}')
    emit "### $server — $label"
    emit ""
    emit "\`${command[*]}\`"
    emit ""
    emit "- load before: $up_before"
    emit "- load after:  $up_after"
    emit "- exit status $status; wall $wall s; CPU s: pglive serve $(secs "$s0" "$s1"), PostgreSQL $(secs "$p0" "$p1"), RabbitMQ $(secs "$r0" "$r1"), client $client (user $cu + sys $cs)"
    emit "- report: \`$(tr -d '\n' <"$OUT/$tag-$server.json")\`"
    [ -s "$OUT/$tag-$server.stderr" ] && emit "- stderr: \`$(tail -3 "$OUT/$tag-$server.stderr" | tr '\n' ' ')\`"
    emit ""
    printf '%s|%s|%s|%s|%s|%s|%s|%s\n' "$tag" "$server" "$label" "$(secs "$s0" "$s1")" "$(secs "$p0" "$p1")" \
        "$(secs "$r0" "$r1")" "$client" "$wall" >>"$OUT/cpu.psv"
}

# idle <server> <pid>: RSS of the server before and while IDLE_SUBSCRIBERS sessions hold.
idle_memory() {
    local server=$1 pid=$2 n=$IDLE_SUBSCRIBERS auth
    if [ "$server" = pglive ]; then
        auth=(--url "$PGLIVE_URL" --destination /topic/bench --login bench --passcode bench)
    else
        auth=(--url "$RABBIT_URL" --destination /topic/bench --stomp-host / --login guest --passcode guest)
    fi
    local command=("$PGLIVE" bench "${auth[@]}" --subscribers "$n" --idle --seconds "$IDLE_HOLD_SECONDS" --json)
    local before during after status=0 errors=$OUT/idle-$server.stderr up_before
    up_before=$(uptime)
    before=$(rss_kib "$pid")
    log "$server idle memory: ${command[*]}"
    : >"$errors"
    "${command[@]}" >"$OUT/idle-$server.json" 2>"$errors" &
    local bench=$!
    until grep -q "holding idle subscriptions" "$errors" || ! kill -0 "$bench" 2>/dev/null; do sleep 1; done
    sleep 5
    during=$(rss_kib "$pid")
    local established
    established=$(ss -tnH state established "sport = :$( [ "$server" = pglive ] && echo "$HTTP_PORT" || echo 15674 )" | wc -l)
    wait "$bench" || status=$?
    sleep 3
    after=$(rss_kib "$pid")
    emit "### $server — $n idle sessions"
    emit ""
    emit "\`${command[*]}\`"
    emit ""
    emit "- load before: $up_before; after: $(uptime)"
    emit "- server RSS: $before KiB before, $during KiB with the sessions ($established established server-side sockets at the sample), $after KiB 3 s after they closed"
    emit "- per session: $(( (during - before) / n )) KiB (exit status $status)"
    emit "- report: \`$(tr -d '\n' <"$OUT/idle-$server.json")\`"
    emit "- stderr: \`$(grep -v '^$' "$errors" | tail -3 | tr '\n' ' ')\`"
    emit ""
}

emit "## Run $(date -u '+%Y-%m-%d %H:%M:%S UTC'), commit $COMMIT, ulimit -n $(ulimit -n)"
emit ""
emit "pglive: \`pglive serve --database-url $DB_URL --user bench:bench\` (pid $SERVE_PID); PostgreSQL 15 postmaster pid $PG_PID; RabbitMQ $(rabbitmqctl -q version 2>/dev/null) beam pid $RABBIT_PID"
emit ""
: >"$OUT/cpu.psv"
for spec in "s1|100 subscribers × 50 msg/s|--subscribers 100 --rate 50" \
            "s2|1000 subscribers × 10 msg/s|--subscribers 1000 --rate 10" \
            "s3|saturation, 1000 subscribers|--subscribers 1000 --rate 0"; do
    IFS='|' read -r tag label args <<<"$spec"
    # shellcheck disable=SC2086
    scenario pglive "$label" "$tag" $args
    # shellcheck disable=SC2086
    scenario rabbitmq "$label" "$tag" $args
done

idle_memory pglive "$SERVE_PID"
[ "$IDLE_RABBITMQ" = 1 ] && idle_memory rabbitmq "$RABBIT_PID"

# --- side-by-side table -----------------------------------------------------------------
emit "### Side by side"
emit ""
emit "| scenario | server | delivered / expected | lost | dup | msg/s | p50 ms | p99 ms | max ms | errors | CPU s server / PostgreSQL / client |"
emit "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
while IFS='|' read -r tag server label cs cp cr cc wall; do
    f=$OUT/$tag-$server.json
    if jq -e . "$f" >/dev/null 2>&1; then
        row=$(jq -r '"\(.delivered) / \(.expected_deliveries) | \(.lost) | \(.duplicates) | \(.delivered_per_second|floor) | \(.latency_ms.p50*10|round/10) | \(.latency_ms.p99*10|round/10) | \(.latency_ms.max*10|round/10) | \(.connection_errors)"' "$f")
    else
        row="no report | | | | | | | "
    fi
    if [ "$server" = pglive ]; then srv=$cs; pg=$cp; else srv=$cr; pg=-; fi
    emit "| $label | $server | $row | $srv / $pg / $cc |"
done <"$OUT/cpu.psv"
emit ""
log "done"
