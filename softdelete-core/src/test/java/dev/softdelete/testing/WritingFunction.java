package dev.softdelete.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The Java body of H2's writing function (see {@link TestDatabase#writingFunction}). */
public final class WritingFunction {

    /** The table the function writes to. */
    public static volatile String table = "ps_log";

    private WritingFunction() {
    }

    /** Inserts a row into {@link #table} on the caller's connection and returns 1. */
    public static int write(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO " + table + " (n) VALUES (1)");
        }
        return 1;
    }
}
