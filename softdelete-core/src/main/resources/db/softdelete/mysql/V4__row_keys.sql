-- softdelete library schema, version 4: run items hold keys of any length and case exactly.
-- row_key was VARCHAR(255) in the database's default collation: longer keys were refused, and keys
-- differing only in case collided under a case-insensitive collation (utf8mb4_general_ci). It becomes
-- MEDIUMTEXT with the binary collation utf8mb4_bin, the exact text form of the key (binary keys as
-- lower-case hex), and items are keyed by row_key_digest (InnoDB cannot index long text whole): at
-- most 65 characters whatever the key's length (see KeyCodec.digest: 'i' + a sortable 20-digit form
-- for integer keys, written by the library; here, for existing items, 'k' + the text when it takes
-- at most 63 UTF-8 bytes, else 'h' + the lower-case hex SHA-256 of its UTF-8 bytes).
-- An undo's cursor was a row_key; it becomes a digest, so unfinished undos start their walk over
-- (safe: the walk only visits items still APPLIED).
-- cursor_value holds a run's last key (or a purge cursor document naming one): MEDIUMTEXT as well.
ALTER TABLE ${softdelete_prefix}run_items DROP PRIMARY KEY,
    MODIFY row_key MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD COLUMN row_key_digest VARCHAR(65) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
UPDATE ${softdelete_prefix}run_items SET row_key_digest = CASE WHEN OCTET_LENGTH(row_key) <= 63 THEN CONCAT('k', row_key) ELSE CONCAT('h', SHA2(CONVERT(row_key USING utf8mb4), 256)) END;
ALTER TABLE ${softdelete_prefix}run_items
    MODIFY row_key_digest VARCHAR(65) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD PRIMARY KEY (run_id, table_name, row_key_digest);
ALTER TABLE ${softdelete_prefix}migration_runs MODIFY cursor_value MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
ALTER TABLE ${softdelete_prefix}cleanup_jobs MODIFY cursor_value MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
UPDATE ${softdelete_prefix}migration_runs SET cursor_value = NULL WHERE kind = 'UNDO';
