package dev.softdelete.core.runs;

import dev.softdelete.core.time.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * How a preview, apply or undo proceeds. Immutable; every {@code withX} returns a copy.
 *
 * @param batchSize       rows per batch, each batch its own transaction (default 1,000)
 * @param rowsPerSecond   rate limit; 0 means unlimited (default)
 * @param maxRows         stop as PAUSED after this many rows in this call (a first small wave);
 *                        0 means no cap (default)
 * @param errorThreshold  pause the run when more than this fraction of its batches failed
 *                        (default 0.05); three failures in a row pause it too
 * @param tolerance       how far the live count may drift from the preview, as a fraction of
 *                        the preview count (default 0.05)
 * @param force           apply even when the live count drifted beyond the tolerance
 * @param sampleSize      ids a preview shows (default 10)
 * @param leaseDuration   how long a worker's claim on a run lasts without a heartbeat (default 5 minutes);
 *                        heartbeats happen with every batch
 * @param sleeper         how the rate limit waits
 * @param window          for a background run ({@code submit}): the daily window its workers may work in;
 *                        {@code null} (default): any time
 */
public record RunOptions(int batchSize, double rowsPerSecond, long maxRows, double errorThreshold, double tolerance,
        boolean force, int sampleSize, Duration leaseDuration, Sleeper sleeper, RunWindow window) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when {@code batchSize} is outside 1..30,000 or a number is negative
     */
    public RunOptions {
        if (batchSize < 1 || batchSize > 30_000) {
            throw new IllegalArgumentException("batchSize must be 1..30000, got " + batchSize);
        }
        if (rowsPerSecond < 0 || maxRows < 0 || errorThreshold < 0 || tolerance < 0 || sampleSize < 0) {
            throw new IllegalArgumentException("RunOptions values may not be negative");
        }
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Returns the defaults: 1,000 rows per batch, no rate limit, no row cap, 5% error threshold, 5% tolerance,
     * no force, 10 sample ids, a 5-minute lease, the system sleeper and no time window.
     */
    public static RunOptions defaults() {
        return new RunOptions(1_000, 0, 0, 0.05, 0.05, false, 10, Duration.ofMinutes(5), Sleeper.system(), null);
    }

    /** Returns a copy with {@code batchSize} rows per batch (1..30,000). */
    public RunOptions withBatchSize(int batchSize) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy limited to {@code rowsPerSecond} rows per second; 0 means unlimited. */
    public RunOptions withRowsPerSecond(double rowsPerSecond) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy that pauses the run after {@code maxRows} rows in one call; 0 means no cap. */
    public RunOptions withMaxRows(long maxRows) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy that pauses the run when more than this fraction of its batches failed. */
    public RunOptions withErrorThreshold(double errorThreshold) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy allowing the live count to drift this fraction of the preview count. */
    public RunOptions withTolerance(double tolerance) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy that applies even when the live count drifted beyond the tolerance. */
    public RunOptions withForce(boolean force) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy whose previews show {@code sampleSize} ids. */
    public RunOptions withSampleSize(int sampleSize) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy whose worker lease lasts {@code leaseDuration} without a heartbeat. */
    public RunOptions withLeaseDuration(Duration leaseDuration) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy that waits for the rate limit with {@code sleeper}. */
    public RunOptions withSleeper(Sleeper sleeper) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Returns a copy whose background run works only inside {@code window} ({@code null}: any time). */
    public RunOptions withWindow(RunWindow window) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window);
    }

    /** Batches needed for {@code rows} rows. */
    long batchesFor(long rows) {
        return (rows + batchSize - 1) / batchSize;
    }

    /** Time {@code rows} rows take at the rate limit; zero when unlimited. */
    Duration durationFor(long rows) {
        return rowsPerSecond == 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(rows * 1000.0 / rowsPerSecond));
    }
}
