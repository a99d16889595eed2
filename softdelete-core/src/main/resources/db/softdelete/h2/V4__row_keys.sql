-- softdelete library schema, version 4: run items hold keys of any length exactly.
-- row_key was VARCHAR(255): longer keys were refused, and two keys sharing their first 255
-- characters could not both be recorded. It becomes CHARACTER VARYING of H2's maximum length, the
-- exact text form of the key (binary keys as lower-case hex), and items are keyed by row_key_digest:
-- at most 65 characters whatever the key's length (see KeyCodec.digest: 'i' + a sortable 20-digit
-- form for integer keys, written by the library; here, for existing items, 'k' + the text when it
-- takes at most 63 UTF-8 bytes, else 'h' + the lower-case hex SHA-256 of its UTF-8 bytes).
-- An undo's cursor was a row_key; it becomes a digest, so unfinished undos start their walk over
-- (safe: the walk only visits items still APPLIED).
-- cursor_value holds a run's last key (or a purge cursor document naming one): as long as well.
ALTER TABLE ${softdelete_prefix}run_items DROP PRIMARY KEY;
ALTER TABLE ${softdelete_prefix}run_items ALTER COLUMN row_key SET DATA TYPE CHARACTER VARYING;
ALTER TABLE ${softdelete_prefix}run_items ADD COLUMN row_key_digest VARCHAR(65);
UPDATE ${softdelete_prefix}run_items SET row_key_digest = CASE WHEN OCTET_LENGTH(row_key) <= 63 THEN 'k' || row_key ELSE 'h' || LOWER(RAWTOHEX(HASH('SHA-256', row_key))) END;
ALTER TABLE ${softdelete_prefix}run_items ALTER COLUMN row_key_digest SET NOT NULL;
ALTER TABLE ${softdelete_prefix}run_items ADD PRIMARY KEY (run_id, table_name, row_key_digest);
ALTER TABLE ${softdelete_prefix}migration_runs ALTER COLUMN cursor_value SET DATA TYPE CHARACTER VARYING;
ALTER TABLE ${softdelete_prefix}cleanup_jobs ALTER COLUMN cursor_value SET DATA TYPE CHARACTER VARYING;
UPDATE ${softdelete_prefix}migration_runs SET cursor_value = NULL WHERE kind = 'UNDO';
