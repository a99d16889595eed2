package dev.softdelete.core.registry;

import java.time.Instant;

/**
 * One row of the run registry ({@code migration_runs}), immutable.
 *
 * @param id              the run's id
 * @param kind            what kind of run it is
 * @param name            a short human-readable name, e.g. {@code soft delete products}
 * @param targetTable     the table it changes
 * @param ruleDescription its rules in words
 * @param spec            machine-readable definition (JSON) a resumed run is rebuilt from
 * @param mode            how it touches data
 * @param status          where it stands
 * @param parentRunId     the run it derives from (e.g. the run an undo reverts), or {@code null}
 * @param previewCount    rows counted when it was registered, or {@code null}
 * @param matchedCount    rows its batches looked at
 * @param affectedCount   rows it changed
 * @param skippedCount    rows it looked at but left alone
 * @param batchCount      batches it ran, failed ones included
 * @param failedBatches   batches rolled back
 * @param cursor          the last key processed, as text: where a resume continues; {@code null} before any batch
 * @param errorMessage    why it paused or failed (at most 4,000 characters), or {@code null}
 * @param verification    counts checked against the run's batch records (JSON), once completed; or {@code null}
 * @param operator        who started it, from the {@code ActorProvider}
 * @param host            the instance that registered it
 * @param leaseOwner      the worker holding its lease, or {@code null}
 * @param leaseUntil      when that lease expires, or {@code null}
 * @param heartbeatAt     the holder's last heartbeat, or {@code null}
 * @param createdAt       when it was registered
 * @param startedAt       when it first went RUNNING, or {@code null}
 * @param finishedAt      when it reached a terminal status, or {@code null}
 * @param updatedAt       when the row last changed
 * @param rowVersion      incremented on every change of the row
 */
public record RunRecord(
        long id,
        RunKind kind,
        String name,
        String targetTable,
        String ruleDescription,
        String spec,
        RunMode mode,
        RunStatus status,
        Long parentRunId,
        Long previewCount,
        long matchedCount,
        long affectedCount,
        long skippedCount,
        long batchCount,
        long failedBatches,
        String cursor,
        String errorMessage,
        String verification,
        String operator,
        String host,
        String leaseOwner,
        Instant leaseUntil,
        Instant heartbeatAt,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        int rowVersion) {

    /** Whether this run undoes another. */
    public boolean isUndo() {
        return kind == RunKind.UNDO;
    }

    /** Whether this is an applied soft-delete run (the only kind that can be resumed as such or undone). */
    public boolean isAppliedSoftDelete() {
        return kind == RunKind.SOFT_DELETE && mode == RunMode.APPLY;
    }
}
