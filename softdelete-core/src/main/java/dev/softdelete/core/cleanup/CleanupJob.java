package dev.softdelete.core.cleanup;

import java.time.Instant;

/** One row of the job queue ({@code {prefix}cleanup_jobs}), immutable. */
public record CleanupJob(long id, JobType type, String table, JobPayload payload, JobStatus status, int priority,
        Long runId, int attempts, int maxAttempts, Instant nextAttemptAt, String leaseOwner, Instant leaseUntil,
        Instant heartbeatAt, long rowsProcessed, String cursor, String lastError, Instant createdAt,
        Instant startedAt, Instant finishedAt) {
}
