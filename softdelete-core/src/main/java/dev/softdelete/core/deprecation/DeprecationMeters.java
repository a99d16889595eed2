package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.SchemaObjectType;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The {@code softdelete.deprecation.*} meters: operations and their durations, elements renamed
 * and rolled back, and gauges of the last {@code status()}: elements per state and accesses after
 * deprecation.
 */
final class DeprecationMeters {

    private final SoftDeleteMetrics metrics;
    private final Map<DeprecationState, AtomicLong> byState = new ConcurrentHashMap<>();
    private final AtomicLong accessesAfter = new AtomicLong();

    DeprecationMeters(SoftDeleteMetrics metrics) {
        this.metrics = metrics;
        for (DeprecationState state : DeprecationState.values()) {
            AtomicLong value = new AtomicLong();
            byState.put(state, value);
            metrics.gauge(MetricNames.DEPRECATION_STATUS, MetricTags.of("state", state.name().toLowerCase(Locale.ROOT)),
                    value::get);
        }
        metrics.gauge(MetricNames.DEPRECATION_ACCESSES_AFTER, MetricTags.empty(), accessesAfter::get);
    }

    <T> T time(String operation, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return metrics.observe(MetricNames.OBSERVATION_DEPRECATION, MetricTags.of("operation", operation), work);
        } finally {
            metrics.time(MetricNames.DEPRECATION_DURATION, Duration.ofNanos(System.nanoTime() - start),
                    MetricTags.of("operation", operation));
        }
    }

    void operation(String operation, String outcome) {
        metrics.count(MetricNames.DEPRECATION_OPERATIONS, 1, MetricTags.of("operation", operation, "outcome", outcome));
    }

    void element(SchemaObjectType type, String change) {
        metrics.count(MetricNames.DEPRECATION_ELEMENTS, 1, MetricTags.of("type", type.name().toLowerCase(Locale.ROOT),
                "change", change));
    }

    void snapshot(DeprecationStatus status) {
        status.countByState().forEach((state, count) -> byState.get(state).set(count));
        accessesAfter.set(status.accessesAfterDeprecation());
    }
}
