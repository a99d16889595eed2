package dev.softdelete.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases contract tests run on. H2 is always there. PostgreSQL and MariaDB are used when
 * reachable (settings from {@code SOFTDELETE_PG_URL/USER/PASSWORD} and
 * {@code SOFTDELETE_MARIADB_URL/USER/PASSWORD}, defaulting to the local servers); when they are
 * not, tests are skipped, except with {@code CI=true}, where that fails the build.
 *
 * <p>Each test class gets its own schema (PostgreSQL), database (MariaDB) or in-memory database
 * (H2), named {@code sdt_<utc time>_<random>}, dropped when the class ends, so tests can run again
 * and again, and side by side, on the same servers. Leftovers older than six hours are dropped.
 */
public enum TestDatabase {
    H2, POSTGRESQL, MARIADB;

    private static final Map<TestDatabase, String> UNAVAILABLE = new ConcurrentHashMap<>();
    private static final Map<TestDatabase, Boolean> SWEPT = new ConcurrentHashMap<>();
    private static final Map<TestDatabase, Boolean> WARNED = new ConcurrentHashMap<>();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern MARIADB_URL = Pattern.compile("^(jdbc:mariadb://[^/]+)(?:/([^?]*))?(\\?.*)?$");

    /** Creates a fresh, isolated database for one test class. */
    public IsolatedDatabase create() {
        String name = "sdt_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        requireAvailable();
        try {
            return switch (this) {
                case H2 -> new IsolatedDatabase(this, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "",
                        () -> { });
                case POSTGRESQL -> createPostgres(name);
                case MARIADB -> createMariaDb(name);
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + this, e);
        }
    }

    /** Base JDBC URL (the admin database). */
    public String url() {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:admin";
            case POSTGRESQL -> env("SOFTDELETE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            case MARIADB -> env("SOFTDELETE_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        };
    }

    public String user() {
        return switch (this) {
            case H2 -> "sa";
            case POSTGRESQL -> env("SOFTDELETE_PG_USER", "postgres");
            case MARIADB -> env("SOFTDELETE_MARIADB_USER", "root");
        };
    }

    public String password() {
        return switch (this) {
            case H2 -> "";
            case POSTGRESQL -> env("SOFTDELETE_PG_PASSWORD", "");
            case MARIADB -> env("SOFTDELETE_MARIADB_PASSWORD", "");
        };
    }

    // ---------------------------------------------------------------------------------------------
    // What tests may ask about the database. Tests never compare the database itself: they ask for
    // a capability or a piece of SQL here (or ask the Dialect), named by what it means.
    // ---------------------------------------------------------------------------------------------

    /**
     * Column type for a timestamp without time zone, with microseconds: {@code TIMESTAMP(6)}, or
     * {@code DATETIME(6)} where {@code TIMESTAMP} means something else (MariaDB: a session-zone
     * converted, auto-updated column).
     */
    public String localTimestampType() {
        return this == MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
    }

    /**
     * Column type for a timestamp with time zone, with microseconds: {@code TIMESTAMP(6) WITH TIME
     * ZONE}, or, where the database has no such type (MariaDB), {@link #localTimestampType()}
     * holding the UTC wall-clock time. Compare it with {@link #zonedTimestampLiteral(Instant)}.
     */
    public String zonedTimestampType() {
        return hasZonedTimestamp() ? "TIMESTAMP(6) WITH TIME ZONE" : localTimestampType();
    }

    /** Whether {@link #zonedTimestampType()} really stores a zone (offset), rather than UTC wall-clock time. */
    public boolean hasZonedTimestamp() {
        return this != MARIADB;
    }

    /** A SQL literal for {@code instant}, comparable with a {@link #zonedTimestampType()} column. */
    public String zonedTimestampLiteral(Instant instant) {
        String text = instant.toString().replace('T', ' ').replace("Z", "");
        return hasZonedTimestamp() ? "TIMESTAMP WITH TIME ZONE '" + text + "+00:00'" : "TIMESTAMP '" + text + "'";
    }

    /** Column type for binary values of up to {@code maxBytes} bytes ({@code VARBINARY(n)}, or {@code BYTEA}). */
    public String binaryType(int maxBytes) {
        return this == POSTGRESQL ? "BYTEA" : "VARBINARY(" + maxBytes + ")";
    }

