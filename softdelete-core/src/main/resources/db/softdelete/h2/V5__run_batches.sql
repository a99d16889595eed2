-- softdelete library schema, version 5: runs record what they changed per batch, not per row, and
-- run in the background as key ranges.
-- One run_batches row per batch and table: the keys the batch changed (a versioned JSON document
-- {"doc":"run-keys","v":1,"keys":[...]}, integer keys as numbers, other keys in their text form),
-- their first and last key and count, and the marker value the batch wrote. Undo restores a
-- recorded key only while its row still carries that marker, so a row deleted again by someone
-- else after the run is never restored. Recording a batch costs one row instead of one per
-- changed row.
-- Existing run items still APPLIED (runs not undone yet) are copied into one record per run,
-- batch and table, so they can still be undone; run_items is no longer written and keeps its
-- rows for history. Unfinished undos start their walk over (their cursor was an item digest;
-- it becomes a batch number; safe: the walk only visits records still APPLIED).
CREATE TABLE IF NOT EXISTS ${softdelete_prefix}run_batches (
    run_id          BIGINT        NOT NULL,
    batch_no        BIGINT        NOT NULL,
    table_name      VARCHAR(128)  NOT NULL,
    first_key       CHARACTER VARYING,
    last_key        CHARACTER VARYING,
    key_count       INTEGER       NOT NULL,
    row_keys        CHARACTER LARGE OBJECT NOT NULL,
    applied_marker  TIMESTAMP WITH TIME ZONE,
    state           VARCHAR(20)   NOT NULL,
    restored_count  INTEGER       NOT NULL DEFAULT 0,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, batch_no, table_name)
);
INSERT INTO ${softdelete_prefix}run_batches (run_id, batch_no, table_name, key_count, row_keys, applied_marker, state,
        restored_count, changed_at)
    SELECT run_id, COALESCE(batch_no, 0), table_name, COUNT(*),
        '{"doc":"run-keys","v":1,"keys":' || CAST(JSON_ARRAYAGG(row_key ORDER BY row_key_digest) AS VARCHAR) || '}',
        MAX(applied_marker), 'APPLIED', 0, MAX(changed_at)
    FROM ${softdelete_prefix}run_items WHERE state = 'APPLIED'
    GROUP BY run_id, COALESCE(batch_no, 0), table_name;
UPDATE ${softdelete_prefix}migration_runs SET cursor_value = NULL WHERE kind = 'UNDO' AND status NOT IN ('COMPLETED', 'FAILED', 'UNDONE');

-- Background runs: a run is split into key ranges, one row each, that workers on any instance
-- claim with SKIP LOCKED under a short lease (owner, until, fencing token), renewed with every
-- batch; first_key is exclusive and last_key inclusive (NULL: open), in the key's text form;
-- cursor_value is the last key a committed batch covered. PENDING -> RUNNING -> DONE, or back
-- to PENDING (released, failed attempt), FAILED after its last attempt, CANCELLED with its run.
CREATE TABLE IF NOT EXISTS ${softdelete_prefix}run_ranges (
    run_id          BIGINT        NOT NULL,
    range_no        INTEGER       NOT NULL,
    first_key       CHARACTER VARYING,
    last_key        CHARACTER VARYING,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    lease_owner     VARCHAR(200),
    lease_until     TIMESTAMP WITH TIME ZONE,
    lease_token     BIGINT        NOT NULL DEFAULT 0,
    heartbeat_at    TIMESTAMP WITH TIME ZONE,
    cursor_value    CHARACTER VARYING,
    batch_count     BIGINT        NOT NULL DEFAULT 0,
    matched_count   BIGINT        NOT NULL DEFAULT 0,
    affected_count  BIGINT        NOT NULL DEFAULT 0,
    last_error      VARCHAR(4000),
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, range_no)
);
CREATE INDEX IF NOT EXISTS ${softdelete_prefix}run_ranges_status_ix ON ${softdelete_prefix}run_ranges (status, run_id);
