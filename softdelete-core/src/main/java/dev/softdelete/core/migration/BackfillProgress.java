package dev.softdelete.core.migration;

import java.time.Duration;

/**
 * How far a backfill is, as any instance reads it from the database.
 *
 * @param phase          the migration's phase
 * @param paused         whether the backfill is paused
 * @param pauseReason    why, or {@code null}
 * @param rowsDone       rows the backfill filled so far
 * @param estimatedRows  rows that needed it when it started ({@code 0} before it started)
 * @param batches        batches run, failed ones included
 * @param failedBatches  batches rolled back
 * @param slicesDone     key slices finished
 * @param slicesTotal    key slices in all
 * @param slicesFailed   key slices whose job failed or was cancelled
 * @param rowsPerSecond  average rate since the backfill started, or {@code 0} when unknown
 * @param eta            time left at that rate, or {@code null} when unknown or done
 * @param complete       whether every slice is done
 */
public record BackfillProgress(Phase phase, boolean paused, String pauseReason, long rowsDone, long estimatedRows,
        long batches, long failedBatches, int slicesDone, int slicesTotal, int slicesFailed, double rowsPerSecond,
        Duration eta, boolean complete) {

    /** Share of the estimated rows done, 0 to 1 (1 when complete). */
    public double fraction() {
        if (complete) {
            return 1;
        }
        return estimatedRows <= 0 ? 0 : Math.min(1, (double) rowsDone / estimatedRows);
    }
}
