package dev.softdelete.core.catalog;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import dev.softdelete.core.jdbc.DataAccessException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Reads tables, columns, keys and unique indexes of the current schema from
 * {@link DatabaseMetaData}. Not cached: callers read it once per operation, so a rename or a new
 * index is seen by the next operation.
 */
public final class Catalog {

    private final DataSource dataSource;
    private final Dialect dialect;

    /** Reads the current schema of {@code dataSource}; {@code dialect} validates names and says how they are stored. */
    public Catalog(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** The table, or empty when no such table exists in the current schema. */
    public Optional<TableInfo> find(String table) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, dialect.identifier(table));
        } catch (SQLException e) {
            throw new DataAccessException("Could not read the catalog for table '" + table + "'", null, e);
        }
    }

    /**
     * The table.
     *
     * @throws UnknownTableException naming the table and the schema searched
     */
    public TableInfo require(String table) {
        return find(table).orElseThrow(() -> new UnknownTableException("Table '" + table
                + "' does not exist in the current schema of " + dialect.kind()
                + ". Check the name (and its case on MariaDB/MySQL) and the connection's schema."));
    }

    /** The column of a table, with a clear exception when either is missing. */
    public ColumnInfo requireColumn(TableInfo table, String column) {
        dialect.identifier(column);
        return table.column(column).orElseThrow(() -> new UnknownTableException("Column '" + column
                + "' does not exist in table '" + table.name() + "'. Its columns are: "
                + table.columns().stream().map(ColumnInfo::name).toList() + "."));
    }

    /** Whether a table of that name exists. */
    public boolean exists(String table) {
        return find(table).isPresent();
    }

    /** The table read on an open connection. */
    public Optional<TableInfo> find(Connection connection, Identifier table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Dialect.Scope scope = dialect.scope(connection);
        Optional<String> stored = storedName(meta, scope, table);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String name = stored.get();
        return Optional.of(new TableInfo(name, columns(meta, scope, name), primaryKey(meta, scope, name),
                foreignKeys(meta.getImportedKeys(scope.catalog(), scope.schema(), name)),
                foreignKeys(meta.getExportedKeys(scope.catalog(), scope.schema(), name)),
                uniqueKeys(connection, meta, scope, name)));
    }

    /**
     * Every index of a table, unique or not, the primary key's included, in the order the driver
     * reports them.
     *
     * @throws UnknownTableException when the table does not exist
     */
    public List<IndexInfo> indexes(String table) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            Dialect.Scope scope = dialect.scope(connection);
            String name = storedName(meta, scope, dialect.identifier(table)).orElseThrow(() -> new UnknownTableException(
                    "Table '" + table + "' does not exist in the current schema of " + dialect.kind()
                            + ". Check the name (and its case on MariaDB/MySQL) and the connection's schema."));
            Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
            Map<String, Boolean> unique = new LinkedHashMap<>();
            Map<String, String> filters = new LinkedHashMap<>();
            try (ResultSet rs = meta.getIndexInfo(scope.catalog(), scope.schema(), name, false, true)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (index == null || column == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                        continue;
                    }
                    columns.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), column);
                    unique.put(index, !rs.getBoolean("NON_UNIQUE"));
                    String filter = rs.getString("FILTER_CONDITION");
                    if (filter != null && !filter.isBlank()) {
                        filters.put(index, filter);
                    }
                }
            }
            List<IndexInfo> indexes = new ArrayList<>();
            columns.forEach((index, cols) -> indexes.add(new IndexInfo(index, new ArrayList<>(cols.values()),
                    unique.get(index), filters.get(index))));
            return indexes;
        } catch (SQLException e) {
            throw new DataAccessException("Could not read the indexes of table '" + table + "'", null, e);
        }
    }

    /** Names of every base table in the current schema. */
    public List<String> tableNames() {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.getMetaData().getTables(dialect.scope(connection).catalog(),
                        dialect.scope(connection).schema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        } catch (SQLException e) {
            throw new DataAccessException("Could not list tables", null, e);
        }
    }

    private Optional<String> storedName(DatabaseMetaData meta, Dialect.Scope scope, Identifier table)
            throws SQLException {
        String folded = dialect.catalogName(table);
        if (!table.isQuoted() && !folded.equals(table.name())) {
            // A name is matched exactly when the catalog has a table of exactly that name (e.g.
            // OrderItems created quoted on PostgreSQL or H2), otherwise as the database folds it.
            Optional<String> exact = storedName(meta, scope, Identifier.quoted(table.name()));
            if (exact.isPresent()) {
                return exact;
            }
        }
        List<String> candidates = new ArrayList<>();
        // Exact lookup first; '_' is a LIKE wildcard in metadata patterns, so confirm equality.
        try (ResultSet rs = meta.getTables(scope.catalog(), scope.schema(), folded, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                candidates.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String candidate : candidates) {
            if (candidate.equals(folded)) {
                return Optional.of(candidate);
            }
        }
        if (table.isQuoted()) {
            return Optional.empty();
        }
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(folded)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<ColumnInfo> columns(DatabaseMetaData meta, Dialect.Scope scope, String table)
            throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(scope.catalog(), scope.schema(), table, "%")) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, Dialect.Scope scope, String table)
            throws SQLException {
        Map<Integer, String> ordered = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(scope.catalog(), scope.schema(), table)) {
            while (rs.next()) {
                ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(ordered.values());
    }

    /** Groups the rows of {@code getImportedKeys}/{@code getExportedKeys} into one key per constraint. */
    private static List<ForeignKeyInfo> foreignKeys(ResultSet rs) throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        Map<String, Integer> rules = new LinkedHashMap<>();
        try (rs) {
            while (rs.next()) {
                String key = rs.getString("FK_NAME") + '|' + rs.getString("FKTABLE_NAME") + '|'
                        + rs.getString("PKTABLE_NAME");
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {
                        rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME"),
                        String.valueOf(rs.getInt("KEY_SEQ"))});
                rules.put(key, rs.getInt("DELETE_RULE"));
            }
        }
        List<ForeignKeyInfo> keys = new ArrayList<>();
        byName.forEach((key, cols) -> {
            String[] parts = key.split("\\|", -1);
            cols.sort((a, b) -> Integer.compare(Integer.parseInt(a[2]), Integer.parseInt(b[2])));
            keys.add(new ForeignKeyInfo(parts[0], parts[1], cols.stream().map(c -> c[0]).toList(), parts[2],
                    cols.stream().map(c -> c[1]).toList(), rules.get(key)));
        });
        return keys;
    }

    private List<UniqueKeyInfo> uniqueKeys(Connection connection, DatabaseMetaData meta, Dialect.Scope scope,
            String table) throws SQLException {
        Map<String, String> constraintOfIndex = dialect.constraintNamesByIndex(connection, scope, table);
        List<String> pk = primaryKey(meta, scope, table);
        Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
        Map<String, String> filters = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(scope.catalog(), scope.schema(), table, true, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || column == null || rs.getBoolean("NON_UNIQUE")) {
                    continue;
                }
                columns.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getInt("ORDINAL_POSITION"), column);
                String filter = rs.getString("FILTER_CONDITION");
                if (filter != null && !filter.isBlank()) {
                    filters.put(index, filter);
                }
            }
        }
        List<UniqueKeyInfo> keys = new ArrayList<>();
        columns.forEach((index, cols) -> {
            List<String> list = new ArrayList<>(cols.values());
            boolean isPk = list.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()
                    .equals(pk.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
            keys.add(new UniqueKeyInfo(constraintOfIndex.getOrDefault(index, index), list, isPk, filters.get(index)));
        });
        return keys;
    }
}
