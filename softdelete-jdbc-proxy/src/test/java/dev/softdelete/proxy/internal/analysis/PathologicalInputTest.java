package dev.softdelete.proxy.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.softdelete.core.dialect.H2Dialect;
import dev.softdelete.proxy.SoftDeleteProxy;
import dev.softdelete.proxy.analysis.AnalysisSettings;
import dev.softdelete.proxy.analysis.WatchedElement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Input that makes parsers slow never stalls the application's thread: each call returns within
 * a generous bound (2 s; a real stall would be many seconds), and the statement still reaches the
 * database unchanged. The proxy waits at most {@code analysisWait} before going on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathologicalInputTest {

    private static final long BOUND_NANOS = Duration.ofSeconds(2).toNanos();
    private SoftDeleteProxy proxy;
    private JdbcDataSource raw;

    @BeforeAll
    void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pathological;DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id BIGINT PRIMARY KEY, legacy_email VARCHAR(100), deleted_at TIMESTAMP)");
            s.execute("INSERT INTO users VALUES (1, 'a', NULL)");
        }
        raw = h2;
        proxy = SoftDeleteProxy.builder(h2).watch("users.legacy_email").softDeletable("users", "deleted_at")
                .alerts(a -> { }).analysisWait(Duration.ofMillis(50)).build();
    }

    private long timedRaw(String sql) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return System.nanoTime() - start;
    }

    private long timed(String sql) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return System.nanoTime() - start;
    }

    @Test
    void deeplyNestedExpressionsDoNotStallTheCaller() throws SQLException {
        String nested = "(".repeat(300) + "legacy_email = 'a'" + ")".repeat(300);
        assertThat(timed("SELECT id FROM users WHERE " + nested + " AND deleted_at IS NULL")).isLessThan(BOUND_NANOS);
        String arithmetic = "1" + " + (1".repeat(150) + ")".repeat(150);
        assertThat(timed("SELECT " + arithmetic + ", legacy_email FROM users WHERE deleted_at IS NULL"))
                .isLessThan(BOUND_NANOS);
    }

    @Test
    void aOneMegabyteStatementDoesNotStallTheCaller() throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT legacy_email FROM users WHERE deleted_at IS NULL AND id IN (1");
        while (sql.length() < 1_048_576) {
            sql.append(", 1");
        }
        sql.append(')');
        // H2 itself takes a while to parse a 350,000-element IN list (longer on a loaded machine):
        // the bound is on what the proxy adds to the raw data source's time.
        long raw = timedRaw(sql.toString());
        assertThat(timed(sql.toString()) - raw).isLessThan(BOUND_NANOS);
        assertThat(timed(sql.toString()) - raw).isLessThan(BOUND_NANOS); // the second time from the cache
    }

    @Test
    void unparsableStatementsFallBackToATokenScanWithoutStalling() {
        String sql = "SELECT legacy_email FROM users WHERE deleted_at IS NULL AND ))) garbage (((";
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            try (Connection c = proxy.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("Syntax error"); // the database's own error
        assertThat(System.nanoTime() - start).isLessThan(BOUND_NANOS);
        assertThat(proxy.telemetryFailures()).isZero();
    }

    @Test
    void aSlowParseIsAbandonedForTheTokenScan() {
        H2Dialect h2 = new H2Dialect("2.3");
        WatchList watch = new WatchList(NameCase.of(h2), proxy.watched(), proxy.softDeletable());
        SqlAnalyzer analyzer = new SqlAnalyzer(h2.syntax(), watch, AnalysisSettings.defaults().withParseTimeout(Duration.ofMillis(1)).withMaxNesting(1000));
        String nested = "SELECT legacy_email FROM users WHERE deleted_at IS NULL AND "
                + "(".repeat(400) + "1 = 1" + ")".repeat(400);
        long start = System.nanoTime();
        Analysis analysis = analyzer.analyzeNow(nested);
        assertThat(System.nanoTime() - start).isLessThan(BOUND_NANOS);
        assertThat(analysis.hits()).extracting(Hit::element).containsExactly(WatchedElement.column("users", "legacy_email"));
    }
}
