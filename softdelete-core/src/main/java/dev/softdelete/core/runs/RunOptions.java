package dev.softdelete.core.runs;

import dev.softdelete.core.internal.BatchSizer;
import dev.softdelete.core.time.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * How a preview, apply or undo proceeds. Immutable; every {@code withX} returns a copy.
 *
 * @param batchSize       rows per batch, each batch its own transaction: the first batch's size
 *                        when the size adapts (default 1,000), every batch's when it is fixed. A
 *                        batch changes at most this many rows: on PostgreSQL it is this many keys
 *                        (a key range) and changes the candidates among them
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
 * @param targetBatchDuration how long a batch should take: the batch size starts at {@code batchSize}
 *                        and adapts (GitLab's batched background migrations: after a batch faster
 *                        than 80% of the target, sized in proportion for 90% of it, at most twice
 *                        as large; 20% smaller after a slower one, halved after a failure; within
 *                        100..60,000 rows). Default 500 ms, which
 *                        also bounds how long a batch holds its rows' locks; {@code null}: every
 *                        batch has exactly {@code batchSize} rows
 * @param markerScan      whether completing a run also counts, in one scan of the target table, the
 *                        rows carrying the run's marker ({@code rowsCarryingRunMarker} in the
 *                        verification); off by default: the batch records are written by the same
 *                        statement that changes the rows, and on a large table the scan costs
 *                        about a tenth of the run
 */
public record RunOptions(int batchSize, double rowsPerSecond, long maxRows, double errorThreshold, double tolerance,
        boolean force, int sampleSize, Duration leaseDuration, Sleeper sleeper, RunWindow window,
        Duration targetBatchDuration, boolean markerScan) {

    /** The smallest batch an adaptive size shrinks to (or the first size, when smaller). */
    static final int MIN_ADAPTIVE_BATCH = 100;
    /** The largest batch: an adaptive size grows to it at most. */
    static final int MAX_BATCH = 60_000;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when {@code batchSize} is outside 1..60,000 or a number is negative
     */
    public RunOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1..60000, got " + batchSize);
        }
        if (rowsPerSecond < 0 || maxRows < 0 || errorThreshold < 0 || tolerance < 0 || sampleSize < 0) {
            throw new IllegalArgumentException("RunOptions values may not be negative");
        }
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(sleeper, "sleeper");
        if (targetBatchDuration != null && (targetBatchDuration.isNegative() || targetBatchDuration.isZero())) {
            throw new IllegalArgumentException("targetBatchDuration must be positive, got " + targetBatchDuration);
        }
    }

    /**
     * Returns the defaults: batches starting at 1,000 rows and adapting to take about 500 ms each, no
     * rate limit, no row cap, 5% error threshold, 5% tolerance, no force, 10 sample ids, a 5-minute
     * lease, the system sleeper, no time window and no marker scan at completion.
     */
    public static RunOptions defaults() {
        return new RunOptions(1_000, 0, 0, 0.05, 0.05, false, 10, Duration.ofMinutes(5), Sleeper.system(), null,
                Duration.ofMillis(500), false);
    }

    /**
     * Returns a copy with exactly {@code batchSize} rows per batch (1..60,000): the size no longer
     * adapts. {@link #withTargetBatchDuration} makes it adapt again, starting from this size.
     */
    public RunOptions withBatchSize(int batchSize) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, null, markerScan);
    }

    /**
     * Returns a copy whose batch size starts at {@link #batchSize()} and adapts so that a batch
     * takes about {@code target}; {@code null}: a fixed size.
     */
    public RunOptions withTargetBatchDuration(Duration target) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, target, markerScan);
    }

    /** Whether the batch size adapts to {@link #targetBatchDuration()}. */
    public boolean adaptiveBatchSize() {
        return targetBatchDuration != null;
    }

    /** The batch size of one run being driven (one call, or one worker's range): fixed or adaptive. */
    BatchSizer sizer() {
        return targetBatchDuration == null ? new BatchSizer(batchSize, batchSize, batchSize, Duration.ofDays(1))
                : new BatchSizer(batchSize, Math.min(batchSize, MIN_ADAPTIVE_BATCH), MAX_BATCH, targetBatchDuration);
    }

    /** Returns a copy limited to {@code rowsPerSecond} rows per second; 0 means unlimited. */
    public RunOptions withRowsPerSecond(double rowsPerSecond) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy that pauses the run after {@code maxRows} rows in one call; 0 means no cap. */
    public RunOptions withMaxRows(long maxRows) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy that pauses the run when more than this fraction of its batches failed. */
    public RunOptions withErrorThreshold(double errorThreshold) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy allowing the live count to drift this fraction of the preview count. */
    public RunOptions withTolerance(double tolerance) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy that applies even when the live count drifted beyond the tolerance. */
    public RunOptions withForce(boolean force) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy whose previews show {@code sampleSize} ids. */
    public RunOptions withSampleSize(int sampleSize) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy whose worker lease lasts {@code leaseDuration} without a heartbeat. */
    public RunOptions withLeaseDuration(Duration leaseDuration) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy that waits for the rate limit with {@code sleeper}. */
    public RunOptions withSleeper(Sleeper sleeper) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Returns a copy whose background run works only inside {@code window} ({@code null}: any time). */
    public RunOptions withWindow(RunWindow window) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /**
     * Returns a copy whose completion also counts the rows carrying the run's marker in one scan of
     * the target table (after apply: {@code rowsCarryingRunMarker}, which must not exceed the rows
     * recorded; after undo: {@code rowsStillCarryingRunMarker}).
     */
    public RunOptions withMarkerScan(boolean markerScan) {
        return new RunOptions(batchSize, rowsPerSecond, maxRows, errorThreshold, tolerance, force, sampleSize,
                leaseDuration, sleeper, window, targetBatchDuration, markerScan);
    }

    /** Batches needed for {@code rows} rows at {@link #batchSize()} (the first size, when it adapts). */
    long batchesFor(long rows) {
        return (rows + batchSize - 1) / batchSize;
    }

    /** Time {@code rows} rows take at the rate limit; zero when unlimited. */
    Duration durationFor(long rows) {
        return rowsPerSecond == 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(rows * 1000.0 / rowsPerSecond));
    }
}
