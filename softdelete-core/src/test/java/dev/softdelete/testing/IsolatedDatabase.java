package dev.softdelete.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Dialects;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A database (or schema) of its own for one test class; {@link #close()} drops it. */
public final class IsolatedDatabase implements AutoCloseable {

    /** Cleanup that may fail. */
    @FunctionalInterface
    interface Dropper {
        void drop() throws SQLException;
    }

    private final TestDatabase kind;
    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Dropper dropper;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private HikariDataSource dataSource;
    private Dialect dialect;

    IsolatedDatabase(TestDatabase kind, String name, String jdbcUrl, String user, String password, Dropper dropper) {
        this.kind = kind;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
    }

    /**
     * The database this is on: ask it for capabilities and SQL pieces (never compare it; see
     * {@link TestDatabase#localTimestampType()} and its neighbours).
     */
    public TestDatabase database() {
        return kind;
    }

    /** The schema / database name. */
    public String name() {
        return name;
    }

    /** The name {@code information_schema} gives the schema holding this database's tables. */
    public String schemaName() {
        return kind.schemaName(name);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The shared pool for this database (up to 8 connections). */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = newPool(8);
        }
        return dataSource;
    }

    /** A separate pool, e.g. to play a second application instance. Closed with this database. */
    public synchronized HikariDataSource newPool(int size) {
        HikariDataSource pool = TestDatabase.pool(this, size, name + "-" + pools.size());
        pools.add(pool);
        return pool;
    }

    public synchronized Dialect dialect() {
        if (dialect == null) {
            dialect = Dialects.detect(dataSource());
        }
        return dialect;
    }

    /** Runs statements in auto-commit mode. */
    public void execute(String... sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + String.join("; ", sql), e);
        }
    }

    /**
     * Makes the database's default text comparison case-insensitive for tables created from now
     * on, where the database has such a default (see {@link TestDatabase#caseInsensitiveDefaultCollation}).
     */
    public void useCaseInsensitiveDefaultCollation() {
        String sql = kind.caseInsensitiveDefaultCollation(name);
        if (sql != null) {
            execute(sql);
        }
    }

    /** A single number from a query. */
    public long queryLong(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed: " + sql, e);
        }
    }

    @Override
    public synchronized void close() {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        dataSource = null;
        try {
            dropper.drop();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }

    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
