package dev.softdelete.hibernate.internal.operation;

import dev.softdelete.core.dialect.Dialect;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SQL literals for the one statement that cannot take bind parameters: the soft-delete UPDATE that
 * the statement inspector writes in place of a bulk HQL {@code delete} (Hibernate binds only the
 * parameters of the statement it generated, so extra values must be part of the text). Both forms
 * are safe under every session setting: the timestamp holds only digits and separators, and the
 * actor is written by {@link Dialect#encodedStringLiteral}, as hexadecimal UTF-8, so that no quote
 * or backslash of the value ever reaches the SQL text. {@code remove()} does not use them: its
 * statement binds the instant and the actor as parameters.
 */
public final class SqlLiterals {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final Dialect dialect;

    public SqlLiterals(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A timestamp literal holding {@code instant}: UTC wall time, or with an explicit +00:00 zone. */
    public String timestamp(Instant instant, boolean columnHasTimeZone) {
        String text = UTC.format(instant);
        if (!text.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}")) {
            throw new IllegalArgumentException("Instant " + instant + " is outside years 0000-9999");
        }
        return columnHasTimeZone ? "TIMESTAMP WITH TIME ZONE '" + text + "+00:00'" : "TIMESTAMP '" + text + "'";
    }

    /** A character expression holding exactly {@code value}, or {@code NULL}. */
    public String string(String value) {
        return dialect.encodedStringLiteral(value);
    }
}
