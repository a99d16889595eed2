package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import dev.softdelete.core.purge.Catalogue;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cleanup batch blocked by another transaction's lock times out, is retried in place and counted, not failed. */
public abstract class CleanupTimeoutContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aBlockedBatchTimesOutAndIsRetriedWithoutSpendingAnAttempt() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        Catalogue c = Catalogue.create(db, "lt_");
        c.products(1, 100, NOW.minus(Duration.ofDays(40)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete sd = SoftDelete.builder(dataSource()).clock(clock).metrics(MicrometerMetrics.of(registry))
                .lockTimeout(Duration.ofSeconds(1)).build();
        CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()).withBatchSize(40));
        try (Connection blocker = db.newPool(1).getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeUpdate("UPDATE " + c.products() + " SET sku = 'held' WHERE id = 30");
            }
            AtomicInteger backoffs = new AtomicInteger();
            CleanupWorker worker = sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { })
                    .withSleeper(d -> {
                        if (backoffs.incrementAndGet() == 1) {
                            try {
                                blocker.commit();
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }));

            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), worker::runOne)).isTrue();

            CleanupJob done = sd.cleanup().queue().require(job.id());
            assertThat(done.status()).isEqualTo(JobStatus.DONE);
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(done.rowsProcessed()).isEqualTo(100);
            assertThat(c.count(c.products())).isZero();
            assertThat(registry.get(MetricNames.CLEANUP_RETRIES).tag("reason", "lock_timeout").counter().count())
                    .isEqualTo(1);
        }
    }
}
