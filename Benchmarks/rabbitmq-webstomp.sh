#!/usr/bin/env bash
# Baseline for pglive's STOMP fan-out: the three scenarios of issue 6 run by the release
# `pglive bench` against Debian's RabbitMQ Web-STOMP on this machine, bound to 127.0.0.1,
# then RabbitMQ's memory per idle session.
#
#   bash Benchmarks/rabbitmq-webstomp.sh            # install if needed, start, run, stop (~3 min)
#   bash Benchmarks/rabbitmq-webstomp.sh start      # only install and start RabbitMQ
#   bash Benchmarks/rabbitmq-webstomp.sh stop       # only stop it
#
# Environment (all optional):
#   PGLIVE=<repo>/.build-release/release/pglive    the binary to run (build it first:
#       swift build -c release --product pglive --scratch-path .build-release)
#   SECONDS_PER_RUN=15    send phase of each scenario
#   IDLE_SUBSCRIBERS=10000  idle sessions for the memory measurement (held IDLE_HOLD_SECONDS=15)
#   NOFILE=65536          `ulimit -n` for RabbitMQ and the load generator, capped at the
#                         hard limit (a container may not allow raising it)
#
# RabbitMQ takes the CONNECT `host` header as its virtual host, hence `--stomp-host /`.
# Writes /etc/rabbitmq/rabbitmq.conf and rabbitmq-env.conf and enables the rabbitmq_web_stomp plugin. Prints
# progress on stderr and, per scenario, the command and its JSON report on stdout.
# RabbitMQ is stopped on exit, whatever happens (except with `start`).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PGLIVE=${PGLIVE:-$ROOT/.build-release/release/pglive}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
NOFILE=${NOFILE:-65536}
IDLE_SUBSCRIBERS=${IDLE_SUBSCRIBERS:-10000}
IDLE_HOLD_SECONDS=${IDLE_HOLD_SECONDS:-15}
URL=ws://127.0.0.1:15674/ws

raise_nofile() {
    local hard; hard=$(ulimit -Hn)
    if [ "$hard" = unlimited ] || [ "$hard" -ge "$NOFILE" ]; then ulimit -n "$NOFILE"; else ulimit -n "$hard"; fi
}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

install_rabbitmq() {
    if ! command -v rabbitmq-server >/dev/null; then
        log "installing rabbitmq-server"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
    fi
    cat > /etc/rabbitmq/rabbitmq.conf <<CONF
listeners.tcp.default = 127.0.0.1:5672
stomp.listeners.tcp.1 = 127.0.0.1:61613
web_stomp.tcp.ip = 127.0.0.1
web_stomp.tcp.port = 15674
CONF
    # epmd and the Erlang distribution port listen on 127.0.0.1 only, too.
    # The file is sourced by RabbitMQ's start script, after `su` reset the limit to 1024.
    cat > /etc/rabbitmq/rabbitmq-env.conf <<CONF
ulimit -n $(ulimit -n)
NODENAME=rabbit@localhost
ERL_EPMD_ADDRESS=127.0.0.1
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
    rabbitmq-plugins enable --offline rabbitmq_web_stomp >/dev/null
}

start_rabbitmq() {
    stop_rabbitmq
    raise_nofile
    install_rabbitmq
    log "starting RabbitMQ (ulimit -n $(ulimit -n))"
    rabbitmq-server -detached
    for _ in $(seq 1 60); do
        if rabbitmqctl -q await_startup >/dev/null 2>&1 \
            && (exec 3<>/dev/tcp/127.0.0.1/15674) 2>/dev/null; then
            log "RabbitMQ $(rabbitmqctl -q version) is up; Web-STOMP at $URL"
            return
        fi
        sleep 1
    done
    log "RabbitMQ did not start"; exit 1
}

stop_rabbitmq() {
    local pids; pids=$(pgrep -u rabbitmq -x beam.smp || true)
    [ -n "$pids" ] || return 0
    log "stopping RabbitMQ"
    timeout 60 rabbitmqctl -q stop >/dev/null 2>&1 || kill $pids 2>/dev/null || true
    for _ in $(seq 1 30); do
        pgrep -u rabbitmq -x beam.smp >/dev/null || break
        sleep 1
    done
    pids=$(pgrep -u rabbitmq -x epmd || true)
    [ -z "$pids" ] || kill $pids
}

rabbitmq_pid() {
    ss -ltnpH 'sport = :15674' | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"
}

scenario() {
    local name=$1; shift
    local command=("$PGLIVE" bench --url "$URL" --stomp-host / --login guest --passcode guest "$@" --seconds "$SECONDS_PER_RUN" --json)
    log "$name: ${command[*]}"
    printf '### %s\n\n`%s`\n\nload before: %s\n\n' "$name" "${command[*]}" "$(uptime)"
    local pid before status=0 times; pid=$(rabbitmq_pid); before=$(cpu_seconds "$pid")
    times=$(mktemp)
    /usr/bin/time -f '%U %S %e' -o "$times" "${command[@]}" || status=$?
    printf '\nload after: %s; exit status %d\n' "$(uptime)" "$status"
    printf 'CPU seconds: RabbitMQ %s, pglive bench %s (user %s + system %s) in %s s wall\n\n' \
        "$(awk -v a="$before" -v b="$(cpu_seconds "$pid")" 'BEGIN {printf "%.1f", b - a}')" \
        "$(awk '{printf "%.1f", $1 + $2}' "$times")" $(awk '{print $1, $2, $3}' "$times")
    rm -f "$times"
}

# RabbitMQ's RSS before and while IDLE_SUBSCRIBERS sessions are CONNECTed and SUBSCRIBEd.
idle_memory() {
    local pid before during errors; pid=$(rabbitmq_pid)
    before=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    errors=$(mktemp)
    local command=("$PGLIVE" bench --url "$URL" --stomp-host / --login guest --passcode guest
        --subscribers "$IDLE_SUBSCRIBERS" --idle --seconds "$IDLE_HOLD_SECONDS" --json)
    log "idle memory: ${command[*]}"
    printf '### %s idle sessions\n\n`%s`\n\nload before: %s\n\n' "$IDLE_SUBSCRIBERS" "${command[*]}" "$(uptime)"
    "${command[@]}" 2>"$errors" &
    local bench=$!
    until grep -q "holding idle subscriptions" "$errors" || ! kill -0 "$bench" 2>/dev/null; do sleep 1; done
    sleep 5
    during=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    local status=0
    wait "$bench" || status=$?
    cat "$errors" >&2; rm -f "$errors"
    printf '\nRabbitMQ RSS: %d KiB before, %d KiB with the sessions: %d KiB per session; exit status %d\n\n' \
        "$before" "$during" $(( (during - before) / IDLE_SUBSCRIBERS )) "$status"
}

case "${1:-all}" in
start) start_rabbitmq; exit 0 ;;
stop) stop_rabbitmq; exit 0 ;;
all) ;;
*) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac

[ -x "$PGLIVE" ] || { log "no $PGLIVE: swift build -c release --product pglive --scratch-path .build-release"; exit 1; }
trap stop_rabbitmq EXIT
start_rabbitmq
raise_nofile
scenario "100 subscribers × 50 msg/s" --subscribers 100 --rate 50
scenario "1000 subscribers × 10 msg/s" --subscribers 1000 --rate 10
scenario "saturation, 1000 subscribers" --subscribers 1000 --rate 0
idle_memory
