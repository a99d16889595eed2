package dev.softdelete.core.dialect;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** PostgreSQL 12+: partial indexes, SKIP LOCKED, transactional DDL, 63-byte identifiers. */
public class PostgresDialect extends AbstractDialect {

    /** 2^53: the largest magnitude of microseconds that a {@code float8} holds exactly. */
    private static final long EXACT_MICROS = 1L << 53;

    /** A dialect for PostgreSQL {@code version}, as the driver reports it. */
    public PostgresDialect(String version) {
        super(version);
    }

    @Override
    public DatabaseKind kind() {
        return DatabaseKind.POSTGRESQL;
    }

    /**
     * Microseconds since 1970 as an {@code int8}, added to the epoch on the server: the driver sends
     * a {@code long} in binary, where an instant is formatted as text that the server parses again
     * for every row (about a tenth of a batched soft-delete {@code UPDATE}'s time). A time-only
     * interval is added without any time zone, so the column's kind only picks the epoch literal.
     */
    @Override
    public String instantParameter(boolean columnHasTimeZone) {
        return columnHasTimeZone ? "(TIMESTAMPTZ '1970-01-01 00:00:00+00' + ? * INTERVAL '1 microsecond')"
                : "(TIMESTAMP '1970-01-01 00:00:00' + ? * INTERVAL '1 microsecond')";
    }

