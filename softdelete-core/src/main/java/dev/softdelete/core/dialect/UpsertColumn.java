package dev.softdelete.core.dialect;

import java.util.Objects;

/**
 * One column of an upsert built by {@link Dialect#upsert}: its name, its SQL type (some databases
 * need it to type a parameter) and what happens to it when the row already exists.
 *
 * @param name    plain column name (validated by the dialect when the statement is built)
 * @param sqlType the column's SQL type, e.g. {@code BIGINT}
 * @param merge   how an existing row's value and the new value combine
 */
public record UpsertColumn(String name, String sqlType, Merge merge) {

    /** Checks that no component is null. */
    public UpsertColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sqlType, "sqlType");
        Objects.requireNonNull(merge, "merge");
    }

    /** How an existing value and the new one combine. */
    public enum Merge {
        /** Part of the unique key that identifies the row; never updated. */
        KEY,
        /** Existing plus new (counters). */
        ADD,
        /** The smaller of the two (first seen). */
        LEAST,
        /** The greater of the two (last seen). */
        GREATEST,
        /** The new value replaces the old. */
        REPLACE
    }

    /** A key column: part of the unique key, never updated. */
    public static UpsertColumn key(String name, String sqlType) {
        return new UpsertColumn(name, sqlType, Merge.KEY);
    }

    /** A column that combines with an existing row's value as {@code merge} says. */
    public static UpsertColumn of(String name, String sqlType, Merge merge) {
        return new UpsertColumn(name, sqlType, merge);
    }
}
