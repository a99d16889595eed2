package dev.softdelete.proxy.internal.jdbc;

import dev.softdelete.proxy.jdbc.StatementInterceptor;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.ShardingKey;

/** The driver's JDBC 4.3 connection builder, whose connections are {@link ProxyConnection}s. */
public final class ProxyConnectionBuilder implements ConnectionBuilder {

    private final ConnectionBuilder delegate;
    private final StatementInterceptor interceptor;

    public ProxyConnectionBuilder(ConnectionBuilder delegate, StatementInterceptor interceptor) {
        this.delegate = delegate;
        this.interceptor = interceptor;
    }

    @Override
    public ConnectionBuilder user(String username) {
        delegate.user(username);
        return this;
    }

    @Override
    public ConnectionBuilder password(String password) {
        delegate.password(password);
        return this;
    }

    @Override
    public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
        delegate.shardingKey(shardingKey);
        return this;
    }

    @Override
    public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
        delegate.superShardingKey(superShardingKey);
        return this;
    }

    @Override
    public Connection build() throws SQLException {
        return ProxyConnection.wrap(delegate.build(), interceptor);
    }
}
