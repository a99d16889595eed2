package dev.softdelete.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Behaviour shared by the three dialects; each subclass states only what differs. */
abstract class AbstractDialect implements Dialect {

    private final String version;

    AbstractDialect(String version) {
        this.version = version == null ? "unknown" : version;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String identifierLengthUnit() {
        return "characters";
    }

    @Override
    public int identifierLength(String name) {
        return name.codePointCount(0, name.length());
    }

    @Override
    public String quote(Identifier identifier) {
        validate(identifier);
        return '"' + catalogName(identifier) + '"';
    }

    @Override
    public String renameTable(Identifier from, Identifier to) {
        return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to);
    }

    @Override
    public String renameColumn(Identifier table, Identifier from, Identifier to) {
        return "ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
    }

    @Override
    public String renameIndex(Identifier table, Identifier from, Identifier to) {
        validate(table);
        return "ALTER INDEX " + quote(from) + " RENAME TO " + quote(to);
    }

    @Override
    public String renameConstraint(Identifier table, Identifier from, Identifier to) {
        return "ALTER TABLE " + quote(table) + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to);
    }

    /**
     * Pure functions every supported database has, as lower-case names: string, number,
     * null-handling and clock functions. Each dialect adds its own (see {@link #pureFunctions()}).
     */
    static final Set<String> COMMON_PURE_FUNCTIONS = Set.of(
            "lower", "upper", "length", "char_length", "character_length", "trim", "ltrim", "rtrim", "substring",
            "substr", "left", "right", "concat", "coalesce", "nullif", "abs", "mod", "round", "floor", "ceil",
            "ceiling", "greatest", "least", "current_date", "current_time", "current_timestamp", "localtime",
            "localtimestamp", "now");

    /** {@link #COMMON_PURE_FUNCTIONS} and {@code more}. */
    static Set<String> pureFunctionsWith(String... more) {
        Set<String> all = new java.util.HashSet<>(COMMON_PURE_FUNCTIONS);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** PostgreSQL and MariaDB/MySQL refuse writes after {@code SET TRANSACTION READ ONLY}. */
    @Override
    public boolean enforcesReadOnlyTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataModifyingCte() {
        return false;
    }

    /** The SQL standard's form: {@code FETCH FIRST ? ROWS ONLY} on the DELETE. */
    @Override
    public String deleteAtMost(String quotedTable, String where) {
        return "DELETE FROM " + quotedTable + " WHERE " + where + " FETCH FIRST ? ROWS ONLY";
    }

    /** The SQL standard's {@code MERGE ... USING (VALUES ...)}, each parameter cast to its column type. */
    @Override
    public String upsert(String quotedTable, List<UpsertColumn> columns) {
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> "CAST(? AS " + c.sqlType() + ")").collect(Collectors.joining(", "));
        String on = columns.stream().filter(c -> c.merge() == UpsertColumn.Merge.KEY)
                .map(c -> "u." + quote(c.name()) + " = s." + quote(c.name())).collect(Collectors.joining(" AND "));
        String set = columns.stream().filter(c -> c.merge() != UpsertColumn.Merge.KEY)
                .map(c -> quote(c.name()) + " = " + merged(c, "u." + quote(c.name()), "s." + quote(c.name())))
                .collect(Collectors.joining(", "));
        String inserted = columns.stream().map(c -> "s." + quote(c.name())).collect(Collectors.joining(", "));
        return "MERGE INTO " + quotedTable + " u USING (VALUES (" + values + ")) AS s (" + names + ") ON " + on
                + " WHEN MATCHED THEN UPDATE SET " + set + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES ("
                + inserted + ")";
    }

    /**
     * {@code INSERT ... VALUES (?, ...)} followed by {@code conflictClause} and the merge
     * assignments, each built from the existing and the incoming value of a column (the form of
     * PostgreSQL's {@code ON CONFLICT} and MariaDB's {@code ON DUPLICATE KEY}).
     */
    String insertOrMerge(String quotedTable, List<UpsertColumn> columns, String conflictClause,
            java.util.function.UnaryOperator<String> existing, java.util.function.UnaryOperator<String> incoming) {
        String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
        String set = columns.stream().filter(c -> c.merge() != UpsertColumn.Merge.KEY)
                .map(c -> quote(c.name()) + " = " + merged(c, existing.apply(quote(c.name())),
                        incoming.apply(quote(c.name()))))
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + quotedTable + " (" + names + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") " + conflictClause + " " + set;
    }

    /** The expression combining an existing value and a new one under {@code column}'s rule. */
    static String merged(UpsertColumn column, String existing, String incoming) {
        return switch (column.merge()) {
            case KEY, REPLACE -> incoming;
            case ADD -> existing + " + " + incoming;
            case LEAST -> "LEAST(" + existing + ", " + incoming + ")";
            case GREATEST -> "GREATEST(" + existing + ", " + incoming + ")";
        };
    }

    /** The UTF-8 bytes of {@code value} as lower-case hex digits; refuses U+0000. */
    static String utf8Hex(String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("A string literal cannot hold U+0000 (NUL)");
        }
        return java.util.HexFormat.of().formatHex(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public String timestampType() {
        return "TIMESTAMP WITH TIME ZONE";
    }

    @Override
    public boolean libraryTimestampsHaveZone() {
        return true;
    }

    /** Sets the session's time zone to {@link #utcZone}, runs {@code work}, and puts the previous setting back. */
    @Override
    public <T> T inUtc(Connection connection, SqlCallable<T> work) throws SQLException {
        String before = sessionTimeZone(connection);
        setSessionTimeZone(connection, utcZone());
        try {
            return work.call();
        } finally {
            setSessionTimeZone(connection, before);
        }
    }

    /** How a session names UTC on this database. */
    protected String utcZone() {
        return "UTC";
    }

    /** The session's time zone setting, as the database reports it (null where it reports none). */
    protected abstract String sessionTimeZone(Connection connection) throws SQLException;

    /** Sets the session's time zone ({@code null}: back to the database's default). */
    protected abstract void setSessionTimeZone(Connection connection, String zone) throws SQLException;

    /** The first instant of year 1 and the first after year 9999 (UTC): the years every database stores alike. */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    /** Refuses instants outside years 1 to 9999 (see {@link InstantOutOfRangeException}). */
    @Override
    public void setInstant(PreparedStatement statement, int index, Instant instant, boolean columnHasTimeZone)
            throws SQLException {
        if (instant != null && (instant.isBefore(FIRST) || !instant.isBefore(AFTER_LAST))) {
            throw new InstantOutOfRangeException("Instant " + instant + " is " + (instant.isBefore(FIRST)
                    ? "before year 1" : "after year 9999") + " (UTC); " + kind() + " would not store it as that"
                    + " year, so it is refused and nothing was written. Check the rule's age or retention and the"
                    + " clock.");
        }
        if (instant == null) {
            statement.setNull(index, columnHasTimeZone ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP);
        } else if (columnHasTimeZone) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getInstant(ResultSet resultSet, String column, boolean columnHasTimeZone) throws SQLException {
        if (columnHasTimeZone) {
            OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        LocalDateTime value = resultSet.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public Scope scope(Connection connection) throws SQLException {
        return new Scope(null, connection.getSchema());
    }

    @Override
    public String toString() {
        return kind() + " " + version();
    }
}
