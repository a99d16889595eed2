package dev.softdelete.core.metrics;

/** Every meter name the library reports: lowercase, dot-separated, under {@code softdelete.}. */
public final class MetricNames {

    /** Counter: soft delete / restore / purge operations (tags: entity, operation, outcome). */
    public static final String OPERATIONS = "softdelete.operations";
    /** Timer: duration of those operations. */
    public static final String OPERATIONS_DURATION = "softdelete.operations.duration";
    /** Counter: runs finished (tags: kind, outcome). */
    public static final String RUNS = "softdelete.runs";
    /** Counter: rows changed by runs (tags: kind, table). */
    public static final String RUNS_ROWS = "softdelete.runs.rows";
    /** Timer: one batch of a run. */
    public static final String RUNS_BATCH_DURATION = "softdelete.runs.batch.duration";
    /**
     * Counter: run batches retried after a transient failure instead of counting as failed
     * (tags: kind, table, reason = {@code lock_timeout} | {@code connection}).
     */
    public static final String RUNS_BATCH_RETRIES = "softdelete.runs.batch.retries";
    /** Counter: cleanup jobs (tags: type, outcome). */
    public static final String CLEANUP_JOBS = "softdelete.cleanup.jobs";
    /**
     * Counter: cleanup jobs resumed in place after a transient failure instead of spending an
     * attempt (tags: type, reason = {@code lock_timeout} | {@code connection}).
     */
    public static final String CLEANUP_RETRIES = "softdelete.cleanup.retries";
    /** Counter: rows purged or archived. */
    public static final String CLEANUP_ROWS = "softdelete.cleanup.rows";
    /** Gauge: cleanup jobs waiting. */
    public static final String CLEANUP_QUEUE_LENGTH = "softdelete.cleanup.queue.length";
    /** Timer: one cleanup job. */
    public static final String CLEANUP_JOB_DURATION = "softdelete.cleanup.job.duration";
    /** Counter: statements touching a deprecated element (tag: element). */
    public static final String DEPRECATED_ACCESS = "softdelete.deprecated.access";

    /**
     * Gauge: rows of a soft-deletable table at its latest setup check (tags: table, state =
     * {@code active} | {@code deleted}); NaN before the first check.
     */
    public static final String TABLE_ROWS = "softdelete.table.rows";
    /** Gauge: bytes a soft-deletable table takes on disk at its latest setup check, where the database tells (tag: table). */
    public static final String TABLE_SIZE = "softdelete.table.size.bytes";

    private MetricNames() {
    }
}
