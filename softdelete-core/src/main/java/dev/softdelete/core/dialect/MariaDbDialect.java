package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * MariaDB 10.6+ and MySQL 8+: backtick quoting, 64-character identifiers, DDL commits, no partial
 * indexes. SKIP LOCKED exists from MariaDB 10.6 and MySQL 8.0.1. Unquoted names keep their case
 * (table names are case-sensitive on Linux with the default {@code lower_case_table_names=0}).
 */
public class MariaDbDialect extends AbstractDialect {

    private final DatabaseKind kind;
    private final boolean skipLocked;

    /** A dialect for MariaDB {@code version}, as the driver reports it. */
    public MariaDbDialect(String version) {
        this(DatabaseKind.MARIADB, version);
    }

    /** A dialect for {@code kind} (MARIADB or MYSQL) at {@code version}, as the driver reports it. */
    public MariaDbDialect(DatabaseKind kind, String version) {
        super(version);
        this.kind = kind;
        this.skipLocked = kind == DatabaseKind.MYSQL ? atLeast(version, 8, 0) : atLeast(version, 10, 6);
    }

    @Override
    public DatabaseKind kind() {
        return kind;
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public String foldCase(String unquotedName) {
        return unquotedName;
    }

    @Override
    public String quote(Identifier identifier) {
        validate(identifier);
        return '`' + identifier.name() + '`';
    }

    @Override
    public String renameTable(Identifier from, Identifier to) {
        return "RENAME TABLE " + quote(from) + " TO " + quote(to);
    }

    @Override
    public String renameIndex(Identifier table, Identifier from, Identifier to) {
        return "ALTER TABLE " + quote(table) + " RENAME INDEX " + quote(from) + " TO " + quote(to);
    }

    @Override
    public String renameConstraint(Identifier table, Identifier from, Identifier to) {
        throw new UnsupportedDatabaseException(kind + " cannot rename constraint '" + from.name()
                + "' on table '" + table.name() + "': it has no RENAME CONSTRAINT. Drop and re-create it"
                + " under the new name instead.");
    }

    private static final SqlSyntax SYNTAX = new SqlSyntax("mariadb", true, true, false, true);

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    /**
     * The common ones plus MariaDB's own names for them. Not {@code sleep},
     * {@code benchmark}, {@code get_lock} and the other lock functions, {@code load_file},
     * {@code master_gtid_wait}/{@code master_pos_wait}, {@code nextval}, {@code database()} or any
     * stored or loadable function.
     */
    private static final Set<String> PURE_FUNCTIONS = pureFunctionsWith("lcase", "ucase", "ifnull", "date", "year",
            "month", "curdate");

    @Override
    public Set<String> pureFunctions() {
        return PURE_FUNCTIONS;
    }


    @Override
    public String encodedStringLiteral(String value) {
        return value == null ? "NULL" : "CONVERT(X'" + utf8Hex(value) + "' USING utf8mb4)";
    }

    @Override
    public boolean allowsTargetInDeleteSubquery() {
        return false;
    }

    @Override
    public String deleteAtMost(String quotedTable, String where) {
        return "DELETE FROM " + quotedTable + " WHERE " + where + " LIMIT ?";
    }

    /** {@code ON DUPLICATE KEY UPDATE}; each assignment reads only its own column, so their order is harmless. */
    @Override
    public String upsert(String quotedTable, List<UpsertColumn> columns) {
        return insertOrMerge(quotedTable, columns, "ON DUPLICATE KEY UPDATE", column -> column,
                column -> "VALUES(" + column + ")");
    }

    /** Without {@code VIRTUAL}, MariaDB would store the generated column and rewrite the table. */
    @Override
    public String generatedColumn(String sqlType, String expression) {
        return super.generatedColumn(sqlType, expression) + " VIRTUAL";
    }

    private final SchemaObjects schemaObjects = new MariaDbSchemaObjects(this);

    @Override
    public SchemaObjects schemaObjects() {
        return schemaObjects;
    }

    /** The first 60 bits of the MD5 of the text. */
    @Override
    public String hash60(String text) {
        return "CAST(CONV(SUBSTRING(MD5(" + text + "), 1, 15), 16, 10) AS UNSIGNED)";
    }

    /** An offset: named zones need the server's time zone tables, which are often not loaded. */
    @Override
    protected String utcZone() {
        return "+00:00";
    }

    @Override
    protected String sessionTimeZone(Connection connection) throws SQLException {
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT @@SESSION.time_zone")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The value, read from the server or {@link #utcZone}, goes in as a literal this dialect writes. */
    @Override
    protected void setSessionTimeZone(Connection connection, String zone) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("SET SESSION time_zone = " + encodedStringLiteral(zone));
        }
    }

    /** MariaDB/MySQL's {@code <=>}. */
    @Override
    public String nullSafeEquals(String a, String b) {
        return "(" + a + " <=> " + b + ")";
    }

