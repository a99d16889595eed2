package dev.softdelete.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.core.alert.Alert;
import dev.softdelete.core.metrics.MetricNames;
import dev.softdelete.core.metrics.MetricTags;
import dev.softdelete.core.metrics.SoftDeleteMetrics;
import dev.softdelete.core.metrics.micrometer.MicrometerMetrics;
import dev.softdelete.core.schema.LibraryTable;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.core.time.SettableClock;
import dev.softdelete.proxy.analysis.StatementKind;
import dev.softdelete.proxy.analysis.WatchedElement;
import dev.softdelete.proxy.corpus.CorpusSchema;
import dev.softdelete.proxy.leak.LeakReport;
import dev.softdelete.proxy.telemetry.DeprecatedElementAccessException;
import dev.softdelete.proxy.telemetry.StoredUsage;
import dev.softdelete.proxy.telemetry.UsageRecord;
import dev.softdelete.testing.DatabaseTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Telemetry, persistence, alerts, strict mode, leaks and JDBC transparency, on every database. */
public abstract class ProxyTelemetryContract extends DatabaseTest {

    private static final String EMAIL_QUERY = "SELECT u.legacy_email FROM users u WHERE u.id = 1 AND u.deleted_at IS NULL";
    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    private final SettableClock clock = new SettableClock(START);
    private final List<Alert> alerts = new CopyOnWriteArrayList<>();
    private SoftDelete softDelete;

    @BeforeAll
    void createCatalogue() {
        CorpusSchema.create(db);
    }

    @BeforeEach
    void freshTelemetry() {
        clock.set(START);
        softDelete = softDelete(b -> b.clock(clock).instanceId("instance-a"));
        db.execute("DELETE FROM " + softDelete.schema().table(LibraryTable.DEPRECATED_USAGE),
                "DELETE FROM " + softDelete.schema().table(LibraryTable.DEPRECATIONS));
        alerts.clear();
    }

    private SoftDeleteProxy.Builder proxy() {
        return SoftDeleteProxy.builder(dataSource()).telemetry(softDelete).alerts(alerts::add)
                .analysisWait(Duration.ofSeconds(5));
    }

