package dev.softdelete.hibernate.internal.delete;

import dev.softdelete.hibernate.RowNotFoundException;
import dev.softdelete.hibernate.delete.AlreadyDeletedException;
import dev.softdelete.hibernate.internal.bootstrap.SoftDeleteStatementInspector;
import dev.softdelete.hibernate.internal.mapping.ChildMapping;
import dev.softdelete.hibernate.internal.operation.Operation;
import dev.softdelete.hibernate.internal.support.RowRef;
import dev.softdelete.hibernate.internal.support.TableSql;
import dev.softdelete.hibernate.internal.support.TableSqlFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes by id without loading entities: soft (marking the row and its active cascade children
 * with one operation) or hard (removing the row and every child row, children first).
 */
public final class RowDeleter {

    private final TableSqlFactory tables;

    public RowDeleter(TableSqlFactory tables) {
        this.tables = tables;
    }

    /** Soft-deletes a row and its active cascade children; returns every row marked, parent first. */
    public List<RowRef> softDelete(TableSql table, Object id, Operation operation) {
        return tables.jdbc().inTransaction(c -> {
            TableSql.Marker marker = table.lockMarker(c, id)
                    .orElseThrow(() -> new RowNotFoundException(table.mapping().label(), id, "delete"));
            if (marker.deleted()) {
                throw new AlreadyDeletedException(table.mapping().label(), id);
            }
            List<RowRef> rows = new ArrayList<>();
            mark(c, table, id, operation, rows);
            return rows;
        });
    }

    private void mark(Connection c, TableSql table, Object id, Operation operation, List<RowRef> rows)
            throws SQLException {
        for (ChildMapping child : table.mapping().children()) {
            TableSql childTable = tables.forEntity(child.childEntity());
            for (Object childId : childTable.activeIds(c, child.foreignKeyColumn(), id)) {
                mark(c, childTable, childId, operation, rows);
            }
        }
        table.markDeleted(c, id, operation.at(), operation.actor());
        rows.add(0, new RowRef(table, id));
    }

    /**
     * Removes a row for good, with every row of its cascade children; returns the rows removed per
     * entity label (children under their own entity).
     */
    public Map<String, Long> hardDelete(TableSql table, Object id) {
        return tables.jdbc().inTransaction(c -> {
            if (table.lockMarker(c, id).isEmpty()) {
                throw new RowNotFoundException(table.mapping().label(), id, "hard-delete");
            }
            Map<String, Long> removed = new LinkedHashMap<>();
            remove(c, table, id, removed);
            return removed;
        });
    }

    private void remove(Connection c, TableSql table, Object id, Map<String, Long> removed) throws SQLException {
        for (ChildMapping child : table.mapping().children()) {
            TableSql childTable = tables.forEntity(child.childEntity());
            for (Object childId : tables.jdbc().query(c, "SELECT " + childTable.id() + " FROM " + childTable.table()
                    + " WHERE " + tables.jdbc().dialect().quote(child.foreignKeyColumn()) + " = ?",
                    rs -> rs.getObject(1), id)) {
                remove(c, childTable, childId, removed);
            }
        }
        int rows = tables.jdbc().update(c, SoftDeleteStatementInspector.HARD_DELETE + " DELETE FROM "
                + table.table() + " WHERE " + table.id() + " = ?", id);
        removed.merge(table.mapping().label(), (long) rows, Long::sum);
    }
}
