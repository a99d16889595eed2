package dev.softdelete.hibernate;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A pool whose every borrowed connection first runs {@code settings} (unusual session settings
 * such as PostgreSQL's {@code standard_conforming_strings = off}), as a Hikari
 * {@code connectionInitSql} would, but on every checkout so that no pooled connection escapes it.
 */
final class SessionSettingsDataSource implements DataSource {

    private final DataSource pool;
    private final List<String> settings;

    SessionSettingsDataSource(DataSource pool, List<String> settings) {
        this.pool = pool;
        this.settings = List.copyOf(settings);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return prepared(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return prepared(pool.getConnection(username, password));
    }

    private Connection prepared(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : settings) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