    /**
     * The server multiplies the interval by a {@code float8}, exact for up to 2<sup>53</sup>
     * microseconds either side of 1970 (mid-1684 to mid-2255): an instant outside is refused rather
     * than written a few microseconds off.
     */
    @Override
    public void bindInstantParameter(PreparedStatement statement, int index, Instant instant,
            boolean columnHasTimeZone) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
            return;
        }
        long micros;
        try {
            // Rounded half up to the microsecond, as the driver rounds what setInstant binds.
            int nanos = instant.getNano();
            micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                    nanos / 1_000 + (nanos % 1_000 > 499 ? 1 : 0));
        } catch (ArithmeticException e) {
            micros = Long.MAX_VALUE;
        }
        if (Math.abs(micros) > EXACT_MICROS) {
            throw new InstantOutOfRangeException("Instant " + instant + " is more than 2^53 microseconds (about 285"
                    + " years) from 1970; PostgreSQL soft-delete markers are written as microseconds since 1970 and"
                    + " would not store it exactly, so it is refused and nothing was written. Check the clock.");
        }
        statement.setLong(index, micros);
    }

    @Override
    public int maxIdentifierLength() {
        return 63;
    }

    @Override
    public String identifierLengthUnit() {
        return "bytes";
    }

    @Override
    public int identifierLength(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String foldCase(String unquotedName) {
        return unquotedName.toLowerCase(Locale.ROOT);
    }

    private static final SqlSyntax SYNTAX = new SqlSyntax("postgresql", false, false, true, false);

    @Override
    public SqlSyntax syntax() {
        return SYNTAX;
    }

    /**
     * The common ones plus {@code btrim} and {@code date_trunc}. Not {@code pg_sleep*},
     * {@code set_config}, {@code current_setting}, {@code pg_read_file}, {@code pg_ls_dir},
     * {@code lo_*}, {@code pg_*advisory*}, {@code txid_*}, {@code nextval}, {@code query_to_xml} and
     * friends, {@code dblink}, or any user-defined function.
     */
    private static final Set<String> PURE_FUNCTIONS = pureFunctionsWith("btrim", "date_trunc");

    @Override
    public Set<String> pureFunctions() {
        return PURE_FUNCTIONS;
    }


    @Override
    public String encodedStringLiteral(String value) {
        return value == null ? "NULL" : "convert_from(decode('" + utf8Hex(value) + "', 'hex'), 'UTF8')";
    }

    @Override
    public boolean supportsDataModifyingCte() {
        return true;
    }

    /** No LIMIT on DELETE: the rows are picked by {@code ctid} in a subquery, which plans as a TID scan. */
    @Override
    public String deleteAtMost(String quotedTable, String where) {
        return "DELETE FROM " + quotedTable + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + quotedTable
                + " WHERE " + where + " LIMIT ?))";
    }

    @Override
    public String upsert(String quotedTable, List<UpsertColumn> columns) {
        String keys = columns.stream().filter(c -> c.merge() == UpsertColumn.Merge.KEY).map(c -> quote(c.name()))
                .collect(Collectors.joining(", "));
        return insertOrMerge(quotedTable, columns, "ON CONFLICT (" + keys + ") DO UPDATE SET",
                column -> quotedTable + "." + column, column -> "EXCLUDED." + column);
    }

    private final SchemaObjects schemaObjects = new PostgresSchemaObjects(this);

    @Override
    public SchemaObjects schemaObjects() {
        return schemaObjects;
    }

    /** The first 60 bits of the MD5 of the text. */
    @Override
    public String hash60(String text) {
        return "('x' || substr(md5(" + text + "), 1, 15))::bit(60)::bigint";
    }

    @Override
    protected String sessionTimeZone(Connection connection) throws SQLException {
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT current_setting('TimeZone')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    protected void setSessionTimeZone(Connection connection, String zone) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('TimeZone', ?, false)")) {
            ps.setString(1, zone);
            ps.executeQuery().close();
        }
    }

    @Override
    public String textType() {
        return "TEXT";
    }

    @Override
    public String hexOf(String binary) {
        return "encode(" + binary + ", 'hex')";
    }

    @Override
    public String bytesOfHex(String hex) {
        return "decode(" + hex + ", 'hex')";
    }

    @Override
    public String sha256Hex(String text) {
        return "encode(sha256(convert_to(" + text + ", 'UTF8')), 'hex')";
    }

    @Override
    public boolean supportsPartialIndex() {
        return true;
    }

    @Override
    public OptionalLong tableSizeBytes(Connection connection, Scope scope, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_total_relation_size(c.oid)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            statement.setString(1, scope.schema());
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    @Override
    public boolean supportsSkipLocked() {
        return true;
    }

    @Override
    public boolean supportsTransactionalDdl() {
        return true;
    }

    @Override
    public <T> T withNamedLock(Connection connection, String name, Duration timeout, SqlCallable<T> work)
            throws SQLException {
        long key = lockKey(name);
        // A session-level advisory lock: held by this connection until unlocked, whatever the
        // transactions in between do (DDL below may commit).
        try (PreparedStatement timeoutStmt = connection.prepareStatement(
                "SELECT set_config('lock_timeout', ?, false)")) {
            timeoutStmt.setString(1, timeout.toMillis() + "ms");
            timeoutStmt.execute();
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
        } finally {
            try (PreparedStatement reset = connection.prepareStatement("SELECT set_config('lock_timeout', '0', false)")) {
                reset.execute();
            }
        }
        try {
            return work.call();
        } finally {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            }
        }
    }

    /** Stable 64-bit key for a lock name (FNV-1a; only needs to be the same in every instance). */
    static long lockKey(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * {@code set_config('lock_timeout' / 'statement_timeout', ms, is_local)}: transaction-local
     * ({@code SET LOCAL}) inside a transaction, so nothing outlives it; in auto-commit mode set for
     * the session and put back afterwards. {@code jit} goes off the same way: the library's batch
     * statements run once each (unnamed, no cached plan) over thousands of rows, so their cost
     * estimates pass {@code jit_above_cost} and PostgreSQL compiled every execution: measured 219 ms
     * of compilation for a purge batch that then ran in 29 ms.
     */
    @Override
    public SessionRestore applyTimeouts(Connection connection, Duration lockWait, Duration statementTimeout,
            boolean transactionLocal) throws SQLException {
        String[] before = null;
        if (!transactionLocal) {
            try (var s = connection.createStatement();
                    var rs = s.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout'),"
                            + " current_setting('jit')")) {
                rs.next();
                before = new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
        set(connection, String.valueOf(Math.max(1, lockWait.toMillis())),
                String.valueOf(Math.max(1, statementTimeout.toMillis())), "off", transactionLocal);
        if (before == null) {
            return SessionRestore.NONE;
        }
        String[] previous = before;
        return () -> set(connection, previous[0], previous[1], previous[2], false);
    }

    @Override
    public void deferCommitFlush(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('synchronous_commit', 'off', true)")) {
            ps.executeQuery().close();
        }
    }

    private static void set(Connection connection, String lockTimeout, String statementTimeout, String jit,
            boolean local) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT set_config('lock_timeout', ?, ?), set_config('statement_timeout', ?, ?), set_config('jit', ?, ?)")) {
            ps.setString(1, lockTimeout);
            ps.setBoolean(2, local);
            ps.setString(3, statementTimeout);
            ps.setBoolean(4, local);
            ps.setString(5, jit);
            ps.setBoolean(6, local);
            ps.executeQuery().close();
        }
    }

    /** {@code 55P03} lock_not_available: lock_timeout ran out, or NOWAIT was refused. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    // ------------------------------------------------------------------ online schema changes

    /** {@code CREATE INDEX CONCURRENTLY}: writes go on while it builds; must run outside a transaction. */
    @Override
    public String createIndexOnline(Identifier table, Identifier index, Identifier column) {
        return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + quote(index) + " ON " + quote(table) + " (" + quote(column)
                + ")";
    }

    @Override
    public String dropIndexOnline(Identifier table, Identifier index) {
        validate(table);
        return "DROP INDEX CONCURRENTLY IF EXISTS " + quote(index);
    }

    @Override
    public boolean buildsIndexesWithoutBlockingWrites() {
        return true;
    }

    /**
     * A PL/pgSQL trigger function and a {@code BEFORE INSERT OR UPDATE} row trigger on the table;
     * for a lookup, also an {@code AFTER UPDATE} trigger on the referenced table.
     */
    @Override
    public List<String> createDualWriteTriggers(DualWriteTrigger t) {
        String table = quote(t.table());
        String o = quote(t.oldColumn());
        String n = quote(t.newColumn());
        List<String> statements = new java.util.ArrayList<>();
        String body;
        if (t.isExpression()) {
            body = "NEW." + n + " := (SELECT (" + t.expression().sql() + ") FROM (SELECT NEW.*) AS t);";
        } else if (t.isLookup()) {
            String lookup = "(SELECT r." + quote(t.lookup().valueColumn()) + " FROM " + quote(t.lookup().table())
                    + " r WHERE r." + quote(t.lookup().keyColumn()) + " = NEW." + o + ")";
            body = "IF TG_OP = 'INSERT' OR NEW." + o + " IS DISTINCT FROM OLD." + o + " OR NEW." + n
                    + " IS DISTINCT FROM OLD." + n + " OR NEW." + n + " IS NULL THEN NEW." + n + " := " + lookup
                    + "; END IF;";
        } else {
            body = "IF TG_OP = 'INSERT' THEN"
                    + " IF NEW." + n + " IS NULL THEN NEW." + n + " := NEW." + o + ";"
                    + " ELSIF NEW." + o + " IS NULL THEN NEW." + o + " := NEW." + n + "; END IF;"
                    + " ELSIF NEW." + o + " IS DISTINCT FROM OLD." + o + " AND NEW." + n + " IS NOT DISTINCT FROM OLD."
                    + n + " THEN NEW." + n + " := NEW." + o + ";"
                    + " ELSIF NEW." + n + " IS DISTINCT FROM OLD." + n + " AND NEW." + o + " IS NOT DISTINCT FROM OLD."
                    + o + " THEN NEW." + o + " := NEW." + n + ";"
                    + " ELSIF NEW." + n + " IS NULL THEN NEW." + n + " := NEW." + o + "; END IF;";
        }
        statements.add("CREATE OR REPLACE FUNCTION " + quote(t.name("_fn")) + "() RETURNS trigger LANGUAGE plpgsql AS"
                + " $sd$ BEGIN " + body + " RETURN NEW; END $sd$");
        statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_dw")) + " ON " + table);
        statements.add("CREATE TRIGGER " + quote(t.name("_dw")) + " BEFORE INSERT OR UPDATE ON " + table
                + " FOR EACH ROW WHEN (" + BYPASS_OFF + ") EXECUTE FUNCTION " + quote(t.name("_fn")) + "()");
        if (t.isLookup()) {
            String ref = quote(t.lookup().table());
            String k = quote(t.lookup().keyColumn());
            String v = quote(t.lookup().valueColumn());
            statements.add("CREATE OR REPLACE FUNCTION " + quote(t.name("_rfn")) + "() RETURNS trigger LANGUAGE plpgsql"
                    + " AS $sd$ BEGIN IF NEW." + v + " IS DISTINCT FROM OLD." + v + " THEN UPDATE " + table + " SET " + n
                    + " = NEW." + v + " WHERE " + o + " = NEW." + k + " AND " + n + " IS DISTINCT FROM NEW." + v
                    + "; END IF; RETURN NULL; END $sd$");
            statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_rdw")) + " ON " + ref);
            statements.add("CREATE TRIGGER " + quote(t.name("_rdw")) + " AFTER UPDATE ON " + ref
                    + " FOR EACH ROW EXECUTE FUNCTION " + quote(t.name("_rfn")) + "()");
        }
        return statements;
    }

    /** The trigger's {@code WHEN}: true unless {@link #dualWriteBypass()} ran in this transaction. */
    private static final String BYPASS_OFF = "current_setting('softdelete.dual_write_bypass', true) IS DISTINCT FROM 'on'";

    /** A transaction-local custom setting ({@code set_config(..., true)}) the triggers' {@code WHEN} reads. */
    @Override
    public String dualWriteBypass() {
        return "SELECT set_config('softdelete.dual_write_bypass', 'on', true)";
    }

    @Override
    public List<String> dropDualWriteTriggers(DualWriteTrigger t) {
        List<String> statements = new java.util.ArrayList<>();
        statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_dw")) + " ON " + quote(t.table()));
        statements.add("DROP FUNCTION IF EXISTS " + quote(t.name("_fn")) + "()");
        if (t.isLookup()) {
            statements.add("DROP TRIGGER IF EXISTS " + quote(t.name("_rdw")) + " ON " + quote(t.lookup().table()));
            statements.add("DROP FUNCTION IF EXISTS " + quote(t.name("_rfn")) + "()");
        }
        return statements;
    }
}
