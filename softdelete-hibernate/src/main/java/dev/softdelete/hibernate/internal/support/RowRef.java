package dev.softdelete.hibernate.internal.support;

/** One row of a soft-deletable table, for operations spanning a parent and its children. */
public record RowRef(TableSql table, Object id) {

    public String entity() {
        return table.mapping().label();
    }
}
