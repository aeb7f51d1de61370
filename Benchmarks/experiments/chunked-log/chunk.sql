-- Variant (b): one log row per statement, or per chunk of up to 256 changed rows, applied
-- on top of migrations 0001-0006. Experiment only.
-- A chunk of n rows covers ordinals ord .. ord+n-1 of its transaction, so positions stay
-- dense: position = transaction_topics.first_position + ord + (element index - 1).
-- pglive.ordinals still counts EVENTS (rows), so the seal's numbering is unchanged; only
-- its '*' fallback reads the new table.
CREATE TABLE pglive.event_chunks (
    tx xid8 NOT NULL,
    ord integer NOT NULL,          -- ordinal of the chunk's first row
    n integer NOT NULL CHECK (n BETWEEN 1 AND 256),
    topic text NOT NULL,
    op text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    rows jsonb NOT NULL,           -- jsonb array of n row documents
    PRIMARY KEY (tx, ord)
);

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
        WITH ins AS (
            INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
            SELECT tx, first + min(i)::integer, count(*)::integer, TG_ARGV[0], 'DELETE', jsonb_agg(doc ORDER BY i)
              FROM (SELECT to_jsonb(r.*) AS doc, row_number() OVER () - 1 AS i FROM old_rows r) s
             GROUP BY i / 256
            RETURNING n)
        SELECT coalesce(sum(n), 0) INTO captured FROM ins;
    ELSE
        WITH ins AS (
            INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
            SELECT tx, first + min(i)::integer, count(*)::integer, TG_ARGV[0], TG_OP, jsonb_agg(doc ORDER BY i)
              FROM (SELECT to_jsonb(r.*) AS doc, row_number() OVER () - 1 AS i FROM new_rows r) s
             GROUP BY i / 256
            RETURNING n)
        SELECT coalesce(sum(n), 0) INTO captured FROM ins;
    END IF;
    IF captured > 0 THEN
        PERFORM set_config('pglive.ordinals', (first + captured)::text, true);
        listed := pglive.noted_topics(current_setting('pglive.captured_topics', true), TG_ARGV[0], first);
        IF listed IS NOT NULL THEN
            PERFORM set_config('pglive.captured_topics', listed, true);
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- The seal of 0006, with the '*' fallback reading both tables.
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

CREATE CONSTRAINT TRIGGER seal_at_commit
    AFTER INSERT ON pglive.event_chunks
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.ord = 0) EXECUTE FUNCTION pglive.seal_transaction();

-- Every committed event, one row per changed row (what readers would query instead of
-- pglive.event_log).
CREATE VIEW pglive.chunk_event_log AS
SELECT tt.first_position + c.ord + x.i::integer - 1 AS position, tt.topic, c.op, t.committed_at, x.row_data
  FROM pglive.transaction_topics tt
  JOIN pglive.transactions t ON t.tx = tt.tx
  JOIN pglive.event_chunks c ON c.tx = tt.tx AND c.topic = tt.topic
  CROSS JOIN LATERAL jsonb_array_elements(c.rows) WITH ORDINALITY AS x(row_data, i);
