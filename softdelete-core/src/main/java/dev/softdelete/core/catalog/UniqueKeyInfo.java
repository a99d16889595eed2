package dev.softdelete.core.catalog;

import java.util.List;

/**
 * A unique index or constraint. {@code filterCondition} is the partial-index predicate where the
 * driver reports one (PostgreSQL), otherwise {@code null}.
 *
 * @param name            the index or constraint name
 * @param columns         its columns, in index order
 * @param primaryKey      whether it is the primary key
 * @param filterCondition the partial-index predicate, or {@code null}
 */
public record UniqueKeyInfo(String name, List<String> columns, boolean primaryKey, String filterCondition) {

    /** Copies the column list. */
    public UniqueKeyInfo {
        columns = List.copyOf(columns);
    }
}
