package dev.softdelete.core.cleanup;

import dev.softdelete.core.purge.Purger;
import dev.softdelete.core.internal.context.CoreContext;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background retention cleanup shared by every instance: the job queue and the workers that run
 * it. Obtain it with {@code softDelete.cleanup()}.
 *
 * <pre>{@code
 * softDelete.cleanup().queue().enqueue(RetentionPolicy.purge("products"), 4);  // 4 key slices
 * CleanupScheduler scheduler = softDelete.cleanup()
 *         .scheduler(CleanupSettings.defaults().withRowsPerSecond(5_000), 2).start();
 * // or, from the host's own scheduler:  Runnable step = softDelete.cleanup().newWorker();
 * }</pre>
 */
public final class Cleanup {

    private final CoreContext softDelete;
    private final Purger purger;
    private final CleanupQueue queue;
    private final AtomicInteger workers = new AtomicInteger();
    private final java.util.Map<JobType, JobHandler> handlers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Built by {@code SoftDelete}; obtain it with {@code softDelete.cleanup()}. */
    public Cleanup(CoreContext softDelete, Purger purger) {
        this.softDelete = softDelete;
        this.purger = purger;
        this.queue = new CleanupQueue(softDelete, purger);
        softDelete.metrics().gauge(MetricNames.CLEANUP_QUEUE_LENGTH, MetricTags.empty(), queue::gaugeLength);
    }

    /** Returns the job queue: enqueue, list and inspect cleanup jobs. */
    public CleanupQueue queue() {
        return queue;
    }

    /**
     * Registers the handler that runs jobs of {@code type} (a type whose payload is not a
     * retention policy, such as {@link JobType#BACKFILL}); workers created before or after share it.
     */
    public void handle(JobType type, JobHandler handler) {
        if (type.carriesRetentionPolicy()) {
            throw new IllegalArgumentException(type + " jobs are run by the cleanup workers themselves");
        }
        handlers.put(type, java.util.Objects.requireNonNull(handler, "handler"));
    }

    /** A worker with default settings (a {@link Runnable}: each run drains the due jobs). */
    public CleanupWorker newWorker() {
        return newWorker(CleanupSettings.defaults());
    }

    /** A worker with its own circuit breaker. */
    public CleanupWorker newWorker(CleanupSettings settings) {
        return newWorker(settings, breaker(settings));
    }

    /** A scheduler running {@code threads} workers that share one circuit breaker; call {@code start()}. */
    public CleanupScheduler scheduler(CleanupSettings settings, int threads) {
        CircuitBreaker breaker = breaker(settings);
        List<CleanupWorker> list = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            list.add(newWorker(settings, breaker));
        }
        return new CleanupScheduler(list, settings.pollInterval());
    }

    private CleanupWorker newWorker(CleanupSettings settings, CircuitBreaker breaker) {
        QueueMonitor monitor = new QueueMonitor(queue, settings.queueAlertLength(), settings.queueAlertAfter(),
                softDelete.clock(), settings.alertListener());
        return new CleanupWorker(softDelete, purger, queue, settings, breaker, monitor,
                softDelete.instanceId() + "#" + workers.incrementAndGet(), handlers);
    }

    private CircuitBreaker breaker(CleanupSettings settings) {
        return new CircuitBreaker(settings.failureRateThreshold(), settings.failureWindow(),
                settings.minimumJobsForRate(), softDelete.clock());
    }
}
