-- softdelete library schema, version 4: run items hold keys of any length exactly.
-- row_key was VARCHAR(255): longer keys were cut (PostgreSQL) or refused (H2, MariaDB), and two keys
-- sharing their first 255 characters collided. It becomes TEXT, the exact text form of the key
-- (binary keys as lower-case hex), and items are keyed by row_key_hash, the lower-case hex SHA-256
-- of row_key's UTF-8 bytes, which a B-tree indexes whatever the key's length.
-- cursor_value holds a run's last key (or a purge cursor document naming one): TEXT as well.
ALTER TABLE ${softdelete_prefix}run_items ALTER COLUMN row_key TYPE TEXT;
ALTER TABLE ${softdelete_prefix}run_items ADD COLUMN row_key_hash VARCHAR(64) COLLATE "C";
UPDATE ${softdelete_prefix}run_items SET row_key_hash = encode(sha256(convert_to(row_key, 'UTF8')), 'hex');
ALTER TABLE ${softdelete_prefix}run_items ALTER COLUMN row_key_hash SET NOT NULL;
ALTER TABLE ${softdelete_prefix}run_items DROP CONSTRAINT ${softdelete_prefix}run_items_pkey;
ALTER TABLE ${softdelete_prefix}run_items ADD CONSTRAINT ${softdelete_prefix}run_items_pkey PRIMARY KEY (run_id, table_name, row_key_hash);
ALTER TABLE ${softdelete_prefix}migration_runs ALTER COLUMN cursor_value TYPE TEXT;
ALTER TABLE ${softdelete_prefix}cleanup_jobs ALTER COLUMN cursor_value TYPE TEXT;
