package dev.softdelete.core.catalog;

import java.util.List;

/**
 * A unique index or constraint. {@code filterCondition} is the partial-index predicate where the
 * driver reports one (PostgreSQL), otherwise {@code null}.
 */
public record UniqueKeyInfo(String name, List<String> columns, boolean primaryKey, String filterCondition) {

    public UniqueKeyInfo {
        columns = List.copyOf(columns);
    }
}
