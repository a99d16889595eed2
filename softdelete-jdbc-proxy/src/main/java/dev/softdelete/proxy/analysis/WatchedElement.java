package dev.softdelete.proxy.analysis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table, or a column of a table, whose use should be reported. Names are plain identifiers as
 * the application writes them unquoted ({@code users}, {@code legacy_email}); schema qualifiers in
 * statements are ignored when matching.
 *
 * @param table  the table name
 * @param column the column name, or {@code null} when the whole table is watched
 */
public record WatchedElement(String table, String column) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    /** Checks that both names are plain identifiers. */
    public WatchedElement {
        requireName(table, "table");
        if (column != null) {
            requireName(column, "column");
        }
    }

    /** A watched column. */
    public static WatchedElement column(String table, String column) {
        return new WatchedElement(table, Objects.requireNonNull(column, "column"));
    }

    /** A watched table: every statement that reads or writes it is a hit. */
    public static WatchedElement table(String table) {
        return new WatchedElement(table, null);
    }

    /** Parses {@code table.column} (a column) or {@code table} (a whole table). */
    public static WatchedElement parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        int dot = spec.indexOf('.');
        if (dot < 0) {
            return table(spec.trim());
        }
        if (spec.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("Watched element '" + spec + "' has more than one dot: write"
                    + " 'table.column' for a column or 'table' for a table (schemas are not part of the name).");
        }
        return column(spec.substring(0, dot).trim(), spec.substring(dot + 1).trim());
    }

    /** Whether the whole table is watched (no column). */
    public boolean isTable() {
        return column == null;
    }

    /** {@code table.column} or {@code table}: the element's name in telemetry, metrics and alerts. */
    public String key() {
        return column == null ? table : table + "." + column;
    }

    /** The {@link #key()}. */
    @Override
    public String toString() {
        return key();
    }

    private static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Watched " + what + " name '" + name + "' is not a plain SQL"
                    + " identifier: use letters, digits, '_' or '$', starting with a letter or '_'.");
        }
    }
}
