-- A capturing statement's rows are logged as one row, not one row each.
--
-- Until 0006 every row a published statement changed became its own pglive.events row
-- with its own (tx, ord) index entry: a 100-row INSERT cost the writer about 2.1x the
-- unpublished one with durable commits, where issue 7 asks for 2x at most, and 48 kB of
-- WAL against 16.6 kB without capture. Now a statement of up to 256 rows and 64 kB of row
-- data writes one pglive.event_chunks row holding its row documents as a jsonb[],
-- compressed with lz4 and kept in the heap row: 1.5-1.7x, the backend's CPU -26% and
-- WAL 48 -> 20 kB per 100-row statement (Benchmarks/RESULTS.md, "One log row per
-- statement (migration 0007)").
--
-- Positions do not change: a chunk of n rows covers the ordinals ord .. ord + n - 1 of its
-- transaction, so the event at index i (from 1) of `rows` has position
-- first_position + ord + i - 1. pglive.events keeps what is written one event at a time
-- (application events, UPDATEs of topics that keep the old row), the larger statements
-- (a chunk must stay far below jsonb's 255 MB limit, and a reader that resumes inside a
-- chunk unpacks all of it) and the events logged before this migration. Readers read
-- both tables (EventLog.SQL.topicEvents).

CREATE TABLE pglive.event_chunks (
    tx xid8 NOT NULL,
    ord integer NOT NULL,
    n integer NOT NULL CHECK (n BETWEEN 1 AND 256),
    topic text NOT NULL,
    op text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    rows jsonb[] NOT NULL,
    PRIMARY KEY (tx, ord)
) WITH (toast_tuple_target = 8160);

-- lz4 keeps a 100-row chunk inline (~2.3 kB); pglz would send it to the TOAST table,
-- which made capture slower than one row per event. Servers built without lz4 keep pglz.
DO $$
BEGIN
    ALTER TABLE pglive.event_chunks ALTER COLUMN rows SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'pglive: this server has no lz4; pglive.event_chunks keeps the default compression';
END $$;

-- As for pglive.events: the chunk with ordinal 0 arms the seal of its transaction.
CREATE CONSTRAINT TRIGGER seal_at_commit
    AFTER INSERT ON pglive.event_chunks
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.ord = 0) EXECUTE FUNCTION pglive.seal_transaction();

-- As in 0006, but a statement of up to 256 rows and 64 kB of row data is logged as one
-- chunk. TG_ARGV[0] is the topic. One statement counts the rows and writes the chunk (the
-- array is built only when the count and size allow it; a separate count(*) cost a
-- single-row statement ~5% more CPU); when it writes nothing the rows are logged one by one.
CREATE OR REPLACE FUNCTION pglive.capture_statement() RETURNS trigger
LANGUAGE plpgsql AS $$
#variable_conflict use_variable
DECLARE
    used text := current_setting('pglive.ordinals', true);
    tx xid8 := pg_current_xact_id();
    first integer;
    captured integer;
    listed text;
BEGIN
    IF used = 'sealed' THEN
        PERFORM pglive.captured_count(); -- raises the "positions were assigned" error
    END IF;
    first := coalesce(nullif(used, '')::integer, 0);
    -- array_agg keeps the transition table's order, the order of the ordinals.
    IF TG_OP = 'DELETE' THEN
        WITH size AS MATERIALIZED (SELECT count(*)::integer AS n, sum(pg_column_size(r.*)) AS bytes FROM old_rows r)
        INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
        SELECT tx, first, size.n, TG_ARGV[0], 'DELETE', (SELECT array_agg(to_jsonb(r.*)) FROM old_rows r)
          FROM size WHERE size.n BETWEEN 1 AND 256 AND size.bytes <= 65536
        RETURNING n INTO captured;
        IF captured IS NULL THEN
            INSERT INTO pglive.events (tx, ord, topic, op, row_data)
            SELECT tx, first + (row_number() OVER ())::integer - 1, TG_ARGV[0], 'DELETE', to_jsonb(r.*)
              FROM old_rows r;
            GET DIAGNOSTICS captured = ROW_COUNT;
        END IF;
    ELSE
        WITH size AS MATERIALIZED (SELECT count(*)::integer AS n, sum(pg_column_size(r.*)) AS bytes FROM new_rows r)
        INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
        SELECT tx, first, size.n, TG_ARGV[0], TG_OP, (SELECT array_agg(to_jsonb(r.*)) FROM new_rows r)
          FROM size WHERE size.n BETWEEN 1 AND 256 AND size.bytes <= 65536
        RETURNING n INTO captured;
        IF captured IS NULL THEN
            INSERT INTO pglive.events (tx, ord, topic, op, row_data)
            SELECT tx, first + (row_number() OVER ())::integer - 1, TG_ARGV[0], TG_OP, to_jsonb(r.*)
              FROM new_rows r;
            GET DIAGNOSTICS captured = ROW_COUNT;
        END IF;
    END IF;
    IF captured = 0 THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('pglive.ordinals', (first + captured)::text, true);
    listed := pglive.noted_topics(current_setting('pglive.captured_topics', true), TG_ARGV[0], first);
    IF listed IS NOT NULL THEN
        PERFORM set_config('pglive.captured_topics', listed, true);
    END IF;
    RETURN NULL;
