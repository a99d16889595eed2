package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * H2 2.x: SKIP LOCKED, no partial indexes, DDL commits. Unquoted names fold to upper case. H2
 * reports no identifier limit that matters here; 256 characters is what it accepts.
 */
public class H2Dialect extends AbstractDialect {

    /** H2 has no cross-session advisory lock; embedded H2 lives in one JVM, so a JVM lock per database suffices. */
    private static final ConcurrentHashMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** A dialect for H2 {@code version}, as the driver reports it. */
    public H2Dialect(String version) {
        super(version);
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.H2;
    }

    @Override
    public int maxIdentifierLength() {
        return 256;
    }

    @Override
    public String foldCase(String unquotedName) {
        return unquotedName.toUpperCase(Locale.ROOT);
    }

    private static final SqlSyntax SYNTAX = new SqlSyntax("h2", false, false, true, false);

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public String encodedStringLiteral(String value) {
        return value == null ? "NULL" : "UTF8TOSTRING(X'" + utf8Hex(value) + "')";
    }

    /**
     * The common ones plus H2's names for them. Not {@code FILE_READ},
     * {@code FILE_WRITE}, {@code CSVREAD}, {@code CSVWRITE}, {@code LINK_SCHEMA}, {@code SLEEP}-like
     * Java aliases, sequences or anything reading {@code INFORMATION_SCHEMA}.
     */
    private static final Set<String> PURE_FUNCTIONS = pureFunctionsWith("lcase", "ucase", "year", "month");

    @Override
    public Set<String> pureFunctions() {
        return PURE_FUNCTIONS;
    }

    /** H2 has no {@code SET TRANSACTION READ ONLY}, and {@code setReadOnly} does not stop writes. */
    @Override
    public boolean enforcesReadOnlyTransactions() {
        return false;
    }

