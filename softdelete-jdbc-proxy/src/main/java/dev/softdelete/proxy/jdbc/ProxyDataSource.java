package dev.softdelete.proxy.jdbc;

import dev.softdelete.proxy.internal.jdbc.ProxyConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections are {@link ProxyConnection}s, including those built with
 * the JDBC 4.3 {@link #createConnectionBuilder()}. Everything else delegates.
 */
public class ProxyDataSource implements DataSource {

    private final DataSource delegate;
    private final StatementInterceptor interceptor;

    protected ProxyDataSource(DataSource delegate, StatementInterceptor interceptor) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor");
    }

    /** The wrapped data source. */
    public DataSource delegate() {
        return delegate;
    }

    /** Wraps a connection obtained elsewhere with the same telemetry. */
    public Connection wrap(Connection connection) {
        return connection instanceof ProxyConnection ? connection : ProxyConnection.wrap(connection, interceptor);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ProxyConnection.wrap(delegate.getConnection(), interceptor);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ProxyConnection.wrap(delegate.getConnection(username, password), interceptor);
    }

    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        ConnectionBuilder builder = delegate.createConnectionBuilder();
        return new ConnectionBuilder() {
            @Override
            public ConnectionBuilder user(String username) {
                builder.user(username);
                return this;
            }

            @Override
            public ConnectionBuilder password(String password) {
                builder.password(password);
                return this;
            }

            @Override
            public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
                builder.shardingKey(shardingKey);
                return this;
            }

            @Override
            public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
                builder.superShardingKey(superShardingKey);
                return this;
            }

            @Override
            public Connection build() throws SQLException {
                return ProxyConnection.wrap(builder.build(), interceptor);
            }
        };
    }

    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
        return delegate.createShardingKeyBuilder();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
