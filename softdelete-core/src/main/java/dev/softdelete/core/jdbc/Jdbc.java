package dev.softdelete.core.jdbc;

import dev.softdelete.core.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC idioms every feature needs, written once: a transaction around a callback,
 * parameter binding (instants through the {@link Dialect}) and small query helpers. Not a
 * general-purpose template: the library's own SQL only.
 *
 * <p>Every connection it takes gets the {@link Timeouts} (bounded lock wait and statement time,
 * through {@link Dialect#applyTimeouts}) for the duration of the callback; the connection's
 * previous settings are put back before it returns to the pool.
 */
public final class Jdbc {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Timeouts timeouts;

    /** With {@link Timeouts#defaults()}. */
    public Jdbc(DataSource dataSource, Dialect dialect) {
        this(dataSource, dialect, Timeouts.defaults());
    }

    public Jdbc(DataSource dataSource, Dialect dialect, Timeouts timeouts) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.timeouts = java.util.Objects.requireNonNull(timeouts, "timeouts");
    }

    /** The bounds every statement runs under. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** Whether {@code e} (or a cause) means a lock could not be had in time ({@link Dialect#isLockTimeout}). */
    public boolean isLockTimeout(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql != null && dialect.isLockTimeout(sql);
    }

    /** Whether {@code e} (or a cause) means the connection was lost ({@link Dialect#isConnectionFailure}). */
    public boolean isConnectionFailure(Throwable e) {
        SQLException sql = sqlCause(e);
        return sql != null && dialect.isConnectionFailure(sql);
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** Returns the data source connections come from. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Returns the dialect used to bind instants. */
    public Dialect dialect() {
        return dialect;
    }

    /** Work that needs a connection. */
    @FunctionalInterface
    public interface ConnectionCallback<T> {
        /** Runs the work with {@code connection} and returns its result. */
        T doWith(Connection connection) throws SQLException;
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /** Maps the current row of {@code resultSet}, without advancing it. */
        T map(ResultSet resultSet) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, under the {@link Timeouts}: committed when it returns,
     * rolled back when it throws (any exception). Auto-commit and the connection's timeout
     * settings are restored afterwards, so pooled connections go back clean.
     */
    public <T> T inTransaction(ConnectionCallback<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            Dialect.SessionRestore restore = Dialect.SessionRestore.NONE;
            try {
                restore = dialect.applyTimeouts(connection, timeouts.lockWait(), timeouts.statement(), true);
                T result = work.doWith(connection);
                connection.commit();
                return result;
            } catch (Throwable e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
                restore.restore();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Transaction failed", null, e);
        }
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode, under the {@link Timeouts}; the
     * connection's timeout settings are restored afterwards.
     */
    public <T> T withConnection(ConnectionCallback<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect.SessionRestore restore = dialect.applyTimeouts(connection, timeouts.lockWait(),
                    timeouts.statement(), false);
            try {
                return work.doWith(connection);
            } finally {
                restore.restore();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Database call failed", null, e);
        }
    }

    /** Executes an update and returns the update count. */
    public int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    /** Executes an INSERT and returns the generated key of column {@code keyColumn}. */
    public long insertReturningKey(Connection connection, String sql, String keyColumn, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {keyColumn})) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No generated key returned for " + keyColumn);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    /** Runs a query expected to return at most one row. */
    public <T> Optional<T> queryOne(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = query(connection, sql, mapper, params);
        if (rows.size() > 1) {
            throw new SQLException("Expected at most one row, got " + rows.size() + " for: " + sql);
        }
        return rows.stream().findFirst();
    }

    /** Runs a query returning a single number (e.g. a count); {@code 0} for SQL NULL. */
    public long queryLong(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    /**
     * Binds parameters by position. {@link Instant} goes through the dialect as a library
     * timestamp, {@link TimestampValue} as a host-table timestamp, {@code null} as SQL NULL.
     */
    public void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                dialect.setInstant(statement, index, instant);
            } else if (value instanceof TimestampValue ts) {
                dialect.setInstant(statement, index, ts.instant(), ts.withTimeZone());
            } else if (value instanceof Enum<?> e) {
                statement.setString(index, e.name());
            } else {
                statement.setObject(index, value);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
