package dev.softdelete.core.internal;

import java.time.Duration;

/**
 * An adaptive batch size (GitLab's batched background migrations), used by backfill slices and
 * soft-delete runs: after a batch that took less than 80% of the target duration the next one is
 * 10% larger, after one that took longer than the target it is 20% smaller, and after a failed
 * batch it is halved; always within {@code [min, max]}. Not thread-safe: one per slice or run being driven.
 */
public final class BatchSizer {

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
        long nanos = took.toNanos();
        if (nanos < targetNanos * 8 / 10) {
            size = clamp((int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(size * 1.1)));
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
