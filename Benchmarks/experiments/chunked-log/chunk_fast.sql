-- Applied after chunk.sql (+ the lz4/inline ALTER): a statement of <= 256 rows is one
-- aggregate over the transition table (no window, no sort, no GROUP BY); the row
-- documents go straight into jsonb_agg(r.*) (no intermediate to_jsonb per row).
-- :'agg' selects the aggregate: 'jsonb' = jsonb_agg(r.*) into a jsonb array,
-- 'array' = array_agg(to_jsonb(r.*)) into a jsonb[] column.
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
        PERFORM pglive.captured_count();
    END IF;
    first := coalesce(nullif(used, '')::integer, 0);
    IF TG_OP = 'DELETE' THEN
        SELECT count(*) INTO captured FROM old_rows;
    ELSE
        SELECT count(*) INTO captured FROM new_rows;
    END IF;
    IF captured = 0 THEN
        RETURN NULL;
    ELSIF captured <= 256 THEN
        IF TG_OP = 'DELETE' THEN
            INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
            SELECT tx, first, captured, TG_ARGV[0], 'DELETE', AGG_EXPR FROM old_rows r;
        ELSE
            INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
            SELECT tx, first, captured, TG_ARGV[0], TG_OP, AGG_EXPR FROM new_rows r;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
        SELECT tx, first + min(i)::integer, count(*)::integer, TG_ARGV[0], 'DELETE', AGG_SORTED
          FROM (SELECT r, row_number() OVER () - 1 AS i FROM old_rows r) s GROUP BY i / 256;
    ELSE
        INSERT INTO pglive.event_chunks (tx, ord, n, topic, op, rows)
        SELECT tx, first + min(i)::integer, count(*)::integer, TG_ARGV[0], TG_OP, AGG_SORTED
          FROM (SELECT r, row_number() OVER () - 1 AS i FROM new_rows r) s GROUP BY i / 256;
    END IF;
    PERFORM set_config('pglive.ordinals', (first + captured)::text, true);
    listed := pglive.noted_topics(current_setting('pglive.captured_topics', true), TG_ARGV[0], first);
    IF listed IS NOT NULL THEN
        PERFORM set_config('pglive.captured_topics', listed, true);
    END IF;
    RETURN NULL;
END $$;
