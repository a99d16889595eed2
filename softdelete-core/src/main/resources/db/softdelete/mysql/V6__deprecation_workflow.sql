-- softdelete library schema, version 6: the deprecation workflow (issue 13).
-- deprecations held one row per (object_type, table_name, object_name) for ever; an element can now
-- be deprecated, rolled back and deprecated again, and a new element may take a deprecated one's
-- name, so rows are no longer unique on it. Each row also records the run that renamed it, its
-- place in that run, its backup (row count, checksum, the DDL that re-creates it) and the accesses
-- counted for it when it was renamed. Names take up to 256 characters (H2's limit). The table is rebuilt (its unique constraint has a
-- database-generated name); existing rows are kept, with new ids.
CREATE TABLE ${softdelete_prefix}deprecations_copy AS SELECT * FROM ${softdelete_prefix}deprecations;
DROP TABLE ${softdelete_prefix}deprecations;
CREATE TABLE ${softdelete_prefix}deprecations (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    object_type       VARCHAR(20)   NOT NULL,
    table_name        VARCHAR(256)  NOT NULL,
    object_name       VARCHAR(256)  NOT NULL,
    deprecated_name   VARCHAR(256),
    reason            VARCHAR(400),
    status            VARCHAR(20)   NOT NULL,
    watch             BOOLEAN       NOT NULL DEFAULT TRUE,
    dependency_report TEXT,
    backup_ref        VARCHAR(400),
    operator          VARCHAR(200),
    created_at        DATETIME(6) NOT NULL,
    renamed_at        DATETIME(6),
    rolled_back_at    DATETIME(6),
    updated_at        DATETIME(6) NOT NULL,
    run_id            BIGINT,
    rollback_run_id   BIGINT,
    step_no           INTEGER,
    row_count         BIGINT,
    checksum          VARCHAR(40),
    definition        TEXT,
    accesses_at_apply BIGINT,
    justification     VARCHAR(4000)
) ENGINE=InnoDB;
CREATE INDEX ${softdelete_prefix}deprecations_element_ix ON ${softdelete_prefix}deprecations (table_name, object_name);
CREATE INDEX ${softdelete_prefix}deprecations_run_ix ON ${softdelete_prefix}deprecations (run_id);
INSERT INTO ${softdelete_prefix}deprecations (object_type, table_name, object_name, deprecated_name, reason, status, watch, dependency_report, backup_ref, operator, created_at, renamed_at, rolled_back_at, updated_at) SELECT object_type, table_name, object_name, deprecated_name, reason, status, watch, dependency_report, backup_ref, operator, created_at, renamed_at, rolled_back_at, updated_at FROM ${softdelete_prefix}deprecations_copy ORDER BY id;
DROP TABLE ${softdelete_prefix}deprecations_copy;
