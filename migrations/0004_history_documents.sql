-- The history API's event documents, built in the database so that `pglive` and
-- `psql -c "COPY (SELECT pglive.event_document(...) ...) TO STDOUT"` produce the same
-- bytes, and the key that signs the API's page cursors.

-- A timestamp as RFC 3339 in UTC with microseconds, the form of the STOMP
-- `committed-at` header: 2026-11-26T20:01:02.123456Z.
CREATE FUNCTION pglive.rfc3339(at timestamptz) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- How an application event's body is shown: 'json' when its content type is JSON and it
-- parses, 'utf-8' when it is text, 'base64' otherwise.
CREATE FUNCTION pglive.body_encoding(body bytea, content_type text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    text_body text;
BEGIN
    IF body IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
        text_body := convert_from(body, 'UTF8');
    EXCEPTION WHEN character_not_in_repertoire OR untranslatable_character THEN
        RETURN 'base64';
    END;
    IF content_type ~* '^application/([a-z0-9.!#$&^_-]+\+)?json[[:space:]]*(;|$)' THEN
        BEGIN
            PERFORM text_body::json;
            RETURN 'json';
        EXCEPTION WHEN invalid_text_representation THEN
            RETURN 'utf-8';
        END;
    END IF;
    RETURN 'utf-8';
END
$$;

-- An application event's body as a JSON value in the given encoding.
CREATE FUNCTION pglive.body_json(body bytea, encoding text) RETURNS json
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE encoding
        WHEN 'json' THEN convert_from(body, 'UTF8')::json
        WHEN 'utf-8' THEN to_json(convert_from(body, 'UTF8'))
        WHEN 'base64' THEN to_json(translate(encode(body, 'base64'), E'\n', ''))
    END
$$;

-- One event as the history API's JSON document (compact, keys in this order): table
-- events carry "row" and "old_row", application events "content_type", "headers",
-- "body" and "body_encoding". One expression without subqueries, so the planner inlines
-- it: an SQL function that is not inlined costs several microseconds per row.
CREATE FUNCTION pglive.event_document(
    event_position bigint, topic text, op text, committed_at timestamptz,
    row_data jsonb, old_row jsonb, body bytea, content_type text, headers jsonb
) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT '{"position":' || event_position || ',"topic":' || to_json(topic) || ',"op":"' || op
        || '","committed_at":"' || pglive.rfc3339(committed_at) || '",'
        || CASE WHEN body IS NULL THEN
               '"row":' || coalesce(row_data::text, 'null') || ',"old_row":' || coalesce(old_row::text, 'null')
           ELSE
               '"content_type":' || coalesce(to_json(content_type)::text, 'null')
               || ',"headers":' || coalesce(headers::text, '{}')
               || ',"body":' || pglive.body_json(body, pglive.body_encoding(body, content_type))
               || ',"body_encoding":"' || pglive.body_encoding(body, content_type) || '"'
           END
        || '}'
$$;

-- The key that signs the history API's page cursors: shared by every `pglive serve` of
-- this database, so a cursor from one process works on another.
CREATE TABLE pglive.cursor_key (
    only_one boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    key bytea NOT NULL CHECK (octet_length(key) >= 16)
);
INSERT INTO pglive.cursor_key (key)
VALUES (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'));
