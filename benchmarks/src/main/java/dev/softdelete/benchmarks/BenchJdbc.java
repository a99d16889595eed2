package dev.softdelete.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

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
}
