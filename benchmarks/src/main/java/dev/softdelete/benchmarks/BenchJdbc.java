package dev.softdelete.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Plain JDBC for setting up and checking a suite's tables, and its database settings. */
public final class BenchJdbc {

    private BenchJdbc() {
    }

    /** Runs {@code sql} statements one after the other on one connection. */
    public static void exec(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** {@code SELECT COUNT(*) FROM <from>} ({@code from} may carry a WHERE clause). */
    public static long count(DataSource ds, String from) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The environment variable {@code key}, or {@code fallback} when it is unset or blank. */
    public static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * A pool of {@code size} PostgreSQL connections to {@code url}, in {@code schema} unless null,
     * with the credentials of SOFTDELETE_PG_USER and SOFTDELETE_PG_PASSWORD.
     */
    public static HikariDataSource pgPool(String url, String schema, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(env("SOFTDELETE_PG_USER", "postgres"));
        config.setPassword(env("SOFTDELETE_PG_PASSWORD", ""));
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** Stops the suite when one of its own sanity checks fails: a figure from a wrong run is worse than none. */
    public static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Benchmark sanity check failed: " + what);
        }
    }
}
