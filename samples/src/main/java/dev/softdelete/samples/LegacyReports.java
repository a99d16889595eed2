package dev.softdelete.samples;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Stand-in for old application code the proxy step observes: it still reads a deprecated column
 * and runs native SQL that forgets the soft-delete filter. The proxy names these methods as callers.
 */
final class LegacyReports {

    private final DataSource dataSource;

    LegacyReports(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Still reads {@code users.last_login_at}, which is deprecated. */
    int inactiveUsers() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT u.id, u.last_login_at FROM users u WHERE u.deleted_at IS NULL"
                        + " AND u.last_login_at < TIMESTAMP '2026-06-01 00:00:00'")) {
            return rows(rs);
        }
    }

    /** Still reads {@code users.fax_number}, which the deprecation step renames. */
    int faxDirectory() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT u.id, u.fax_number FROM users u WHERE u.deleted_at IS NULL")) {
            return rows(rs);
        }
    }

    /** Native SQL without {@code deleted_at IS NULL}: deleted products come back. */
    int productExport() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT p.sku, p.name FROM products p ORDER BY p.id")) {
            return rows(rs);
        }
    }

    private static int rows(ResultSet rs) throws SQLException {
        int rows = 0;
        while (rs.next()) {
            rows++;
        }
        return rows;
    }
}
