package dev.softdelete.core.migration;

import java.time.Duration;

/**
 * The adaptive batch size of one backfill slice (GitLab's batched background migrations): after a
 * batch that took less than 80% of the target duration the next one is 10% larger, after one that
 * took longer than the target it is 20% smaller, and after a failed batch it is halved; always
 * within {@code [min, max]}. Not thread-safe: one per slice being run.
 */
final class BatchSizer {

    private final int min;
    private final int max;
    private final long targetNanos;
    private int size;

    BatchSizer(int initial, int min, int max, Duration target) {
        this.min = min;
        this.max = max;
        this.targetNanos = target.toNanos();
        this.size = clamp(initial);
    }

    static BatchSizer of(BackfillOptions options) {
        return new BatchSizer(options.batchSize(), options.minBatchSize(), options.maxBatchSize(),
                options.targetBatchDuration());
    }

    /** Rows in the next batch. */
    int size() {
        return size;
    }

    /** Adapts to how long the last (successful) batch took. */
    void record(Duration took) {
        long nanos = took.toNanos();
        if (nanos < targetNanos * 8 / 10) {
            size = clamp((int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(size * 1.1)));
        } else if (nanos > targetNanos) {
            size = clamp((int) Math.floor(size * 0.8));
        }
    }

    /** A batch failed: halve. */
    void failed() {
        size = clamp(size / 2);
    }

    private int clamp(int value) {
        return Math.max(min, Math.min(max, value));
    }
}
