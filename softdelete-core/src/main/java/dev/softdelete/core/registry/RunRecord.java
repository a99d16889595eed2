package dev.softdelete.core.registry;

import java.time.Instant;

/** One row of the run registry ({@code migration_runs}), immutable. */
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
