package dev.softdelete.hibernate.internal.restore;

import dev.softdelete.core.catalog.Catalog;
import dev.softdelete.core.catalog.TableInfo;
import dev.softdelete.core.catalog.UniqueKeyInfo;
import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.hibernate.ddl.ActiveUniqueKeys;
import dev.softdelete.hibernate.internal.support.RowRef;
import dev.softdelete.hibernate.restore.RestoreConflictException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Before a restore writes anything: for every unique key of the row's table (read from the
 * catalog), is there an active row with the same values? Keys with a {@code NULL} value never
 * collide. The generated flag column of {@link ActiveUniqueKeys} is not part of the comparison.
 */
final class UniqueConflictCheck {

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Catalog catalog;
    private final Map<String, TableInfo> tables = new HashMap<>();

    UniqueConflictCheck(Jdbc jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect();
        this.catalog = catalog;
    }

    void check(Connection c, RowRef row) throws SQLException {
        String tableName = row.table().mapping().table().table();
        TableInfo table = tables.get(tableName);
        if (table == null) {
            table = catalog.find(c, Identifier.of(tableName)).orElseThrow();
            tables.put(tableName, table);
        }
        for (UniqueKeyInfo key : table.uniqueKeys()) {
            List<String> columns = new ArrayList<>();
            for (String column : key.columns()) {
                if (!column.equalsIgnoreCase(ActiveUniqueKeys.FLAG_COLUMN)) {
                    columns.add(column);
                }
            }
            if (key.primaryKey() || columns.isEmpty()) {
                continue;
            }
            Optional<Object> conflict = conflictingId(c, row, columns);
            if (conflict.isPresent()) {
                throw new RestoreConflictException(row.entity(), row.id(), key.name(),
                        columns.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(), conflict.get());
            }
        }
    }

    private Optional<Object> conflictingId(Connection c, RowRef row, List<String> columns) throws SQLException {
        List<String> quoted = columns.stream().map(col -> dialect.quote(Identifier.quoted(col))).toList();
        String table = row.table().table();
        String id = row.table().id();
        Optional<Object[]> values = jdbc.queryOne(c, "SELECT " + String.join(", ", quoted) + " FROM " + table
                + " WHERE " + id + " = ?", rs -> {
                    Object[] v = new Object[columns.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getObject(i + 1);
                    }
                    return v;
                }, row.id());
        if (values.isEmpty() || java.util.Arrays.asList(values.get()).contains(null)) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(id).append(" FROM ").append(table).append(" WHERE ");
        for (String column : quoted) {
            sql.append(column).append(" = ? AND ");
        }
        sql.append(row.table().marker()).append(" IS NULL AND ").append(id).append(" <> ?");
        Object[] params = java.util.Arrays.copyOf(values.get(), columns.size() + 1);
        params[columns.size()] = row.id();
        List<Object> ids = jdbc.query(c, sql.toString(), rs -> rs.getObject(1), params);
        return ids.stream().findFirst();
    }
}
