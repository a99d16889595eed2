package dev.softdelete.core.catalog;

import java.util.List;

/**
 * An index of a table, unique or not, as the catalog describes it. {@code filterCondition} is the
 * partial-index predicate where the driver reports one (PostgreSQL), otherwise {@code null}.
 *
 * @param name            the index name
 * @param columns         its columns, in index order
 * @param unique          whether it is unique
 * @param filterCondition the partial-index predicate, or {@code null}
 */
public record IndexInfo(String name, List<String> columns, boolean unique, String filterCondition) {

    /** Copies the column list. */
    public IndexInfo {
        columns = List.copyOf(columns);
    }

    /** Whether the index's first column is {@code column} (compared without regard to case). */
    public boolean leadsWith(String column) {
        return !columns.isEmpty() && columns.get(0).equalsIgnoreCase(column);
    }
}
