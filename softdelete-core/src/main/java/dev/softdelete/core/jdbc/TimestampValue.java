package dev.softdelete.core.jdbc;

import java.time.Instant;

/**
 * A parameter for a timestamp column of a host table whose type may or may not carry a time
 * zone (see {@code ColumnInfo#hasTimeZone()}). Plain {@link Instant} parameters are bound the
 * way the library's own tables store them.
 *
 * @param instant      the value
 * @param withTimeZone whether the column carries a time zone
 */
public record TimestampValue(Instant instant, boolean withTimeZone) {
}
