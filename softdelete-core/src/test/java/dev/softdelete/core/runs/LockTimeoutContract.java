package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.core.time.Sleeper;
import dev.softdelete.testing.DatabaseTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every library statement runs under a bounded lock wait and statement time, set for the library's
 * work only; a run batch that cannot get its locks in time is retried, and a takeover never queues
 * behind a locked registry row. The bounds below (20 s) only stop a hang: without the library's
 * own timeouts these calls would wait for as long as the blocker holds its locks.
 */
public abstract class LockTimeoutContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    static final Duration HANG = Duration.ofSeconds(20);

    private void createTable(String name) {
        db.execute("CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, updated_at " + database().localTimestampType()
                + " NOT NULL, status VARCHAR(20), price INT, parent_id BIGINT, owner_ref BIGINT, deleted_at "
                + database().localTimestampType() + ", deleted_by VARCHAR(100))");
        RunsContract.fill(dataSource(), name, 100, NOW, i -> true, i -> false);
    }

    private String timeouts(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(database().sessionTimeoutsQuery())) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theLibrarysTimeoutsHoldDuringItsWorkAndThePooledConnectionGetsItsOwnBack() throws Exception {
        createTable("ts_item");
        DataSource pool = db.newPool(1); // one connection: the library and the host share it
        String hostSettings;
        try (Connection c = pool.getConnection()) {
            hostSettings = timeouts(c);
        }
        SoftDelete sd = SoftDelete.builder(pool).clock(new SettableClock(NOW)).lockTimeout(Duration.ofSeconds(3))
                .statementTimeout(Duration.ofSeconds(40)).build();

        String inTransaction = sd.jdbc().inTransaction(this::timeouts);
        String autoCommit = sd.jdbc().withConnection(this::timeouts);
        RunReport applied = sd.runs().apply(sd.runs().preview(RunsContract.olderThanRules("ts_item")));

        assertThat(applied.affected()).isEqualTo(100);
        assertThat(inTransaction).isNotEqualTo(hostSettings).isEqualTo(autoCommit);
        assertThat(inTransaction).satisfiesAnyOf(t -> assertThat(t).isEqualTo("3s/40s/off"), // PostgreSQL, JIT off
                t -> assertThat(t).startsWith("3000/40000"), // H2 (ms)
                t -> assertThat(t).startsWith("3/40.")); // MariaDB (s)
        try (Connection c = pool.getConnection()) {
            assertThat(timeouts(c)).as("the host's pooled connection after library calls").isEqualTo(hostSettings);
        }
    }

    @Test
    void aRunBatchBlockedByARowLockTimesOutRetriesAndFinishesAfterTheBlockerCommits() throws Exception {
        createTable("lw_item");
        RecordingMetrics metrics = new RecordingMetrics();
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)).metrics(metrics).lockTimeout(Duration.ofSeconds(1)));
        Preview preview = sd.runs().preview(RunsContract.olderThanRules("lw_item"));
        try (Connection blocker = db.newPool(1).getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeUpdate("UPDATE lw_item SET price = 11 WHERE id = 30");
            }
            AtomicInteger backoffs = new AtomicInteger();
            Sleeper commitsOnFirstBackoff = d -> {
                if (backoffs.incrementAndGet() == 1) {
                    try {
                        blocker.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            RunReport done = assertTimeoutPreemptively(HANG, () -> sd.runs().apply(preview,
                    RunOptions.defaults().withBatchSize(50).withSleeper(commitsOnFirstBackoff)));

            assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(done.affected()).isEqualTo(100);
            assertThat(done.failedBatches()).as("a lock timeout retried is not a failed batch").isZero();
            assertThat(backoffs).hasValue(1);
            assertThat(metrics.total(MetricNames.RUNS_BATCH_RETRIES, "reason", "lock_timeout")).isEqualTo(1);
        }
    }

    @Test
    void aTakeoverNeverQueuesBehindALockedRegistryRow() throws Exception {
        createTable("nw_item");
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)).lockTimeout(Duration.ofSeconds(30)));
        RunReport wave = sd.runs().apply(sd.runs().preview(RunsContract.olderThanRules("nw_item")),
                RunOptions.defaults().withBatchSize(10).withMaxRows(10));
        try (Connection blocker = db.newPool(1).getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeQuery("SELECT * FROM " + sd.schema().table(LibraryTable.RUNS) + " WHERE id = " + wave.runId()
                        + " FOR UPDATE").close();
            }
            assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> sd.runs().resume(wave.runId()))
                    .isInstanceOf(RunLeasedException.class).hasMessageContaining("NOWAIT"));
            blocker.rollback();
        }
        assertThat(sd.runs().resume(wave.runId()).status()).isEqualTo(RunStatus.COMPLETED);
    }
}
