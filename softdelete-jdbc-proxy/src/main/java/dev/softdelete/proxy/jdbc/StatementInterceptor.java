package dev.softdelete.proxy.jdbc;

import java.sql.SQLException;

/**
 * Sees each SQL string on its way to the driver. Implementations must be fast on the calling
 * thread and must not throw, except to reject a statement on purpose (strict mode) with an
 * {@link SQLException}: the wrappers pass whatever this throws straight to the application.
 */
public interface StatementInterceptor {

    /** Sees nothing, rejects nothing. */
    StatementInterceptor NONE = new StatementInterceptor() {
        /** Does nothing. */
        @Override
        public void beforePrepare(String sql) {
        }

        /** Does nothing. */
        @Override
        public void beforeExecute(String sql) {
        }
    };

    /** Called when a prepared or callable statement is created, before the driver prepares it. */
    void beforePrepare(String sql) throws SQLException;

    /** Called on each execution (and each {@code addBatch(String)}), before the driver runs it. */
    void beforeExecute(String sql) throws SQLException;
}
