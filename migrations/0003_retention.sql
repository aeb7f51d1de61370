-- Retention: events older than their topic's retention are pruned in small batches;
-- each topic remembers the highest position pruned from it, so a client resuming from
-- an older position gets an explicit error instead of a silent gap.

ALTER TABLE pglive.topics ADD COLUMN pruned_through bigint NOT NULL DEFAULT 0;

-- Deletes at most `batch_size` expired events (oldest first) and the transactions left
-- without events; returns how many events it deleted. Call it until it returns 0.
-- Events of topics that no longer exist expire after the default 7 days.
CREATE FUNCTION pglive.prune(batch_size integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    deleted integer;
BEGIN
    WITH expired AS (
        SELECT e.tx, e.ord, e.topic, t.first_position + e.ord AS position
          FROM pglive.transactions t
          JOIN pglive.events e ON e.tx = t.tx
          LEFT JOIN pglive.topics tp ON tp.name = e.topic
         WHERE t.committed_at < now() - coalesce(tp.retention, interval '7 days')
         ORDER BY t.first_position, e.ord
         LIMIT batch_size
    ), removed AS (
        DELETE FROM pglive.events e USING expired x
         WHERE e.tx = x.tx AND e.ord = x.ord
        RETURNING x.topic, x.position
    ), watermarks AS (
        UPDATE pglive.topics tp SET pruned_through = greatest(tp.pruned_through, w.position)
          FROM (SELECT topic, max(position) AS position FROM removed GROUP BY topic) w
         WHERE tp.name = w.topic
        RETURNING 1
    )
    SELECT count(*) INTO deleted FROM removed;
    DELETE FROM pglive.transactions t
     WHERE t.committed_at < now() - interval '1 minute'
       AND NOT EXISTS (SELECT 1 FROM pglive.events e WHERE e.tx = t.tx);
    RETURN deleted;
END $$;
