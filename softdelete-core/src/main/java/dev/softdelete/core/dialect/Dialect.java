package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything that differs between databases, in one place: identifier rules, SQL syntax, DDL for
 * renames, statements whose form differs (limited deletes, upserts), locking features and how times
 * are bound. One implementation per database ({@link H2Dialect}, {@link PostgresDialect},
 * {@link MariaDbDialect}); features never test the database kind themselves, they ask for a
 * capability or a statement. {@link Dialects#detect} picks one from {@code DatabaseMetaData}.
 */
public interface Dialect {

    /** Which database this dialect speaks to. */
    DatabaseKind kind();

    /** The server version as reported by the driver, e.g. {@code 15.20} or {@code 10.11.19-MariaDB}. */
    String version();

    /** Longest identifier the database accepts, in the unit of {@link #identifierLengthUnit()}. */
    int maxIdentifierLength();

    /** "bytes" (PostgreSQL counts UTF-8 bytes) or "characters". */
    String identifierLengthUnit();

    /** Length of {@code name} as the database counts it. */
    int identifierLength(String name);

    /**
     * Checks an identifier against this database's limits.
     *
     * @return the same identifier
     * @throws InvalidIdentifierException naming the identifier and the limit
     */
    default Identifier validate(Identifier identifier) {
        int length = identifierLength(identifier.name());
        if (length > maxIdentifierLength()) {
            throw new InvalidIdentifierException(identifier.name(), "Identifier '"
                    + Identifier.printable(identifier.name()) + "' is " + length + " "
                    + identifierLengthUnit() + " long; " + kind() + " allows at most "
                    + maxIdentifierLength() + ". Choose a shorter name.");
        }
        return identifier;
    }

    /** Validates {@code name} as a plain identifier for this database. */
    default Identifier identifier(String name) {
        return validate(Identifier.of(name));
    }

    /**
     * How the catalog stores an unquoted name: lower case on PostgreSQL, upper case on H2, as
     * written on MariaDB/MySQL.
     */
    String foldCase(String unquotedName);

    /** The name as the catalog stores it (folded for plain identifiers, exact for quoted ones). */
    default String catalogName(Identifier identifier) {
        return identifier.isQuoted() ? identifier.name() : foldCase(identifier.name());
    }

    /** SQL text for the identifier, quoted so that reserved words work too. */
    String quote(Identifier identifier);

    /** Validates and quotes a plain identifier. */
    default String quote(String plainName) {
        return quote(identifier(plainName));
    }

    /** {@code ALTER TABLE from RENAME TO to} or the database's equivalent. */
    String renameTable(Identifier from, Identifier to);

    /** Renames a column of {@code table}. */
    String renameColumn(Identifier table, Identifier from, Identifier to);

    /** Renames an index of {@code table}. */
    String renameIndex(Identifier table, Identifier from, Identifier to);

    /**
     * Renames a constraint of {@code table}.
     *
     * @throws UnsupportedDatabaseException where the database cannot rename constraints
     */
    String renameConstraint(Identifier table, Identifier from, Identifier to);

    /** Whether {@code CREATE INDEX ... WHERE} (partial indexes) is available. */
    boolean supportsPartialIndex();

    // ------------------------------------------------------------------ online schema changes

    /**
     * {@code ALTER TABLE table ADD COLUMN IF NOT EXISTS column sqlType}: a nullable column with no
     * default, which every supported database adds without rewriting the table.
     */
    default String addColumnIfNotExists(Identifier table, Identifier column, String sqlType) {
        return "ALTER TABLE " + quote(table) + " ADD COLUMN IF NOT EXISTS " + quote(column) + " " + sqlType;
    }

    /**
     * A statement creating index {@code index} on {@code table (column)} while the table stays
     * writable where the database can ({@code CREATE INDEX CONCURRENTLY} on PostgreSQL, which must
     * run outside a transaction; {@code ALGORITHM=INPLACE LOCK=NONE} on MariaDB); a no-op when the
     * index exists.
     */
    String createIndexOnline(Identifier table, Identifier index, Identifier column);

    /**
     * Drops {@code index} of {@code table} if it exists, without blocking writes where the database
     * can (removes what a failed {@link #createIndexOnline} may leave behind, an INVALID index on
     * PostgreSQL).
     */
    String dropIndexOnline(Identifier table, Identifier index);

    /** Whether {@link #createIndexOnline} leaves the table writable while the index builds. */
    boolean buildsIndexesWithoutBlockingWrites();

    /**
     * Bounds how long DDL on {@code connection} waits for the table's metadata lock, where that is
     * a setting of its own (MariaDB/MySQL {@code lock_wait_timeout}); elsewhere the lock wait of
     * {@link #applyTimeouts} already applies and nothing changes.
     */
    default SessionRestore applyDdlLockTimeout(Connection connection, Duration lockWait) throws SQLException {
        return SessionRestore.NONE;
    }

    /** A condition true when {@code a} and {@code b} differ, treating two NULLs as equal. */
    default String isDistinctFrom(String a, String b) {
        return "(" + a + " IS DISTINCT FROM " + b + ")";
    }

    /**
     * Statements installing the dual-write triggers described by {@code trigger} (see
     * {@link DualWriteTrigger}), in order; run each in auto-commit mode.
     */
    List<String> createDualWriteTriggers(DualWriteTrigger trigger);

    /**
     * A statement a backfill runs first in each batch's transaction so that its own updates skip
     * the dual-write triggers for the rest of that transaction only (they would write the same
     * value), or {@code null} where no setting is scoped to a transaction (the triggers then run).
     */
    default String dualWriteBypass() {
        return null;
    }

    /** Statements removing what {@link #createDualWriteTriggers} installed; each tolerates its absence. */
    List<String> dropDualWriteTriggers(DualWriteTrigger trigger);

    /** Whether {@code SELECT ... FOR UPDATE SKIP LOCKED} is available. */
    boolean supportsSkipLocked();

    /** Whether DDL takes part in transactions (PostgreSQL) or commits implicitly (H2, MariaDB). */
    boolean supportsTransactionalDdl();

    /**
     * Suffix for a claiming {@code SELECT}: {@code FOR UPDATE SKIP LOCKED} where available,
     * otherwise {@code FOR UPDATE} (callers then claim with a conditional UPDATE as well).
     */
    default String forUpdateSkipLocked() {
        return supportsSkipLocked() ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
    }

    /**
     * Suffix for a {@code SELECT} that locks its rows, or fails at once (see
     * {@link #isLockTimeout}) when another transaction holds one of them, instead of waiting.
     */
    default String forUpdateNoWait() {
        return " FOR UPDATE NOWAIT";
    }

    /**
     * Bounds every following statement on {@code connection}: how long it may wait for a lock
     * ({@code lockWait}) and how long it may run ({@code statementTimeout}). With
     * {@code transactionLocal} (the connection has just begun a transaction) the settings may end
     * with the transaction; otherwise they are set for the session. Either way the returned
     * {@link SessionRestore} puts back what the connection had before, so a pooled connection goes
     * back to the host unchanged. A database may set, the same way, what keeps the library's
     * statements within those bounds (PostgreSQL: no JIT compilation).
     */
    SessionRestore applyTimeouts(Connection connection, Duration lockWait, Duration statementTimeout,
            boolean transactionLocal) throws SQLException;

    /**
     * Whether {@code e} means a lock could not be had in time: the lock wait ran out, or a
     * {@link #forUpdateNoWait() NOWAIT} lock was refused. Such work can be retried later.
     */
    boolean isLockTimeout(SQLException e);

    /** Whether {@code e} means the connection was lost (SQL state class {@code 08}). */
    default boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** What {@link #applyTimeouts} changed on a connection, to put back. */
    @FunctionalInterface
    interface SessionRestore {
        /** Nothing to put back (the settings ended with the transaction). */
        SessionRestore NONE = () -> { };

        void restore() throws SQLException;
    }

    /** How statements for this database are written: strings, comments, name matching. */
    SqlSyntax syntax();

    /**
     * A SQL expression of a character type holding exactly {@code value} (or {@code NULL}), for the
     * rare statement that cannot take a bind parameter. The text is UTF-8 encoded as hexadecimal
     * digits, so nothing inside its quotes depends on a session setting (PostgreSQL
     * {@code standard_conforming_strings}, MariaDB {@code NO_BACKSLASH_ESCAPES}, H2 modes) or can
     * end the literal. {@code value} must not contain U+0000, which no character column stores.
     *
     * @throws IllegalArgumentException if {@code value} contains U+0000
     */
    String encodedStringLiteral(String value);

    /**
     * Functions a raw predicate ({@code Rule.predicate}) may call, as lower-case unquoted names:
     * only built-ins that compute a value from their arguments or from the statement's clock.
     * None reads a table, a file, a setting or the catalog, takes a lock, waits, or writes; a
     * name missing here is refused, whatever it does. The SQL-standard niladic forms
     * ({@code current_date}, {@code current_timestamp}, ...) are listed too, since they parse as
     * names rather than calls.
     */
    Set<String> pureFunctions();

    /**
     * Whether {@code SET TRANSACTION READ ONLY} makes the database refuse writes for the rest of
     * the transaction (PostgreSQL, MariaDB/MySQL). H2 has no such statement; its
     * {@code Connection.setReadOnly} is only a hint.
     */
    boolean enforcesReadOnlyTransactions();

    /**
     * Whether one statement can feed the rows changed by another into a third
     * ({@code WITH moved AS (DELETE ... RETURNING ...) INSERT ... SELECT ... FROM moved}), so that
     * a batch changes and records its rows in a single statement.
     */
    boolean supportsDataModifyingCte();

    /**
     * Lets the current transaction commit without waiting for its log to reach disk, where the
     * database can do that for one transaction (PostgreSQL: {@code synchronous_commit} off,
     * transaction-local). Only for a background batch whose rows, bookkeeping and cursor commit
     * together: a server crash can then lose only whole batches at the end, which the resumed job
     * redoes, and saves a log flush per batch. The default does nothing.
     */
    default void deferCommitFlush(Connection connection) throws SQLException {
    }

    /** Whether a {@code DELETE} may read its own target table in a subquery (MariaDB/MySQL cannot). */
    default boolean allowsTargetInDeleteSubquery() {
        return true;
    }

    /**
     * A {@code DELETE} of at most N rows of {@code quotedTable} matching {@code where}; N is the
     * statement's last parameter, after those of {@code where}.
     */
    String deleteAtMost(String quotedTable, String where);

    /**
     * One statement that inserts a row, or merges it into the existing row with the same key
     * ({@link UpsertColumn.Merge#KEY} columns, which must form a unique key). Parameters follow
     * {@code columns} in order.
     */
    String upsert(String quotedTable, List<UpsertColumn> columns);

    /**
     * A column definition computed from {@code expression} and not stored, such as
     * {@code SMALLINT GENERATED ALWAYS AS (CASE ... END)} (with {@code VIRTUAL} where the database
     * would otherwise store it).
     */
    default String generatedColumn(String sqlType, String expression) {
        return sqlType + " GENERATED ALWAYS AS (" + expression + ")";
    }

    /**
     * Declared names of the unique constraints of {@code table}, by the name of the index behind
     * each, for databases whose JDBC metadata reports only the index (H2); empty elsewhere.
     */
    default Map<String, String> constraintNamesByIndex(Connection connection, Scope scope, String table)
            throws SQLException {
        return Map.of();
    }

    /**
     * How this database finds, describes and renames tables, columns, indexes, constraints, enum
     * types and sequences (the deprecation feature's catalog work).
     */
    SchemaObjects schemaObjects();

    /**
     * SQL for a whole number in {@code [0, 2^60)} derived from a cryptographic hash of the text
     * expression {@code text}; summed over rows it is an order-independent checksum of a table.
     */
    String hash60(String text);

    /**
     * Runs {@code work} with the session's time zone set to UTC, then puts the previous zone back:
     * a timestamp with time zone (PostgreSQL {@code timestamptz}, MariaDB {@code TIMESTAMP}) then
     * reads as the same text whatever the connection's zone, so checksums taken on different
     * connections (another instance, an operator's tool) compare.
     */
    <T> T inUtc(Connection connection, SqlCallable<T> work) throws SQLException;

    /** SQL that is true when {@code a} and {@code b} are equal or both NULL ({@code IS NOT DISTINCT FROM}). */
    default String nullSafeEquals(String a, String b) {
        return a + " IS NOT DISTINCT FROM " + b;
    }

    /**
     * The space {@code table} (its name as the catalog stores it) takes on disk, indexes included,
     * in bytes, as the database's own statistics report it; empty where the database does not tell
     * (H2's in-memory databases).
     */
    default OptionalLong tableSizeBytes(Connection connection, Scope scope, String table) throws SQLException {
        return OptionalLong.empty();
    }

    /** Type to {@code CAST} a value to for its text of any length ({@code TEXT}, {@code VARCHAR}, {@code CHAR}). */
    String textType();

    /** SQL for the lower-case hexadecimal text of the binary expression {@code binary}. */
    String hexOf(String binary);

    /**
     * SQL for the bytes the lower-case hexadecimal text expression {@code hex} spells.
     *
     * @throws UnsupportedDatabaseException where the database has no such function (H2)
     */
    String bytesOfHex(String hex);

    /** SQL for the lower-case hexadecimal SHA-256 of the UTF-8 bytes of the text expression {@code text}. */
    String sha256Hex(String text);

    /** Column type the library's own tables use for instants. */
    String timestampType();

    /** Binds an instant to a column of the library's own tables. */
    default void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        setInstant(statement, index, instant, libraryTimestampsHaveZone());
    }

    /**
     * Binds an instant to a column of the given kind. Columns without a time zone hold UTC; the
     * value is never converted through the JVM's or the session's default zone.
     */
    void setInstant(PreparedStatement statement, int index, Instant instant, boolean columnHasTimeZone)
            throws SQLException;

    /**
     * SQL that writes the instant bound by {@link #bindInstantParameter} into a column of the given
     * kind: one JDBC parameter, in whatever expression makes that cheapest for the database. Used
     * where one statement runs once per row (the Hibernate soft delete); by default a plain
     * {@code ?} bound with {@link #setInstant}.
     */
    default String instantParameter(boolean columnHasTimeZone) {
        return "?";
    }

    /** Binds {@code instant} to the parameter of {@link #instantParameter}, exactly as {@link #setInstant} would. */
    default void bindInstantParameter(PreparedStatement statement, int index, Instant instant,
            boolean columnHasTimeZone) throws SQLException {
        setInstant(statement, index, instant, columnHasTimeZone);
    }

    /** Reads an instant from a column of the library's own tables. */
    default Instant getInstant(ResultSet resultSet, String column) throws SQLException {
        return getInstant(resultSet, column, libraryTimestampsHaveZone());
    }

    /** Reads an instant from a column of the given kind (see {@link #setInstant}). */
    Instant getInstant(ResultSet resultSet, String column, boolean columnHasTimeZone) throws SQLException;

    /** Whether {@link #timestampType()} carries a time zone. */
    boolean libraryTimestampsHaveZone();

    /** Catalog and schema that unqualified names resolve to on this connection. */
    Scope scope(Connection connection) throws SQLException;

    /**
     * Runs {@code work} while holding a named lock that every instance of the application sees
     * (advisory lock on PostgreSQL, {@code GET_LOCK} on MariaDB/MySQL). Used for schema
     * initialization, so that two instances starting at once do not race.
     */
    <T> T withNamedLock(Connection connection, String name, Duration timeout, SqlCallable<T> work)
            throws SQLException;

    /**
     * Where unqualified names resolve: JDBC catalog and schema (either may be {@code null}).
     *
     * @param catalog the JDBC catalog, or {@code null}
     * @param schema  the JDBC schema, or {@code null}
     */
    record Scope(String catalog, String schema) {
    }

    /** A unit of work that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlCallable<T> {
        /** Runs the work and returns its result. */
        T call() throws SQLException;
    }
}
