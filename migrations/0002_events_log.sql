-- The durable events log, the topic registry and commit-ordered positions.
--
-- Positions: every event gets a bigint position that grows in COMMIT order across all
-- topics. Capture appends events to pglive.events keyed by (transaction, ordinal), the
-- ordinal counted in a transaction-local setting. The event with ordinal 0 arms a
-- deferred constraint trigger, so it fires once per capturing transaction, at commit:
-- it takes a transaction-level advisory lock, reserves a contiguous block of positions
-- from a sequence and inserts the block into pglive.transactions. The lock is held
-- until the commit is visible, so positions become visible in order: a reader that sees
-- position P sees every position below it (an event's position is first_position +
-- ordinal). No per-event work happens at commit, and nothing is updated: that is what
-- keeps capture cheap.

CREATE TABLE pglive.topics (
    name text PRIMARY KEY
        CHECK (name ~ '^[a-z0-9][a-z0-9_.-]*$' AND octet_length(name) <= 200),
    kind text NOT NULL CHECK (kind IN ('table', 'app')),
    source_table regclass UNIQUE,
    key_columns text[] NOT NULL DEFAULT '{}',
    keep_old boolean NOT NULL DEFAULT false,
    retention interval NOT NULL DEFAULT '7 days' CHECK (retention > interval '0'),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'table') = (source_table IS NOT NULL))
);

-- The last position handed out; advanced only under the commit lock.
CREATE SEQUENCE pglive.position_seq AS bigint MINVALUE 1;

CREATE TABLE pglive.transactions (
    tx xid8 PRIMARY KEY,
    first_position bigint NOT NULL UNIQUE,
    last_position bigint NOT NULL,
    committed_at timestamptz NOT NULL
);
CREATE INDEX transactions_committed_at ON pglive.transactions USING brin (committed_at);

CREATE TABLE pglive.events (
    tx xid8 NOT NULL,
    ord integer NOT NULL,
    topic text NOT NULL,
    op text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE', 'EVENT')),
    row_data jsonb,
    old_row jsonb,
    body bytea,
    content_type text,
    headers jsonb,
    PRIMARY KEY (tx, ord)
);
CREATE INDEX events_topic_tx ON pglive.events (topic, tx);

-- How many events the current transaction has captured so far (the next ordinal);
-- refuses once the transaction's positions were assigned.
CREATE FUNCTION pglive.captured_count() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    used text := current_setting('pglive.ordinals', true);
BEGIN
    IF used = 'sealed' THEN
        RAISE EXCEPTION 'pglive: a change was captured after this transaction''s positions were assigned'
            USING HINT = 'A deferred trigger or SET CONSTRAINTS ALL IMMEDIATE ran before this change; publish changes before that point.';
    END IF;
    RETURN coalesce(nullif(used, '')::integer, 0);
END $$;

-- Fired once per capturing transaction, at commit (armed by its event with ordinal 0):
-- assigns the transaction's block of positions.
CREATE FUNCTION pglive.seal_transaction() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    n integer := current_setting('pglive.ordinals')::integer;
    first bigint;
BEGIN
    PERFORM set_config('pglive.ordinals', 'sealed', true);
    PERFORM pg_advisory_xact_lock(7285019316460543817);
    first := nextval('pglive.position_seq');
    IF n > 1 THEN
        PERFORM setval('pglive.position_seq', first + n - 1);
    END IF;
    INSERT INTO pglive.transactions (tx, first_position, last_position, committed_at)
    VALUES (NEW.tx, first, first + n - 1, clock_timestamp());
    PERFORM pg_notify('pglive', (first + n - 1)::text);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER seal_at_commit
    AFTER INSERT ON pglive.events
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.ord = 0) EXECUTE FUNCTION pglive.seal_transaction();

-- Statement-level capture of INSERT and DELETE, and of UPDATE for topics that do not
-- keep the old row: one INSERT … SELECT per statement, whatever its row count.
-- TG_ARGV[0] is the topic.
CREATE FUNCTION pglive.capture_statement() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    first integer := pglive.captured_count();
    n integer;
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO pglive.events (tx, ord, topic, op, row_data)
        SELECT pg_current_xact_id(), first + (row_number() OVER ())::integer - 1, TG_ARGV[0], 'DELETE', to_jsonb(r)
          FROM old_rows r;
    ELSE
        INSERT INTO pglive.events (tx, ord, topic, op, row_data)
        SELECT pg_current_xact_id(), first + (row_number() OVER ())::integer - 1, TG_ARGV[0], TG_OP, to_jsonb(r)
          FROM new_rows r;
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
        PERFORM set_config('pglive.ordinals', (first + n)::text, true);
    END IF;
    RETURN NULL;
END $$;

