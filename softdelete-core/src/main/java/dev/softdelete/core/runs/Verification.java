package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Json;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts checked when a run completes, stored as JSON in the run's {@code verification} column:
 * the registry's counts against the run's batch records, and the target rows still carrying the
 * run's marker, and the rows recorded (restored) in each child table the run cascaded to.
 * {@code consistent} is false when the bookkeeping disagrees with itself.
 */
final class Verification {

    private Verification() {
    }

    /**
     * After apply. With {@code markerScan} ({@link RunOptions#markerScan()}) the target table is
     * scanned for rows carrying the run's marker, which must not exceed the rows recorded;
     * without it the counts come from the registry and the batch records only.
     */
    static String afterApply(Jdbc jdbc, Connection c, RunBatches batches, Target t, RunRecord run, Instant marker,
            boolean markerScan) throws SQLException {
        long recorded = batches.recordedRows(c, run.id(), t.tableName, RunBatches.APPLIED);
        Long carrying = markerScan ? carryingMarker(jdbc, c, t, marker) : null;
        return Json.write(Json.obj("recordedRows", recorded, "affectedCount", run.affectedCount(),
                "rowsCarryingRunMarker", carrying, "cascaded", children(batches, c, run.id(), t, false),
                "consistent", recorded == run.affectedCount() && (carrying == null || carrying <= recorded)));
    }

    /** After undo; {@code markerScan} as for {@link #afterApply}. */
    static String afterUndo(Jdbc jdbc, Connection c, RunBatches batches, Target t, RunRecord undo, long parentRunId,
            Instant marker, boolean markerScan) throws SQLException {
        long restored = batches.restoredRows(c, parentRunId, t.tableName);
        long conflicts = batches.recordedRows(c, parentRunId, t.tableName, RunBatches.UNDONE) - restored;
        long pending = batches.records(c, parentRunId, RunBatches.APPLIED);
        Long carrying = markerScan ? carryingMarker(jdbc, c, t, marker) : null;
        return Json.write(Json.obj("restoredRows", restored, "affectedCount", undo.affectedCount(),
                "conflicts", conflicts, "parentBatchesNotUndone", pending, "rowsStillCarryingRunMarker", carrying,
                "cascadeRestored", children(batches, c, parentRunId, t, true),
                "consistent", restored == undo.affectedCount() && pending == 0));
    }

    /** Rows recorded (or restored) per child table of run {@code runId}. */
    private static Map<String, Long> children(RunBatches batches, Connection c, long runId, Target t, boolean restored)
            throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : batches.tablesOf(c, runId)) {
            if (!table.equals(t.tableName)) {
                rows.put(table, restored ? batches.restoredRows(c, runId, table)
                        : batches.recordedRows(c, runId, table, RunBatches.APPLIED));
            }
        }
        return rows;
    }

    private static long carryingMarker(Jdbc jdbc, Connection c, Target t, Instant marker) throws SQLException {
        return jdbc.queryLong(c, "SELECT COUNT(*) FROM " + t.table + " WHERE " + t.marker + " = ?", t.markerValue(marker));
    }
}