    private String queryEmail(javax.sql.DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(EMAIL_QUERY)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void recordsUsageWithTheCallingFrameAndFlushesItToTheUsageTable() throws Exception {
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").build()) {
            assertThat(queryEmail(proxy)).isEqualTo("a@old.example");
            clock.advance(Duration.ofMinutes(5));
            queryEmail(proxy);

            UsageRecord usage = proxy.usage().get(0);
            assertThat(usage.element()).isEqualTo("users.legacy_email");
            assertThat(usage.accessCount()).isEqualTo(2);
            assertThat(usage.firstAccess()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
            assertThat(usage.lastAccess()).isEqualTo(Instant.parse("2026-11-22T09:05:00Z"));
            assertThat(usage.statementKind()).isEqualTo(StatementKind.SELECT);
            assertThat(usage.sampleSql()).isEqualTo(EMAIL_QUERY);
            assertThat(usage.caller()).startsWith(ProxyTelemetryContract.class.getName() + ".queryEmail(");

            assertThat(proxy.flush()).isEqualTo(1);
            assertThat(proxy.flush()).isZero();
            clock.advance(Duration.ofMinutes(5));
            queryEmail(proxy);
            proxy.flush();
            StoredUsage stored = proxy.storedUsage().get(0);
            assertThat(stored.accessCount()).isEqualTo(3);
            assertThat(stored.instanceId()).isEqualTo("instance-a");
            assertThat(stored.firstAccess()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
            assertThat(stored.lastAccess()).isEqualTo(Instant.parse("2026-11-22T09:10:00Z"));
            assertThat(stored.caller()).contains("ProxyTelemetryContract.queryEmail");
        }
    }

    @Test
    void everyInstanceKeepsItsOwnRowAndCloseFlushes() throws Exception {
        SoftDelete other = softDelete(b -> b.clock(clock).instanceId("instance-b"));
        try (SoftDeleteProxy a = proxy().watch("users.legacy_email").build();
                SoftDeleteProxy b = SoftDeleteProxy.builder(db.newPool(2)).telemetry(other).alerts(x -> { })
                        .watch("users.legacy_email").analysisWait(Duration.ofSeconds(5)).build()) {
            queryEmail(a);
            queryEmail(b);
            queryEmail(b);
        }
        List<StoredUsage> rows;
        try (SoftDeleteProxy reader = SoftDeleteProxy.builder(dataSource()).telemetry(softDelete).build()) {
            rows = reader.storedUsage();
        }
        assertThat(rows).extracting(StoredUsage::instanceId, StoredUsage::accessCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("instance-a", 1L),
                        org.assertj.core.groups.Tuple.tuple("instance-b", 2L));
    }

    @Test
    void watchesWhatTheDeprecationRegistryMarksAsWatched() throws Exception {
        insertDeprecation("COLUMN", "users", "legacy_email");
        try (SoftDeleteProxy proxy = proxy().build()) {
            assertThat(proxy.watched()).containsExactly(WatchedElement.column("users", "legacy_email"));
            queryEmail(proxy);
            insertDeprecation("TABLE", "legacy_orders", "legacy_orders");
            proxy.refreshWatchList();
            assertThat(proxy.watched()).contains(WatchedElement.table("legacy_orders"));
            try (Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM legacy_orders").close();
            }
            assertThat(proxy.usage()).extracting(UsageRecord::element)
                    .containsExactly("legacy_orders", "users.legacy_email");
        }
    }

    private void insertDeprecation(String type, String table, String object) {
        softDelete.jdbc().inTransaction(c -> softDelete.jdbc().update(c, "INSERT INTO "
                + softDelete.schema().table(LibraryTable.DEPRECATIONS) + " (object_type, table_name, object_name,"
                + " reason, status, watch, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", type, table, object,
                "replaced", "DEPRECATED", true, clock.instant(), clock.instant()));
    }

    @Test
    void countsAccessesOnTheMetricTaggedByElement() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").metrics(MicrometerMetrics.of(registry)).build()) {
            queryEmail(proxy);
            queryEmail(proxy);
            queryEmail(dataSource()); // not through the proxy: not counted
        }
        assertThat(registry.get(MetricNames.DEPRECATED_ACCESS).tag("element", "users.legacy_email").counter().count())
                .isEqualTo(2.0);
    }

