#!/usr/bin/env bash
# The floor under any broker's fan-out on this machine: plain C, no WebSocket or STOMP work,
# one write() per socket per message (a 200-byte WebSocket text frame holding a STOMP
# MESSAGE), as in issue 6's "1000 subscribers × 10 msg/s" scenario, with the reading
# client on the same 2 cores. Prints each run's server and client lines: delivered, latency
# p50/p99/max (the timestamp is taken just before each burst's write loop), CPU µs per
# delivery (user/sys, getrusage), the write loop's length per burst.
#
#   bash Benchmarks/experiments/fanout-floor/run.sh            # 1x1, 2x2, 1x2 threads, 3 runs each
#   CONFIGS="1 1" RUNS=1 RATE=0 SECONDS_PER_RUN=10 bash …/run.sh   # saturation
#
# Environment: CONFIGS (server×client thread pairs, default "1 1,2 2,1 2"), RUNS=3, RATE=10,
# SECONDS_PER_RUN=15, SUBSCRIBERS=1000, PORT=9200, PIN=0 (1: server on CPU 0, client on CPU 1),
# DRAIN (1: the client reads each socket until EAGAIN; default 1 at saturation, else 0).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN=$(mktemp -d /tmp/fanout-floor.XXXXXX)
trap 'rm -rf "$BIN"' EXIT
CONFIGS=${CONFIGS:-1 1,2 2,1 2}
RUNS=${RUNS:-3} RATE=${RATE:-10} SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
SUBSCRIBERS=${SUBSCRIBERS:-1000} PORT=${PORT:-9200} PIN=${PIN:-0} DRAIN=${DRAIN:-$((RATE == 0))}
for program in fanout_server fanout_client; do
    gcc -O2 -pthread -I "$HERE" -o "$BIN/$program" "$HERE/$program.c"
done
ulimit -n "$(ulimit -Hn)"
IFS=, read -ra pairs <<<"$CONFIGS"
for pair in "${pairs[@]}"; do
    read -r server_threads client_threads <<<"$pair"
    for run in $(seq 1 "$RUNS"); do
        PORT=$((PORT + 1))
        echo "=== server threads $server_threads, client threads $client_threads, run $run, rate $RATE; $(uptime)"
        server_cpu=() client_cpu=()
        [ "$PIN" = 1 ] && server_cpu=(taskset -c 0) client_cpu=(taskset -c 1)
        "${server_cpu[@]}" "$BIN/fanout_server" "$PORT" "$SUBSCRIBERS" "$RATE" "$SECONDS_PER_RUN" "$server_threads" &
        server=$!
        sleep 0.2
        "${client_cpu[@]}" "$BIN/fanout_client" "$PORT" "$SUBSCRIBERS" "$client_threads" "$DRAIN" "$RATE" "$SECONDS_PER_RUN"
        wait "$server"
    done
done