    @Override
    public String textType() {
        return "CHAR";
    }

    @Override
    public String hexOf(String binary) {
        return "LOWER(HEX(" + binary + "))";
    }

    @Override
    public String bytesOfHex(String hex) {
        return "UNHEX(" + hex + ")";
    }

    @Override
    public String sha256Hex(String text) {
        return "SHA2(CONVERT(" + text + " USING utf8mb4), 256)";
    }

    @Override
    public boolean supportsPartialIndex() {
        return false;
    }

    @Override
    public OptionalLong tableSizeBytes(Connection connection, Scope scope, String table) throws SQLException {
        // InnoDB's estimate (pages in use), as SHOW TABLE STATUS reports it.
        try (PreparedStatement statement = connection.prepareStatement("SELECT DATA_LENGTH + INDEX_LENGTH"
                + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            statement.setString(1, scope.catalog());
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    long bytes = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(bytes);
                }
                return OptionalLong.empty();
            }
        }
    }

    @Override
    public boolean supportsSkipLocked() {
        return skipLocked;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return false;
    }

    /** DATETIME(6) holds UTC written by the library; it has no zone of its own. */
    @Override
    public String timestampType() {
        return "DATETIME(6)";
    }

    @Override
    public boolean libraryTimestampsHaveZone() {
        return false;
    }

    @Override
    public Scope scope(Connection connection) throws SQLException {
        return new Scope(connection.getCatalog(), null);
    }

    @Override
    public <T> T withNamedLock(Connection connection, String name, Duration timeout, SqlCallable<T> work)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, name);
            lock.setLong(2, Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("Timed out after " + timeout + " waiting for lock '" + name + "'");
                }
            }
        }
        try {
            return work.call();
        } finally {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                unlock.setString(1, name);
                unlock.execute();
            }
        }
    }

    static boolean atLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] parts = version.replaceAll("^[^0-9]*", "").split("[^0-9]+");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    /**
     * {@code innodb_lock_wait_timeout} and {@code lock_wait_timeout} (whole seconds, at least 1) and the statement time limit
     * ({@code max_statement_time} in seconds on MariaDB, {@code max_execution_time} in
     * milliseconds, SELECT only, on MySQL): session variables, read before and put back after.
     */
    @Override
    public SessionRestore applyTimeouts(Connection connection, Duration lockWait, Duration statementTimeout,
            boolean transactionLocal) throws SQLException {
        String limit = kind == DatabaseKind.MYSQL ? "max_execution_time" : "max_statement_time";
        String lockBefore;
        String limitBefore;
        String metadataLockBefore;
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT @@SESSION.innodb_lock_wait_timeout,"
                + " @@SESSION." + limit + ", @@SESSION.lock_wait_timeout")) {
            rs.next();
            lockBefore = rs.getString(1);
            limitBefore = rs.getString(2);
            metadataLockBefore = rs.getString(3);
        }
        long lockSeconds = Math.max(1, (lockWait.toMillis() + 999) / 1000);
        String limitValue = kind == DatabaseKind.MYSQL ? String.valueOf(Math.max(1, statementTimeout.toMillis()))
                : new java.math.BigDecimal(Math.max(1, statementTimeout.toMillis())).movePointLeft(3).toPlainString();
        set(connection, limit, String.valueOf(lockSeconds), limitValue, String.valueOf(lockSeconds));
        return () -> set(connection, limit, lockBefore, limitBefore, metadataLockBefore);
    }

    /**
     * Row locks ({@code innodb_lock_wait_timeout}) and metadata locks ({@code lock_wait_timeout}:
     * what DDL such as a deprecation's {@code RENAME} waits for behind an open transaction, while
     * every later statement on the table queues behind it) both wait at most the lock wait.
     */
    private static void set(Connection connection, String limit, String lockSeconds, String limitValue,
            String metadataLockSeconds) throws SQLException {
        // numbers only, read from the server or computed here: nothing user-supplied reaches this text
        new java.math.BigDecimal(lockSeconds);
        new java.math.BigDecimal(limitValue);
        new java.math.BigDecimal(metadataLockSeconds);
        try (var s = connection.createStatement()) {
            s.execute("SET SESSION innodb_lock_wait_timeout = " + lockSeconds + ", " + limit + " = " + limitValue
                    + ", lock_wait_timeout = " + metadataLockSeconds);
        }
    }

    /** Error 1205 (lock wait timeout, also NOWAIT on MariaDB) or MySQL's 3572 (NOWAIT refused). */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == 1205 || e.getErrorCode() == 3572;
    }

    // ------------------------------------------------------------------ online schema changes

    /** {@code ALGORITHM=INPLACE LOCK=NONE}: InnoDB builds the index while writes go on. */
    @Override
    public String createIndexOnline(Identifier table, Identifier index, Identifier column) {
        return "CREATE INDEX IF NOT EXISTS " + quote(index) + " ON " + quote(table) + " (" + quote(column)
                + ") ALGORITHM=INPLACE LOCK=NONE";
    }

    @Override
    public String dropIndexOnline(Identifier table, Identifier index) {
        return "DROP INDEX IF EXISTS " + quote(index) + " ON " + quote(table);
    }

    @Override
    public boolean buildsIndexesWithoutBlockingWrites() {
        return true;
    }

    /** DDL waits for the metadata lock under {@code lock_wait_timeout} (whole seconds), not InnoDB's row-lock wait. */
    @Override
    public SessionRestore applyDdlLockTimeout(Connection connection, Duration lockWait) throws SQLException {
        String before;
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
            rs.next();
            before = rs.getString(1);
        }
        long seconds = Math.max(1, (lockWait.toMillis() + 999) / 1000);
        setLockWait(connection, String.valueOf(seconds));
        return () -> setLockWait(connection, before);
    }

    private static void setLockWait(Connection connection, String seconds) throws SQLException {
        new java.math.BigDecimal(seconds); // a number read from the server or computed here
        try (var s = connection.createStatement()) {
            s.execute("SET SESSION lock_wait_timeout = " + seconds);
        }
    }

    @Override
    public String isDistinctFrom(String a, String b) {
        return "NOT (" + a + " <=> " + b + ")";
    }

    /**
     * {@code BEFORE INSERT} and {@code BEFORE UPDATE} row triggers on the table; for a lookup, also
     * an {@code AFTER UPDATE} trigger on the referenced table.
     */
    @Override
    public List<String> createDualWriteTriggers(DualWriteTrigger t) {
        String table = quote(t.table());
        String o = quote(t.oldColumn());
        String n = quote(t.newColumn());
        String insert;
        String update;
        if (t.isExpression()) {
            String row = t.expression().columns().stream().map(c -> "NEW." + quote(c) + " AS " + quote(c))
                    .collect(java.util.stream.Collectors.joining(", "));
            insert = "SET NEW." + n + " = (SELECT (" + t.expression().sql() + ") FROM (SELECT " + row + ") AS t);";
            update = insert;
        } else if (t.isLookup()) {
            String lookup = "(SELECT r." + quote(t.lookup().valueColumn()) + " FROM " + quote(t.lookup().table())
                    + " r WHERE r." + quote(t.lookup().keyColumn()) + " = NEW." + o + ")";
            insert = "SET NEW." + n + " = " + lookup + ";";
            update = "IF NOT (NEW." + o + " <=> OLD." + o + ") OR NOT (NEW." + n + " <=> OLD." + n + ") OR NEW." + n
                    + " IS NULL THEN SET NEW." + n + " = " + lookup + "; END IF;";
        } else {
            insert = "IF NEW." + n + " IS NULL THEN SET NEW." + n + " = NEW." + o + "; ELSEIF NEW." + o
                    + " IS NULL THEN SET NEW." + o + " = NEW." + n + "; END IF;";
            update = "IF NOT (NEW." + o + " <=> OLD." + o + ") AND (NEW." + n + " <=> OLD." + n + ") THEN SET NEW." + n
                    + " = NEW." + o + "; ELSEIF NOT (NEW." + n + " <=> OLD." + n + ") AND (NEW." + o + " <=> OLD." + o
                    + ") THEN SET NEW." + o + " = NEW." + n + "; ELSEIF NEW." + n + " IS NULL THEN SET NEW." + n
                    + " = NEW." + o + "; END IF;";
        }
        List<String> statements = new java.util.ArrayList<>(dropDualWriteTriggers(t));
        statements.add("CREATE TRIGGER " + quote(t.name("_bi")) + " BEFORE INSERT ON " + table + " FOR EACH ROW BEGIN "
                + insert + " END");
        statements.add("CREATE TRIGGER " + quote(t.name("_bu")) + " BEFORE UPDATE ON " + table + " FOR EACH ROW BEGIN "
                + update + " END");
        if (t.isLookup()) {
            String v = quote(t.lookup().valueColumn());
            statements.add("CREATE TRIGGER " + quote(t.name("_rau")) + " AFTER UPDATE ON " + quote(t.lookup().table())
                    + " FOR EACH ROW BEGIN IF NOT (NEW." + v + " <=> OLD." + v + ") THEN UPDATE " + table + " SET " + n
                    + " = NEW." + v + " WHERE " + o + " = NEW." + quote(t.lookup().keyColumn()) + "; END IF; END");
        }
        return statements;
    }

    @Override
    public List<String> dropDualWriteTriggers(DualWriteTrigger t) {
        List<String> statements = new java.util.ArrayList<>();
        statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_bi")));
        statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_bu")));
        if (t.isLookup()) {
            statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_rau")));
        }
        return statements;
    }
}
