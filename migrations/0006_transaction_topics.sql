-- A topic's events are found through one row per (topic, transaction), written at commit,
-- instead of one index entry per event.
--
-- Until 0005 every captured row also went into the index events_topic_tx (topic, tx), so
-- that topic reads (a subscriber's catch-up, the history API, the catalogue, retention)
-- could find a topic's events: on a 100-row statement that entry cost ~13% of the
-- backend's capture CPU (Benchmarks/RESULTS.md). Now the capture functions note the
-- topics a transaction wrote in the transaction-local setting pglive.captured_topics (a
-- string check per statement, not per row), and the seal, which already runs once per
-- capturing transaction at commit, writes one pglive.transaction_topics row per topic,
-- keyed by (topic, first_position) and carrying the transaction id. A topic read walks
-- that index in position order and fetches each transaction's events of the topic by the
-- events' primary key (tx, ord), and its commit time by the transactions' (tx).

-- Writers wait until the existing transactions are listed: one that committed between
-- the backfill and the switch of the functions would have no row.
LOCK TABLE pglive.events IN ACCESS EXCLUSIVE MODE;

CREATE TABLE pglive.transaction_topics (
    topic text NOT NULL,
    first_position bigint NOT NULL,
    tx xid8 NOT NULL,
    PRIMARY KEY (topic, first_position) INCLUDE (tx)
);

INSERT INTO pglive.transaction_topics (topic, first_position, tx)
SELECT DISTINCT e.topic, t.first_position, t.tx
  FROM pglive.events e
  JOIN pglive.transactions t ON t.tx = e.tx;

DROP INDEX pglive.events_topic_tx;

-- The transaction's topic list (pglive.captured_topics: names joined by commas, which no
-- topic name contains) after it captured an event of `topic`, or NULL when the list
-- already covers it. `earlier` is how many events the transaction captured before: events
-- but no list means the functions of 0005 captured them (the transaction raced this
-- migration), so the list becomes '*', "unknown", and the seal reads the topics back from
-- the events.
CREATE FUNCTION pglive.noted_topics(listed text, topic text, earlier integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN listed = '*' OR strpos(',' || listed || ',', ',' || topic || ',') > 0 THEN NULL
        WHEN listed <> '' THEN listed || ',' || topic
        WHEN earlier > 0 THEN '*'
        ELSE topic
    END
$$;

-- As in 0005, and notes the statement's topic once the statement captured a row.
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
    IF TG_OP = 'DELETE' THEN
        INSERT INTO pglive.events (tx, ord, topic, op, row_data)
        SELECT tx, first + (row_number() OVER ())::integer - 1, TG_ARGV[0], 'DELETE', to_jsonb(r.*)
          FROM old_rows r;
    ELSE
        INSERT INTO pglive.events (tx, ord, topic, op, row_data)
        SELECT tx, first + (row_number() OVER ())::integer - 1, TG_ARGV[0], TG_OP, to_jsonb(r.*)
          FROM new_rows r;
    END IF;
    GET DIAGNOSTICS captured = ROW_COUNT;
    IF captured > 0 THEN
        PERFORM set_config('pglive.ordinals', (first + captured)::text, true);
        listed := pglive.noted_topics(current_setting('pglive.captured_topics', true), TG_ARGV[0], first);
        IF listed IS NOT NULL THEN
            PERFORM set_config('pglive.captured_topics', listed, true);
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- As in 0002, and notes the event's topic.
CREATE OR REPLACE FUNCTION pglive.append_event(
    topic text, op text, row_data jsonb, old_row jsonb, body bytea, content_type text, headers jsonb
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    ord integer := pglive.captured_count();
    listed text := pglive.noted_topics(current_setting('pglive.captured_topics', true), topic, ord);
BEGIN
    INSERT INTO pglive.events (tx, ord, topic, op, row_data, old_row, body, content_type, headers)
    VALUES (pg_current_xact_id(), ord, topic, op, row_data, old_row, body, content_type, headers);
    PERFORM set_config('pglive.ordinals', (ord + 1)::text, true);
    IF listed IS NOT NULL THEN
        PERFORM set_config('pglive.captured_topics', listed, true);
    END IF;
END $$;

-- As in 0002, and writes the transaction's row for each topic it captured. The topics
-- are known before the commit lock; only the two inserts need the positions.
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
        topics := ARRAY(SELECT DISTINCT e.topic FROM pglive.events e WHERE e.tx = NEW.tx);
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

-- As in 0003, and deletes a transaction's row for a topic once the last of its events of
-- that topic is gone (a batch may end inside a transaction).
CREATE OR REPLACE FUNCTION pglive.prune(batch_size integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    deleted integer;
    touched_topics text[];
    touched_firsts bigint[];
BEGIN
    WITH expired AS (
        SELECT e.tx, e.ord, e.topic, t.first_position
          FROM pglive.transactions t
          JOIN pglive.events e ON e.tx = t.tx
          LEFT JOIN pglive.topics tp ON tp.name = e.topic
         WHERE t.committed_at < now() - coalesce(tp.retention, interval '7 days')
         ORDER BY t.first_position, e.ord
         LIMIT batch_size
    ), removed AS (
        DELETE FROM pglive.events e USING expired x
         WHERE e.tx = x.tx AND e.ord = x.ord
        RETURNING x.topic, x.first_position, x.first_position + x.ord AS position
    ), watermarks AS (
        UPDATE pglive.topics tp SET pruned_through = greatest(tp.pruned_through, w.position)
          FROM (SELECT topic, max(position) AS position FROM removed GROUP BY topic) w
         WHERE tp.name = w.topic
        RETURNING 1
    ), touched AS (
        SELECT topic, first_position FROM removed GROUP BY topic, first_position
    )
    SELECT (SELECT count(*) FROM removed), array_agg(topic), array_agg(first_position)
      INTO deleted, touched_topics, touched_firsts
      FROM touched;
    DELETE FROM pglive.transaction_topics tt
     USING unnest(touched_topics, touched_firsts) x(topic, first_position)
     WHERE tt.topic = x.topic AND tt.first_position = x.first_position
       AND NOT EXISTS (SELECT 1 FROM pglive.events e WHERE e.tx = tt.tx AND e.topic = tt.topic);
    DELETE FROM pglive.transactions t
     WHERE t.committed_at < now() - interval '1 minute'
       AND NOT EXISTS (SELECT 1 FROM pglive.events e WHERE e.tx = t.tx);
    RETURN deleted;
END $$;

-- As in 0002; the history is found through the topic's transactions, not by scanning the log.
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
        DELETE FROM pglive.transaction_topics tt WHERE tt.topic = topic_name;
    END IF;
END $$;

-- Every committed event with its position, through its topic's transaction row: a query
-- for one topic (WHERE topic = …) reads only that topic's transactions.
CREATE OR REPLACE VIEW pglive.event_log AS
SELECT tt.first_position + e.ord AS position, tt.topic, e.op, t.committed_at,
       e.row_data, e.old_row, e.body, e.content_type, e.headers
  FROM pglive.transaction_topics tt
  JOIN pglive.transactions t ON t.tx = tt.tx
  JOIN pglive.events e ON e.tx = tt.tx AND e.topic = tt.topic;
