package dev.softdelete.proxy.analysis;

/**
 * A table whose rows are soft deleted: reads must filter on {@code marker} (e.g.
 * {@code deleted_at IS NULL}) or they show deleted rows.
 */
public record SoftDeletableTable(String table, String marker) {

    public SoftDeletableTable {
        // Validate both names with the same rules as watched elements.
        WatchedElement.column(table, marker);
    }
}
