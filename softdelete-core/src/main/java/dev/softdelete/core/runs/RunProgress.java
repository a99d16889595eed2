package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Json;
import dev.softdelete.core.registry.RunStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a background run stands, read from the database (its ranges and registry row), so any
 * instance sees the same: {@link Runs#progress(long)}.
 *
 * @param runId         the run
 * @param status        its status
 * @param ranges        key ranges it is split into
 * @param pendingRanges ranges no worker holds yet (or given back)
 * @param runningRanges ranges a worker holds now
 * @param doneRanges    ranges applied to their end
 * @param failedRanges  ranges that failed their last attempt (the run paused)
 * @param batches       batches committed
 * @param rowsChanged   rows of its own table soft-deleted so far
 * @param rowsExpected  rows counted when the run was submitted
 * @param rowsPerSecond rows soft-deleted per second since the run started (0 before the first batch)
 * @param eta           time left at that rate, or {@code null} when unknown (no rate yet, or not running)
 * @param startedAt     when the run went RUNNING, or {@code null}
 */
public record RunProgress(long runId, RunStatus status, long ranges, long pendingRanges, long runningRanges,
        long doneRanges, long failedRanges, long batches, long rowsChanged, long rowsExpected, double rowsPerSecond,
        Duration eta, Instant startedAt) {

    /** The fraction of the expected rows changed, 0..1 (1 once completed). */
    public double fraction() {
        if (status == RunStatus.COMPLETED) {
            return 1;
        }
        return rowsExpected <= 0 ? 0 : Math.min(1, (double) rowsChanged / rowsExpected);
    }

    /** The progress as a JSON object. */
    public String toJson() {
        return Json.write(Json.obj("runId", runId, "status", status, "ranges", ranges, "pendingRanges", pendingRanges,
                "runningRanges", runningRanges, "doneRanges", doneRanges, "failedRanges", failedRanges,
                "batches", batches, "rowsChanged", rowsChanged, "rowsExpected", rowsExpected,
                "rowsPerSecond", Math.round(rowsPerSecond), "eta", eta, "startedAt", startedAt));
    }
}
