#!/usr/bin/env bash
# Where a fan-out scenario's CPU goes, on both sides: `perf record -g` of `pglive serve` and,
# separately, of the `pglive bench` load generator, for PERF_SECONDS in the middle of one run.
#
#   bash Benchmarks/profile-fanout.sh                        # 1000 subscribers × 10 msg/s
#   RATE=0 bash Benchmarks/profile-fanout.sh                 # saturation
#   perf report -i $OUT/server.data --no-children --sort dso # e.g. the kernel's share
#
# A throwaway PostgreSQL 15, the migrations, topic `bench`, then
# `pglive serve --user bench:bench --max-sessions 0 --max-sessions-per-ip 0 --max-send-rate 0`
# and `pglive bench --subscribers $SUBSCRIBERS --rate $RATE --seconds $SECONDS_PER_RUN`. Sampling
# slows both processes, so the run's latency figures are not the scenario's: take those from
# fanout.sh or compare-builds.sh.
#
# Environment (all optional): SKIP_BUILD=1, SUBSCRIBERS=1000, RATE=10, SECONDS_PER_RUN=15,
# PERF_SECONDS=8, PERF_HZ=999, OUT=/tmp/pglive-profile.<stamp>, PGBIN=/usr/lib/postgresql/15/bin.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
source "$HERE/lib.sh"
SUBSCRIBERS=${SUBSCRIBERS:-1000}
RATE=${RATE:-10}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
PERF_SECONDS=${PERF_SECONDS:-8}
PERF_HZ=${PERF_HZ:-999}
OUT=${OUT:-/tmp/pglive-profile.$(date -u +%Y%m%dT%H%M%SZ)}
command -v perf >/dev/null || { log "perf is missing (apt-get install linux-perf)"; exit 1; }
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/pglive-profile-pg.XXXXXX)
stop_everything_on_exit
ulimit -n "$(ulimit -Hn)"

build_release "$OUT"
start_postgres "$WORK"
migrate_with "$PGLIVE" "$OUT"
start_serve "$OUT/serve.log" --user bench:bench --max-sessions 0 --max-sessions-per-ip 0 --max-send-rate 0
"$PGLIVE" bench --url "ws://127.0.0.1:$HTTP_PORT/stomp" --destination /topic/bench --login bench --passcode bench \
    --subscribers "$SUBSCRIBERS" --rate "$RATE" --seconds "$SECONDS_PER_RUN" --json >"$OUT/bench.json" 2>"$OUT/bench.err" &
client=$!
until grep -q "subscribed" "$OUT/bench.err" || ! kill -0 "$client" 2>/dev/null; do sleep 0.1; done
sleep 1
log "sampling pglive serve ($SERVE_PID) and pglive bench ($client) for $PERF_SECONDS s"
perf record -F "$PERF_HZ" -g -p "$SERVE_PID" -o "$OUT/server.data" -- sleep "$PERF_SECONDS" 2>"$OUT/perf-server.log" &
server_perf=$!
perf record -F "$PERF_HZ" -g -p "$client" -o "$OUT/client.data" -- sleep "$PERF_SECONDS" 2>"$OUT/perf-client.log" &
client_perf=$!
wait "$client" || { log "bench failed: $(tail -3 "$OUT/bench.err")"; exit 1; }
wait "$server_perf" "$client_perf"
for side in server client; do
    echo "## $side: share by binary"
    perf report -i "$OUT/$side.data" --no-children --sort dso --stdio -g none 2>/dev/null | awk '!/^#/ && /%/ && n++ < 6'
done
log "profiles in $OUT/server.data and $OUT/client.data"
