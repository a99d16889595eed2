package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.AlertListener;
import dev.softdelete.core.cleanup.CleanupScheduler;
import dev.softdelete.core.cleanup.CleanupSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * Runs the cleanup (purge / archive) workers inside the application when
 * {@code softdelete.cleanup.enabled=true}. Every instance may run workers: jobs are claimed through
 * the database, never twice. Stopped gracefully with the context: batches in progress commit and
 * their jobs return to the queue.
 */
@AutoConfiguration(after = SoftDeleteAutoConfiguration.class)
@ConditionalOnBean(SoftDelete.class)
@ConditionalOnProperty(prefix = "softdelete.cleanup", name = "enabled", havingValue = "true")
public class SoftDeleteCleanupAutoConfiguration {

    /**
     * The cleanup scheduler, configured from {@code softdelete.cleanup.*}, alerting the context's
     * {@link AlertListener} (logging by default); started and stopped with the context.
     */
    @Bean
    @ConditionalOnMissingBean
    public CleanupScheduler softDeleteCleanupScheduler(SoftDelete softDelete, SoftDeleteProperties properties,
            ObjectProvider<AlertListener> alertListener) {
        SoftDeleteProperties.Cleanup cleanup = properties.getCleanup();
        CleanupSettings settings = CleanupSettings.defaults()
                .withRowsPerSecond(cleanup.getRowsPerSecond())
                .withLease(cleanup.getLease())
                .withPollInterval(cleanup.getPollInterval())
                .withAlertListener(alertListener.getIfAvailable(AlertListener::logging));
        return softDelete.cleanup().scheduler(settings, cleanup.getThreads());
    }

    @Bean
    SmartLifecycle softDeleteCleanupLifecycle(CleanupScheduler scheduler, SoftDeleteProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.close(properties.getCleanup().getShutdownTimeout());
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