-- Appends one event (the single-row capture paths share it).
CREATE FUNCTION pglive.append_event(
    topic text, op text, row_data jsonb, old_row jsonb, body bytea, content_type text, headers jsonb
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    ord integer := pglive.captured_count();
BEGIN
    INSERT INTO pglive.events (tx, ord, topic, op, row_data, old_row, body, content_type, headers)
    VALUES (pg_current_xact_id(), ord, topic, op, row_data, old_row, body, content_type, headers);
    PERFORM set_config('pglive.ordinals', (ord + 1)::text, true);
END $$;

-- Row-level capture of UPDATE for topics that keep the old row. TG_ARGV[0] is the topic.
CREATE FUNCTION pglive.capture_update_with_old() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pglive.append_event(TG_ARGV[0], 'UPDATE', to_jsonb(NEW), to_jsonb(OLD), NULL, NULL, NULL);
    RETURN NULL;
END $$;

CREATE FUNCTION pglive.check_topic_name(topic text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF topic IS NULL OR topic !~ '^[a-z0-9][a-z0-9_.-]*$' OR octet_length(topic) > 200 THEN
        RAISE EXCEPTION 'pglive: invalid topic name "%"', topic
            USING HINT = 'A topic is [a-z0-9][a-z0-9_.-]*, at most 200 bytes.';
    END IF;
    RETURN topic;
END $$;

-- Publishes a table as a topic: installs the capture triggers (idempotent).
CREATE FUNCTION pglive.publish_table(
    tbl regclass, topic text DEFAULT NULL, keep_old boolean DEFAULT false,
    retention interval DEFAULT '7 days'
) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    topic_name text := pglive.check_topic_name(coalesce(topic, (
        SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = tbl)));
    keys text[];
BEGIN
    SELECT coalesce(array_agg(a.attname ORDER BY k.ordinality), '{}') INTO keys
      FROM pg_index i
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
     WHERE i.indrelid = tbl AND i.indisprimary;
    IF EXISTS (SELECT 1 FROM pglive.topics t WHERE t.name = topic_name AND t.source_table IS DISTINCT FROM tbl) THEN
        RAISE EXCEPTION 'pglive: topic "%" is already published from another source', topic_name;
    END IF;
    PERFORM pglive.unpublish_table(tbl);
    INSERT INTO pglive.topics (name, kind, source_table, key_columns, keep_old, retention)
    VALUES (topic_name, 'table', tbl, keys, publish_table.keep_old, publish_table.retention);
    EXECUTE format('CREATE TRIGGER pglive_capture_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION pglive.capture_statement(%L)', tbl, topic_name);
    EXECUTE format('CREATE TRIGGER pglive_capture_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION pglive.capture_statement(%L)', tbl, topic_name);
    IF publish_table.keep_old THEN
        EXECUTE format('CREATE TRIGGER pglive_capture_update AFTER UPDATE ON %s '
                       'FOR EACH ROW EXECUTE FUNCTION pglive.capture_update_with_old(%L)', tbl, topic_name);
    ELSE
        EXECUTE format('CREATE TRIGGER pglive_capture_update AFTER UPDATE ON %s REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION pglive.capture_statement(%L)', tbl, topic_name);
    END IF;
    RETURN topic_name;
END $$;

-- Stops publishing a table (idempotent); its topic and history stay until pruned
-- unless drop_history is true.
CREATE FUNCTION pglive.unpublish_table(tbl regclass, drop_history boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    topic_name text;
BEGIN
    EXECUTE format('DROP TRIGGER IF EXISTS pglive_capture_insert ON %s', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS pglive_capture_delete ON %s', tbl);
    EXECUTE format('DROP TRIGGER IF EXISTS pglive_capture_update ON %s', tbl);
    DELETE FROM pglive.topics t WHERE t.source_table = tbl RETURNING t.name INTO topic_name;
    IF drop_history AND topic_name IS NOT NULL THEN
        DELETE FROM pglive.events e WHERE e.topic = topic_name;
    END IF;
END $$;

-- Declares an application topic (idempotent).
CREATE FUNCTION pglive.create_topic(topic text, retention interval DEFAULT '7 days') RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pglive.topics (name, kind, retention)
    VALUES (pglive.check_topic_name(topic), 'app', retention)
    ON CONFLICT (name) DO NOTHING;
    IF (SELECT t.kind FROM pglive.topics t WHERE t.name = topic) <> 'app' THEN
        RAISE EXCEPTION 'pglive: topic "%" is a table topic; only application topics take published events', topic;
    END IF;
    RETURN topic;
END $$;

-- Publishes an application event with an arbitrary body. Returns nothing: the
-- position is assigned at commit.
CREATE FUNCTION pglive.publish(
    topic text, body bytea, content_type text DEFAULT 'application/octet-stream', headers jsonb DEFAULT '{}'
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pglive.topics t WHERE t.name = topic AND t.kind = 'app') THEN
        RAISE EXCEPTION 'pglive: unknown application topic "%"', topic
            USING HINT = 'Create it with pglive.create_topic(name) first.', ERRCODE = 'undefined_object';
    END IF;
    PERFORM pglive.append_event(topic, 'EVENT', NULL, NULL, body, content_type, headers);
END $$;

-- Publishes a JSON application event.
CREATE FUNCTION pglive.publish(topic text, body jsonb, headers jsonb DEFAULT '{}') RETURNS void
LANGUAGE sql AS $$
    SELECT pglive.publish(topic, convert_to(body::text, 'UTF8'), 'application/json', headers)
$$;

-- Every event after a position, in position order: the one way the feed, resuming
-- clients and history read the log.
CREATE VIEW pglive.event_log AS
SELECT t.first_position + e.ord AS position, e.topic, e.op, t.committed_at,
       e.row_data, e.old_row, e.body, e.content_type, e.headers
  FROM pglive.transactions t
  JOIN pglive.events e ON e.tx = t.tx;
