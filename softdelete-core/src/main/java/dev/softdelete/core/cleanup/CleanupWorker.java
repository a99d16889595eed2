package dev.softdelete.core.cleanup;

import dev.softdelete.core.UnsupportedDocumentException;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.logging.LogContext;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.purge.BatchHook;
import dev.softdelete.core.purge.PurgeCursor;
import dev.softdelete.core.purge.PurgePlan;
import dev.softdelete.core.purge.Purger;
import dev.softdelete.core.purge.PurgeResult;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.RateLimiter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes cleanup jobs from the queue and runs them, batch by batch, under a lease.
 *
 * <ul>
 *   <li>Each batch's transaction starts by renewing the lease ({@code WHERE lease_owner = me AND
 *       lease_token = my claim's token AND lease_until >= now}); if the lease expired or another
 *       worker took the job over, the batch rolls back and this worker lets go
 *       ({@link LeaseLostException}). Archive-retention jobs are fenced the same way, batch by batch. Progress (rows, cursor, run counts) commits
 *       with the batch, so a new owner resumes exactly where the last commit left off.
 *   <li>After each batch: the rate limit, then a check for {@link #stop()} or interruption, which
 *       releases the job back to the queue (the committed batches stay done).
 *   <li>A failure retries the job with backoff until its attempts run out; failures feed the
 *       circuit breaker, which pauses the worker and raises an alert until {@link #resume()}.
 * </ul>
 *
 * {@link #run()} drains the queue and returns: schedule it with the built-in
 * {@link CleanupScheduler} or the host's own scheduler. Never throws.
 */
public final class CleanupWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CleanupWorker.class);
    /** Transient failures (lock timeout, lost connection) a job is resumed after before it counts as failed. */
    static final int TRANSIENT_RETRIES = 8;

    private final CoreContext softDelete;
    private final Purger purger;
    private final CleanupQueue queue;
    private final CleanupSettings settings;
    private final CircuitBreaker breaker;
    private final QueueMonitor monitor;
    private final CleanupJobs jobs;
    private final RateLimiter rateLimiter;
    private final String id;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean paused;
    private final Map<JobType, JobHandler> handlers;

    CleanupWorker(CoreContext softDelete, Purger purger, CleanupQueue queue, CleanupSettings settings, CircuitBreaker breaker,
            QueueMonitor monitor, String id, Map<JobType, JobHandler> handlers) {
        this.handlers = handlers;
        this.softDelete = softDelete;
        this.purger = purger;
        this.queue = queue;
        this.settings = settings;
        this.breaker = breaker;
        this.monitor = monitor;
        this.jobs = queue.jobs();
        this.rateLimiter = new RateLimiter(settings.rowsPerSecond(), softDelete.clock(), settings.sleeper());
        this.id = id;
    }

    /** This worker's lease owner name ({@code instanceId#n}). */
    public String id() {
        return id;
    }

    /** Runs due jobs until none is left, the worker is paused or stopping. */
    @Override
    public void run() {
        try {
            monitor.sample();
            while (runOne()) {
                // keep draining
            }
        } catch (RuntimeException e) {
            log.error("Cleanup worker {} failed outside a job", id, e);
        }
    }

    /**
     * Claims and runs at most one due job.
     *
     * @return whether a job was run (to completion, failure or release)
     */
    public boolean runOne() {
        if (isPaused() || stopping.get()) {
            return false;
        }
        Optional<ClaimStrategy.Claim> claimed = jobs.claim(id, settings.lease());
        if (claimed.isEmpty()) {
            return false;
        }
        long token = claimed.get().token();
        CleanupJob job;
        try {
            job = queue.require(claimed.get().id());
            if (job.type().carriesRetentionPolicy()) {
                requireOwnTable(job);
            }
        } catch (UnsupportedDocumentException e) {
            refuse(claimed.get().id(), token, e);
            return true;
        }
        String type = job.type().name().toLowerCase(Locale.ROOT);
        long started = System.nanoTime();
        String outcome;
        try (LogContext ctx = LogContext.with(LogContext.ENTITY, job.table())) {
            CleanupJob claimedJob = job;
            outcome = softDelete.metrics().observe(MetricNames.OBSERVATION_CLEANUP_JOB, MetricTags.of("type", type),
                    () -> claimedJob.attempts() > claimedJob.maxAttempts() ? giveUp(claimedJob, token)
                            : executeRetryingTransientFailures(claimedJob, token));
        } catch (LeaseLostException e) {
            log.warn(e.getMessage());
            outcome = "lease_lost";
        } catch (RuntimeException e) {
            outcome = fail(job, token, e);
        }
        softDelete.metrics().count(MetricNames.CLEANUP_JOBS, 1, MetricTags.of("type", type, "outcome", outcome));
        audit(job, outcome);
        softDelete.metrics().time(MetricNames.CLEANUP_JOB_DURATION, Duration.ofNanos(System.nanoTime() - started),
                MetricTags.of("type", type));
        return true;
    }

    /**
     * One audit entry per job execution (action {@code CLEANUP_JOB}, the job's table, its run, the
     * outcome in capitals; details: job id, type, attempt, rows processed so far). Written after the
     * job's own transactions, so a failure to audit never undoes or repeats the job's work.
     */
    private void audit(CleanupJob job, String outcome) {
        try {
            CleanupJob now = queue.find(job.id()).orElse(job);
            softDelete.auditLog().record("CLEANUP_JOB", "TABLE", job.table(), now.runId(),
                    outcome.toUpperCase(Locale.ROOT), Map.of("job", job.id(), "type", job.type().name(),
                            "attempt", now.attempts(), "rows", now.rowsProcessed()));
        } catch (RuntimeException e) {
            log.warn("Could not audit cleanup job {} ({}): {}", job.id(), outcome, e.getMessage());
        }
    }

    /**
     * Runs the job; a lock timeout or a lost connection (SQL state 08) rolls back only the batch
     * in progress, so the job is resumed in place from its last committed cursor, after a short
     * backoff (200 ms doubling, about 50 s in all), up to {@link #TRANSIENT_RETRIES} times and counted in
     * {@code softdelete.cleanup.retries}, before it counts as a failed attempt.
     */
    private String executeRetryingTransientFailures(CleanupJob claimed, long token) {
        CleanupJob job = claimed;
        int retries = 0;
        while (true) {
            try {
                if (retries > 0) {
                    job = queue.require(job.id()); // its last committed cursor and run
                }
                return execute(job, token);
            } catch (LeaseLostException e) {
                throw e;
            } catch (RuntimeException e) {
                String reason = softDelete.jdbc().isLockTimeout(e) ? "lock_timeout"
                        : softDelete.jdbc().isConnectionFailure(e) ? "connection" : null;
                if (reason == null || retries >= TRANSIENT_RETRIES) {
                    throw e;
                }
                retries++;
                softDelete.metrics().count(MetricNames.CLEANUP_RETRIES, 1, MetricTags.of("type",
                        job.type().name().toLowerCase(Locale.ROOT), "reason", reason));
                log.warn("Cleanup job {} on {}: {} ({}), resuming from its last batch (retry {} of {})", job.id(),
                        job.table(), reason, e.getMessage(), retries, TRANSIENT_RETRIES);
                try {
                    settings.sleeper().sleep(Duration.ofMillis(200L << Math.min(10, retries - 1)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private String execute(CleanupJob job, long token) {
        if (!job.type().carriesRetentionPolicy()) {
            return executeHandled(job, token);
        }
        JobPayload payload = job.payload();
        if (job.type() == JobType.ARCHIVE_RETENTION) {
            PurgeResult result = purger.purgeArchive(payload.policy(), payload.cutoff(), hook(job.id(), token));
            if (!result.complete()) {
                release(job.id(), token);
                return "released";
            }
            softDelete.jdbc().inTransaction(c -> complete(c, job.id(), token, null));
            breaker.record(false);
            return "success";
        }
        PurgePlan plan = purger.plan(payload.policy());
        long runId = job.runId() != null ? job.runId() : startRun(job, token, plan, payload);
        try (LogContext ctx = LogContext.with(LogContext.RUN_ID, runId)) {
            PurgeResult result = purger.apply(plan, payload.cutoff(), payload.range(), runId,
                    PurgeCursor.decode(job.cursor()), hook(job.id(), token));
            if (!result.complete()) {
                release(job.id(), token);
                return "released";
            }
            softDelete.jdbc().inTransaction(c -> complete(c, job.id(), token, runId));
        }
        breaker.record(false);
        return "success";
    }

    /** A job of a type another feature registered a {@link JobHandler} for. */
    private String executeHandled(CleanupJob job, long token) {
        JobHandler handler = handlers.get(job.type());
        if (handler == null) {
            throw new IllegalStateException("No handler is registered for " + job.type() + " jobs on this instance"
                    + " (job " + job.id() + "); the feature that enqueued it is missing here.");
        }
        String payload = queue.payloadText(job.id()).orElseThrow();
        JobHandler.Outcome outcome = handler.run(new JobHandler.LeasedJob() {
            @Override
            public long id() {
                return job.id();
            }

            @Override
            public String table() {
                return job.table();
            }

            @Override
            public Long runId() {
                return job.runId();
            }

            @Override
            public String payload() {
                return payload;
            }

            @Override
            public String cursor() {
                return job.cursor();
            }

            @Override
            public int attempts() {
                return job.attempts();
            }

            @Override
            public void fence(Connection connection) throws SQLException {
                CleanupWorker.this.fence(connection, job.id(), token);
            }

            @Override
            public void recordProgress(Connection connection, long rows, String cursor) throws SQLException {
                jobs.addProgress(connection, job.id(), rows, cursor);
            }

            @Override
            public boolean stopRequested() {
                return stopping.get() || Thread.currentThread().isInterrupted();
            }

            @Override
            public void alert(Alert alert) {
                settings.alertListener().deliverSafely(alert);
            }
        });
        if (outcome instanceof JobHandler.Released) {
            release(job.id(), token);
            return "released";
        }
        if (outcome instanceof JobHandler.Deferred deferred) {
            jobs.defer(job.id(), id, token, deferred.until());
            return "deferred";
        }
        if (outcome instanceof JobHandler.Cancelled cancelled) {
            softDelete.jdbc().inTransaction(c -> {
                fence(c, job.id(), token);
                return jobs.fail(c, job.id(), id, token, true, softDelete.clock().instant(), cancelled.message());
            });
            return "cancelled";
        }
        softDelete.jdbc().inTransaction(c -> complete(c, job.id(), token, null));
        breaker.record(false);
        return "success";
    }

    private long startRun(CleanupJob job, long token, PurgePlan plan, JobPayload payload) {
        long runId = purger.startRun(plan, payload.cutoff());
        softDelete.jdbc().inTransaction(c -> {
            fence(c, job.id(), token);
            jobs.setRunId(c, job.id(), runId);
            return null;
        });
        return runId;
    }

    private BatchHook hook(long jobId, long token) {
        return new BatchHook() {
            @Override
            public void begin(Connection connection) throws SQLException {
                fence(connection, jobId, token);
            }

            @Override
            public void record(Connection connection, Batch batch) throws SQLException {
                jobs.addProgress(connection, jobId, batch.removed(), batch.cursor().encode());
            }

            @Override
            public boolean proceed(Batch batch) {
                try {
                    rateLimiter.acquire(batch.removed());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                return !stopping.get() && !Thread.currentThread().isInterrupted();
            }
        };
    }

    /** Renews the lease under this claim's token; first statement of every transaction that changes the job or its rows. */
    private void fence(Connection c, long jobId, long token) throws SQLException {
        jobs.renewLease(c, jobId, id, token, settings.lease());
    }

    private int complete(Connection c, long jobId, long token, Long runId) throws SQLException {
        fence(c, jobId, token);
        if (runId != null) {
            softDelete.runRegistry().finish(c, runId, RunStatus.COMPLETED, null, null);
        }
        jobs.complete(c, jobId);
        return 1;
    }

    /** Gives the job back without counting the attempt (shutdown, interruption). */
    private void release(long jobId, long token) {
        jobs.release(jobId, id, token);
        log.info("Cleanup worker {} released job {} (stopping)", id, jobId);
    }

    /** The payload must name the table the job row names: anything else was edited outside the library. */
    private static void requireOwnTable(CleanupJob job) {
        if (!job.payload().policy().table().equals(job.table())) {
            throw new UnsupportedDocumentException("Job " + job.id() + " is queued for table '" + job.table()
                    + "' but its payload names table '" + job.payload().policy().table() + "'; the payload was"
                    + " changed outside the library.", null);
        }
    }

    /** Fails a job whose payload cannot be trusted at once, without retries and without touching a row. */
    private void refuse(long jobId, long token, UnsupportedDocumentException error) {
        String message = "Job " + jobId + " has an unusable payload and failed without deleting anything: "
                + error.getMessage() + " Enqueue the policy again.";
        log.error("Cleanup job {}: {}", jobId, message);
        softDelete.jdbc().inTransaction(c -> {
            jobs.fail(c, jobId, id, token, true, softDelete.clock().instant(), message);
            return null;
        });
        breaker.record(true);
    }

    /**
     * A job whose every attempt ended in an expired lease (its workers died or hung) and that was
     * taken over once more: FAILED, with its run, instead of being run again or left RUNNING.
     */
    private String giveUp(CleanupJob job, long token) {
        Instant now = softDelete.clock().instant();
        String message = "Gave up after " + job.maxAttempts() + " attempts whose workers all lost the lease (died,"
                + " hung or were stopped without releasing it); last holder's lease expired. Check the workers' logs,"
                + " then enqueue the policy again.";
        log.error("Cleanup job {} on {}: {}", job.id(), job.table(), message);
        softDelete.jdbc().inTransaction(c -> {
            fence(c, job.id(), token);
            jobs.fail(c, job.id(), id, token, true, now, message);
            if (job.runId() != null && job.type().carriesRetentionPolicy()) {
                softDelete.runRegistry().finish(c, job.runId(), RunStatus.FAILED, message, null);
            }
            return null;
        });
        alertJobFailed(job, message, now);
        breaker.record(true);
        return "failure";
    }

    private void alertJobFailed(CleanupJob job, String message, Instant now) {
        settings.alertListener().deliverSafely(new Alert("cleanup.job_failed", Alert.Severity.CRITICAL, job.table(),
                "Cleanup job " + job.id() + " on " + job.table() + " FAILED: " + message, now,
                Map.of("job_id", String.valueOf(job.id()), "attempts", String.valueOf(job.maxAttempts()))));
    }

    private String fail(CleanupJob claimed, long token, RuntimeException error) {
        CleanupJob job = queue.find(claimed.id()).orElse(claimed);
        Instant now = softDelete.clock().instant();
        boolean last = job.attempts() >= job.maxAttempts();
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        log.warn("Cleanup job {} on {} failed (attempt {} of {}){}", job.id(), job.table(), job.attempts(),
                job.maxAttempts(), last ? ", giving up" : ", will retry", error);
        softDelete.jdbc().inTransaction(c -> {
            boolean held = jobs.fail(c, job.id(), id, token, last, now.plus(settings.backoffFor(job.attempts())),
                    message) == 1;
            if (held && last && job.runId() != null && job.type().carriesRetentionPolicy()) {
                softDelete.runRegistry().finish(c, job.runId(), RunStatus.FAILED, message, null);
            }
            return null;
        });
        if (last) {
            alertJobFailed(job, message, now);
        }
        if (breaker.record(true)) {
            settings.alertListener().deliverSafely(new Alert("cleanup.failure_rate", Alert.Severity.CRITICAL, job.table(),
                    String.format(Locale.ROOT, "%.1f%% of %d cleanup job attempts failed within %s (threshold %.1f%%);"
                            + " cleanup workers are paused. Fix the cause (last: %s), then call resume().",
                            breaker.failureRate() * 100, breaker.attemptsInWindow(), settings.failureWindow(),
                            settings.failureRateThreshold() * 100, message),
                    now, Map.of("failure_rate", String.valueOf(breaker.failureRate()), "job_id", String.valueOf(job.id()))));
        }
        return last ? "failure" : "retry";
    }

    /** Whether this worker claims nothing: paused by hand or by the circuit breaker. */
    public boolean isPaused() {
        return paused || breaker.isOpen();
    }

    /** Stops claiming new jobs until {@link #resume()}. */
    public void pause() {
        paused = true;
    }

    /** Resumes claiming and closes the circuit breaker. */
    public void resume() {
        paused = false;
        breaker.reset();
    }

    /** Asks the worker to stop: the batch in progress commits, then its job goes back to the queue. */
    public void stop() {
        stopping.set(true);
    }

    /** Returns whether {@link #stop()} was called. */
    public boolean isStopping() {
        return stopping.get();
    }
}
