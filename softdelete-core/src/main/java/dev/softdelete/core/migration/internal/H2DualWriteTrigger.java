package dev.softdelete.core.migration.internal;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dual-write trigger of a field migration on H2, whose triggers are Java classes. H2 creates
 * one instance per trigger; it reads its configuration (a versioned document written by the
 * library) from the trigger's comment on first use, and the column positions from
 * {@code INFORMATION_SCHEMA.COLUMNS}. Does what the PostgreSQL and MariaDB triggers do (see
 * {@code dev.softdelete.core.dialect.DualWriteTrigger}). Not API.
 */
public final class H2DualWriteTrigger implements org.h2.api.Trigger {

    private static final String KIND = "h2-dual-write";

    private String schema;
    private String triggerName;
    private String tableName;
    private volatile Config config;

    /** Called by H2. */
    public H2DualWriteTrigger() {
    }

    /** The configuration document stored as the trigger's comment; every name as the catalog stores it. */
    public static String configuration(String table, String oldColumn, String newColumn, String lookupTable,
            String lookupKey, String lookupValue, String expression) {
        return Document.write(KIND, 1, Json.obj("table", table, "oldColumn", oldColumn, "newColumn", newColumn,
                "lookupTable", lookupTable, "lookupKey", lookupKey, "lookupValue", lookupValue, "expression",
                expression));
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.schema = schemaName;
        this.triggerName = triggerName;
        this.tableName = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        Config c = config(conn);
        if (c == null || newRow == null) {
            return; // comment not written yet (the statement after CREATE TRIGGER), or a delete
        }
        if (c.lookupTable != null && tableName.equals(c.lookupTable) && !tableName.equals(c.table)) {
            referencedRowChanged(conn, c, oldRow, newRow);
            return;
        }
        int o = c.position(tableName, c.oldColumn);
        int n = c.position(tableName, c.newColumn);
        boolean insert = oldRow == null;
        if (c.expressionQuery != null) {
            try (PreparedStatement s = conn.prepareStatement(c.expressionQuery)) {
                for (int i = 0; i < c.rowColumns.size(); i++) {
                    s.setObject(i + 1, newRow[c.position(tableName, c.rowColumns.get(i))]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    newRow[n] = rs.next() ? rs.getObject(1) : null;
                }
            }
            return;
        }
        if (c.lookupTable != null) {
            if (insert || !Objects.deepEquals(oldRow[o], newRow[o]) || !Objects.deepEquals(oldRow[n], newRow[n])
                    || newRow[n] == null) {
                newRow[n] = lookup(conn, c, newRow[o]);
            }
            return;
        }
        if (insert) {
            if (newRow[n] == null) {
                newRow[n] = newRow[o];
            } else if (newRow[o] == null) {
                newRow[o] = newRow[n];
            }
            return;
        }
        boolean oldChanged = !Objects.deepEquals(oldRow[o], newRow[o]);
        boolean newChanged = !Objects.deepEquals(oldRow[n], newRow[n]);
        if (oldChanged && !newChanged) {
            newRow[n] = newRow[o];
        } else if (newChanged && !oldChanged) {
            newRow[o] = newRow[n];
        } else if (newRow[n] == null) {
            newRow[n] = newRow[o];
        }
    }

    private void referencedRowChanged(Connection conn, Config c, Object[] oldRow, Object[] newRow) throws SQLException {
        int v = c.position(c.lookupTable, c.lookupValue);
        int k = c.position(c.lookupTable, c.lookupKey);
        if (oldRow == null || Objects.deepEquals(oldRow[v], newRow[v])) {
            return;
        }
        try (PreparedStatement s = conn.prepareStatement("UPDATE " + q(schema) + "." + q(c.table) + " SET "
                + q(c.newColumn) + " = ? WHERE " + q(c.oldColumn) + " = ?")) {
            s.setObject(1, newRow[v]);
            s.setObject(2, newRow[k]);
            s.executeUpdate();
        }
    }

    private Object lookup(Connection conn, Config c, Object key) throws SQLException {
        if (key == null) {
            return null;
        }
        try (PreparedStatement s = conn.prepareStatement("SELECT " + q(c.lookupValue) + " FROM " + q(schema) + "."
                + q(c.lookupTable) + " WHERE " + q(c.lookupKey) + " = ?")) {
            s.setObject(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    private Config config(Connection conn) throws SQLException {
        Config c = config;
        if (c != null) {
            return c;
        }
        String remarks;
        try (PreparedStatement s = conn.prepareStatement("SELECT REMARKS FROM INFORMATION_SCHEMA.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?")) {
            s.setString(1, schema);
            s.setString(2, triggerName);
            try (ResultSet rs = s.executeQuery()) {
                remarks = rs.next() ? rs.getString(1) : null;
            }
        }
        if (remarks == null || remarks.isEmpty()) {
            return null;
        }
        Document d = Document.read(remarks, KIND, 1);
        c = new Config(d.string("table"), d.string("oldColumn"), d.string("newColumn"), d.optionalString("lookupTable"),
                d.optionalString("lookupKey"), d.optionalString("lookupValue"));
        c.positions.putAll(positions(conn, c.table));
        String expression = d.optionalString("expression");
        if (expression != null) {
            // the row as a derived table t of typed parameters, so that the (validated) expression reads it
            StringBuilder row = new StringBuilder();
            try (PreparedStatement s = conn.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                    + " NUMERIC_PRECISION, NUMERIC_SCALE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND"
                    + " TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
                s.setString(1, schema);
                s.setString(2, c.table);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(2);
                        if (type.contains("CHAR") && rs.getObject(3) != null) {
                            type += "(" + rs.getLong(3) + ")";
                        } else if ((type.equals("NUMERIC") || type.equals("DECIMAL")) && rs.getObject(4) != null) {
                            type += "(" + rs.getLong(4) + ", " + rs.getLong(5) + ")";
                        }
                        if (!type.matches("[A-Z0-9 (),]+")) {
                            throw new SQLException("Dual-write trigger: unexpected column type " + type);
                        }
                        row.append(row.length() == 0 ? "" : ", ").append("CAST(? AS ").append(type).append(") AS ")
                                .append(q(rs.getString(1)));
                        c.rowColumns.add(rs.getString(1));
                    }
                }
            }
            c.expressionQuery = "SELECT (" + expression + ") FROM (SELECT " + row + ") t";
        }
        if (c.lookupTable != null) {
            c.positions.putAll(positions(conn, c.lookupTable));
        }
        config = c;
        return c;
    }

    private Map<String, Integer> positions(Connection conn, String table) throws SQLException {
        Map<String, Integer> result = new HashMap<>();
        try (PreparedStatement s = conn.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.put(table + "." + rs.getString(1), rs.getInt(2) - 1);
                }
            }
        }
        return result;
    }

    private static String q(String name) {
        if (name.indexOf('"') >= 0) {
            throw new IllegalArgumentException("Name with a quote: " + name);
        }
        return '"' + name + '"';
    }

    private static final class Config {
        final String table;
        final String oldColumn;
        final String newColumn;
        final String lookupTable;
        final String lookupKey;
        final String lookupValue;
        final Map<String, Integer> positions = new HashMap<>();
        final java.util.List<String> rowColumns = new java.util.ArrayList<>();
        String expressionQuery;

        Config(String table, String oldColumn, String newColumn, String lookupTable, String lookupKey,
                String lookupValue) {
            this.table = table;
            this.oldColumn = oldColumn;
            this.newColumn = newColumn;
            this.lookupTable = lookupTable;
            this.lookupKey = lookupKey;
            this.lookupValue = lookupValue;
        }

        int position(String table, String column) throws SQLException {
            Integer p = positions.get(table + "." + column);
            if (p == null) {
                throw new SQLException("Dual-write trigger: column " + column + " of " + table + " not found");
            }
            return p;
        }
    }
}
