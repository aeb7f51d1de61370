#!/usr/bin/env bash
# Topic reads, both layouts, EXPLAIN (ANALYZE, BUFFERS) (second run of each, warm cache) and
# the wall time of the query with every row document rendered as text (best of 5).
set -euo pipefail
P=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55990 -U postgres)
OUT=/tmp/chunkexp/readers
mkdir -p $OUT
# P = a position in the middle of a big-topic transaction halfway through the log; the same
# transaction index in both databases.
pos() { "${P[@]}" -At -d $1 -c "SELECT first_position + $3 FROM pglive.transaction_topics WHERE topic = '$2' ORDER BY first_position OFFSET (SELECT count(*) / 2 FROM pglive.transaction_topics WHERE topic = '$2') LIMIT 1"; }
scan="tt.first_position >= coalesce((SELECT max(first_position) FROM pglive.transactions WHERE first_position <= :P), 0)"
cur_q() { # topic extra-condition direction
cat <<SQL
SELECT tt.first_position + e.ord AS position, e.topic, e.op, t.committed_at, e.row_data, e.old_row, e.body, e.content_type, e.headers
  FROM pglive.transaction_topics tt
  JOIN pglive.transactions t ON t.tx = tt.tx
  JOIN pglive.events e ON e.tx = tt.tx AND e.topic = tt.topic
 WHERE tt.topic = '$1' AND $2
 ORDER BY tt.first_position$3, e.ord$3
 LIMIT 500
SQL
}
chunk_q() {
cat <<SQL
SELECT tt.first_position + c.ord + x.i::integer - 1 AS position, c.topic, c.op, t.committed_at, x.row_data
  FROM pglive.transaction_topics tt
  JOIN pglive.transactions t ON t.tx = tt.tx
  JOIN pglive.event_chunks c ON c.tx = tt.tx AND c.topic = tt.topic
  CROSS JOIN LATERAL jsonb_array_elements(c.rows) WITH ORDINALITY AS x(row_data, i)
 WHERE tt.topic = '$1' AND $2
 ORDER BY tt.first_position$3, c.ord$3, x.i$3
 LIMIT 500
SQL
}
run() { # name db sql
    local f=$OUT/$1.$2.txt ex=999999 best=999999 ms
    { echo "-- $1 ($2)"; echo "$3;"; } >$f
    "${P[@]}" -d $2 -c "EXPLAIN (ANALYZE, BUFFERS) $3" >/dev/null
    for _ in 1 2 3; do  # keep the fastest of three plans
        "${P[@]}" -d $2 -c "EXPLAIN (ANALYZE, BUFFERS) $3" >$OUT/plan.tmp
        ms=$(sed -n 's/.*Execution Time: \([0-9.]*\) ms.*/\1/p' $OUT/plan.tmp)
        if awk -v a=$ex -v b=$ms 'BEGIN{exit !(b < a)}'; then ex=$ms; cp $OUT/plan.tmp $OUT/plan.best; fi
    done
    cat $OUT/plan.best >>$f
    for _ in 1 2 3 4 5; do
        ms=$("${P[@]}" -d $2 -At -c '\timing on' -c "SELECT count(*), sum(octet_length(q.row_data::text)) FROM ($3) q" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
        best=$(awk -v a=$best -v b=$ms 'BEGIN{print (b < a) ? b : a}')
    done
    printf '%-24s %-9s rows=%-4s EXPLAIN ANALYZE %8.3f ms  %-40s documents as text (best of 5) %8.3f ms\n' "$1" "$2" \
        "$("${P[@]}" -d $2 -At -c "SELECT count(*) FROM ($3) q")" "$ex" \
        "$(grep -m1 'Buffers: shared' $OUT/plan.best | sed 's/^ *//')" "$best" >>$OUT/summary.txt
}
: >$OUT/summary.txt
for db in readcur readchunk; do
    if [ $db = readcur ]; then q=cur_q; ord=e.ord; else q=chunk_q; ord=c.ord; fi
    PB=$(pos $db big 37); PR=$(pos $db rare 0)
    s=${scan//:P/$PB}; sr=${scan//:P/$PR}
    if [ $db = readcur ]; then
        after="$s AND e.ord > $PB - tt.first_position"
        after_r="$sr AND e.ord > $PR - tt.first_position"
        before="tt.first_position < $PB AND tt.first_position + e.ord < $PB"
        filt="e.row_data IS NOT NULL AND (e.row_data->>'device') = '7'"
        filt10="e.row_data IS NOT NULL AND (e.row_data->>'device')::int < 100"
    else
        after="$s AND c.ord + c.n > $PB - tt.first_position AND c.ord + x.i::integer - 1 > $PB - tt.first_position"
        after_r="$sr AND c.ord + c.n > $PR - tt.first_position AND c.ord + x.i::integer - 1 > $PR - tt.first_position"
        before="tt.first_position < $PB AND tt.first_position + c.ord < $PB AND tt.first_position + c.ord + x.i::integer - 1 < $PB"
        filt="(x.row_data->>'device') = '7'"
        filt10="(x.row_data->>'device')::int < 100"
    fi
    run "big_after_P"          $db "$($q big "$after" '')"
    run "big_before_P_desc"    $db "$($q big "$before" ' DESC')"
    run "rare_after_P"         $db "$($q rare "$after_r" '')"
    run "big_after_P_device=7" $db "$($q big "$after AND $filt" '')"
    run "big_after_P_device<100" $db "$($q big "$after AND $filt10" '')"
done
cat $OUT/summary.txt
