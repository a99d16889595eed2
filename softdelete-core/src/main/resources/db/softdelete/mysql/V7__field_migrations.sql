-- softdelete library schema, version 7: zero-downtime field migrations.
-- One row per field migration (expand, dual write, backfill, verify, read new, contract), its phase
-- changed by compare-and-set on row_version; run_id is its BACKFILL run in migration_runs (counts and
-- status), whose key slices are BACKFILL jobs in cleanup_jobs (run_id = that run).
-- field_migration_readers: which field (OLD, COALESCE, NEW) each application instance last said it
-- reads, so that CONTRACT is refused while an instance still reads the old column.
CREATE TABLE IF NOT EXISTS ${softdelete_prefix}field_migrations (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id           BIGINT        NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    table_name       VARCHAR(128)  NOT NULL,
    old_column       VARCHAR(128)  NOT NULL,
    new_column       VARCHAR(128)  NOT NULL,
    spec             TEXT NOT NULL,
    phase            VARCHAR(20)   NOT NULL,
    paused           BOOLEAN       NOT NULL DEFAULT FALSE,
    pause_reason     VARCHAR(4000),
    backfill_options TEXT,
    estimated_rows   BIGINT,
    mismatches       BIGINT,
    verified_at      DATETIME(6),
    created_at       DATETIME(6) NOT NULL,
    updated_at       DATETIME(6) NOT NULL,
    row_version      INTEGER       NOT NULL DEFAULT 0,
    UNIQUE (name)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS ${softdelete_prefix}field_migration_readers (
    migration_id     BIGINT        NOT NULL,
    instance_id      VARCHAR(200)  NOT NULL,
    read_mode        VARCHAR(20)   NOT NULL,
    reported_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (migration_id, instance_id)
) ENGINE=InnoDB;

CREATE INDEX IF NOT EXISTS ${softdelete_prefix}cleanup_jobs_run_ix ON ${softdelete_prefix}cleanup_jobs (run_id);
