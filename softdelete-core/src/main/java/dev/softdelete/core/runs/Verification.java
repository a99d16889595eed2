package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Json;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Counts checked when a run completes, stored as JSON in the run's {@code verification} column:
 * the registry's counts against the run's batch records, and the target rows still carrying the
 * run's marker. {@code consistent} is false when the bookkeeping disagrees with itself.
 */
final class Verification {

    private Verification() {
    }

    static String afterApply(Jdbc jdbc, Connection c, RunBatches batches, Target t, RunRecord run, Instant marker)
            throws SQLException {
        long recorded = batches.recordedRows(c, run.id(), t.tableName, RunBatches.APPLIED);
        long carrying = carryingMarker(jdbc, c, t, marker);
        return Json.write(Json.obj("recordedRows", recorded, "affectedCount", run.affectedCount(),
                "rowsCarryingRunMarker", carrying, "consistent", recorded == run.affectedCount() && carrying <= recorded));
    }

    static String afterUndo(Jdbc jdbc, Connection c, RunBatches batches, Target t, RunRecord undo, long parentRunId,
            Instant marker) throws SQLException {
        long restored = batches.restoredRows(c, parentRunId, t.tableName);
        long conflicts = batches.recordedRows(c, parentRunId, t.tableName, RunBatches.UNDONE) - restored;
        long pending = batches.records(c, parentRunId, RunBatches.APPLIED);
        long carrying = carryingMarker(jdbc, c, t, marker);
        return Json.write(Json.obj("restoredRows", restored, "affectedCount", undo.affectedCount(),
                "conflicts", conflicts, "parentBatchesNotUndone", pending, "rowsStillCarryingRunMarker", carrying,
                "consistent", restored == undo.affectedCount() && pending == 0));
    }

    private static long carryingMarker(Jdbc jdbc, Connection c, Target t, Instant marker) throws SQLException {
        return jdbc.queryLong(c, "SELECT COUNT(*) FROM " + t.table + " WHERE " + t.marker + " = ?", t.markerValue(marker));
    }
}
