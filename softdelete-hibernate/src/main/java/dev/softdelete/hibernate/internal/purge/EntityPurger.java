package dev.softdelete.hibernate.internal.purge;

import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.hibernate.internal.bootstrap.SoftDeleteStatementInspector;
import dev.softdelete.hibernate.internal.mapping.ChildMapping;
import dev.softdelete.hibernate.internal.support.TableSql;
import dev.softdelete.hibernate.internal.support.TableSqlFactory;
import dev.softdelete.hibernate.purge.EntityPurgeResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Hard-deletes rows soft-deleted before a cutoff, in batches of ids, one transaction per batch:
 * for each batch, the cascade children of those rows first (deepest first), then the rows. Only ids
 * are read; rows are removed with set-based {@code DELETE ... WHERE key IN (...)}.
 */
public final class EntityPurger {

    private final TableSqlFactory tables;

    public EntityPurger(TableSqlFactory tables) {
        this.tables = tables;
    }

    /**
     * Purges; {@code onBatch} receives the ids of each batch of the root entity after it commits.
     */
    public EntityPurgeResult purge(TableSql root, Instant cutoff, int batchSize, BiConsumer<List<Object>, Integer> onBatch) {
        Jdbc jdbc = tables.jdbc();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(root.mapping().label(), 0L);
        int batches = 0;
        while (true) {
            List<Object> ids = jdbc.inTransaction(c -> {
                List<Object> batch = jdbc.query(c, "SELECT " + root.id() + " FROM " + root.table() + " WHERE "
                        + root.marker() + " < ? ORDER BY " + root.id() + " LIMIT ?", rs -> rs.getObject(1),
                        root.at(cutoff), batchSize);
                if (!batch.isEmpty()) {
                    delete(c, root, root.id(), batch, rows);
                }
                return batch;
            });
            if (ids.isEmpty()) {
                break;
            }
            batches++;
            onBatch.accept(Collections.unmodifiableList(ids), batches);
            if (ids.size() < batchSize) {
                break;
            }
        }
        return new EntityPurgeResult(root.mapping().label(), cutoff, rows, batches);
    }

    /** Deletes the rows of {@code table} whose {@code column} is in {@code keys}, children first. */
    private void delete(Connection c, TableSql table, String column, List<Object> keys, Map<String, Long> rows)
            throws SQLException {
        Jdbc jdbc = tables.jdbc();
        String in = column + " IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        if (!table.mapping().children().isEmpty()) {
            List<Object> ids = column.equals(table.id()) ? keys
                    : jdbc.query(c, "SELECT " + table.id() + " FROM " + table.table() + " WHERE " + in,
                            rs -> rs.getObject(1), keys.toArray());
            for (ChildMapping child : table.mapping().children()) {
                TableSql childTable = tables.forEntity(child.childEntity());
                if (!ids.isEmpty()) {
                    delete(c, childTable, jdbc.dialect().quote(child.foreignKeyColumn()), ids, rows);
                }
            }
        }
        int removed = jdbc.update(c, SoftDeleteStatementInspector.HARD_DELETE + " DELETE FROM " + table.table()
                + " WHERE " + in, keys.toArray());
        rows.merge(table.mapping().label(), (long) removed, Long::sum);
    }
}
