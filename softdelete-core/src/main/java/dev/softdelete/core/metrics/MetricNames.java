package dev.softdelete.core.metrics;

/** Every meter name the library reports: lowercase, dot-separated, under {@code softdelete.}. */
public final class MetricNames {

    /** Counter: soft delete / restore / purge operations (tags: entity, operation, outcome). */
    public static final String OPERATIONS = "softdelete.operations";
    /** Timer: duration of those operations. */
    public static final String OPERATIONS_DURATION = "softdelete.operations.duration";
    /**
     * Counter: run executions finished (tags: kind, outcome = {@code completed}, {@code paused} for a
     * deliberate stop such as a wave cap, {@code failed} when failed batches stopped the run).
     */
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
    /**
     * Observation around one explicit soft-delete operation of the Hibernate API (restore,
     * softDelete by id, hardDelete, purge); low-cardinality keys: entity, operation.
     */
    public static final String OBSERVATION_OPERATION = "softdelete.operation";
    /** Observation around one foreground run execution (apply, resume or undo); key: kind. */
    public static final String OBSERVATION_RUN = "softdelete.run";
    /** Observation around one batch of a run (its transaction); key: kind. */
    public static final String OBSERVATION_RUN_BATCH = "softdelete.run.batch";
    /** Long task timer: runs executing now in this instance (tag: kind). */
    public static final String RUNS_ACTIVE = "softdelete.runs.active";
    /** Observation around one direct purge or archive ({@code purge().apply}); key: action. */
    public static final String OBSERVATION_PURGE = "softdelete.purge";
    /** Observation around one execution of a cleanup job (purge, archive, backfill...); key: type. */
    public static final String OBSERVATION_CLEANUP_JOB = "softdelete.cleanup.job";
    /** Observation around one deprecation apply or rollback; low-cardinality key: operation. */
    public static final String OBSERVATION_DEPRECATION = "softdelete.deprecation";
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

    /**
     * Gauge: rows of a soft-deletable table at its latest setup check (tags: table, state =
     * {@code active} | {@code deleted}); NaN before the first check.
     */
    public static final String TABLE_ROWS = "softdelete.table.rows";
    /** Gauge: bytes a soft-deletable table takes on disk at its latest setup check, where the database tells (tag: table). */
    public static final String TABLE_SIZE = "softdelete.table.size.bytes";

    private static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry(OPERATIONS, "Rows soft-deleted, restored, purged or hard-deleted through the Hibernate"
                    + " integration, counted when their transaction ends"),
            java.util.Map.entry(OPERATIONS_DURATION, "Time of one soft-delete operation (remove(), restore, purge)"),
            java.util.Map.entry(RUNS, "Runs finished, by kind and outcome"),
            java.util.Map.entry(RUNS_ROWS, "Rows changed by runs"),
            java.util.Map.entry(RUNS_BATCH_DURATION, "Time of one batch of a run, commit included"),
            java.util.Map.entry(RUNS_BATCH_RETRIES, "Run batches rolled back and retried after a lock timeout or a lost"
                    + " connection"),
            java.util.Map.entry(CLEANUP_JOBS, "Cleanup (purge / archive) jobs finished, by type and outcome"),
            java.util.Map.entry(CLEANUP_RETRIES, "Cleanup jobs resumed in place after a lock timeout or a lost connection"),
            java.util.Map.entry(CLEANUP_ROWS, "Rows purged or archived by cleanup jobs"),
            java.util.Map.entry(CLEANUP_QUEUE_LENGTH, "Cleanup jobs waiting to run (queued, retries not yet due)"),
            java.util.Map.entry(CLEANUP_JOB_DURATION, "Time of one cleanup job"),
            java.util.Map.entry(OBSERVATION_OPERATION, "One explicit soft-delete operation of the Hibernate API"
                    + " (restore, softDelete by id, hardDelete, purge)"),
            java.util.Map.entry(OBSERVATION_RUN, "One foreground run execution (apply, resume or undo)"),
            java.util.Map.entry(OBSERVATION_RUN_BATCH, "One batch of a run, its transaction"),
            java.util.Map.entry(RUNS_ACTIVE, "Runs executing now in this instance"),
            java.util.Map.entry(OBSERVATION_PURGE, "One purge or archive called directly"),
            java.util.Map.entry(OBSERVATION_CLEANUP_JOB, "One execution of a cleanup job by a worker"),
            java.util.Map.entry(OBSERVATION_DEPRECATION, "One deprecation apply or rollback, backups and checks"
                    + " included"),
            java.util.Map.entry(DEPRECATION_OPERATIONS, "Deprecation applies and rollbacks, by operation and outcome"),
            java.util.Map.entry(DEPRECATION_DURATION, "Time of one deprecation apply or rollback, backups and checks"
                    + " included"),
            java.util.Map.entry(DEPRECATION_ELEMENTS, "Elements renamed by deprecations or renamed back"),
            java.util.Map.entry(DEPRECATION_STATUS, "Deprecation registry rows per state, at the last status()"),
            java.util.Map.entry(DEPRECATION_ACCESSES_AFTER, "Accesses recorded after deprecation over every applied"
                    + " element, at the last status()"),
            java.util.Map.entry(TABLE_ROWS, "Rows of a soft-deletable table, active or deleted, at its latest setup"
                    + " check"),
            java.util.Map.entry(TABLE_SIZE, "Bytes a soft-deletable table takes on disk at its latest setup check"),
            java.util.Map.entry(DEPRECATED_ACCESS, "Statements touching a deprecated (watched) table or column, seen by"
                    + " the JDBC proxy"),
            java.util.Map.entry("softdelete.proxy.strict.refused", "Statements refused by the JDBC proxy's strict mode"),
            java.util.Map.entry("softdelete.proxy.evidence.dropped", "Statements executed without analysis because the"
                    + " proxy's analysis buffer was full"),
            java.util.Map.entry("softdelete.proxy.analysis.pending", "Statements waiting for analysis in the JDBC proxy"),
            java.util.Map.entry("softdelete.proxy.cache.hits", "Proxy analysis cache lookups that found the statement"),
            java.util.Map.entry("softdelete.proxy.cache.misses", "Proxy analysis cache lookups that did not"),
            java.util.Map.entry("softdelete.proxy.cache.evictions", "Proxy analysis cache entries evicted to stay in"
                    + " its byte budget"),
            java.util.Map.entry("softdelete.proxy.cache.bytes", "Estimated heap held by the proxy's analysis cache"));

    private MetricNames() {
    }

    /**
     * What a meter of the library measures (its Micrometer description), or null for a name the
     * library does not report.
     */
    public static String description(String name) {
        return DESCRIPTIONS.get(name);
    }
}
