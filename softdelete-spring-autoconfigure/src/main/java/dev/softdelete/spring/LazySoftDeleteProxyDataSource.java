package dev.softdelete.spring;

import dev.softdelete.proxy.SoftDeleteProxy;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's {@code DataSource} bean once wrapped: the {@link SoftDeleteProxy} is built on
 * the first connection, when the {@code SoftDelete} bean (built on the unwrapped data source) can
 * be asked for without a cycle. {@code unwrap(SoftDeleteProxy.class)} returns the proxy;
 * {@code unwrap} of the pool's type reaches the pool without building it. Closing closes the proxy
 * and then the pool, as the bean's inferred destroy method did before wrapping.
 */
final class LazySoftDeleteProxyDataSource implements DataSource, UnwrappableDataSource, AutoCloseable {

    private final DataSource target;
    private final Function<DataSource, SoftDeleteProxy> factory;
    private volatile SoftDeleteProxy proxy;
    private boolean closed;

    LazySoftDeleteProxyDataSource(DataSource target, Function<DataSource, SoftDeleteProxy> factory) {
        this.target = target;
        this.factory = factory;
    }

    @Override
    public DataSource unwrapped() {
        return target;
    }

    /** The proxy, built on first use. */
    SoftDeleteProxy proxy() {
        SoftDeleteProxy p = proxy;
        if (p == null) {
            synchronized (this) {
                p = proxy;
                if (p == null) {
                    p = factory.apply(target);
                    proxy = p;
                }
            }
        }
        return p;
    }

    /** Stops the proxy's background work (when it was built); the pool stays open. */
    synchronized void closeProxy() {
        if (!closed && proxy != null) {
            proxy.close();
        }
        closed = true;
    }

    @Override
    public void close() throws Exception {
        closeProxy();
        if (target instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return proxy().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return proxy().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (iface == SoftDeleteProxy.class) {
            return iface.cast(proxy());
        }
        if (iface.isInstance(target)) {
            return iface.cast(target);
        }
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || iface == SoftDeleteProxy.class || iface.isInstance(target)
                || target.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "SoftDeleteProxy (lazy) around " + target;
    }
}
