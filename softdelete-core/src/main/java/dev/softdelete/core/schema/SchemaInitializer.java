package dev.softdelete.core.schema;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.DataAccessException;
import dev.softdelete.core.jdbc.Timeouts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or upgrades the library's tables. Idempotent: every statement is {@code IF NOT EXISTS}
 * and applied versions are recorded in {@code {prefix}schema_version}. Safe when several instances
 * start at once: the work runs under a database-wide named lock (advisory lock / GET_LOCK).
 */
public final class SchemaInitializer {

    private static final Logger log = LoggerFactory.getLogger(SchemaInitializer.class);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final LibrarySchema schema;
    private final Clock clock;
    private final Timeouts timeouts;

    /** An initializer for the tables of {@code schema} in {@code dataSource}; {@code clock} stamps applied versions. */
    public SchemaInitializer(DataSource dataSource, Dialect dialect, LibrarySchema schema, Clock clock) {
        this(dataSource, dialect, schema, clock, Timeouts.defaults());
    }

    /**
     * As above, with the lock wait and statement time its DDL runs under (so it never waits behind
     * a long transaction on a library table for longer than {@code timeouts.lockWait()}).
     */
    public SchemaInitializer(DataSource dataSource, Dialect dialect, LibrarySchema schema, Clock clock,
            Timeouts timeouts) {
        this.timeouts = timeouts;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Applies every script not yet applied.
     *
     * @return the versions applied by this call (empty when the schema was already current)
     */
    public List<Integer> initialize() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return dialect.withNamedLock(connection, "softdelete_schema_" + schema.prefix(), LOCK_TIMEOUT,
                    () -> {
                        Dialect.SessionRestore restore = dialect.applyTimeouts(connection, timeouts.lockWait(),
                                timeouts.statement(), false);
                        try {
                            return applyPending(connection);
                        } finally {
                            restore.restore();
                        }
                    });
        } catch (SQLException e) {
            throw new SchemaInitializationException("Could not initialize the softdelete schema (prefix '"
                    + schema.prefix() + "') on " + dialect + ": " + e.getMessage()
                    + ". Check that the user may create tables, or apply the scripts under db/softdelete/"
                    + dialect.kind().scriptFolder() + " with Flyway or Liquibase.", e);
        }
    }

    /** Highest applied script version, or 0 when the schema does not exist yet. */
    public int currentVersion() {
        try (Connection connection = dataSource.getConnection()) {
            return readVersion(connection);
        } catch (SQLException e) {
            throw new DataAccessException("Could not read the softdelete schema version", null, e);
        }
    }

    private List<Integer> applyPending(Connection connection) throws SQLException {
        String versionTable = schema.table(LibraryTable.SCHEMA_VERSION);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + versionTable + " (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, installed_at " + dialect.timestampType() + " NOT NULL,"
                    + " installed_by VARCHAR(200))");
        }
        int current = readVersion(connection);
        List<Integer> applied = new ArrayList<>();
        for (SchemaScript script : SchemaScript.ALL) {
            if (script.version() <= current) {
                continue;
            }
            apply(connection, script);
            applied.add(script.version());
        }
        if (applied.isEmpty()) {
            log.debug("softdelete schema (prefix '{}') is current at version {}", schema.prefix(), current);
        } else {
            log.info("softdelete schema (prefix '{}') upgraded from version {} to {} on {}", schema.prefix(),
                    current, applied.get(applied.size() - 1), dialect);
        }
        return applied;
    }

    private void apply(Connection connection, SchemaScript script) throws SQLException {
        // PostgreSQL runs a script atomically; elsewhere DDL commits by itself, and IF NOT EXISTS
        // makes a half-applied script safe to run again.
        boolean transactional = dialect.supportsTransactionalDdl();
        connection.setAutoCommit(!transactional);
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(load(script))) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement record = connection.prepareStatement("INSERT INTO "
                    + schema.table(LibraryTable.SCHEMA_VERSION)
                    + " (version, description, installed_at, installed_by) VALUES (?, ?, ?, ?)")) {
                record.setInt(1, script.version());
                record.setString(2, script.name());
                dialect.setInstant(record, 3, clock.instant());
                record.setString(4, connection.getMetaData().getUserName());
                record.executeUpdate();
            }
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private int readVersion(Connection connection) throws SQLException {
        if (!tableExists(connection)) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM "
                        + schema.table(LibraryTable.SCHEMA_VERSION))) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private boolean tableExists(Connection connection) throws SQLException {
        Dialect.Scope scope = dialect.scope(connection);
        String name = dialect.foldCase(schema.name(LibraryTable.SCHEMA_VERSION));
        try (ResultSet rs = connection.getMetaData().getTables(scope.catalog(), scope.schema(), name, null)) {
            return rs.next();
        }
    }

    private String load(SchemaScript script) {
        String resource = script.resource(dialect.kind());
        try (InputStream in = SchemaInitializer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Schema script " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(SchemaScript.PREFIX_PLACEHOLDER, schema.prefix());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /** Splits a script into statements: comment lines dropped, ';' at end of line ends a statement. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