    /**
     * Column type for text of up to {@code maxChars} characters compared case-sensitively (and
     * accent-sensitively): {@code VARCHAR(n)}, with a binary collation where the database's
     * default one ignores case (MariaDB: {@code utf8mb4_bin}).
     */
    public String caseSensitiveTextType(int maxChars) {
        return this == MARIADB ? "VARCHAR(" + maxChars + ") CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                : "VARCHAR(" + maxChars + ")";
    }

    /** Column type for exactly {@code bytes} bytes ({@code BINARY(n)}, or {@code BYTEA}). */
    public String fixedBinaryType(int bytes) {
        return this == POSTGRESQL ? "BYTEA" : "BINARY(" + bytes + ")";
    }

    /** Column type for UUIDs: the native {@code UUID} type (MariaDB 10.7+, PostgreSQL, H2). */
    public String uuidType() {
        return "UUID";
    }

    /**
     * The statement that makes tables created from now on in the isolated database
     * {@code isolatedName} compare text case-insensitively by default, as a production server
     * configured with its usual defaults does ({@code utf8mb4_general_ci} on MariaDB); {@code null}
     * where text always compares case-sensitively unless asked otherwise (PostgreSQL, H2).
     */
    String caseInsensitiveDefaultCollation(String isolatedName) {
        return this == MARIADB ? "ALTER DATABASE " + isolatedName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
                : null;
    }

    /** Column type for JSON documents: the binary, indexable one where there is a choice ({@code JSONB}). */
    public String jsonType() {
        return this == POSTGRESQL ? "JSONB" : "JSON";
    }

    /** A SQL literal for the JSON document {@code json}, assignable to a {@link #jsonType()} column. */
    public String jsonLiteral(String json) {
        String quoted = "'" + json.replace("'", "''") + "'";
        return switch (this) {
            case POSTGRESQL -> quoted + "::jsonb";
            case H2 -> "JSON " + quoted;
            case MARIADB -> quoted;
        };
    }

    /**
     * A derived table (to use after {@code FROM}) aliased {@code g}, with one column {@code n}
     * holding {@code from..to}: rows generated server-side, never row by row from Java.
     */
    public String numberSeries(long from, long to) {
        return switch (this) {
            case POSTGRESQL -> "generate_series(" + from + ", " + to + ") AS g(n)";
            case H2 -> "(SELECT X AS n FROM SYSTEM_RANGE(" + from + ", " + to + ")) g";
            case MARIADB -> "(SELECT seq AS n FROM seq_" + from + "_to_" + to + ") g";
        };
    }

    /**
     * A query returning, as one text value, this session's lock-wait and statement-time settings
     * ({@code lock_timeout/statement_timeout/jit}, {@code LOCK_TIMEOUT()/QUERY_TIMEOUT},
     * {@code innodb_lock_wait_timeout/max_statement_time}), to check that a connection got them
     * or kept them.
     */
    public String sessionTimeoutsQuery() {
        return switch (this) {
            case POSTGRESQL -> "SELECT current_setting('lock_timeout') || '/' || current_setting('statement_timeout') || '/'"
                    + " || current_setting('jit')";
            case H2 -> "SELECT LOCK_TIMEOUT() || '/' || (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'QUERY_TIMEOUT')";
            case MARIADB -> "SELECT CONCAT(@@SESSION.innodb_lock_wait_timeout, '/', @@SESSION.max_statement_time)";
        };
    }

    /** Whether the database reports a table's size on disk ({@code Dialect.tableSizeBytes}); not H2's in-memory databases. */
    public boolean reportsTableSize() {
        return this != H2;
    }

    /** Whether {@code ALTER TABLE ... RENAME CONSTRAINT} exists (MariaDB has none). */
    public boolean canRenameConstraints() {
        return this != MARIADB;
    }

