package dev.softdelete.core.internal;

import java.time.Duration;

/**
 * An adaptive batch size (GitLab's batched background migrations), used by backfill slices and
 * soft-delete runs. After a batch that took less than 80% of the target duration the next one is
 * sized for 90% of the target in proportion to the last one's duration (so at least 12.5% larger),
 * at most twice as large; after one that took longer than the target it is 20% smaller; after a
 * failed batch it is halved; always within {@code [min, max]}. Growing by 10% alone took 43
 * batches from 1,000 rows to 60,000, and an undo restores one apply batch per statement. Not
 * thread-safe: one per slice or run being driven.
 */
public final class BatchSizer {

    /** The share of the target duration a grown batch is sized for. */
    private static final double AIM = 0.9;
    /** The most a batch grows in one step: a small batch's duration is mostly fixed costs. */
    private static final double MAX_GROWTH = 2.0;

    private final int min;
    private final int max;
    private final long targetNanos;
    private int size;

    /** Starts at {@code initial} (clamped to {@code [min, max]}), aiming at {@code target} per batch. */
    public BatchSizer(int initial, int min, int max, Duration target) {
        this.min = min;
        this.max = max;
        this.targetNanos = target.toNanos();
        this.size = clamp(initial);
    }

    /** Rows in the next batch. */
    public int size() {
        return size;
    }

    /** Adapts to how long the last (successful) batch took. */
    public void record(Duration took) {
        long nanos = Math.max(1, took.toNanos());
        if (nanos < targetNanos * 8 / 10) {
            double factor = Math.min(MAX_GROWTH, targetNanos * AIM / nanos);
            size = clamp((int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(size * factor)));
        } else if (nanos > targetNanos) {
            size = clamp((int) Math.floor(size * 0.8));
        }
    }

    /** A batch failed: halve. */
    public void failed() {
        size = clamp(size / 2);
    }

    private int clamp(int value) {
        return Math.max(min, Math.min(max, value));
    }
}
