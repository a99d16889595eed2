package dev.softdelete.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.purge.PurgeConfigurationException;
import dev.softdelete.core.purge.PurgeResult;
import dev.softdelete.core.purge.RetentionPolicy;
import dev.softdelete.core.registry.RunStatus;
import dev.softdelete.core.runs.rule.InvalidRuleException;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.testing.DatabaseTest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Inputs that used to give wrong results: typed rule values, names, thresholds, far instants. */
public abstract class RunInputsContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void anInactiveRuleOnADateSurvivesResume() throws SQLException {
        db.execute("CREATE TABLE dt_item (id BIGINT PRIMARY KEY, valid_on DATE, deleted_at "
                + database().localTimestampType() + ")");
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO dt_item (id, valid_on) VALUES (?, ?)")) {
            for (int i = 1; i <= 30; i++) {
                ps.setLong(1, i);
                ps.setObject(2, i % 3 == 0 ? LocalDate.of(2021, 1, 1) : LocalDate.of(2020, 1, 1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        Preview preview = sd.runs().preview(RuleSet.on("dt_item").rule(Rule.inactive("valid_on", LocalDate.of(2020, 1, 1)))
                .build());
        assertThat(preview.total()).isEqualTo(20);
        RunReport wave = sd.runs().apply(preview, RunOptions.defaults().withBatchSize(5).withMaxRows(5));
        assertThat(wave.status()).isEqualTo(RunStatus.PAUSED);
        RunReport done = sd.runs().resume(wave.runId(), RunOptions.defaults().withBatchSize(5));
        assertThat(done.status()).as(done.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.affected()).isEqualTo(20);
        assertThat(done.failedBatches()).isZero();
        assertThat(sd.runs().undo(done.runId()).affected()).isEqualTo(20);
    }

    @Test
    void theLibrarysTablesAreNeverTargetsWhateverThePrefix() {
        for (String prefix : new String[] {"", "sd_"}) {
            SoftDelete sd = softDelete(b -> b.tablePrefix(prefix).clock(new SettableClock(NOW))
                    .softDeletable(SoftDeletableTable.of(prefix + "migration_runs").withMarkerColumn("finished_at"))
                    .softDeletable(SoftDeletableTable.of(prefix + "cleanup_jobs").withMarkerColumn("finished_at")));
            assertThatThrownBy(() -> sd.runs().preview(RuleSet.on(prefix + "migration_runs")
                    .rule(Rule.olderThan("created_at", Duration.ofDays(1))).build()))
                    .as("prefix '%s'", prefix).isInstanceOf(InvalidRuleException.class)
                    .hasMessageContaining("library's own");
            assertThatThrownBy(() -> sd.purge().plan(RetentionPolicy.purge(prefix + "cleanup_jobs")))
                    .as("prefix '%s'", prefix).isInstanceOf(PurgeConfigurationException.class)
                    .hasMessageContaining("library's own");
            assertThatThrownBy(() -> sd.cleanup().queue().enqueue(RetentionPolicy.purge(prefix + "cleanup_jobs"), 1))
                    .as("prefix '%s'", prefix).isInstanceOf(PurgeConfigurationException.class);
        }
    }

    @Test
    void theErrorThresholdCountsOnlyThisCallsFailures() {
        db.execute("CREATE TABLE th_item (id BIGINT PRIMARY KEY, updated_at " + database().localTimestampType()
                + " NOT NULL, deleted_at " + database().localTimestampType()
                + ", CONSTRAINT th_no_57 CHECK (deleted_at IS NULL OR id <> 57))");
        db.execute("INSERT INTO th_item (id, updated_at) SELECT n, " + timestamp(Instant.parse("2019-01-01T00:00:00Z"))
                + " FROM " + database().numberSeries(1, 100));
        AtomicInteger failNext = new AtomicInteger();
        RecordingMetrics metrics = new RecordingMetrics();
        SoftDelete sd = SoftDelete.builder(failing(dataSource(), "th_item", failNext)).clock(new SettableClock(NOW))
                .metrics(metrics).build();
        RuleSet rules = RuleSet.on("th_item").rule(Rule.olderThan("updated_at", Duration.ofDays(365))).build();
        RunOptions options = RunOptions.defaults().withBatchSize(10).withErrorThreshold(0.25); // 2.5 of 10 batches
        RunReport paused = sd.runs().apply(sd.runs().preview(rules), options);
        assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
        assertThat(paused.failedBatches()).as("three failures in a row").isEqualTo(3);
        assertThat(metrics.total(MetricNames.RUNS, "outcome", "failed")).as("stopped by failures: failed, not paused")
                .isEqualTo(1);
        assertThat(metrics.total(MetricNames.RUNS, "outcome", "paused")).isZero();

        db.execute("ALTER TABLE th_item DROP CONSTRAINT th_no_57");
        failNext.set(1); // one transient failure in this call: within its threshold
        RunReport done = sd.runs().resume(paused.runId(), options);
        assertThat(done.status()).as(done.toJson()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.affected()).isEqualTo(100);
        assertThat(done.failedBatches()).as("counted in the registry all the same").isEqualTo(4);
    }

    @Test
    void tablesAndColumnsWithCapitalsInTheirRealNamesCanBeTargeted() {
        String table = dialect().quote(Identifier.quoted("OrderItems"));
        db.execute("CREATE TABLE " + table + " (" + dialect().quote(Identifier.quoted("Id")) + " BIGINT PRIMARY KEY, "
                + dialect().quote(Identifier.quoted("UpdatedAt")) + " " + database().localTimestampType() + ", deleted_at "
                + database().localTimestampType() + ")");
        db.execute("INSERT INTO " + table + " SELECT n, " + timestamp(Instant.parse("2019-01-01T00:00:00Z"))
                + ", NULL FROM " + database().numberSeries(1, 12));
        SettableClock clock = new SettableClock(NOW);
        SoftDelete sd = softDelete(b -> b.clock(clock).softDeletable(SoftDeletableTable.of("OrderItems")
                .withKeyColumn("Id")));
        Preview preview = sd.runs().preview(RuleSet.on("OrderItems")
                .rule(Rule.olderThan("UpdatedAt", Duration.ofDays(365))).build());
        assertThat(preview.total()).isEqualTo(12);
        RunReport done = sd.runs().apply(preview, RunOptions.defaults().withBatchSize(5));
        assertThat(done.affected()).isEqualTo(12);
        assertThat(sd.runs().undo(done.runId()).affected()).isEqualTo(12);
        assertThat(sd.runs().apply(sd.runs().preview(RuleSet.on("OrderItems")
                .rule(Rule.olderThan("UpdatedAt", Duration.ofDays(365))).build())).affected()).isEqualTo(12);
        clock.advance(Duration.ofDays(60));
        PurgeResult purged = sd.purge().apply(RetentionPolicy.purge("OrderItems").withBatchSize(5));
        assertThat(purged.totalRemoved()).isEqualTo(12);
        assertThat(db.queryLong("SELECT COUNT(*) FROM " + table)).isZero();
    }

    @Test
    void instantsBeforeYearOneAreRefusedNotWrittenAsAnotherYear() {
        db.execute("CREATE TABLE yr_item (id BIGINT PRIMARY KEY, updated_at " + database().localTimestampType()
                + ", deleted_at " + database().localTimestampType() + ")");
        SoftDelete sd = softDelete(b -> b.clock(new SettableClock(NOW)));
        RuleSet rules = RuleSet.on("yr_item").rule(Rule.olderThan("updated_at", Duration.ofDays(365L * 2028))).build();
        assertThatThrownBy(() -> sd.runs().preview(rules)).isInstanceOf(SoftDeleteException.class)
                .hasMessageContaining("before year 1");
    }

    private String timestamp(Instant instant) {
        return database().zonedTimestampLiteral(instant).replace("WITH TIME ZONE ", "").replace("+00:00", "");
    }

    /** A data source whose connections fail the next {@code failNext} statements that update {@code table}. */
    static DataSource failing(DataSource target, String table, AtomicInteger failNext) {
        InvocationHandler connections = (proxy, method, args) -> {
            try {
                Object result = method.invoke(target, args);
                if (result instanceof Connection c) {
                    return Proxy.newProxyInstance(RunInputsContract.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && a[0] instanceof String sql) {
                                    String lower = sql.toLowerCase(Locale.ROOT);
                                    if (lower.contains("update") && lower.contains(table)
                                            && failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                                        throw new SQLException("injected transient failure");
                                    }
                                }
                                try {
                                    return m.invoke(c, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DataSource) Proxy.newProxyInstance(RunInputsContract.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, connections);
    }
}
