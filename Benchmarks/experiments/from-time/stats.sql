-- Log shape and monotonicity of committed_at in first_position.
SELECT count(*) AS transactions, sum(last_position - first_position + 1) AS events,
       min(committed_at) AS first_at, max(committed_at) AS last_at,
       pg_size_pretty(pg_relation_size('pglive.transactions')) AS heap
  FROM pglive.transactions;
SELECT count(*) FILTER (WHERE committed_at < prev) AS inversions,
       count(*) FILTER (WHERE committed_at = prev) AS ties,
       max(prev - committed_at) FILTER (WHERE committed_at < prev) AS worst_step_back
  FROM (SELECT committed_at, lag(committed_at) OVER (ORDER BY first_position) AS prev FROM pglive.transactions) s;
SELECT attname, correlation FROM pg_stats WHERE schemaname = 'pglive' AND tablename = 'transactions';
