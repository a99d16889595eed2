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

    /** Counter: deprecation applies and rollbacks (tags: operation = apply | rollback, outcome = success | failure). */
    public static final String DEPRECATION_OPERATIONS = "softdelete.deprecation.operations";
    /** Timer: one deprecation apply or rollback, backups and checks included (tag: operation). */
    public static final String DEPRECATION_DURATION = "softdelete.deprecation.duration";
    /** Counter: elements renamed or renamed back (tags: type, change = applied | rolled_back). */
    public static final String DEPRECATION_ELEMENTS = "softdelete.deprecation.elements";
    /** Gauge: deprecation registry rows per state at the last {@code deprecations().status()} (tag: state). */
    public static final String DEPRECATION_STATUS = "softdelete.deprecation.status";
    /** Gauge: accesses recorded after deprecation over every applied element, at the last {@code status()}. */
    public static final String DEPRECATION_ACCESSES_AFTER = "softdelete.deprecation.accesses.after";

    private MetricNames() {
    }
}
