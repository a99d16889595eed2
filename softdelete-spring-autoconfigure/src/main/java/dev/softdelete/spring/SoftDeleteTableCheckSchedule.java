package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the setup check of every soft-deletable table ({@code softDelete.tableCheck().checkAll()})
 * when the context has started and then every {@code softdelete.tables.check-interval}, on a daemon
 * thread of its own, so that the {@code softdelete.table.*} gauges stay current. Problems and
 * warnings are logged once per change.
 */
final class SoftDeleteTableCheckSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SoftDeleteTableCheckSchedule.class);

    private final SoftDelete softDelete;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile String lastFindings = "";

    SoftDeleteTableCheckSchedule(SoftDelete softDelete, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("softdelete.tables.check-interval must be positive, got " + interval);
        }
        this.softDelete = softDelete;
        this.interval = interval;
    }

    /** Checks every table now, on the calling thread. */
    void checkNow() {
        try {
            StringBuilder findings = new StringBuilder();
            softDelete.tableCheck().checkAll().forEach(r -> {
                r.problems().forEach(p -> findings.append("problem: ").append(p).append('\n'));
                r.warnings().forEach(w -> findings.append("warning: ").append(w).append('\n'));
            });
            String now = findings.toString();
            if (!now.equals(lastFindings)) {
                lastFindings = now;
                if (!now.isEmpty()) {
                    LOG.warn("softdelete table setup check:\n{}", now.strip());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("softdelete table setup check failed; next try in {}", interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "softdelete-table-check");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::checkNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
