#!/usr/bin/env bash
# Opens and closes $SESSIONS STOMP sessions per round, $ROUNDS rounds, against one fresh
# `pglive serve`, and prints the server's RSS after each round: memory that a closed
# session leaves behind shows as a steady growth per round.
#
#   bash Benchmarks/session-churn.sh [PGLIVE]   # default: the release build (built unless SKIP_BUILD=1)
#
# Environment (all optional): TRANSPORT=websocket (`pglive bench --idle`, 1 s hold) or tcp
# (a Python client: CONNECT, CONNECTED, close), SESSIONS=2000, ROUNDS=8, SETTLE=3 (seconds
# after a round before reading RSS), PGBIN=/usr/lib/postgresql/15/bin.
# Prints Markdown on stdout, progress on stderr.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
source "$HERE/lib.sh"
TRANSPORT=${TRANSPORT:-websocket}
SESSIONS=${SESSIONS:-2000}
ROUNDS=${ROUNDS:-8}
SETTLE=${SETTLE:-3}
WORK=$(mktemp -d /tmp/pglive-churn.XXXXXX)
LOGS=$WORK/logs
mkdir -p "$LOGS"
stop_everything_on_exit
ulimit -n "$(ulimit -Hn)"

if [ $# -ge 1 ]; then PGLIVE=$(realpath "$1"); else build_release "$LOGS"; fi
start_postgres "$WORK"
migrate_with "$PGLIVE" "$LOGS"
start_serve "$LOGS/serve.log" --user bench:bench --max-sessions 0 --max-sessions-per-ip 0 --max-send-rate 0

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$SERVE_PID/status"; }
round() {
    case $TRANSPORT in
    websocket)
        "$PGLIVE" bench --url "ws://127.0.0.1:$HTTP_PORT/stomp" --destination /topic/bench --login bench --passcode bench \
            --subscribers "$SESSIONS" --idle --seconds 1 >"$LOGS/bench.out" 2>"$LOGS/bench.err" \
            || { log "bench failed: $(tail -3 "$LOGS/bench.err")"; exit 1; } ;;
    tcp)
        python3 - "$STOMP_PORT" "$SESSIONS" <<'PY' || exit 1
import socket, sys
port, count = int(sys.argv[1]), int(sys.argv[2])
frame = b"CONNECT\naccept-version:1.2\nhost:localhost\nlogin:bench\npasscode:bench\n\n\x00"
sockets = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(frame)
    sockets.append(s)
for s in sockets:
    reply = b""
    while b"\x00" not in reply:
        chunk = s.recv(4096)
        if not chunk:
            break
        reply += chunk
    if not reply.startswith(b"CONNECTED"):
        sys.exit(f"no CONNECTED: {reply[:80]!r}")
for s in sockets:
    s.close()
PY
        ;;
    *) log "TRANSPORT is websocket or tcp, not $TRANSPORT"; exit 1 ;;
    esac
    sleep "$SETTLE"
}

echo "| $TRANSPORT round ($SESSIONS sessions) | RSS KiB after | growth KiB |"
echo "|---:|---:|---:|"
previous=$(rss_kib)
echo "| 0 (idle server) | $previous | |"
for r in $(seq 1 "$ROUNDS"); do
    round
    now=$(rss_kib)
    echo "| $r | $now | $((now - previous)) |"
    previous=$now
done
