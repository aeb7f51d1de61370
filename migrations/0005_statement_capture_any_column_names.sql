-- Statement-level capture that works whatever the published table's columns are called.
--
-- 0002's pglive.capture_statement() had a variable `first` and wrote the row as
-- to_jsonb(r): a published table with a column `first` refused every INSERT, UPDATE and
-- DELETE (PL/pgSQL: column reference "first" is ambiguous), and one with a column `r`
-- logged that column's value instead of the row. Now `#variable_conflict use_variable`
-- makes every bare name the function's own (it never reads a column by name), and the
-- row is the whole-row reference r.*. The function also reads the transaction id once per
-- statement instead of once per row, and checks the ordinal setting inline instead of
-- through a second PL/pgSQL call. Triggers keep pointing at the function: CREATE OR
-- REPLACE keeps its identity.

CREATE OR REPLACE FUNCTION pglive.capture_statement() RETURNS trigger
LANGUAGE plpgsql AS $$
#variable_conflict use_variable
DECLARE
    used text := current_setting('pglive.ordinals', true);
    tx xid8 := pg_current_xact_id();
    first integer;
    captured integer;
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
    END IF;
    RETURN NULL;
END $$;
