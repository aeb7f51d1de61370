-- The schema that holds pglive's own objects. The migration runner also creates it
-- for its history table (pglive.schema_migrations), so this file cannot be rolled back.
CREATE SCHEMA IF NOT EXISTS pglive;
