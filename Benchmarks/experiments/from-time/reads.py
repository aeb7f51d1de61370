#!/usr/bin/env python3
"""EXPLAIN (ANALYZE, BUFFERS) of the from-time start lookups for T at 5/50/95/99.9% of the
log's time span. Usage: reads.py LABEL QUERYSET... ; each statement runs 1 warm-up + 7
times under EXPLAIN (ANALYZE, TIMING OFF, BUFFERS), median execution time reported; the plan text of the last run goes to
/tmp/fromtime/plans-LABEL.txt. Prints TSV: label query pct median_ms min_ms max_ms shared_hit+read plan_shape"""
import json, subprocess, sys, statistics
PSQL = ["nice", "-n", "10", "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "55992", "-U", "postgres", "-d", "a"]
Q = {
  # as in the code (HistoryAPI/EventsQuery.swift, ChangeFeed/EventLog+Resume.swift)
  "hist_from":      "SELECT min(first_position) FROM pglive.transactions WHERE committed_at >= '{T}'",
  "stomp_resume":   "SELECT coalesce(max(last_position), 0) AS p FROM pglive.transactions WHERE committed_at < '{T}'",
  "hist_to":        "SELECT max(first_position) FROM pglive.transactions WHERE committed_at < '{T}'",
  # rewritten so the min/max index walk is not possible
  "hist_from+0":    "SELECT min(first_position + 0) FROM pglive.transactions WHERE committed_at >= '{T}'",
  "stomp_resume+0": "SELECT coalesce(max(last_position + 0), 0) AS p FROM pglive.transactions WHERE committed_at < '{T}'",
  "hist_to+0":      "SELECT max(first_position + 0) FROM pglive.transactions WHERE committed_at < '{T}'",
  # exact alternative for the resume: blocks are disjoint and ascending, so the largest
  # last_position is that of the largest first_position (walks from the end)
  "stomp_resume_desc": "SELECT coalesce((SELECT last_position FROM pglive.transactions WHERE committed_at < '{T}' ORDER BY first_position DESC LIMIT 1), 0) AS p",
}
ENDS = ("(SELECT committed_at FROM pglive.transactions ORDER BY first_position LIMIT 1)",
        "(SELECT committed_at FROM pglive.transactions ORDER BY first_position DESC LIMIT 1)")
# exact either way; only the speed depends on T's place in the span: walk the positions
# from the end nearer T, or aggregate the (BRIN) time range on the far side of T
Q["hist_from_near"] = ("SELECT CASE WHEN '{T}'::timestamptz - %s < %s - '{T}'::timestamptz"
    " THEN (SELECT min(first_position) FROM pglive.transactions WHERE committed_at >= '{T}')"
    " ELSE (SELECT min(first_position + 0) FROM pglive.transactions WHERE committed_at >= '{T}') END" % ENDS)
Q["stomp_resume_near"] = ("SELECT CASE WHEN '{T}'::timestamptz - %s < %s - '{T}'::timestamptz"
    " THEN (SELECT coalesce(max(last_position + 0), 0) FROM pglive.transactions WHERE committed_at < '{T}')"
    " ELSE coalesce((SELECT last_position FROM pglive.transactions WHERE committed_at < '{T}' ORDER BY first_position DESC LIMIT 1), 0) END AS p" % ENDS)
# the same, but the walk (about 2.5x dearer per row than the parallel range aggregate
# here) only when T lies in the quarter of the span next to the walk's end
Q["hist_from_near4"] = Q["hist_from_near"].replace("WHEN '{T}'::timestamptz - %s <" % ENDS[0], "WHEN 3 * ('{T}'::timestamptz - %s) <" % ENDS[0])
Q["stomp_resume_near4"] = ("SELECT CASE WHEN '{T}'::timestamptz - %s < 3 * (%s - '{T}'::timestamptz)"
    " THEN (SELECT coalesce(max(last_position + 0), 0) FROM pglive.transactions WHERE committed_at < '{T}')"
    " ELSE coalesce((SELECT last_position FROM pglive.transactions WHERE committed_at < '{T}' ORDER BY first_position DESC LIMIT 1), 0) END AS p" % ENDS)
SETS = {"near4": ["hist_from_near4", "stomp_resume_near4"], "near": ["hist_from_near", "stomp_resume_near"],"asis": ["hist_from", "stomp_resume", "hist_to"],
        "rewrite": ["hist_from+0", "stomp_resume+0", "hist_to+0"],
        "desc": ["stomp_resume_desc"]}
import os
PCTS = [float(x) for x in os.environ.get("PCTS", "0.05 0.50 0.95 0.999").split()]

def psql(sql):
    return subprocess.run(PSQL + ["-c", sql], check=True, capture_output=True, text=True).stdout.strip()

def shape(node, depth=0):
    s = node["Node Type"]
    if "Index Name" in node: s += f" using {node['Index Name']}"
    if node["Node Type"] in ("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan"):
        s += f" rows={node.get('Actual Rows')}"
        if "Rows Removed by Filter" in node: s += f" removed={node['Rows Removed by Filter']}"
        if "Rows Removed by Index Recheck" in node: s += f" recheck-removed={node['Rows Removed by Index Recheck']}"
    kids = [shape(k, depth + 1) for k in node.get("Plans", [])]
    return s + (" > " + " ; ".join(kids) if kids else "")

label = sys.argv[1]
first, last = psql("SELECT min(committed_at), max(committed_at) FROM pglive.transactions").split("|")
out = open(f"/tmp/fromtime/plans-{label}.txt", "w")
for qs in sys.argv[2:]:
    for qn in SETS[qs]:
        for p in PCTS:
            T = psql(f"SELECT '{first}'::timestamptz + {p} * ('{last}'::timestamptz - '{first}'::timestamptz)")
            sql = Q[qn].format(T=T)
            times = []
            for i in range(8):
                plan = json.loads(psql("EXPLAIN (ANALYZE, TIMING OFF, BUFFERS, FORMAT JSON) " + sql))[0]
                if i: times.append(plan["Execution Time"])
            top = plan["Plan"]
            bufs = top.get("Shared Hit Blocks", 0) + top.get("Shared Read Blocks", 0)
            result = psql(sql)
            print(f"{label}\t{qn}\t{p*100:g}%\t{statistics.median(times):.3f}\t{min(times):.3f}\t{max(times):.3f}\t{bufs}\t{result}\t{shape(top)}", flush=True)
            out.write(f"-- {label} {qn} {p*100:g}% T={T}\n{sql}\n")
            out.write(psql("EXPLAIN (ANALYZE, BUFFERS) " + sql) + "\n\n")
