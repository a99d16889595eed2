package dev.softdelete.core.schema;

/** The tables the library owns. Their SQL names are the table prefix followed by {@link #suffix()}. */
public enum LibraryTable {
    /** Which schema script versions the initializer applied. */
    SCHEMA_VERSION("schema_version"),
    /** The run registry: one row per preview, apply, undo, purge or backfill run. */
    RUNS("migration_runs"),
    /** One row per changed row of runs applied before schema V5; no longer written, kept for history. */
    RUN_ITEMS("run_items"),
    /** Per batch and table, the exact keys a run changed (and the marker it wrote), so that undo reverses exactly those. */
    RUN_BATCHES("run_batches"),
    /** The key ranges of background runs, claimed by workers on any instance. */
    RUN_RANGES("run_ranges"),
    /** Who did what to which object, and how it ended. */
    AUDIT_LOG("audit_log"),
    /** Tables, columns and indexes deprecated (renamed) instead of dropped. */
    DEPRECATIONS("deprecations"),
    /** Evidence of access to deprecated elements, per element and application instance. */
    DEPRECATED_USAGE("deprecated_usage"),
    /** The cleanup (purge / archive) job queue. */
    CLEANUP_JOBS("cleanup_jobs"),
    /** The last tick of each named schedule that some instance enqueued. */
    SCHEDULE_TICKS("schedule_ticks"),
    /** Zero-downtime field migrations: one row per migration, its phase and backfill settings. */
    FIELD_MIGRATIONS("field_migrations"),
    /** Which field each application instance reads during a field migration. */
    FIELD_MIGRATION_READERS("field_migration_readers");

    private final String suffix;

    LibraryTable(String suffix) {
        this.suffix = suffix;
    }

    /** Returns the part of the SQL name after the prefix, e.g. {@code migration_runs}. */
    public String suffix() {
        return suffix;
    }
}