    /** H2's metadata names the index behind a unique constraint, not the constraint itself. */
    @Override
    public Map<String, String> constraintNamesByIndex(Connection connection, Scope scope, String table)
            throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT INDEX_NAME, CONSTRAINT_NAME FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND INDEX_NAME IS NOT NULL")) {
            statement.setString(1, scope.schema());
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return names;
    }

    private final SchemaObjects schemaObjects = new H2SchemaObjects(this);

    @Override
    public SchemaObjects schemaObjects() {
        return schemaObjects;
    }

    /** 60 bits of the SHA-256 of the text (H2 has no MD5). */
    @Override
    public String hash60(String text) {
        return "BITAND(CAST(SUBSTRING(HASH('SHA-256', " + text + "), 1, 8) AS BIGINT), 1152921504606846975)";
    }

    @Override
    protected String sessionTimeZone(Connection connection) throws SQLException {
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT SETTING_VALUE FROM"
                + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'TIME ZONE'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    protected void setSessionTimeZone(Connection connection, String zone) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute(zone == null ? "SET TIME ZONE LOCAL" : "SET TIME ZONE " + syntax().stringLiteral(zone));
        }
    }

    @Override
    public String textType() {
        return "VARCHAR";
    }

    @Override
    public String hexOf(String binary) {
        return "LOWER(RAWTOHEX(" + binary + "))";
    }

    /** H2 has no function from hexadecimal text to bytes ({@code HEXTORAW} yields characters). */
    @Override
    public String bytesOfHex(String hex) {
        throw new UnsupportedDatabaseException("H2 cannot turn hexadecimal text into bytes in SQL; decode "
                + hex + " in Java instead.");
    }

    @Override
    public String sha256Hex(String text) {
        return "LOWER(RAWTOHEX(HASH('SHA-256', " + text + ")))";
    }

    @Override
    public boolean supportsPartialIndex() {
        return false;
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    @Override
    public <T> T withNamedLock(Connection connection, String name, Duration timeout, SqlCallable<T> work)
            throws SQLException {
        String key = connection.getMetaData().getURL() + '|' + name;
        ReentrantLock lock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLException("Timed out after " + timeout + " waiting for lock '" + name + "'");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for lock '" + name + "'", e);
        }
        try {
            return work.call();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code SET LOCK_TIMEOUT} and {@code SET QUERY_TIMEOUT} (milliseconds), session settings in H2:
     * read before ({@code LOCK_TIMEOUT()}, {@code INFORMATION_SCHEMA.SETTINGS}) and put back after.
     */
    @Override
    public SessionRestore applyTimeouts(Connection connection, Duration lockWait, Duration statementTimeout,
            boolean transactionLocal) throws SQLException {
        long lockBefore;
        long queryBefore;
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT LOCK_TIMEOUT(), (SELECT SETTING_VALUE"
                + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT')")) {
            rs.next();
            lockBefore = rs.getLong(1);
            queryBefore = rs.getLong(2);
        }
        set(connection, Math.max(1, lockWait.toMillis()), Math.max(1, statementTimeout.toMillis()));
        return () -> set(connection, lockBefore, queryBefore);
    }

    private static void set(Connection connection, long lockTimeoutMs, long queryTimeoutMs) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + lockTimeoutMs);
            s.execute("SET QUERY_TIMEOUT " + queryTimeoutMs);
        }
    }

    /** Error code {@code 50200} LOCK_TIMEOUT_1, SQL state {@code HYT00} (a lock wait ran out, or NOWAIT was refused). */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 50200;
    }

    // ------------------------------------------------------------------ online schema changes

    /** H2 has no online index build: {@code CREATE INDEX} locks the table while it builds. */
    @Override
    public String createIndexOnline(Identifier table, Identifier index, Identifier column) {
        return "CREATE INDEX IF NOT EXISTS " + quote(index) + " ON " + quote(table) + " (" + quote(column) + ")";
    }

    @Override
    public String dropIndexOnline(Identifier table, Identifier index) {
        validate(table);
        return "DROP INDEX IF EXISTS " + quote(index);
    }

    @Override
    public boolean buildsIndexesWithoutBlockingWrites() {
        return false;
    }

    /**
     * H2's triggers are Java classes: a {@code BEFORE INSERT, UPDATE} row trigger calling
     * {@link DualWriteTrigger#javaTrigger()}'s class, whose configuration is stored as the
     * trigger's comment; for a lookup, an {@code AFTER UPDATE} trigger of the same class on the
     * referenced table.
     */
    @Override
    public List<String> createDualWriteTriggers(DualWriteTrigger t) {
        if (t.javaTrigger() == null) {
            throw new UnsupportedDatabaseException("H2 triggers are Java classes; no trigger class was given for the"
                    + " dual write on " + t.table().name() + ".");
        }
        String className = t.javaTrigger().className();
        if (!className.matches("[A-Za-z_$][A-Za-z0-9_$.]*")) {
            throw new IllegalArgumentException("Not a Java class name: " + className);
        }
        String comment = syntax().stringLiteral(t.javaTrigger().configuration());
        List<String> statements = new java.util.ArrayList<>(dropDualWriteTriggers(t));
        statements.add("CREATE TRIGGER " + quote(t.name("_dw")) + " BEFORE INSERT, UPDATE ON " + quote(t.table())
                + " FOR EACH ROW CALL '" + className + "'");
        statements.add("COMMENT ON TRIGGER " + quote(t.name("_dw")) + " IS " + comment);
        if (t.isLookup()) {
            statements.add("CREATE TRIGGER " + quote(t.name("_rdw")) + " AFTER UPDATE ON " + quote(t.lookup().table())
                    + " FOR EACH ROW CALL '" + className + "'");
            statements.add("COMMENT ON TRIGGER " + quote(t.name("_rdw")) + " IS " + comment);
        }
        return statements;
    }

    @Override
    public List<String> dropDualWriteTriggers(DualWriteTrigger t) {
        List<String> statements = new java.util.ArrayList<>();
        statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_dw")));
        if (t.isLookup()) {
            statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_rdw")));
        }
        return statements;
    }
}
