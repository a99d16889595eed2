package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.hibernate.RowNotFoundException;
import dev.softdelete.hibernate.internal.mapping.ChildMapping;
import dev.softdelete.hibernate.internal.support.RowRef;
import dev.softdelete.hibernate.internal.support.TableSql;
import dev.softdelete.hibernate.internal.support.TableSqlFactory;
import dev.softdelete.hibernate.restore.NotDeletedException;
import dev.softdelete.hibernate.restore.RestoreResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restores a row and exactly the children deleted by the same operation (same marker instant),
 * recursively, in one transaction. Checks unique keys of every row first: on a conflict nothing is
 * written.
 */
public final class Restorer {

    private final TableSqlFactory tables;

    public Restorer(TableSqlFactory tables) {
        this.tables = tables;
    }

    /**
     * Restores rows in one transaction: all of them, or none when one fails. {@code rowsByEntity}
     * receives the rows restored per entity label (children under their own entity) once committed.
     */
    public List<RestoreResult> restoreAll(TableSql table, Collection<?> ids, Map<String, Long> rowsByEntity) {
        Map<String, Long> counted = new LinkedHashMap<>();
        List<RestoreResult> restored = tables.jdbc().inTransaction(c -> {
            counted.clear();
            UniqueConflictCheck check = new UniqueConflictCheck(tables.jdbc(), tables.catalog());
            List<RestoreResult> results = new ArrayList<>(ids.size());
            for (Object id : ids) {
                results.add(restore(c, check, table, id, counted));
            }
            return results;
        });
        counted.forEach((entity, n) -> rowsByEntity.merge(entity, n, Long::sum));
        return restored;
    }

    private RestoreResult restore(Connection c, UniqueConflictCheck check, TableSql table, Object id,
            Map<String, Long> counted) throws SQLException {
        TableSql.Marker marker = table.lockMarker(c, id)
                .orElseThrow(() -> new RowNotFoundException(table.mapping().label(), id, "restore"));
        if (!marker.deleted()) {
            throw new NotDeletedException(table.mapping().label(), id);
        }
        List<RowRef> rows = new ArrayList<>();
        rows.add(new RowRef(table, id));
        collectChildren(c, table, id, marker.at(), rows);
        for (RowRef row : rows) {
            check.check(c, row);
        }
        for (RowRef row : rows) {
            row.table().clearMarker(c, row.id(), marker.at());
            counted.merge(row.entity(), 1L, Long::sum);
        }
        return new RestoreResult(table.mapping().label(), id, marker.at(), rows.size() - 1);
    }

    private void collectChildren(Connection c, TableSql parent, Object parentId, Instant at, List<RowRef> rows)
            throws SQLException {
        for (ChildMapping child : parent.mapping().children()) {
            TableSql childTable = tables.forEntity(child.childEntity());
            for (Object childId : childTable.idsMarkedAt(c, child.foreignKeyColumn(), parentId, at)) {
                rows.add(new RowRef(childTable, childId));
                collectChildren(c, childTable, childId, at, rows);
            }
        }
    }
}
