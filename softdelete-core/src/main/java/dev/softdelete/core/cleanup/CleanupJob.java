package dev.softdelete.core.cleanup;

import java.time.Instant;

/**
 * One row of the job queue ({@code {prefix}cleanup_jobs}), immutable.
 *
 * @param id            the job's id
 * @param type          what the job does
 * @param table         the policy's table
 * @param payload       policy, cutoff and key slice, as enqueued; {@code null} for a job run by a registered
 *                      {@link JobHandler} ({@link JobType#carriesRetentionPolicy()} false)
 * @param status        where the job stands
 * @param priority      higher runs first; 0 by default
 * @param runId         the run registry row of its purge, once started, or {@code null}
 * @param attempts      attempts started so far
 * @param maxAttempts   attempts allowed before the job is FAILED
 * @param nextAttemptAt when the job may be claimed (again)
 * @param leaseOwner    the worker holding it, or {@code null}
 * @param leaseUntil    when that lease expires, or {@code null}
 * @param heartbeatAt   the holder's last heartbeat, or {@code null}
 * @param rowsProcessed rows removed so far
 * @param cursor        where the next batch resumes (an encoded {@link dev.softdelete.core.purge.PurgeCursor}),
 *                      or {@code null}
 * @param lastError     the last failure's message, or {@code null}
 * @param createdAt     when it was enqueued
 * @param startedAt     when its first attempt started, or {@code null}
 * @param finishedAt    when it reached DONE or FAILED, or {@code null}
 */
public record CleanupJob(long id, JobType type, String table, JobPayload payload, JobStatus status, int priority,
        Long runId, int attempts, int maxAttempts, Instant nextAttemptAt, String leaseOwner, Instant leaseUntil,
        Instant heartbeatAt, long rowsProcessed, String cursor, String lastError, Instant createdAt,
        Instant startedAt, Instant finishedAt) {
}