END $$;

-- As in 0006; a transaction without a topic list has its topics read from both tables.
CREATE OR REPLACE FUNCTION pglive.seal_transaction() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    n integer := current_setting('pglive.ordinals')::integer;
    listed text := current_setting('pglive.captured_topics', true);
    topics text[];
    first bigint;
BEGIN
    PERFORM set_config('pglive.ordinals', 'sealed', true);
    IF coalesce(listed, '') IN ('', '*') THEN
        topics := ARRAY(SELECT e.topic FROM pglive.events e WHERE e.tx = NEW.tx
                        UNION SELECT c.topic FROM pglive.event_chunks c WHERE c.tx = NEW.tx);
    ELSE
        topics := string_to_array(listed, ',');
    END IF;
    PERFORM pg_advisory_xact_lock(7285019316460543817);
    first := nextval('pglive.position_seq');
    IF n > 1 THEN
        PERFORM setval('pglive.position_seq', first + n - 1);
    END IF;
    INSERT INTO pglive.transactions (tx, first_position, last_position, committed_at)
    VALUES (NEW.tx, first, first + n - 1, clock_timestamp());
    INSERT INTO pglive.transaction_topics (topic, first_position, tx)
    SELECT topic, first, NEW.tx FROM unnest(topics) topic;
    PERFORM pg_notify('pglive', (first + n - 1)::text);
    RETURN NULL;
END $$;

