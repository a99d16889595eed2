package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Json;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Counts checked when a run completes, stored as JSON in the run's {@code verification} column:
 * the registry's counts against the run items, and the target rows still carrying the run's
 * marker. {@code consistent} is false when the bookkeeping disagrees with itself.
 */
final class Verification {

    private Verification() {
    }

    static String afterApply(Jdbc jdbc, Connection c, RunTables tables, Target t, RunRecord run, Instant marker)
            throws SQLException {
        long items = countItems(jdbc, c, tables, run.id(), RunTables.APPLIED);
        long carrying = carryingMarker(jdbc, c, t, marker);
        return Json.write(Json.obj("runItems", items, "affectedCount", run.affectedCount(),
                "rowsCarryingRunMarker", carrying, "consistent", items == run.affectedCount() && carrying <= items));
    }

    static String afterUndo(Jdbc jdbc, Connection c, RunTables tables, Target t, RunRecord undo, long parentRunId,
            Instant marker) throws SQLException {
        long restored = countItems(jdbc, c, tables, parentRunId, RunTables.UNDONE);
        long conflicts = countItems(jdbc, c, tables, parentRunId, RunTables.CONFLICT);
        long pending = countItems(jdbc, c, tables, parentRunId, RunTables.APPLIED);
        long carrying = carryingMarker(jdbc, c, t, marker);
        return Json.write(Json.obj("restoredItems", restored, "affectedCount", undo.affectedCount(),
                "conflicts", conflicts, "parentItemsNotUndone", pending, "rowsStillCarryingRunMarker", carrying,
                "consistent", restored == undo.affectedCount() && pending == 0));
    }

    private static long countItems(Jdbc jdbc, Connection c, RunTables tables, long runId, String state)
            throws SQLException {
        return jdbc.queryLong(c, "SELECT COUNT(*) FROM " + tables.items() + " WHERE run_id = ? AND state = ?", runId, state);
    }

    private static long carryingMarker(Jdbc jdbc, Connection c, Target t, Instant marker) throws SQLException {
        return jdbc.queryLong(c, "SELECT COUNT(*) FROM " + t.table + " WHERE " + t.marker + " = ?", t.markerValue(marker));
    }
}
