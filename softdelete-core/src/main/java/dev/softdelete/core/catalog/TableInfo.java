package dev.softdelete.core.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table as the catalog describes it: names exactly as stored (case folded by the database).
 *
 * @param name         the table's name
 * @param columns      its columns, in catalog order
 * @param primaryKey   its primary-key columns, in key order; empty when it has none
 * @param importedKeys its foreign keys to other tables
 * @param exportedKeys foreign keys of other tables to it
 * @param uniqueKeys   its unique indexes and constraints, the primary key included
 */
public record TableInfo(String name, List<ColumnInfo> columns, List<String> primaryKey,
        List<ForeignKeyInfo> importedKeys, List<ForeignKeyInfo> exportedKeys, List<UniqueKeyInfo> uniqueKeys) {

    /** Copies the lists. */
    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        importedKeys = List.copyOf(importedKeys);
        exportedKeys = List.copyOf(exportedKeys);
        uniqueKeys = List.copyOf(uniqueKeys);
    }

    /**
     * The column named {@code name}: the column of exactly that name if there is one, otherwise
     * the one matching case-insensitively (as an unquoted name is matched).
     */
    public Optional<ColumnInfo> column(String name) {
        Optional<ColumnInfo> exact = columns.stream().filter(c -> c.name().equals(name)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** Whether the table has a column named {@code name} (case-insensitive). */
    public boolean hasColumn(String name) {
        return column(name).isPresent();
    }
}
