#!/usr/bin/env bash
# pglive.prune() when nothing has expired, on a log of TXNS single-row transactions:
# migration 0007 as in the working tree (topic by topic) against the same function
# without a bound (the 0003/0006 walk, saved from git as pglive.prune_unbounded).
# Then both prune the same expired prefix (the oldest 10% aged by 8 days) in copies of the
# log and must delete the same events. Last, mixed retentions (the big topic 30 days, a
# small one 1 hour): the version bounded by the shortest retention (commit a50b8e8, saved
# as pglive.prune_horizon) walks the big topic again. Needs ../from-time/start.sh (55992).
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
P=(psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55992 -U postgres)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$HERE/../../..
"${P[@]}" -d postgres -c "DROP DATABASE IF EXISTS pr" -c "CREATE DATABASE pr" -c "ALTER DATABASE pr SET synchronous_commit = off"
for f in "$ROOT"/migrations/000[1-7]_*.sql; do "${P[@]}" -d pr --single-transaction -f "$f" >/dev/null; done
# The previous definition (commit 540af91), renamed.
git -C "$ROOT" show ${UNBOUNDED_FROM:-540af91}:migrations/0007_event_chunks.sql \
  | awk '/^CREATE OR REPLACE FUNCTION pglive.prune/,/^END \$\$;/' \
  | sed 's/FUNCTION pglive.prune(/FUNCTION pglive.prune_unbounded(/' | "${P[@]}" -d pr >/dev/null
"${P[@]}" -d pr -c "CREATE TABLE s (id bigserial PRIMARY KEY, device int, at timestamptz DEFAULT now())" -c "SELECT pglive.publish_table('s')" >/dev/null
W=$(mktemp -d)
echo "INSERT INTO s (device) VALUES (1);" >$W/one.sql
pgbench -n -h 127.0.0.1 -p 55992 -U postgres -c 2 -j 2 -t $((${TXNS:-300000} / 2)) -f $W/one.sql pr >/dev/null 2>&1
"${P[@]}" -d pr -c "VACUUM ANALYZE" >/dev/null
best() { # sql
    local b=999999 ms
    for _ in 1 2 3 4 5; do
        ms=$("${P[@]}" -d pr -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
        b=$(awk -v a=$b -v c=$ms 'BEGIN{print (c < a) ? c : a}')
    done
    echo $b
}
echo "transactions: $("${P[@]}" -d pr -c "SELECT count(*) FROM pglive.transactions")"
echo "nothing expired: bounded $(best "SELECT pglive.prune(1000)") ms, unbounded $(best "SELECT pglive.prune_unbounded(1000)") ms"
cut=$("${P[@]}" -d pr -c "SELECT first_position FROM pglive.transactions ORDER BY first_position OFFSET (SELECT count(*) / 10 FROM pglive.transactions) LIMIT 1")
"${P[@]}" -d pr -c "UPDATE pglive.transactions SET committed_at = committed_at - interval '8 days' WHERE first_position < $cut" >/dev/null
for f in prune prune_unbounded; do
    "${P[@]}" -d postgres -c "DROP DATABASE IF EXISTS pr_$f" -c "CREATE DATABASE pr_$f TEMPLATE pr"
    start=$(date +%s.%N); total=0
    while :; do n=$("${P[@]}" -d pr_$f -c "SELECT pglive.$f(1000)"); total=$((total + n)); [ "$n" = 0 ] && break; done
    echo "$f: deleted $total events in $(awk -v s=$start -v e=$(date +%s.%N) 'BEGIN{printf "%.1f", e - s}') s; left $("${P[@]}" -d pr_$f -c "SELECT count(*) FROM pglive.event_log"), transactions $("${P[@]}" -d pr_$f -c "SELECT count(*) FROM pglive.transactions")"
    "${P[@]}" -d postgres -c "DROP DATABASE pr_$f"
done
git -C "$ROOT" show ${HORIZON_FROM:-a50b8e8}:migrations/0007_event_chunks.sql \
  | awk '/^CREATE OR REPLACE FUNCTION pglive.prune/,/^END \$\$;/' \
  | sed 's/FUNCTION pglive.prune(/FUNCTION pglive.prune_horizon(/' | "${P[@]}" -d pr >/dev/null
"${P[@]}" -d pr -c "UPDATE pglive.topics SET retention = '30 days' WHERE name = 's'" \
    -c "UPDATE pglive.transactions SET committed_at = committed_at - interval '2 days'" \
    -c "CREATE TABLE short (id int)" -c "SELECT pglive.publish_table('short', retention => '1 hour')" \
    -c "INSERT INTO short VALUES (1)" -c "INSERT INTO short VALUES (2)" >/dev/null
for f in prune prune_horizon prune_unbounded; do
    echo "mixed retentions, nothing expired: $f $(best "SELECT pglive.$f(1000)") ms"
done
rm -rf $W
