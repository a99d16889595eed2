package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Json;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunKind;
import dev.softdelete.core.registry.RunStatus;
/**
 * Where a run stands after {@link Runs#apply}, {@link Runs#resume} or {@link Runs#undo} returned.
 *
 * @param runId        the run (for an undo: the undo run; {@code parentRunId} is the undone run)
 * @param kind         what kind of run it is
 * @param parentRunId  the run this one undoes, or {@code null}
 * @param status       COMPLETED, PAUSED (wave cap reached or error threshold hit: see {@code message}), ...
 * @param affected     rows changed by the run so far, over all its workers
 * @param skipped      rows the run left alone (for an undo: rows changed by someone else since)
 * @param batches      batches committed so far
 * @param failedBatches batches rolled back so far
 * @param cursor       the last key processed, as text: where a resume continues; {@code null} before any batch
 * @param message      why the run paused or failed, or {@code null}
 * @param verification counts checked against the run's batch records (JSON), once the run completed
 */
public record RunReport(long runId, RunKind kind, Long parentRunId, RunStatus status, long affected, long skipped,
        long batches, long failedBatches, String cursor, String message, String verification) {

    static RunReport of(RunRecord r) {
        return new RunReport(r.id(), r.kind(), r.parentRunId(), r.status(), r.affectedCount(), r.skippedCount(),
                r.batchCount(), r.failedBatches(), r.cursor(), r.errorMessage(), r.verification());
    }

    /** Returns the report as a JSON object; {@code verification} is embedded as JSON, not as a string. */
    public String toJson() {
        return Json.write(Json.obj("runId", runId, "kind", kind, "parentRunId", parentRunId, "status", status,
                "affected", affected, "skipped", skipped, "batches", batches, "failedBatches", failedBatches,
                "cursor", cursor, "message", message, "verification",
                verification == null ? null : Json.read(verification)));
    }
}
