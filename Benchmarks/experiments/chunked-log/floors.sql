-- Lower bounds on any statement-level capture (no log row at all, no seal):
-- floor_noop: a statement trigger with a transition table that returns at once;
-- floor_json: the same, computing to_jsonb of every row (and discarding it).
CREATE FUNCTION public.floor_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_ARGV[0] = 'json' THEN
        PERFORM max(pg_column_size(to_jsonb(r.*))) FROM new_rows r;
    END IF;
    RETURN NULL;
END $$;
