package dev.softdelete.core.catalog;

import java.sql.Types;

/** A column as the database catalog describes it. {@code jdbcType} is a {@link java.sql.Types} constant. */
public record ColumnInfo(String name, int jdbcType, String typeName, int size, boolean nullable) {

    /** Whether this is a timestamp column that carries a time zone (e.g. PostgreSQL {@code timestamptz}). */
    public boolean hasTimeZone() {
        return jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
                || typeName.equalsIgnoreCase("timestamptz")
                || typeName.toUpperCase(java.util.Locale.ROOT).contains("WITH TIME ZONE");
    }

    /** Whether the column holds a date-time (with or without zone). */
    public boolean isTimestamp() {
        return jdbcType == Types.TIMESTAMP || hasTimeZone();
    }
}
