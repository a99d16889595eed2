package dev.softdelete.core.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import dev.softdelete.core.purge.Catalogue;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A job's attempt budget: takeovers cannot leave it RUNNING forever, transient drops do not spend it. */
public abstract class CleanupAttemptsContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant EXPIRED = NOW.minus(Duration.ofDays(40));

    private final SettableClock clock = new SettableClock(NOW);

    @Test
    void aJobTakenOverUntilItsAttemptsRunOutFailsWithAnAlertInsteadOfStayingRunningForever() {
        Catalogue c = Catalogue.create(db, "st_");
        c.products(1, 50, EXPIRED);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete sd = SoftDelete.builder(dataSource()).clock(clock).metrics(MicrometerMetrics.of(registry)).build();
        db.execute("DELETE FROM " + sd.cleanup().queue().table()); // only this test's job in the queue
        CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()));
        for (int i = 0; i < job.maxAttempts(); i++) {
            // a worker that claims the job and dies, leaving its lease to expire
            assertThat(sd.cleanup().queue().jobs().claim("crashing-" + i, Duration.ofSeconds(30)))
                    .map(ClaimStrategy.Claim::id).contains(job.id());
            clock.advance(Duration.ofSeconds(31));
        }
        CleanupJob stuck = sd.cleanup().queue().require(job.id());
        assertThat(stuck.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(stuck.attempts()).isEqualTo(stuck.maxAttempts());
        List<Alert> alerts = new CopyOnWriteArrayList<>();
        CleanupWorker worker = sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(alerts::add));

        assertThat(worker.runOne()).as("the expired job is still claimable").isTrue();

        CleanupJob failed = sd.cleanup().queue().require(job.id());
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.leaseOwner()).isNull();
        assertThat(failed.lastError()).contains("attempts");
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo("cleanup.job_failed");
            assertThat(a.severity()).isEqualTo(Alert.Severity.CRITICAL);
        });
        assertThat(registry.get(MetricNames.CLEANUP_JOBS).tag("outcome", "failure").counter().count()).isEqualTo(1);
        assertThat(worker.runOne()).as("nothing left to claim").isFalse();
        assertThat(c.count(c.products())).as("the abandoned job purged nothing").isEqualTo(50);
    }

    @Test
    void fiveConnectionDropsInARowAreRetriedWithoutFailingTheJob() {
        Catalogue c = Catalogue.create(db, "cd_");
        c.products(1, 3_000, EXPIRED);
        Flaky flaky = new Flaky(dataSource());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SoftDelete sd = SoftDelete.builder(flaky).dialect(dialect()).clock(clock)
                .metrics(MicrometerMetrics.of(registry)).build();
        db.execute("DELETE FROM " + sd.cleanup().queue().table()); // only this test's job in the queue
        CleanupJob job = sd.cleanup().queue().enqueue(RetentionPolicy.purge(c.products()).withBatchSize(1_000));
        AtomicInteger pauses = new AtomicInteger();
        CleanupWorker worker = sd.cleanup().newWorker(CleanupSettings.defaults().withAlertListener(a -> { })
                .withRowsPerSecond(1e9).withSleeper(d -> {
                    if (pauses.incrementAndGet() == 1) {
                        flaky.drops.set(5); // after the first batch, the next five connections fail
                    }
                    clock.advance(d);
                }));

        assertThat(worker.runOne()).isTrue();

        CleanupJob done = sd.cleanup().queue().require(job.id());
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.rowsProcessed()).isEqualTo(3_000);
        assertThat(sd.runRegistry().require(done.runId()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(c.count(c.products())).isZero();
        assertThat(flaky.drops).hasValue(0);
        assertThat(registry.get(MetricNames.CLEANUP_RETRIES).tag("reason", "connection").counter().count())
                .isEqualTo(5);
    }

    /** A data source whose next {@code drops} connections fail as a dropped connection would (SQL state 08006). */
    static final class Flaky implements DataSource {
        final AtomicInteger drops = new AtomicInteger();
        private final DataSource delegate;

        Flaky(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new SQLException("Connection dropped (test)", "08006");
            }
            return delegate.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return delegate.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
