package dev.softdelete.hibernate.internal.operation;

import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import java.time.Duration;

/**
 * Reports soft-delete operations: the {@code softdelete.operations} counter (tags entity,
 * operation, outcome; incremented by the number of rows) and the
 * {@code softdelete.operations.duration} timer.
 */
public final class OperationMetrics {

    public static final String DELETE = "delete";
    public static final String RESTORE = "restore";
    public static final String PURGE = "purge";
    public static final String HARD_DELETE = "hard_delete";

    private final SoftDeleteMetrics metrics;
    private final java.util.Map<String, MetricTags> successTags = new java.util.concurrent.ConcurrentHashMap<>();

    public OperationMetrics(SoftDeleteMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts {@code rows} successful rows. */
    public void success(String entity, String operation, long rows) {
        MetricTags tags = successTags.computeIfAbsent(entity + '|' + operation, k -> tags(entity, operation, "success"));
        metrics.count(MetricNames.OPERATIONS, rows, tags);
    }

    /** Counts {@code rows} with an outcome. */
    public void count(String entity, String operation, String outcome, long rows) {
        metrics.count(MetricNames.OPERATIONS, rows, tags(entity, operation, outcome));
    }

    /** Records the duration of one operation with its outcome. */
    public void time(String entity, String operation, String outcome, Duration duration) {
        metrics.time(MetricNames.OPERATIONS_DURATION, duration, tags(entity, operation, outcome));
    }

    /** Counts one operation with its outcome and records its duration. */
    public void finished(String entity, String operation, String outcome, long rows, Duration duration) {
        MetricTags tags = tags(entity, operation, outcome);
        metrics.count(MetricNames.OPERATIONS, Math.max(rows, 1), tags);
        metrics.time(MetricNames.OPERATIONS_DURATION, duration, tags);
    }

    private static MetricTags tags(String entity, String operation, String outcome) {
        return MetricTags.of("entity", entity, "operation", operation, "outcome", outcome);
    }
}
