package dev.softdelete.core.check;

import java.util.List;

/**
 * A unique key (other than the primary key) of a soft-deletable table, and which rows it holds to it.
 *
 * @param name     the constraint or index name
 * @param columns  its columns, in index order
 * @param coverage which rows it makes unique
 */
public record UniqueKeyReport(String name, List<String> columns, Coverage coverage) {

    /** Copies the column list. */
    public UniqueKeyReport {
        columns = List.copyOf(columns);
    }

    /** Which rows a unique key makes unique. */
    public enum Coverage {
        /**
         * Active rows only: a partial index on the marker being {@code NULL}, or the generated flag
         * column ({@value TableCheck#ACTIVE_FLAG_COLUMN}) that {@code ActiveUniqueKeys} adds where
         * there are no partial indexes. A deleted row's key can be taken again.
         */
        ACTIVE_ROWS,
        /** Every row, deleted ones too: a deleted row's key stays taken until the row is purged. */
        ALL_ROWS,
        /**
         * None that matters: the marker column is part of the key, and active rows all have a
         * {@code NULL} marker, which unique indexes treat as distinct, so duplicates among active
         * rows pass.
         */
        NOT_ENFORCED_AMONG_ACTIVE_ROWS
    }
}
