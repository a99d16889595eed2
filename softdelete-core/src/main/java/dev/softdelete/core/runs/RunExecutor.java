package dev.softdelete.core.runs;

import dev.softdelete.core.internal.BatchSizer;
import dev.softdelete.core.registry.RunRegistry;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.registry.RunStateException;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.logging.LogContext;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.time.RateLimiter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one run batch by batch: claims the lease, moves the run to RUNNING, runs each batch in
 * its own transaction ending with the heartbeat, counts and cursor (one UPDATE, fenced), waits for the rate limit,
 * stops at the wave cap or the error threshold (PAUSED, cause recorded), and on the last batch
 * verifies and completes the run in one transaction.
 */
final class RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(Runs.class);
    private static final int MAX_CONSECUTIVE_FAILURES = 3;
    /** Retries of one batch after a lock timeout or a lost connection before it counts as failed. */
    static final int TRANSIENT_RETRIES = 5;
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(200);
    private static final Duration RETRY_BACKOFF_MAX = Duration.ofSeconds(5);

    private final CoreContext sd;
    private final RunRegistry registry;
    private final RunLease lease;

    RunExecutor(CoreContext sd, RunLease lease) {
        this.sd = sd;
        this.registry = sd.runRegistry();
        this.lease = lease;
    }

    /** One batch of a run, in the caller's transaction. */
    @FunctionalInterface
    interface Step {
        BatchStrategy.BatchResult run(Connection c, String cursor, int limit, long batchNo, BatchStrategy.Fence fence)
                throws SQLException;
    }

    /** What happens in the completing transaction: returns the verification JSON. */
    @FunctionalInterface
    interface Completion {
        String complete(Connection c, RunRecord run) throws SQLException;
    }

    /**
     * Runs {@code runId} under its lease. {@code fencedRunId}, when not null, is leased and fenced
     * as well for the whole execution (an undo holds the run it undoes, so that run's own worker,
     * if it still lives, is fenced off and the run cannot be resumed meanwhile).
     */
    RunReport execute(long runId, Long fencedRunId, String table, RunOptions options, Step step,
            Completion completion) {
        String owner = sd.instanceId() + "#" + UUID.randomUUID().toString().substring(0, 8);
        List<RunLease.Held> leases = lease.claim(fencedRunId == null ? List.of(runId) : List.of(runId, fencedRunId),
                owner, options.leaseDuration());
        String kind = registry.require(runId).kind().name().toLowerCase(Locale.ROOT);
        SoftDeleteMetrics.LongTask active = sd.metrics().longTask(MetricNames.RUNS_ACTIVE, MetricTags.of("kind", kind));
        try {
            return sd.metrics().observe(MetricNames.OBSERVATION_RUN, MetricTags.of("kind", kind),
                    () -> drive(runId, leases, table, options, step, completion));
        } finally {
            active.close();
            sd.jdbc().inTransaction(c -> {
                for (RunLease.Held held : leases) {
                    lease.release(c, held);
                }
                return null;
            });
        }
    }

    /** First statement of every transaction of the run: renews every lease or throws {@link LeaseLost}. */
    private void fence(Connection c, List<RunLease.Held> leases, Duration duration) throws SQLException {
        for (RunLease.Held held : leases) {
            if (!lease.heartbeat(c, held, duration)) {
                throw new LeaseLost();
            }
        }
    }

    /**
     * Last statement of a batch's transaction: renews the run's lease and adds the batch's counts
     * and cursor in one UPDATE, then renews any other lease (an undo's hold on the run it undoes),
     * or throws {@link LeaseLost} so that the batch rolls back. A worker that lost its lease
     * commits nothing, as with a fence first; one statement fewer per batch.
     */
    private void fenceAndRecord(Connection c, List<RunLease.Held> leases, Duration duration,
            BatchStrategy.BatchResult r) throws SQLException {
        if (r.fenced() != null) {
            if (!r.fenced()) {
                throw new LeaseLost(); // the strategy renewed the lease in its own statement: it was lost
            }
        } else if (!lease.heartbeatWithBatch(c, leases.get(0), duration, r.matched(), r.changed(),
                Math.max(0, r.matched() - r.changed()), r.cursor())) {
            throw new LeaseLost();
        }
        for (RunLease.Held held : leases.subList(1, leases.size())) {
            if (!lease.heartbeat(c, held, duration)) {
                throw new LeaseLost();
            }
        }
    }

    private RunLeasedException leaseLost(long runId) {
        RunRecord now = registry.require(runId);
        return new RunLeasedException(runId, now.leaseOwner(), now.leaseUntil(), "was taken over");
    }

    private RunReport drive(long runId, List<RunLease.Held> leases, String table, RunOptions o, Step step, Completion completion) {
        RunRecord run = registry.require(runId);
        if (run.status().isTerminal()) {
            throw new RunStateException("Run " + runId + " is already " + run.status() + "; nothing to resume.");
        }
        RunStatus from = run.status();
        if (!sd.jdbc().inTransaction(c -> registry.transition(c, runId, from, RunStatus.RUNNING))) {
            throw new RunStateException("Run " + runId + " changed state while starting; list it and retry.");
        }
        MetricTags tags = MetricTags.of("kind", run.kind().name().toLowerCase(Locale.ROOT), "table", table);
        MetricTags observed = MetricTags.of("kind", tags.get("kind"));
        RateLimiter limiter = new RateLimiter(o.rowsPerSecond(), sd.clock(), o.sleeper());
        String cursor = run.cursor();
        long batchNo = run.batchCount();
        long failedBefore = run.failedBatches(); // the threshold counts only this call's failures
        long rowsThisCall = 0;
        int consecutiveFailures = 0;
        int transientRetries = 0;
        BatchSizer sizer = o.sizer();
        while (true) {
            int limit = sizer.size();
            if (o.maxRows() > 0) {
                limit = (int) Math.min(limit, o.maxRows() - rowsThisCall);
                if (limit <= 0) {
                    return pause(runId, leases, o, tags, "paused", "Paused after a wave of " + rowsThisCall
                            + " rows (maxRows); resume the run to continue.");
                }
            }
            long no = ++batchNo;
            int batchLimit = limit;
            String batchCursor = cursor;
            long t0 = System.nanoTime();
            BatchStrategy.BatchResult result;
            try {
                result = sd.metrics().observe(MetricNames.OBSERVATION_RUN_BATCH, observed, () -> sd.jdbc().inTransaction(c -> {
                    BatchStrategy.BatchResult r = step.run(c, batchCursor, batchLimit, no,
                            new BatchStrategy.Fence(lease, leases.get(0), o.leaseDuration()));
                    fenceAndRecord(c, leases, o.leaseDuration(), r);
                    return r;
                }));
            } catch (LeaseLost e) {
                throw leaseLost(runId);
            } catch (RuntimeException e) {
                String reason = sd.jdbc().isLockTimeout(e) ? "lock_timeout"
                        : sd.jdbc().isConnectionFailure(e) ? "connection" : null;
                if (reason != null && transientRetries < TRANSIENT_RETRIES) {
                    transientRetries++;
                    batchNo--;
                    sd.metrics().count(MetricNames.RUNS_BATCH_RETRIES, 1, MetricTags.of("kind", tags.get("kind"),
                            "table", table, "reason", reason));
                    log.warn("Run {} batch {} on {} rolled back ({}), retry {} of {}: {}", runId, no, table, reason,
                            transientRetries, TRANSIENT_RETRIES, rootMessage(e));
                    backOff(o, transientRetries);
                    continue;
                }
                transientRetries = 0;
                consecutiveFailures++;
                sizer.failed();
                String cause = rootMessage(e);
                log.warn("Run {} batch {} on {} failed and was rolled back: {}", runId, no, table, cause);
                try {
                    sd.jdbc().inTransaction(c -> {
                        fence(c, leases, o.leaseDuration());
                        registry.recordBatch(c, runId, 0, 0, 0, true, null);
                        return null;
                    });
                } catch (LeaseLost lost) {
                    throw leaseLost(runId);
                }
                RunRecord now = registry.require(runId);
                // batches the run takes in all, at the size batches have now
                long rows = now.previewCount() == null ? 0 : now.previewCount();
                long planned = Math.max((rows + sizer.size() - 1) / sizer.size(), now.batchCount());
                long failed = now.failedBatches() - failedBefore;
                if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES || failed > o.errorThreshold() * planned) {
                    return pause(runId, leases, o, tags, "failed", "Paused: " + failed + " of " + now.batchCount()
                            + " batches failed" + (failedBefore > 0 ? " in this call (" + now.failedBatches() + " in all)" : "")
                            + " (threshold " + o.errorThreshold() + "); last error at batch " + no + ": "
                            + cause + ". Fix the cause and resume the run.");
                }
                continue;
            }
            consecutiveFailures = 0;
            transientRetries = 0;
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            sizer.record(took);
            sd.metrics().count(MetricNames.RUNS_ROWS, result.changed(), tags);
            sd.metrics().time(MetricNames.RUNS_BATCH_DURATION, took, tags);
            try (LogContext ctx = LogContext.with(LogContext.RUN_ID, runId).and(LogContext.ENTITY, table)
                    .and(LogContext.COUNT, result.changed()).and(LogContext.DURATION_MS, took.toMillis())
                    .and(LogContext.STATUS, RunStatus.RUNNING)) {
                log.info("Run {} batch {} on {}: {} of {} rows changed in {} ms", runId, no, table, result.changed(),
                        result.matched(), took.toMillis());
            }
            cursor = result.cursor();
            rowsThisCall += result.matched();
            if (!result.more()) {
                return complete(runId, leases, o, tags, table, completion);
            }
            throttle(limiter, result.matched());
        }
    }

    /** Waits 200 ms, doubling per retry up to 5 s, through the run's sleeper. */
    private static void backOff(RunOptions o, int retry) {
        Duration wait = RETRY_BACKOFF.multipliedBy(1L << Math.min(10, retry - 1));
        try {
            o.sleeper().sleep(wait.compareTo(RETRY_BACKOFF_MAX) > 0 ? RETRY_BACKOFF_MAX : wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStateException("Interrupted while waiting to retry a batch; the run stays RUNNING until its"
                    + " lease expires, then any instance can resume it.");
        }
    }

    private static void throttle(RateLimiter limiter, long rows) {
        try {
            limiter.acquire(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStateException("Interrupted while throttling; the run stays RUNNING until its lease expires,"
                    + " then any instance can resume it.");
        }
    }

    /**
     * Pauses the run (resumable). {@code outcome} is what {@code softdelete.runs} counts:
     * {@code failed} when failures stopped it, {@code paused} for a deliberate stop (a wave cap), so
     * an alert on failures never fires for a planned first wave.
     */
    private RunReport pause(long runId, List<RunLease.Held> leases, RunOptions o, MetricTags tags, String outcome,
            String cause) {
        try {
            sd.jdbc().inTransaction(c -> {
                fence(c, leases, o.leaseDuration());
                registry.finish(c, runId, RunStatus.PAUSED, cause, null);
                return null;
            });
        } catch (LeaseLost e) {
            throw leaseLost(runId);
        }
        return finished(runId, tags, outcome);
    }

    private RunReport complete(long runId, List<RunLease.Held> leases, RunOptions o, MetricTags tags, String table,
            Completion completion) {
        try {
            sd.jdbc().inTransaction(c -> {
                fence(c, leases, o.leaseDuration());
                RunRecord run = registry.require(c, runId);
                String verification = completion.complete(c, run);
                registry.finish(c, runId, RunStatus.COMPLETED, null, verification);
                sd.auditLog().record(c, run.isUndo() ? "UNDO_RUN" : "SOFT_DELETE_RUN", "RUN", table, runId,
                        "SUCCESS", Json.obj("verification", Json.read(verification)));
                return null;
            });
        } catch (LeaseLost e) {
            throw leaseLost(runId);
        }
        return finished(runId, tags, "completed");
    }

    private RunReport finished(long runId, MetricTags tags, String outcome) {
        RunRecord run = registry.require(runId);
        sd.metrics().count(MetricNames.RUNS, 1, MetricTags.of("kind", tags.get("kind"), "outcome", outcome));
        try (LogContext ctx = LogContext.with(LogContext.RUN_ID, runId).and(LogContext.ENTITY, tags.get("table"))
                .and(LogContext.COUNT, run.affectedCount()).and(LogContext.STATUS, run.status())) {
            log.info("Run {} {}: {} rows changed, {} skipped, {} batches ({} failed){}", runId, outcome,
                    run.affectedCount(), run.skippedCount(), run.batchCount(), run.failedBatches(),
                    run.errorMessage() == null ? "" : " - " + run.errorMessage());
        }
        return RunReport.of(run);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Thrown inside a batch's transaction when the heartbeat finds the lease gone, to roll it back. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
