-- softdelete library schema, version 3: fencing tokens.
-- lease_token grows by one on every claim and takeover of a run or a cleanup job. Every batch
-- transaction first updates the row WHERE lease_owner = me AND lease_token = my token AND the lease
-- is still live, so a worker that lost its lease (expired and taken over, or taken by an undo)
-- can commit nothing.
ALTER TABLE ${softdelete_prefix}migration_runs ADD COLUMN lease_token BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ${softdelete_prefix}cleanup_jobs ADD COLUMN lease_token BIGINT NOT NULL DEFAULT 0;
