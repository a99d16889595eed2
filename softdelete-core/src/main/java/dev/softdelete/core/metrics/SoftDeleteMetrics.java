package dev.softdelete.core.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where the library reports metrics and observations. Every method is a no-op by default, so
 * {@link #noop()} costs nothing on hot paths and nothing needs null checks. Use
 * {@code MicrometerMetrics.of(meterRegistry)} to report through the host's registry; the library
 * never touches Micrometer's global registry. Names are listed in {@link MetricNames}.
 */
public interface SoftDeleteMetrics {

    /** Adds {@code amount} to a counter. */
    default void count(String name, long amount, MetricTags tags) {
    }

    /** Records a duration on a timer. */
    default void time(String name, Duration duration, MetricTags tags) {
    }

    /** Records a size or amount on a distribution summary. */
    default void summary(String name, double amount, MetricTags tags) {
    }

    /** Registers a gauge that samples {@code value} (held strongly until {@link #close()}). */
    default void gauge(String name, MetricTags tags, Supplier<? extends Number> value) {
    }

    /** Runs {@code work} inside an observation (a span when tracing is bridged); returns its result. */
    default <T> T observe(String name, MetricTags tags, Supplier<T> work) {
        return work.get();
    }

    /** Starts timing a long task (a backfill, a run); stop the returned handle when it ends. */
    default LongTask longTask(String name, MetricTags tags) {
        return LongTask.NOOP;
    }

    /** Removes the meters this instance registered. */
    default void close() {
    }

    /** Metrics that go nowhere: the default. */
    static SoftDeleteMetrics noop() {
        return NoopMetrics.INSTANCE;
    }

    /** A running long task. */
    interface LongTask extends AutoCloseable {
        /** A handle whose {@link #close()} does nothing. */
        LongTask NOOP = () -> { };

        /** Stops the task timer. */
        @Override
        void close();
    }
}