    /**
     * A query returning one text value that changes when a session setting a hostile statement
     * could change does (search path or current schema, statement and lock timeouts, SQL mode,
     * read-only default): compare it before and after to prove a pooled connection came back clean.
     */
    public String sessionSettingsQuery() {
        return switch (this) {
            case POSTGRESQL -> "SELECT concat_ws('|', current_setting('search_path'), current_setting('statement_timeout'),"
                    + " current_setting('lock_timeout'), current_setting('default_transaction_read_only'),"
                    + " current_setting('standard_conforming_strings'), current_setting('idle_in_transaction_session_timeout'),"
                    + " current_setting('jit'))";
            case MARIADB -> "SELECT CONCAT_WS('|', DATABASE(), @@session.sql_mode, @@session.tx_read_only,"
                    + " @@session.max_statement_time, @@session.lock_wait_timeout, @@session.innodb_lock_wait_timeout,"
                    + " @@session.autocommit)";
            case H2 -> "SELECT CURRENT_SCHEMA || '|' || (SELECT LISTAGG(SETTING_NAME || '=' || SETTING_VALUE, '|')"
                    + " WITHIN GROUP (ORDER BY SETTING_NAME) FROM INFORMATION_SCHEMA.SETTINGS)";
        };
    }

    /**
     * Statements creating a user-defined function {@code name()} returning 1 that inserts a row
     * {@code (1)} into {@code table} (which has one integer column {@code n}) each time it is called.
     */
    public List<String> writingFunction(String name, String table) {
        return switch (this) {
            case POSTGRESQL -> List.of("CREATE FUNCTION " + name + "() RETURNS integer LANGUAGE plpgsql AS"
                    + " 'BEGIN INSERT INTO " + table + " (n) VALUES (1); RETURN 1; END'");
            case MARIADB -> List.of("CREATE FUNCTION " + name + "() RETURNS INT MODIFIES SQL DATA NOT DETERMINISTIC"
                    + " BEGIN INSERT INTO " + table + " (n) VALUES (1); RETURN 1; END");
            case H2 -> List.of("CREATE ALIAS " + name + " FOR '" + WritingFunction.class.getName() + ".write'");
        };
    }

    /**
     * A column definition computed from {@code expression} ({@code STORED} where the database
     * cannot compute it on read).
     */
    public String generatedColumn(String sqlType, String expression) {
        return switch (this) {
            case POSTGRESQL -> sqlType + " GENERATED ALWAYS AS (" + expression + ") STORED";
            case MARIADB -> sqlType + " AS (" + expression + ") VIRTUAL";
            case H2 -> sqlType + " GENERATED ALWAYS AS (" + expression + ")";
        };
    }

    /**
     * Statements creating a BEFORE INSERT trigger {@code name} on {@code table} whose body reads
     * {@code column} (on H2 a Java class, {@link NoopTrigger}, whose body the database cannot show).
     */
    public List<String> triggerStatements(String name, String table, String column) {
        return switch (this) {
            case POSTGRESQL -> List.of("CREATE FUNCTION " + name + "_fn() RETURNS trigger LANGUAGE plpgsql AS"
                    + " 'BEGIN NEW." + column + " := NEW." + column + "; RETURN NEW; END'",
                    "CREATE TRIGGER " + name + " BEFORE INSERT ON " + table + " FOR EACH ROW EXECUTE FUNCTION " + name
                            + "_fn()");
            case MARIADB -> List.of("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table + " FOR EACH ROW SET NEW."
                    + column + " = NEW." + column);
            case H2 -> List.of("CREATE TRIGGER " + name + " BEFORE INSERT ON " + table + " FOR EACH ROW CALL '"
                    + NoopTrigger.class.getName() + "'");
        };
    }

    /** Statements creating an enum type {@code name} with two labels, where the database has enum types of their own. */
    public List<String> enumTypeStatements(String name) {
        return this == POSTGRESQL ? List.of("CREATE TYPE " + name + " AS ENUM ('small', 'large')") : List.of();
    }

    /** Statements creating a standalone sequence {@code name}, where deprecation can rename one. */
    public List<String> sequenceStatements(String name) {
        return this == POSTGRESQL ? List.of("CREATE SEQUENCE " + name) : List.of();
    }

    /** Whether the database keeps usage statistics per table and index (PostgreSQL's {@code pg_stat_user_*}). */
    public boolean keepsUsageStatistics() {
        return this == POSTGRESQL;
    }

