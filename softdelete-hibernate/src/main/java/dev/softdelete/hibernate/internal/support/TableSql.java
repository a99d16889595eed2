package dev.softdelete.hibernate.internal.support;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.jdbc.TimestampValue;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.hibernate.internal.mapping.EntityMapping;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The library's own SQL on one soft-deletable table, with names validated and quoted by the core
 * dialect and marker instants bound for the column's type (with or without time zone).
 */
public final class TableSql {

    /** The marker state of a row: {@code at == null} means active. */
    public record Marker(Instant at, String by) {
        public boolean deleted() {
            return at != null;
        }
    }

    private final EntityMapping mapping;
    private final Jdbc jdbc;
    private final Dialect dialect;
    private final boolean hasZone;
    private final String table;
    private final String id;
    private final String marker;
    private final String by;

    public TableSql(EntityMapping mapping, Jdbc jdbc, boolean markerHasZone) {
        this.mapping = mapping;
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect();
        this.hasZone = markerHasZone;
        SoftDeletableTable names = mapping.table();
        this.table = dialect.quote(names.table());
        this.id = dialect.quote(names.keyColumn());
        this.marker = dialect.quote(names.markerColumn());
        this.by = names.deletedBy().map(dialect::quote).orElse(null);
    }

    public EntityMapping mapping() {
        return mapping;
    }

    public String table() {
        return table;
    }

    public String id() {
        return id;
    }

    public String marker() {
        return marker;
    }

    /** A marker instant as a bind parameter. */
    public TimestampValue at(Instant instant) {
        return new TimestampValue(instant, hasZone);
    }

    /** The row's marker, locked for update; empty when no row has that id. */
    public Optional<Marker> lockMarker(Connection c, Object rowId) throws SQLException {
        return jdbc.queryOne(c, "SELECT " + marker + (by == null ? "" : ", " + by) + " FROM " + table + " WHERE "
                + id + " = ? FOR UPDATE", rs -> new Marker(dialect.getInstant(rs, mapping.table().markerColumn(), hasZone),
                        by == null ? null : rs.getString(2)), rowId);
    }

    /** Ids of the rows whose {@code column} equals {@code value} and whose marker equals {@code at}. */
    public List<Object> idsMarkedAt(Connection c, String column, Object value, Instant at) throws SQLException {
        return jdbc.query(c, "SELECT " + id + " FROM " + table + " WHERE " + dialect.quote(column) + " = ? AND "
                + marker + " = ?", rs -> rs.getObject(1), value, at(at));
    }

    /** Ids of the active rows whose {@code column} equals {@code value}. */
    public List<Object> activeIds(Connection c, String column, Object value) throws SQLException {
        return jdbc.query(c, "SELECT " + id + " FROM " + table + " WHERE " + dialect.quote(column) + " = ? AND "
                + marker + " IS NULL", rs -> rs.getObject(1), value);
    }

    /** Marks an active row deleted; returns the update count. */
    public int markDeleted(Connection c, Object rowId, Instant at, String actor) throws SQLException {
        return by == null
                ? jdbc.update(c, "UPDATE " + table + " SET " + marker + " = ? WHERE " + id + " = ? AND " + marker
                        + " IS NULL", at(at), rowId)
                : jdbc.update(c, "UPDATE " + table + " SET " + marker + " = ?, " + by + " = ? WHERE " + id + " = ? AND "
                        + marker + " IS NULL", at(at), actor, rowId);
    }

    /** Clears the marker of a row deleted at {@code at}; returns the update count. */
    public int clearMarker(Connection c, Object rowId, Instant at) throws SQLException {
        return jdbc.update(c, "UPDATE " + table + " SET " + marker + " = NULL" + (by == null ? "" : ", " + by + " = NULL")
                + " WHERE " + id + " = ? AND " + marker + " = ?", rowId, at(at));
    }
}
