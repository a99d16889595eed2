package dev.softdelete.core.runs;

import dev.softdelete.core.internal.BatchSizer;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.logging.LogContext;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.RateLimiter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies background runs ({@link Runs#submit}) on this instance: claims one key range at a time,
 * of any RUNNING run, with {@code SKIP LOCKED} under a short lease, and applies it batch by batch.
 * Each batch's transaction ends with the range's fence (lease renewed, progress added, only while
 * this claim still holds the range), so a worker that lost its range commits nothing. Before each
 * batch the worker reads the run's status: a run paused or cancelled from any instance stops
 * here before its next batch (and its in-flight batch, fenced off by the pause or cancel, rolls
 * back). A run with a time window ({@link RunOptions#withWindow}) is paused by its workers outside
 * the window (before their next batch, or before they claim) and resumed by them inside. The
 * worker that finishes the last range verifies and completes the run; a worker that finds nothing
 * to claim completes a run whose ranges are all done, or pauses one with a failed range, should
 * the worker that had to die first.
 *
 * <p>Get one from {@code softDelete.runs().worker(options)}; {@link #run()} drains the claimable
 * ranges and returns: schedule it (for example every few seconds) on every instance that should
 * take part, as with the cleanup worker. Several workers, on one instance or many, share a run.
 */
public final class RunWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);
    /** Attempts of a range before it FAILED and its run pauses. */
    static final int MAX_ATTEMPTS = 3;

    private final CoreContext sd;
    private final Runs runs;
    private final RunRanges ranges;
    private final BatchStrategy strategy;
    private final RunOptions options;
    private final String id;
    private final RateLimiter limiter;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final java.util.Map<Long, Target> targets = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per run: the batch size this worker reached, so that its next range starts there. */
    private final java.util.Map<Long, BatchSizer> sizers = new java.util.concurrent.ConcurrentHashMap<>();

    RunWorker(CoreContext sd, Runs runs, RunRanges ranges, BatchStrategy strategy, RunOptions options, String id) {
        this.sd = sd;
        this.runs = runs;
        this.ranges = ranges;
        this.strategy = strategy;
        this.options = options;
        this.id = id;
        this.limiter = new RateLimiter(options.rowsPerSecond(), sd.clock(), options.sleeper());
    }

    /** This worker's lease owner name ({@code instanceId#worker-n}). */
    public String id() {
        return id;
    }

    /** Applies claimable ranges until none is left or {@link #stop()} was called. Never throws. */
    @Override
    public void run() {
        try {
            while (runOne()) {
                // keep draining
            }
        } catch (RuntimeException e) {
            log.error("Run worker {} failed outside a range", id, e);
        }
    }

    /** Asks the worker to give its range back after the current batch. */
    public void stop() {
        stopping.set(true);
    }

    /**
     * Claims one range and applies it to its end, or until its run is paused or cancelled, the
     * worker stops or loses the range.
     *
     * @return whether a range was claimed
     */
    public boolean runOne() {
        if (stopping.get()) {
            return false;
        }
        runs.applyWindows();
        Optional<RunRanges.Claimed> claimed = ranges.claim(id, options.leaseDuration());
        if (claimed.isEmpty()) {
            runs.settle(options.markerScan());
            return false;
        }
        RunRanges.Claimed claim = claimed.get();
        RunRanges.Range range = claim.range();
        RunRecord run = sd.runRegistry().require(range.runId());
        RunSpec spec = RunSpec.fromJson(run.spec());
        Target target;
        try {
            // resolved from the catalog once per run and worker (metadata reads cost more than a batch)
            target = targets.computeIfAbsent(range.runId(), id -> Target.resolve(sd, spec.table(), spec.rules(),
                    spec.asOf(), spec.cascade())).upTo(range.upTo());
        } catch (RuntimeException e) {
            failed(claim, e);
            return true;
        }
        String actor = run.operator();
        MetricTags tags = MetricTags.of("kind", "soft_delete", "table", target.tableName);
        MetricTags observed = MetricTags.of("kind", "soft_delete");
        String cursor = range.cursor() != null ? range.cursor() : range.after();
        BatchSizer sizer = sizers.computeIfAbsent(range.runId(), id -> options.sizer());
        long batch = range.batchCount();
        try (LogContext ctx = LogContext.with(LogContext.RUN_ID, range.runId()).and(LogContext.ENTITY, target.tableName);
                SoftDeleteMetrics.LongTask active = sd.metrics().longTask(MetricNames.RUNS_ACTIVE, observed)) {
            while (true) {
                if (spec.window() != null && !spec.window().contains(sd.clock().instant())) {
                    runs.pauseForWindow(range.runId(), spec.window());
                }
                if (stopping.get()) {
                    ranges.release(claim, null, MAX_ATTEMPTS);
                    log.info("Run {} range {}: worker {} stopped before batch {}", range.runId(), range.rangeNo(), id,
                            batch + 1);
                    return true;
                }
                long batchNo = ((long) range.rangeNo() << 32) + ++batch;
                String from = cursor;
                int size = sizer.size();
                long t0 = System.nanoTime();
                BatchStrategy.BatchResult result;
                try {
                    result = sd.metrics().observe(MetricNames.OBSERVATION_RUN_BATCH, observed, () -> sd.jdbc().inTransaction(c -> {
                        // the run's status first, in the batch's own transaction: paused or cancelled, stop here
                        RunStatus status = sd.runRegistry().require(c, range.runId()).status();
                        if (status != RunStatus.RUNNING) {
                            throw new Stopped(status);
                        }
                        BatchStrategy.BatchResult r = strategy.softDelete(c, target, from, size, false,
                                range.runId(), batchNo, spec.marker(), actor, null);
                        if (!ranges.heartbeat(c, claim, options.leaseDuration(), r.cursor(), r.matched(), r.changed(),
                                !r.more())) {
                            throw new RangeLost();
                        }
                        return r;
                    }));
                } catch (Stopped e) {
                    ranges.release(claim, null, MAX_ATTEMPTS);
                    log.info("Run {} range {}: worker {} stopped before batch {} (run {})", range.runId(),
                            range.rangeNo(), id, batchNo & 0xffffffffL, e.status);
                    return true;
                } catch (RangeLost e) {
                    log.info("Run {} range {}: worker {} lost the range (lease expired and taken over, or the run"
                            + " was paused or cancelled); its batch rolled back", range.runId(), range.rangeNo(), id);
                    return true;
                } catch (RuntimeException e) {
                    sizer.failed();
                    failed(claim, e);
                    return true;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                sizer.record(took);
                sd.metrics().count(MetricNames.RUNS_ROWS, result.changed(), tags);
                sd.metrics().time(MetricNames.RUNS_BATCH_DURATION, took, tags);
                cursor = result.cursor();
                if (!result.more()) {
                    runs.completeIfLastRange(range.runId(), options.markerScan());
                    return true;
                }
                throttle(result.matched());
            }
        }
    }

    private void failed(RunRanges.Claimed claim, RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String status = ranges.release(claim, message, MAX_ATTEMPTS);
        log.warn("Run {} range {} failed on worker {} (attempt {} of {}): {}", claim.range().runId(),
                claim.range().rangeNo(), id, claim.range().attempts(), MAX_ATTEMPTS, message);
        if (RunRanges.FAILED.equals(status)) {
            runs.pauseAfterFailure(claim.range().runId(), "Paused: range " + claim.range().rangeNo() + " failed "
                    + MAX_ATTEMPTS + " times; last error: " + message + ". Fix the cause and resume the run.");
        }
    }

    private void throttle(long rows) {
        try {
            limiter.acquire(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    /** Thrown first in a batch's transaction when the run is no longer RUNNING. */
    private static final class Stopped extends RuntimeException {
        private final RunStatus status;

        Stopped(RunStatus status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** Thrown inside a batch's transaction when the range's fence fails, to roll the batch back. */
    private static final class RangeLost extends RuntimeException {
        RangeLost() {
            super(null, null, false, false);
        }
    }
}