    @Test
    void alertsOnAccessAfterAQuietPeriodOnly() throws Exception {
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").quietPeriod(Duration.ofHours(1)).build()) {
            queryEmail(proxy);
            clock.advance(Duration.ofMinutes(30));
            queryEmail(proxy);
            proxy.awaitAnalysis(); // recorded by the analysis thread, at the time of execution
            assertThat(alerts).hasSize(1);
            clock.advance(Duration.ofHours(2));
            queryEmail(proxy);
        }
        assertThat(alerts).extracting(Alert::type).containsExactly(ProxyAlertTypes.DEPRECATED_ACCESS, ProxyAlertTypes.DEPRECATED_ACCESS);
        assertThat(alerts.get(1).subject()).isEqualTo("users.legacy_email");
        assertThat(alerts.get(1).attributes().get("caller")).contains("ProxyTelemetryContract.queryEmail");
        assertThat(alerts.get(1).attributes().get("previous_access")).isEqualTo("2026-11-22T09:30:00Z");
    }

    @Test
    void quietPeriodSurvivesARestartThroughTheUsageTable() throws Exception {
        try (SoftDeleteProxy first = proxy().watch("users.legacy_email").quietPeriod(Duration.ofHours(1)).build()) {
            queryEmail(first);
        }
        alerts.clear();
        clock.advance(Duration.ofMinutes(10));
        try (SoftDeleteProxy restarted = proxy().watch("users.legacy_email").quietPeriod(Duration.ofHours(1)).build()) {
            queryEmail(restarted);
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void strictModeRejectsDeprecatedAccessBeforeTheDatabaseSeesIt() throws Exception {
        softDelete = softDelete(b -> b.clock(clock).instanceId("instance-a").actorProvider(() -> "mallory"));
        db.execute("DELETE FROM " + softDelete.schema().table(LibraryTable.AUDIT_LOG));
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").strict(true).build();
                Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE users SET legacy_email = 'changed' WHERE id = 2"))
                    .isInstanceOf(DeprecatedElementAccessException.class)
                    .hasMessageContaining("users.legacy_email")
                    .hasMessageContaining("strict mode")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42000");
            assertThatThrownBy(() -> c.prepareStatement(EMAIL_QUERY)).isInstanceOf(DeprecatedElementAccessException.class);
            assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE legacy_email = 'changed'")).isZero();
            assertThat(s.executeUpdate("UPDATE users SET email = email WHERE id = 2")).isEqualTo(1);
            // SELECT * reads the deprecated column too: strict mode refuses every hit, whatever its confidence.
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM users WHERE id = 1"))
                    .isInstanceOf(DeprecatedElementAccessException.class);
            // Rejected update, rejected prepare and the rejected SELECT * all count as accesses.
            assertThat(proxy.usage()).extracting(UsageRecord::accessCount).containsExactly(3L);
            // Each refusal is audited off the query thread, as the actor of the refused statement,
            // with the statement's shape: no value the application sent ('changed') is stored.
            assertThat(softDelete.auditLog().forTarget("ELEMENT", "users.legacy_email", 10)).hasSize(3)
                    .allSatisfy(entry -> {
                        assertThat(entry.action()).isEqualTo("STRICT_REFUSAL");
                        assertThat(entry.outcome()).isEqualTo("REFUSED");
                        assertThat(entry.actor()).isEqualTo("mallory");
                        assertThat(entry.details()).contains("\"caller\":\"" + ProxyTelemetryContract.class.getName())
                                .contains("statement_shape").doesNotContain("changed");
                    });
        }
    }

    /**
     * Strict mode decides from the text only: multi-statement strings (a harmless statement first)
     * and whole-row uses are refused on a fresh proxy (empty cache, nothing parsed yet) and on every
     * repetition, with nothing changed in the database.
     */
    @Test
    void strictModeRefusesMultiStatementAndWholeRowUsesColdAndWarm() throws Exception {
        List<String> refused = List.of(
                "SELECT 1 FROM orders WHERE id = 1; UPDATE users SET legacy_email = 'changed' WHERE id = 2",
                "SELECT id FROM orders; SELECT u.legacy_email FROM users u WHERE u.deleted_at IS NULL",
                "INSERT INTO users VALUES (80, 'w@example.com', 'changed', NULL, NULL)",
                "SELECT * FROM users WHERE deleted_at IS NULL",
                "SELECT u.* FROM users u WHERE u.deleted_at IS NULL");
        for (String sql : refused) {
            try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").strict(true).build();
                    Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
                for (int attempt = 0; attempt < 20; attempt++) { // the first attempt is cold, the rest warm
                    assertThatThrownBy(() -> s.execute(sql)).as(sql + " attempt " + attempt)
                            .isInstanceOf(DeprecatedElementAccessException.class);
                    assertThatThrownBy(() -> c.prepareStatement(sql)).as(sql + " prepared, attempt " + attempt)
                            .isInstanceOf(DeprecatedElementAccessException.class);
                }
            }
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM users WHERE legacy_email = 'changed' OR id = 80")).isZero();
    }

    @Test
    void aStatementNeverWaitsForItsAnalysisAndNoEvidenceIsLost() throws Exception {
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").build();
                Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 300; i++) { // each a new string: none is in the cache
                try (ResultSet rs = s.executeQuery("SELECT u.legacy_email FROM users u WHERE u.id = " + i
                        + " AND u.deleted_at IS NULL")) {
                    rs.next();
                }
            }
            assertThat(proxy.usage()).extracting(UsageRecord::accessCount).containsExactly(300L);
            assertThat(proxy.evidenceDropped()).isZero();
            assertThat(proxy.telemetryFailures()).isZero();
        }
    }

    @Test
    void aFullAnalysisBufferCountsMetersAndAlertsTheDrop() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").metrics(MicrometerMetrics.of(registry))
                .analysis(dev.softdelete.proxy.analysis.AnalysisSettings.defaults().withMaxPending(1, 60)).build();
                Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
            String longer = "SELECT u.legacy_email FROM users u WHERE u.deleted_at IS NULL AND u.id = 1 AND u.email <> 'x'";
            s.executeQuery(longer).close(); // over the 60-character budget: dropped, never silently
            assertThat(proxy.evidenceDropped()).isEqualTo(1);
            assertThat(registry.get(ProxyMetricNames.EVIDENCE_DROPPED).counter().count()).isEqualTo(1.0);
            assertThat(alerts).extracting(Alert::type).contains(ProxyAlertTypes.EVIDENCE_DROPPED);
        }
    }

    @Test
    void applicationPackagesTakePrecedenceOverTheSkipList() throws Exception {
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").skipCallerPackages("dev.softdelete.proxy.")
                .applicationPackages("dev.softdelete.proxy.Proxy").build()) {
            queryEmail(proxy);
            assertThat(proxy.usage().get(0).caller()).startsWith(ProxyTelemetryContract.class.getName() + ".queryEmail(");
        }
        try (SoftDeleteProxy proxy = proxy().watch("users.legacy_email").skipCallerPackages("dev.softdelete.proxy.")
                .build()) {
            queryEmail(proxy);
            assertThat(proxy.usage().get(0).caller()).doesNotStartWith(ProxyTelemetryContract.class.getName());
        }
    }

    @Test
    void failuresInsideTelemetryNeverReachTheApplication() throws Exception {
        SoftDeleteMetrics throwingMetrics = new SoftDeleteMetrics() {
            @Override
            public void count(String name, long amount, MetricTags tags) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        Clock throwingClock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new IllegalStateException("clock broken");
            }
        };
        try (SoftDeleteProxy metricsFail = proxy().watch("users.legacy_email").metrics(throwingMetrics)
                .alerts(a -> { throw new IllegalStateException("pager down"); }).build();
                SoftDeleteProxy clockFails = proxy().watch("users.legacy_email").clock(throwingClock).build()) {
            assertThat(queryEmail(metricsFail)).isEqualTo("a@old.example");
            assertThat(queryEmail(clockFails)).isEqualTo("a@old.example");
            assertThat(metricsFail.telemetryFailures()).isEqualTo(1);
            assertThat(clockFails.telemetryFailures()).isEqualTo(1);
            // The driver's own errors still come through unchanged.
            try (Connection c = clockFails.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT legacy_email FROM no_such_table"))
                        .isInstanceOf(SQLException.class).isNotInstanceOf(DeprecatedElementAccessException.class);
            }
        }
    }

    @Test
    void reportsSelectsThatLeakSoftDeletedRowsWithTheCallingFrame() throws Exception {
        try (SoftDeleteProxy proxy = proxy().softDeletable("products", "deleted_at").build();
                Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT p.name FROM products p WHERE p.deleted_at IS NULL").close();
            assertThat(proxy.leaks()).isEmpty();
            for (int i = 0; i < 2; i++) {
                try (ResultSet rs = s.executeQuery("SELECT p.name FROM products p ORDER BY p.id")) {
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                    }
                    assertThat(rows).isEqualTo(3); // the deleted product leaks: the proxy reports, never changes
                }
            }
            LeakReport leak = proxy.leaks().get(0);
            assertThat(leak.table()).isEqualTo("products");
            assertThat(leak.count()).isEqualTo(2);
            assertThat(leak.caller()).startsWith(ProxyTelemetryContract.class.getName()
                    + ".reportsSelectsThatLeakSoftDeletedRowsWithTheCallingFrame(");
            assertThat(alerts).extracting(Alert::type).containsExactly(ProxyAlertTypes.SOFT_DELETE_LEAK);
        }
    }

    @Test
    void watchesTheSoftDeletableTablesDeclaredInCore() throws Exception {
        SoftDelete declaring = softDelete(b -> b.clock(clock).instanceId("instance-a")
                .softDeletable(SoftDeletableTable.of("products").withMarkerColumn("deleted_at")));
        try (SoftDeleteProxy proxy = SoftDeleteProxy.builder(dataSource()).telemetry(declaring).alerts(alerts::add)
                .analysisWait(Duration.ofSeconds(5)).build();
                Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
            assertThat(proxy.softDeletable()).extracting(SoftDeletableTable::table).containsExactly("products");
            s.executeQuery("SELECT p.name FROM products p WHERE p.deleted_at IS NULL").close();
            assertThat(proxy.leaks()).isEmpty();
            s.executeQuery("SELECT p.name FROM products p ORDER BY p.id").close();
            assertThat(proxy.leaks()).extracting(LeakReport::table, LeakReport::count)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("products", 1L));
            assertThat(alerts).extracting(Alert::type).containsExactly(ProxyAlertTypes.SOFT_DELETE_LEAK);
        }
    }

    /** Generated keys differ per driver (MariaDB has none for an explicit id): compare with the raw driver. */
    private static String insertReturningKeys(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, user_id, product_id, qty) VALUES (?, 1, 1, 1)",
                new String[] {"id"})) {
            ps.setLong(1, 11);
            long count = ps.executeLargeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return count + " " + (keys.next() ? keys.getString(1) : "none");
            }
        }
    }

    private String rawInsertReturningKeys() throws SQLException {
        try (Connection raw = db.newPool(1).getConnection()) {
            raw.setAutoCommit(false);
            try {
                return insertReturningKeys(raw);
            } finally {
                raw.rollback();
            }
        }
    }

    @Test
    void wrappersAreTransparentForBatchesKeysLargeUpdatesAndUnwrap() throws Exception {
        String rawKeys = rawInsertReturningKeys(); // first: it must not wait on the proxy's row locks
        try (SoftDeleteProxy proxy = proxy().watch("legacy_orders").build(); Connection c = proxy.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                assertThat(s.getConnection()).isSameAs(c);
                assertThat(s.isWrapperFor(Statement.class)).isTrue();
                assertThat(s.unwrap(Statement.class)).isSameAs(s);
                s.addBatch("INSERT INTO legacy_orders (id, user_id, total) VALUES (10, 1, 1)");
                s.addBatch("INSERT INTO orders (id, user_id, product_id, qty) VALUES (10, 1, 1, 1)");
                assertThat(s.executeBatch()).containsExactly(1, 1);
                assertThat(s.executeLargeUpdate("UPDATE legacy_orders SET total = total + 1")).isEqualTo(3L);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO legacy_orders (id, user_id, total) VALUES (?, ?, ?)")) {
                for (int id = 20; id < 23; id++) {
                    ps.setLong(1, id);
                    ps.setLong(2, 1);
                    ps.setBigDecimal(3, java.math.BigDecimal.ONE);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).hasSize(3);
                assertThat(ps.getConnection()).isSameAs(c);
            }
            assertThat(insertReturningKeys(c)).isEqualTo(rawKeys);
            assertThat(c.isWrapperFor(Connection.class)).isTrue();
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            assertThat(c.createStatement().enquoteLiteral("it's")).isEqualTo("'it''s'");
            c.rollback();
            c.setAutoCommit(true);
        }
        // Statement batch: one hit at addBatch; prepared batch: one hit per executeBatch; large update: one.
        assertThat(db.queryLong("SELECT COUNT(*) FROM legacy_orders")).isEqualTo(2);
    }
}
