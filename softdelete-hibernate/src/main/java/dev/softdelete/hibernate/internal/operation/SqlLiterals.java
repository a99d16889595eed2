package dev.softdelete.hibernate.internal.operation;

import dev.softdelete.core.dialect.SqlSyntax;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SQL literals for the marker values written by generated statements. Hibernate binds only the id
 * (and version) of a delete, so the operation's instant and actor travel as literals; they come
 * from our own clock and actor provider, never from user input that could inject SQL, and strings
 * are still escaped for the target database (by its {@link SqlSyntax}).
 */
public final class SqlLiterals {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final SqlSyntax syntax;

    public SqlLiterals(SqlSyntax syntax) {
        this.syntax = syntax;
    }

    /** A timestamp literal holding {@code instant}: UTC wall time, or with an explicit +00:00 zone. */
    public String timestamp(Instant instant, boolean columnHasTimeZone) {
        String text = UTC.format(instant);
        return columnHasTimeZone ? "TIMESTAMP WITH TIME ZONE '" + text + "+00:00'" : "TIMESTAMP '" + text + "'";
    }

    /** A string literal, or {@code NULL}. */
    public String string(String value) {
        return syntax.stringLiteral(value);
    }
}
