package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.runs.RunOptions;
import dev.softdelete.core.runs.RunWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * Background run workers in this instance when {@code softdelete.runs.workers} is above 0: each
 * drains the key ranges of RUNNING background runs ({@code runs().submit(...)}, the Actuator
 * endpoint's {@code apply}) every {@code softdelete.runs.poll-interval}, claimed through the
 * database, so every instance may run workers. Stopped with the context: a batch in progress
 * commits or rolls back, and its range is taken over by another worker once its lease expires.
 */
@AutoConfiguration(after = SoftDeleteAutoConfiguration.class)
@ConditionalOnBean(SoftDelete.class)
@ConditionalOnExpression("${softdelete.runs.workers:0} > 0")
public class SoftDeleteRunWorkersAutoConfiguration {

    /** The workers, started and stopped with the context. */
    @Bean
    SmartLifecycle softDeleteRunWorkers(SoftDelete softDelete, SoftDeleteProperties properties) {
        SoftDeleteProperties.Runs settings = properties.getRuns();
        Duration target = settings.getTargetBatchDuration();
        RunOptions options = RunOptions.defaults().withBatchSize(settings.getBatchSize())
                .withTargetBatchDuration(target == null || target.isZero() ? null : target)
                .withRowsPerSecond(settings.getRowsPerSecond()).withLeaseDuration(settings.getLease())
                .withMarkerScan(settings.isMarkerScan());
        return new SmartLifecycle() {
            private final List<RunWorker> workers = new ArrayList<>();
            private ScheduledExecutorService timer;

            @Override
            public synchronized void start() {
                AtomicInteger n = new AtomicInteger();
                timer = Executors.newScheduledThreadPool(settings.getWorkers(), r -> {
                    Thread t = new Thread(r, "softdelete-run-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                long poll = settings.getPollInterval().toMillis();
                for (int i = 0; i < settings.getWorkers(); i++) {
                    RunWorker worker = softDelete.runs().worker(options);
                    workers.add(worker);
                    timer.scheduleWithFixedDelay(worker, 0, poll, TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public synchronized void stop() {
                workers.forEach(RunWorker::stop);
                timer.shutdown();
                try {
                    timer.awaitTermination(settings.getShutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                timer.shutdownNow();
                timer = null;
                workers.clear();
            }

            @Override
            public synchronized boolean isRunning() {
                return timer != null;
            }
        };
    }
}
