package dev.softdelete.core.migration;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import java.time.Duration;

/**
 * How a backfill runs. Defaults: 4 key slices, batches start at 1,000 rows and adapt between 100
 * and 50,000 rows towards a target batch duration of 500 ms (after a batch that took less than 80%
 * of it, grow in proportion towards 90% of it, at most twice; shrink 20% when it took longer), no
 * rows-per-second limit, a batch tried 3 times, and the migration paused when more than 5% of at
 * least 20 batches failed or a batch failed all its attempts. A paused backfill's jobs are looked
 * at again every 30 s.
 *
 * <pre>{@code
 * BackfillOptions.defaults().withSlices(8).withRowsPerSecond(20_000)
 * }</pre>
 *
 * @param slices              key ranges the table is split into, one queue job each (workers share them)
 * @param batchSize           rows in the first batch of each slice
 * @param minBatchSize        the smallest batch the adaptive size goes down to
 * @param maxBatchSize        the largest batch it goes up to
 * @param targetBatchDuration what the adaptive size aims at
 * @param rowsPerSecond       rows per second per worker; 0 = unlimited
 * @param maxBatchAttempts    tries of one batch before the migration is paused
 * @param failureRate         failed share of batches above which the migration is paused
 * @param minimumBatches      batches counted before the failure rate may pause the migration
 * @param pausedRecheck       how long the job of a paused backfill waits before a worker looks at it again
 */
public record BackfillOptions(int slices, int batchSize, int minBatchSize, int maxBatchSize,
        Duration targetBatchDuration, double rowsPerSecond, int maxBatchAttempts, double failureRate,
        int minimumBatches, Duration pausedRecheck) {

    private static final String KIND = "backfill-options";

    /** Checks the values. */
    public BackfillOptions {
        if (slices < 1 || slices > 10_000) {
            throw new IllegalArgumentException("slices must be 1 to 10,000, got " + slices);
        }
        if (minBatchSize < 1 || maxBatchSize < minBatchSize || batchSize < minBatchSize || batchSize > maxBatchSize) {
            throw new IllegalArgumentException("Need 1 <= minBatchSize <= batchSize <= maxBatchSize, got " + minBatchSize
                    + " <= " + batchSize + " <= " + maxBatchSize);
        }
        if (targetBatchDuration.isNegative() || targetBatchDuration.isZero() || pausedRecheck.isNegative()) {
            throw new IllegalArgumentException("Durations must be positive");
        }
        if (maxBatchAttempts < 1 || rowsPerSecond < 0 || failureRate < 0 || failureRate > 1 || minimumBatches < 0) {
            throw new IllegalArgumentException("Invalid backfill options " + this);
        }
    }

    /** The defaults listed above. */
    public static BackfillOptions defaults() {
        return new BackfillOptions(4, 1_000, 100, 50_000, Duration.ofMillis(500), 0, 3, 0.05, 20,
                Duration.ofSeconds(30));
    }

    /** Key slices, one queue job each. */
    public BackfillOptions withSlices(int slices) {
        return new BackfillOptions(slices, batchSize, minBatchSize, maxBatchSize, targetBatchDuration, rowsPerSecond,
                maxBatchAttempts, failureRate, minimumBatches, pausedRecheck);
    }

    /** First batch size and the bounds the adaptive size stays within. */
    public BackfillOptions withBatchSize(int batchSize, int minBatchSize, int maxBatchSize) {
        return new BackfillOptions(slices, batchSize, minBatchSize, maxBatchSize, targetBatchDuration, rowsPerSecond,
                maxBatchAttempts, failureRate, minimumBatches, pausedRecheck);
    }

    /** A fixed batch size (no adaptation). */
    public BackfillOptions withFixedBatchSize(int batchSize) {
        return withBatchSize(batchSize, batchSize, batchSize);
    }

    /** The batch duration the adaptive size aims at. */
    public BackfillOptions withTargetBatchDuration(Duration targetBatchDuration) {
        return new BackfillOptions(slices, batchSize, minBatchSize, maxBatchSize, targetBatchDuration, rowsPerSecond,
                maxBatchAttempts, failureRate, minimumBatches, pausedRecheck);
    }

    /** Rows per second per worker; 0 = unlimited. */
    public BackfillOptions withRowsPerSecond(double rowsPerSecond) {
        return new BackfillOptions(slices, batchSize, minBatchSize, maxBatchSize, targetBatchDuration, rowsPerSecond,
                maxBatchAttempts, failureRate, minimumBatches, pausedRecheck);
    }

    /** Tries per batch, and the failed share of at least {@code minimumBatches} batches, past which the migration pauses. */
    public BackfillOptions withFailureThreshold(int maxBatchAttempts, double failureRate, int minimumBatches) {
        return new BackfillOptions(slices, batchSize, minBatchSize, maxBatchSize, targetBatchDuration, rowsPerSecond,
                maxBatchAttempts, failureRate, minimumBatches, pausedRecheck);
    }

    /** How long the job of a paused backfill waits before a worker looks at it again. */
    public BackfillOptions withPausedRecheck(Duration pausedRecheck) {
        return new BackfillOptions(slices, batchSize, minBatchSize, maxBatchSize, targetBatchDuration, rowsPerSecond,
                maxBatchAttempts, failureRate, minimumBatches, pausedRecheck);
    }

    String encode() {
        return Document.write(KIND, 1, Json.obj("slices", slices, "batchSize", batchSize, "minBatchSize", minBatchSize,
                "maxBatchSize", maxBatchSize, "targetBatchDuration", targetBatchDuration, "rowsPerSecond",
                java.math.BigDecimal.valueOf(rowsPerSecond), "maxBatchAttempts", maxBatchAttempts, "failureRate",
                java.math.BigDecimal.valueOf(failureRate), "minimumBatches", minimumBatches, "pausedRecheck",
                pausedRecheck));
    }

    static BackfillOptions decode(String text) {
        Document d = Document.read(text, KIND, 1);
        return new BackfillOptions(Math.toIntExact(d.number("slices")), Math.toIntExact(d.number("batchSize")),
                Math.toIntExact(d.number("minBatchSize")), Math.toIntExact(d.number("maxBatchSize")),
                d.duration("targetBatchDuration"), d.decimal("rowsPerSecond").doubleValue(),
                Math.toIntExact(d.number("maxBatchAttempts")), d.decimal("failureRate").doubleValue(),
                Math.toIntExact(d.number("minimumBatches")), d.duration("pausedRecheck"));
    }
}
