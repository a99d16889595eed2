-- softdelete library schema, version 4: run items hold keys of any length exactly.
-- row_key was VARCHAR(255): longer keys were refused, and two keys sharing their first 255
-- characters could not both be recorded. It becomes CHARACTER VARYING of H2's maximum length, the
-- exact text form of the key (binary keys as lower-case hex), and items are keyed by row_key_hash,
-- the lower-case hex SHA-256 of row_key's UTF-8 bytes.
-- cursor_value holds a run's last key (or a purge cursor document naming one): as long as well.
ALTER TABLE ${softdelete_prefix}run_items DROP PRIMARY KEY;
ALTER TABLE ${softdelete_prefix}run_items ALTER COLUMN row_key SET DATA TYPE CHARACTER VARYING;
ALTER TABLE ${softdelete_prefix}run_items ADD COLUMN row_key_hash VARCHAR(64);
UPDATE ${softdelete_prefix}run_items SET row_key_hash = LOWER(RAWTOHEX(HASH('SHA-256', row_key)));
ALTER TABLE ${softdelete_prefix}run_items ALTER COLUMN row_key_hash SET NOT NULL;
ALTER TABLE ${softdelete_prefix}run_items ADD PRIMARY KEY (run_id, table_name, row_key_hash);
ALTER TABLE ${softdelete_prefix}migration_runs ALTER COLUMN cursor_value SET DATA TYPE CHARACTER VARYING;
ALTER TABLE ${softdelete_prefix}cleanup_jobs ALTER COLUMN cursor_value SET DATA TYPE CHARACTER VARYING;