-- As in 0006 over both tables, and topic by topic: `pglive serve` now calls it every
-- minute, and 0006's walked every transaction of the log whenever nothing had expired.
-- Each topic with transactions (one index probe per topic) is read from its oldest
-- transaction up to the first one committed within its retention (7 days for a topic that
-- no longer exists): commit times grow with positions (both are taken under the commit
-- lock), so a call costs two probes per topic plus what it deletes, whatever the other
-- topics' retentions. A clock stepped back can only delay a prune, never bring it
-- forward. `batch_size` now bounds the log rows deleted (a chunk goes whole: its events
-- share their transaction's commit time); the result is still the number of events
-- deleted. Within a topic, events go in position order, so `pruned_through` is exact.
CREATE OR REPLACE FUNCTION pglive.prune(batch_size integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    budget integer := batch_size;
    deleted integer := 0;
    topic_name text := '';
    kept_from bigint;
    removed_rows integer;
    removed_events integer;
    last_removed bigint;
    touched_firsts bigint[];
    touched_txs xid8[];
BEGIN
    WHILE budget > 0 LOOP
        SELECT tt.topic INTO topic_name FROM pglive.transaction_topics tt
         WHERE tt.topic > topic_name ORDER BY tt.topic LIMIT 1;
        EXIT WHEN topic_name IS NULL;
        kept_from := (
            SELECT tt.first_position
              FROM pglive.transaction_topics tt
              JOIN pglive.transactions t ON t.tx = tt.tx
             WHERE tt.topic = topic_name
               AND t.committed_at >= now() - coalesce(
                   (SELECT tp.retention FROM pglive.topics tp WHERE tp.name = topic_name), interval '7 days')
             ORDER BY tt.first_position
             LIMIT 1);
        WITH expired AS (
            SELECT x.tx, x.ord, x.n, x.chunk, tt.first_position
              FROM pglive.transaction_topics tt
             CROSS JOIN LATERAL (
                   SELECT e.tx, e.ord, 1 AS n, false AS chunk FROM pglive.events e WHERE e.tx = tt.tx AND e.topic = tt.topic
                   UNION ALL
                   SELECT c.tx, c.ord, c.n, true FROM pglive.event_chunks c WHERE c.tx = tt.tx AND c.topic = tt.topic) x
             WHERE tt.topic = topic_name AND tt.first_position < coalesce(kept_from, 9223372036854775807)
             ORDER BY tt.first_position, x.ord
             LIMIT budget
        ), removed_events AS (
            DELETE FROM pglive.events e USING expired x
             WHERE NOT x.chunk AND e.tx = x.tx AND e.ord = x.ord
            RETURNING x.tx, x.first_position, x.first_position + x.ord AS last, 1 AS n
        ), removed_chunks AS (
            DELETE FROM pglive.event_chunks c USING expired x
             WHERE x.chunk AND c.tx = x.tx AND c.ord = x.ord
            RETURNING x.tx, x.first_position, x.first_position + x.ord + x.n - 1 AS last, x.n
        ), removed AS (
            SELECT * FROM removed_events UNION ALL SELECT * FROM removed_chunks
        )
        SELECT count(*), coalesce(sum(n), 0), max(last), array_agg(DISTINCT first_position), array_agg(DISTINCT tx)
          INTO removed_rows, removed_events, last_removed, touched_firsts, touched_txs
          FROM removed;
        CONTINUE WHEN removed_rows = 0;
        budget := budget - removed_rows;
        deleted := deleted + removed_events;
        UPDATE pglive.topics tp SET pruned_through = greatest(tp.pruned_through, last_removed)
         WHERE tp.name = topic_name;
        -- A transaction's row for the topic goes with the last of its events of the topic
        -- (a batch may end inside a transaction), the transaction with its last event,
        -- except the newest transaction, whose last position is the log's head.
        DELETE FROM pglive.transaction_topics tt
         WHERE tt.topic = topic_name AND tt.first_position = ANY (touched_firsts)
           AND NOT EXISTS (SELECT 1 FROM pglive.events e WHERE e.tx = tt.tx AND e.topic = tt.topic)
           AND NOT EXISTS (SELECT 1 FROM pglive.event_chunks c WHERE c.tx = tt.tx AND c.topic = tt.topic);
        DELETE FROM pglive.transactions t
         WHERE t.tx = ANY (touched_txs)
           AND t.first_position < (SELECT max(n.first_position) FROM pglive.transactions n)
           AND NOT EXISTS (SELECT 1 FROM pglive.events e WHERE e.tx = t.tx)
           AND NOT EXISTS (SELECT 1 FROM pglive.event_chunks c WHERE c.tx = t.tx);
    END LOOP;
    RETURN deleted;
END $$;

-- As in 0006 over both tables.
CREATE OR REPLACE FUNCTION pglive.unpublish_table(tbl regclass, drop_history boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    topic_name text;
BEGIN
    EXECUTE format('DROP TRIGGER IF EXISTS pglive_capture_insert ON %s', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS pglive_capture_delete ON %s', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS pglive_capture_update ON %s', tbl);
    DELETE FROM pglive.topics t WHERE t.source_table = tbl RETURNING t.name INTO topic_name;
    IF drop_history AND topic_name IS NOT NULL THEN
        DELETE FROM pglive.events e
         USING pglive.transaction_topics tt
         WHERE tt.topic = topic_name AND e.tx = tt.tx AND e.topic = topic_name;
        DELETE FROM pglive.event_chunks c
         USING pglive.transaction_topics tt
         WHERE tt.topic = topic_name AND c.tx = tt.tx AND c.topic = topic_name;
        DELETE FROM pglive.transaction_topics tt WHERE tt.topic = topic_name;
    END IF;
END $$;

-- Every committed event with its position, from both tables.
CREATE OR REPLACE VIEW pglive.event_log AS
SELECT tt.first_position + e.ord AS position, tt.topic, e.op, t.committed_at,
       e.row_data, e.old_row, e.body, e.content_type, e.headers
  FROM pglive.transaction_topics tt
  JOIN pglive.transactions t ON t.tx = tt.tx
  JOIN pglive.events e ON e.tx = tt.tx AND e.topic = tt.topic
UNION ALL
SELECT tt.first_position + c.ord + x.i::integer - 1, tt.topic, c.op, t.committed_at,
       x.row_data, NULL, NULL, NULL, NULL
  FROM pglive.transaction_topics tt
  JOIN pglive.transactions t ON t.tx = tt.tx
  JOIN pglive.event_chunks c ON c.tx = tt.tx AND c.topic = tt.topic
 CROSS JOIN LATERAL unnest(c.rows) WITH ORDINALITY AS x(row_data, i);