    /**
     * Whether renaming a column waits for another session's open transaction that read or wrote
     * the table (PostgreSQL's ACCESS EXCLUSIVE lock, MariaDB's metadata lock); H2 renames at once.
     */
    public boolean renameWaitsForOpenTransactions() {
        return this != H2;
    }

    /** A statement setting this session's time zone to UTC+9 (Asia/Tokyo, no daylight saving). */
    public String tokyoSessionTimeZone() {
        return this == MARIADB ? "SET time_zone = '+09:00'" : "SET TIME ZONE 'Asia/Tokyo'";
    }

    /**
     * Whether another process (a second JVM) can connect to an {@link IsolatedDatabase} of this kind.
     * Not for H2, whose isolated databases live in this JVM's memory.
     */
    public boolean reachableFromOtherProcesses() {
        return this != H2;
    }

    /**
     * The name {@code information_schema} gives the schema an {@link IsolatedDatabase} named
     * {@code isolatedName} creates its tables in: that name, or {@code PUBLIC} for H2's in-memory
     * databases.
     */
    String schemaName(String isolatedName) {
        return this == H2 ? "PUBLIC" : isolatedName;
    }

    /** Skips the calling test when the server is unreachable, or fails it under {@code CI=true}. */
    public void requireAvailable() {
        if (this == H2) {
            return;
        }
        String reason = UNAVAILABLE.computeIfAbsent(this, db -> {
            try (Connection ignored = db.adminConnection()) {
                return "";
            } catch (SQLException e) {
                return e.getMessage();
            }
        });
        if (reason.isEmpty()) {
            return;
        }
        String message = this + " is not reachable at " + url() + " (" + reason + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ": CI=true requires every database. Start it (see .ci/run).");
        }
        if (WARNED.putIfAbsent(this, true) == null) {
            // Surefire shows a class aborted in @BeforeAll as "Tests run: 0": say why, once.
            System.err.println("[softdelete tests] " + message + ": skipping every " + this
                    + " test class. Set CI=true to make this a failure.");
        }
        Assumptions.abort(message + ": skipping. Set CI=true to make this a failure.");
    }

    Connection adminConnection() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url(), user(), password());
    }

    private IsolatedDatabase createPostgres(String name) throws SQLException {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            sweep(c, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'sdt\\_%'", "DROP SCHEMA IF EXISTS %s CASCADE");
            s.execute("CREATE SCHEMA " + name);
        }
        String url = url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new IsolatedDatabase(this, name, url, user(), password(), () -> {
            try (Connection c = adminConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            }
        });
    }

    private IsolatedDatabase createMariaDb(String name) throws SQLException {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            sweep(c, "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'sdt\\_%'",
                    "DROP DATABASE IF EXISTS %s");
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        Matcher m = MARIADB_URL.matcher(url());
        if (!m.matches()) {
            throw new IllegalStateException("Unrecognized MariaDB URL " + url());
        }
        String url = m.group(1) + "/" + name + (m.group(3) == null ? "" : m.group(3));
        return new IsolatedDatabase(this, name, url, user(), password(), () -> {
            try (Connection c = adminConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        });
    }

    /** Drops leftovers of killed test JVMs: anything named sdt_ and older than six hours. */
    private void sweep(Connection c, String listSql, String dropSql) throws SQLException {
        if (SWEPT.putIfAbsent(this, true) != null) {
            return;
        }
        String cutoff = LocalDateTime.now(ZoneOffset.UTC).minusHours(6).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(listSql)) {
            while (rs.next()) {
                String n = rs.getString(1);
                String[] parts = n.split("_");
                if (parts.length >= 3 && parts[1].length() == 14 && parts[1].compareTo(cutoff) < 0) {
                    stale.add(n);
                }
            }
        }
        for (String n : stale) {
            try (Statement s = c.createStatement()) {
                s.execute(String.format(Locale.ROOT, dropSql, n));
            }
        }
    }

    /** A pooled data source for an isolated database. */
    static HikariDataSource pool(IsolatedDatabase db, int size, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName(poolName);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    private static String env(String key, String fallback) {
        String value = System.getenv(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
