-- softdelete library schema, version 1, MySQL 8 / MariaDB 10.6+.
-- ${softdelete_prefix} is the table prefix (default sd_). Flyway and Liquibase substitute it as a
-- placeholder / changelog parameter; SchemaInitializer substitutes it itself.
-- DATETIME(6) columns hold UTC. Times are written by the library from its Clock, never by the database clock.

CREATE TABLE IF NOT EXISTS ${softdelete_prefix}migration_runs (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(40)   NOT NULL,
    name             VARCHAR(200),
    target_table     VARCHAR(128),
    rule_description VARCHAR(4000),
    spec             TEXT,
    mode             VARCHAR(20)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    parent_run_id    BIGINT,
    preview_count    BIGINT,
    matched_count    BIGINT        NOT NULL DEFAULT 0,
    affected_count   BIGINT        NOT NULL DEFAULT 0,
    skipped_count    BIGINT        NOT NULL DEFAULT 0,
    batch_count      BIGINT        NOT NULL DEFAULT 0,
    failed_batches   BIGINT        NOT NULL DEFAULT 0,
    cursor_value     VARCHAR(1000),
    error_message    VARCHAR(4000),
    verification     VARCHAR(4000),
    operator         VARCHAR(200),
    host             VARCHAR(200),
    lease_owner      VARCHAR(200),
    lease_until      DATETIME(6),
    heartbeat_at     DATETIME(6),
    created_at       DATETIME(6) NOT NULL,
    started_at       DATETIME(6),
    finished_at      DATETIME(6),
    updated_at       DATETIME(6) NOT NULL,
    row_version      INTEGER       NOT NULL DEFAULT 0,
    INDEX ${softdelete_prefix}migration_runs_status_ix (status, kind)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS ${softdelete_prefix}run_items (
    run_id          BIGINT        NOT NULL,
    table_name      VARCHAR(128)  NOT NULL,
    row_key         VARCHAR(255)  NOT NULL,
    action          VARCHAR(20)   NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    previous_marker DATETIME(6),
    applied_marker  DATETIME(6),
    batch_no        BIGINT,
    changed_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (run_id, table_name, row_key),
    INDEX ${softdelete_prefix}run_items_row_ix (table_name, row_key)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS ${softdelete_prefix}audit_log (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6) NOT NULL,
    actor        VARCHAR(200),
    host         VARCHAR(200),
    action       VARCHAR(60)   NOT NULL,
    target_type  VARCHAR(40)   NOT NULL,
    target_name  VARCHAR(400),
    run_id       BIGINT,
    outcome      VARCHAR(20)   NOT NULL,
    details      TEXT,
    INDEX ${softdelete_prefix}audit_log_target_ix (target_type, target_name, occurred_at)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS ${softdelete_prefix}deprecations (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    object_type       VARCHAR(20)   NOT NULL,
    table_name        VARCHAR(128)  NOT NULL,
    object_name       VARCHAR(128)  NOT NULL,
    deprecated_name   VARCHAR(128),
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
    UNIQUE (object_type, table_name, object_name)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS ${softdelete_prefix}deprecated_usage (
    element         VARCHAR(400)  NOT NULL,
    instance_id     VARCHAR(200)  NOT NULL,
    access_count    BIGINT        NOT NULL DEFAULT 0,
    first_access    DATETIME(6) NOT NULL,
    last_access     DATETIME(6) NOT NULL,
    statement_kind  VARCHAR(20),
    confidence      VARCHAR(20),
    sample_sql      VARCHAR(4000),
    caller          VARCHAR(1000),
    PRIMARY KEY (element, instance_id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS ${softdelete_prefix}cleanup_jobs (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_type         VARCHAR(20)   NOT NULL,
    table_name       VARCHAR(128)  NOT NULL,
    payload          TEXT,
    status           VARCHAR(20)   NOT NULL,
    priority         INTEGER       NOT NULL DEFAULT 0,
    run_id           BIGINT,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    max_attempts     INTEGER       NOT NULL DEFAULT 5,
    next_attempt_at  DATETIME(6) NOT NULL,
    lease_owner      VARCHAR(200),
    lease_until      DATETIME(6),
    heartbeat_at     DATETIME(6),
    rows_processed   BIGINT        NOT NULL DEFAULT 0,
    cursor_value     VARCHAR(1000),
    last_error       VARCHAR(4000),
    created_at       DATETIME(6) NOT NULL,
    started_at       DATETIME(6),
    finished_at      DATETIME(6),
    updated_at       DATETIME(6) NOT NULL,
    INDEX ${softdelete_prefix}cleanup_jobs_claim_ix (status, next_attempt_at)
) ENGINE=InnoDB;
