package dev.softdelete.proxy.internal.jdbc;

import dev.softdelete.proxy.jdbc.StatementInterceptor;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKeyBuilder;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections show every SQL string to a {@link StatementInterceptor}
 * before the driver sees it, including connections built with the JDBC 4.3
 * {@link #createConnectionBuilder()}. Everything else delegates to the wrapped data source.
 */
public class ProxyDataSource implements DataSource {

    private final DataSource delegate;
    private final StatementInterceptor interceptor;

    /** Wraps {@code delegate}; its statements go through {@code interceptor}. */
    protected ProxyDataSource(DataSource delegate, StatementInterceptor interceptor) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    }

    /** The wrapped data source. */
    public DataSource delegate() {
        return delegate;
    }

    /** Wraps a connection obtained elsewhere with the same interceptor (a wrapped one is returned as is). */
    public Connection wrap(Connection connection) {
        return connection instanceof ProxyConnection ? connection : ProxyConnection.wrap(connection, interceptor);
    }

    /** A connection of the wrapped data source, intercepted. */
    @Override
    public Connection getConnection() throws SQLException {
        return ProxyConnection.wrap(delegate.getConnection(), interceptor);
    }

    /** A connection of the wrapped data source for this user, intercepted. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ProxyConnection.wrap(delegate.getConnection(username, password), interceptor);
    }

    /** The wrapped data source's builder, whose connections are intercepted. */
    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        return new ProxyConnectionBuilder(delegate.createConnectionBuilder(), interceptor);
    }

    /** Delegates. */
    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
        return delegate.createShardingKeyBuilder();
    }

    /** Delegates. */
    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    /** Delegates. */
    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    /** Delegates. */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    /** Delegates. */
    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    /** Delegates. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    /** This proxy when it implements {@code iface}, else the wrapped data source's answer. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    /** Whether this proxy or the wrapped data source implements {@code iface}. */
    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
