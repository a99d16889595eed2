package dev.softdelete.core.cleanup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in scheduler: one daemon thread per worker, each draining the queue every
 * {@link CleanupSettings#pollInterval()}. Workers share one circuit breaker, so
 * {@link #pause()}/{@link #resume()} act on all of them. {@link #close(Duration)} shuts down
 * gracefully: batches in progress commit, their jobs go back to the queue.
 */
public final class CleanupScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CleanupScheduler.class);
    private static final AtomicInteger SCHEDULERS = new AtomicInteger();

    private final List<CleanupWorker> workers;
    private final Duration pollInterval;
    private ScheduledExecutorService executor;

    CleanupScheduler(List<CleanupWorker> workers, Duration pollInterval) {
        this.workers = List.copyOf(workers);
        this.pollInterval = pollInterval;
    }

    /** Starts polling; returns this. */
    public synchronized CleanupScheduler start() {
        if (executor != null) {
            return this;
        }
        int n = SCHEDULERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "softdelete-cleanup-" + n + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newScheduledThreadPool(workers.size(), factory);
        for (CleanupWorker worker : workers) {
            executor.scheduleWithFixedDelay(worker, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Returns the workers this scheduler runs. */
    public List<CleanupWorker> workers() {
        return workers;
    }

    /** Pauses every worker: none claims a new job until {@link #resume()}. */
    public void pause() {
        workers.forEach(CleanupWorker::pause);
    }

    /** Resumes every worker and closes the shared circuit breaker. */
    public void resume() {
        workers.forEach(CleanupWorker::resume);
    }

    /** Returns whether every worker is paused, by hand or by the shared circuit breaker. */
    public boolean isPaused() {
        return workers.stream().allMatch(CleanupWorker::isPaused);
    }

    /**
     * Stops the workers: each finishes its current batch and releases its job. Interrupts them
     * (which also releases) if they have not stopped within {@code timeout}.
     */
    public synchronized void close(Duration timeout) {
        workers.forEach(CleanupWorker::stop);
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Cleanup workers still busy after {}; interrupting them", timeout);
                executor.shutdownNow();
                executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers, waiting up to 30 seconds before interrupting them. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
