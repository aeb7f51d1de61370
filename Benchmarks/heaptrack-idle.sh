#!/usr/bin/env bash
# What an idle WebSocket session's memory is made of: `pglive serve` under heaptrack holds
# $SESSIONS idle sessions (`pglive bench --idle`), and is killed with SIGKILL during the hold,
# so heaptrack's "leaked" is what was live at that moment. Divide by $SESSIONS for a session.
#
#   bash Benchmarks/heaptrack-idle.sh [PGLIVE]   # default: the release build (built unless SKIP_BUILD=1)
#   heaptrack_print -f $OUT/serve.zst --print-leaks 1 | less   # e.g. the stack slabs: swift::StackAllocator
#
# Environment (all optional): SESSIONS=2000, OUT=/tmp/pglive-heaptrack.<stamp>,
# PGBIN=/usr/lib/postgresql/15/bin. Needs `heaptrack` (Debian package heaptrack).
# Prints the live-memory total on stdout, progress on stderr.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
source "$HERE/lib.sh"
SESSIONS=${SESSIONS:-2000}
OUT=${OUT:-/tmp/pglive-heaptrack.$(date -u +%Y%m%d-%H%M%S)}
command -v heaptrack >/dev/null || { log "heaptrack is missing: apt-get install heaptrack"; exit 1; }
WORK=$(mktemp -d /tmp/pglive-heaptrack-pg.XXXXXX)
mkdir -p "$OUT"
stop_everything_on_exit
ulimit -n "$(ulimit -Hn)"

if [ $# -ge 1 ]; then PGLIVE=$(realpath "$1"); else build_release "$OUT"; fi
start_postgres "$WORK"
migrate_with "$PGLIVE" "$OUT"
HTTP_PORT=$(free_port)
STOMP_PORT=$(free_port)
heaptrack -o "$OUT/serve" "$PGLIVE" serve --database-url "$DB_URL" --http-port "$HTTP_PORT" --stomp-port "$STOMP_PORT" \
    --user bench:bench --max-sessions 0 --max-sessions-per-ip 0 >"$OUT/serve.log" 2>&1 &
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.5
done
SERVE_PID=$(pgrep -f "^$PGLIVE serve --database-url $DB_URL" | head -1)
[ -n "$SERVE_PID" ] || { log "pglive serve did not come up under heaptrack"; exit 1; }
"$PGLIVE" bench --url "ws://127.0.0.1:$HTTP_PORT/stomp" --destination /topic/bench --login bench --passcode bench \
    --subscribers "$SESSIONS" --idle --seconds 60 >"$OUT/idle.out" 2>"$OUT/idle.err" &
BENCH_PID=$!
until grep -q "holding idle subscriptions" "$OUT/idle.err" || ! kill -0 "$BENCH_PID" 2>/dev/null; do sleep 1; done
kill -0 "$BENCH_PID" 2>/dev/null || { log "bench failed: $(tail -3 "$OUT/idle.err")"; exit 1; }
sleep 5
kill -9 "$SERVE_PID"
# heaptrack writes its file once the process is gone.
for _ in $(seq 1 60); do pgrep -f "heaptrack.*$OUT/serve" >/dev/null || break; sleep 1; done
kill "$BENCH_PID" 2>/dev/null || true
heaptrack_print -f "$OUT"/serve*.zst --print-leaks 1 --print-peaks 0 --print-allocators 0 --print-temporary 0 \
    2>/dev/null >"$OUT/leaks.txt"
# leaks.txt: live memory by allocation site.
echo "$SESSIONS idle sessions: $(grep 'total memory leaked' "$OUT/leaks.txt")"
