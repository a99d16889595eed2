package dev.softdelete.core.jdbc;

import dev.softdelete.core.SoftDeleteException;
import java.sql.SQLException;

/** A database call failed. Carries the SQL (never parameter values) and the SQL state. */
public class DataAccessException extends SoftDeleteException {

    /** The statement that failed, or null. */
    private final String sql;

    /**
     * Creates the exception; the message gets the SQL (abbreviated to 300 characters) and the driver's
     * message appended.
     */
    public DataAccessException(String message, String sql, SQLException cause) {
        super(message + (sql == null ? "" : " [SQL: " + abbreviate(sql) + "]")
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.sql = sql;
    }

    /** The statement that failed, if any. */
    public String sql() {
        return sql;
    }

    /** The SQL state reported by the driver, or {@code null}. */
    public String sqlState() {
        return getCause() instanceof SQLException e ? e.getSQLState() : null;
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 300 ? sql : sql.substring(0, 297) + "...";
    }
}
