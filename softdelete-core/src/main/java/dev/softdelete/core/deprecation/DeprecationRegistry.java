package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.SchemaObjectType;
import dev.softdelete.core.jdbc.Jdbc;
import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.LibraryTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The deprecation registry ({@code {prefix}deprecations}): every statement on the table. Methods
 * taking a {@link Connection} join the caller's transaction.
 */
final class DeprecationRegistry {

    private final Jdbc jdbc;
    private final String table;
    private final Clock clock;

    DeprecationRegistry(Jdbc jdbc, LibrarySchema schema, Clock clock) {
        this.jdbc = jdbc;
        this.table = schema.table(LibraryTable.DEPRECATIONS);
        this.clock = clock;
    }

    /** Starts watching an element: a PLANNED row with {@code watch = TRUE}. */
    long insertWatch(Connection c, SchemaObjectType type, String tableName, String name, String reason,
            String operator) throws SQLException {
        Instant now = clock.instant();
        return jdbc.insertReturningKey(c, "INSERT INTO " + table + " (object_type, table_name, object_name, reason,"
                + " status, watch, operator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "id",
                type, tableName, name, reason, DeprecationState.PLANNED, true, operator, now, now);
    }

    /** Rows of the element (original name, case ignored), newest first. */
    List<DeprecationRecord> forElement(Connection c, SchemaObjectType type, String tableName, String name)
            throws SQLException {
        return jdbc.query(c, "SELECT * FROM " + table + " WHERE object_type = ? AND LOWER(table_name) = LOWER(?)"
                + " AND LOWER(object_name) = LOWER(?) ORDER BY id DESC", this::map, type, tableName, name);
    }

    /** APPLIED rows whose deprecated name is {@code name} (case ignored). */
    List<DeprecationRecord> appliedUnderDeprecatedName(Connection c, SchemaObjectType type, String tableName,
            String name) throws SQLException {
        return jdbc.query(c, "SELECT * FROM " + table + " WHERE object_type = ? AND status = ?"
                + " AND LOWER(deprecated_name) = LOWER(?)" + (type.belongsToTable() ? " AND LOWER(table_name) = LOWER(?)"
                        : ""), this::map, type.belongsToTable() ? new Object[] {type, DeprecationState.APPLIED, name,
                                tableName} : new Object[] {type, DeprecationState.APPLIED, name});
    }

    /** Records a renamed element: updates its PLANNED watch row {@code watchRowId}, or inserts one. */
    long recordApplied(Connection c, Long watchRowId, DeprecationRecord r) throws SQLException {
        Instant now = clock.instant();
        Object[] values = {r.type(), r.table(), r.name(), r.deprecatedName(), r.reason(), DeprecationState.APPLIED,
            true, r.dependencyReport(), r.backupRef(), r.operator(), now, now, r.runId(), r.step(), r.rowCount(),
            r.checksum(), r.definition(), r.accessesAtApply(), r.justification()};
        if (watchRowId != null) {
            Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
            params[values.length] = watchRowId;
            jdbc.update(c, "UPDATE " + table + " SET object_type = ?, table_name = ?, object_name = ?, deprecated_name = ?,"
                    + " reason = ?, status = ?, watch = ?, dependency_report = ?, backup_ref = ?, operator = ?,"
                    + " renamed_at = ?, updated_at = ?, run_id = ?, step_no = ?, row_count = ?, checksum = ?,"
                    + " definition = ?, accesses_at_apply = ?, justification = ?, rolled_back_at = NULL,"
                    + " rollback_run_id = NULL WHERE id = ?", params);
            return watchRowId;
        }
        Object[] params = java.util.Arrays.copyOf(values, values.length + 1);
        params[values.length] = now;
        return jdbc.insertReturningKey(c, "INSERT INTO " + table + " (object_type, table_name, object_name,"
                + " deprecated_name, reason, status, watch, dependency_report, backup_ref, operator, renamed_at,"
                + " updated_at, run_id, step_no, row_count, checksum, definition, accesses_at_apply, justification,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "id", params);
    }

    /** The rows a run renamed, by step. */
    List<DeprecationRecord> forRun(Connection c, long runId) throws SQLException {
        return jdbc.query(c, "SELECT * FROM " + table + " WHERE run_id = ? ORDER BY step_no", this::map, runId);
    }

    /**
     * Marks a row rolled back by {@code rollbackRunId} and stops watching it: the element is back in
     * service (a proxy in strict mode would otherwise go on refusing it). Deprecating it again starts
     * with a new watch.
     */
    void markRolledBack(Connection c, long id, long rollbackRunId) throws SQLException {
        Instant now = clock.instant();
        jdbc.update(c, "UPDATE " + table + " SET status = ?, rolled_back_at = ?, rollback_run_id = ?, updated_at = ?,"
                + " watch = FALSE WHERE id = ? AND status = ?", DeprecationState.ROLLED_BACK, now, rollbackRunId, now, id,
                DeprecationState.APPLIED);
    }

    /** Every row, oldest first. */
    List<DeprecationRecord> all(Connection c) throws SQLException {
        return jdbc.query(c, "SELECT * FROM " + table + " ORDER BY id", this::map);
    }

    /** A status written by hand (before the workflow existed) reads as PLANNED: watched, not renamed by a run. */
    private static DeprecationState state(String status) {
        for (DeprecationState s : DeprecationState.values()) {
            if (s.name().equalsIgnoreCase(status)) {
                return s;
            }
        }
        return DeprecationState.PLANNED;
    }

    private DeprecationRecord map(ResultSet rs) throws SQLException {
        Dialect d = jdbc.dialect();
        return new DeprecationRecord(rs.getLong("id"), SchemaObjectType.valueOf(rs.getString("object_type")),
                rs.getString("table_name"), rs.getString("object_name"), rs.getString("deprecated_name"),
                rs.getString("reason"), state(rs.getString("status")), rs.getBoolean("watch"),
                rs.getString("dependency_report"), rs.getString("backup_ref"), rs.getString("operator"),
                d.getInstant(rs, "created_at"), d.getInstant(rs, "renamed_at"), d.getInstant(rs, "rolled_back_at"),
                rs.getObject("run_id", Long.class), rs.getObject("rollback_run_id", Long.class),
                rs.getObject("step_no", Integer.class), rs.getObject("row_count", Long.class), rs.getString("checksum"),
                rs.getString("definition"), rs.getObject("accesses_at_apply", Long.class),
                rs.getString("justification"));
    }
}
