# Shared by the benchmark scripts (source it): logging, free ports, a throwaway
# PostgreSQL 15 on 127.0.0.1, a release build and a `pglive serve` of it.
#
# Expects HERE and ROOT set by the caller. Provides:
#   log MESSAGE, as_pg COMMAND…, free_port
#   build_release OUT            builds .build-release unless SKIP_BUILD=1; sets PGLIVE
#   start_postgres WORK          initdb + start in WORK/data; sets PG_PORT, DB_URL, PG_PID
#   stop_postgres                immediate stop (safe to call when not started)
#   migrate_with BINARY LOGDIR [TOPIC]  migrations, then an application topic (default bench)
#   start_serve LOGFILE ARGS…    pglive serve on free ports; sets SERVE_PID, HTTP_PORT, STOMP_PORT
#   stop_serve                   SIGTERM, then SIGKILL after 10 s
#   stop_everything_on_exit [HOOK]  on exit (also Ctrl-C, SIGTERM): run HOOK, stop serve and
#                                PostgreSQL, remove $WORK, keep the exit status
#   read_cpu_ticks PID           sets CPU_TICKS to PID's user + system ticks without starting a
#                                process; fails once PID has exited (bash reaps a background
#                                child at once, and its /proc entry goes with it) or is a zombie
#   cpu_ticks PID                prints them

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGLIVE=$ROOT/.build-release/release/pglive
PG_STARTED=0 SERVE_PID=

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Below the kernel's ephemeral range: a port in it can be taken by any outgoing connection
# (the bench's own hundreds of them) between this check and the server's bind.
free_port() {
    local p low
    read -r low _ </proc/sys/net/ipv4/ip_local_port_range
    for _ in $(seq 1 100); do
        p=$((10000 + RANDOM % (low - 10000)))
        port_in_use "$p" || { echo "$p"; return; }
    done
    log "no free port found"; exit 1
}

build_release() {
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        log "building release (swift build -c release --product pglive --scratch-path .build-release)"
        (cd "$ROOT" && swift build -c release --product pglive --scratch-path .build-release) >"$1/build.log" 2>&1 \
            || { tail -30 "$1/build.log" >&2; exit 1; }
    fi
    [ -x "$PGLIVE" ] || { log "no $PGLIVE"; exit 1; }
}

start_postgres() {
    PG_WORK=$1
    chmod 755 "$PG_WORK"
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_WORK"
    for b in "$PGBIN/initdb" "$PGBIN/pg_ctl"; do
        [ -x "$b" ] || { log "missing $b (apt-get install postgresql-15)"; exit 1; }
    done
    PG_PORT=$(free_port)
    as_pg "$PGBIN/initdb" -D "$PG_WORK/data" -A trust -U postgres -E UTF8 --no-instructions >"$PG_WORK/initdb.log" 2>&1 \
        || { cat "$PG_WORK/initdb.log" >&2; exit 1; }
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$PGBIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_WORK" start >/dev/null \
        || { cat "$PG_WORK/server.log" >&2; exit 1; }
    PG_STARTED=1
    PG_PID=$(head -1 "$PG_WORK/data/postmaster.pid")
    DB_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
}

stop_postgres() {
    if [ "$PG_STARTED" = 1 ]; then
        as_pg "$PGBIN/pg_ctl" -D "$PG_WORK/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        PG_STARTED=0
    fi
}

start_serve() {
    local logfile=$1; shift
    HTTP_PORT=$(free_port)
    STOMP_PORT=$(free_port)
    log "starting: pglive serve --database-url $DB_URL --http-port $HTTP_PORT --stomp-port $STOMP_PORT $*"
    "$PGLIVE" serve --database-url "$DB_URL" --http-port "$HTTP_PORT" --stomp-port "$STOMP_PORT" "$@" >"$logfile" 2>&1 &
    SERVE_PID=$!
    for _ in $(seq 1 60); do
        curl -fs "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && return
        kill -0 "$SERVE_PID" 2>/dev/null || { cat "$logfile" >&2; exit 1; }
        sleep 0.5
    done
    log "pglive serve did not come up"; exit 1
}

stop_serve() {
    if [ -n "$SERVE_PID" ] && kill -0 "$SERVE_PID" 2>/dev/null; then
        kill -TERM "$SERVE_PID"
        for _ in $(seq 1 20); do kill -0 "$SERVE_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$SERVE_PID" 2>/dev/null && kill -KILL "$SERVE_PID"
        wait "$SERVE_PID" 2>/dev/null || true
    fi
    SERVE_PID=
}

stop_everything_on_exit() {
    CLEANUP_HOOK=${1:-}
    trap '_stop_everything' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

_stop_everything() {
    local rc=$?
    set +e
    [ -n "$CLEANUP_HOOK" ] && "$CLEANUP_HOOK"
    stop_serve
    stop_postgres
    rm -rf "$WORK"
    [ -n "${OUT:-}" ] && log "outputs in $OUT"
    exit $rc
}

# migrate_with BINARY LOGDIR [TOPIC]: the migrations applied by BINARY (log in LOGDIR), then
# an application topic (default bench) created for the load generator.
migrate_with() {
    "$1" migrate --database-url "$DB_URL" --dir "$ROOT/migrations" up >"$2/migrate.log" 2>&1 \
        || { cat "$2/migrate.log" >&2; exit 1; }
    PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
        -c "SELECT pglive.create_topic('${3:-bench}')" >/dev/null
}

read_cpu_ticks() {
    local stat
    { read -ra stat <"/proc/$1/stat"; } 2>/dev/null && [ "${stat[2]}" != Z ] || return 1
    # Fields 14 and 15 of /proc/PID/stat (the command name holds no space here).
    CPU_TICKS=$((stat[13] + stat[14]))
}

cpu_ticks() { read_cpu_ticks "$1" && echo "$CPU_TICKS"; }
