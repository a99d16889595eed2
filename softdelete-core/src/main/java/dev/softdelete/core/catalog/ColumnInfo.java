package dev.softdelete.core.catalog;

import java.sql.Types;

/**
 * A column as the database catalog describes it. {@code jdbcType} is a {@link java.sql.Types} constant.
 *
 * @param name     the column's name as the catalog stores it
 * @param jdbcType its {@link java.sql.Types} constant
 * @param typeName its database type name, e.g. {@code timestamptz}
 * @param size     its size or precision as the driver reports it
 * @param nullable whether it accepts {@code NULL}
 */
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
