package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.internal.KeyCodec;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on the {@code run_batches} table (schema V5): per batch of a run and per table
 * it changed, one row holding exactly the keys the batch changed, as a versioned JSON document
 * ({@value #KIND}: {@code {"doc":"run-keys","v":1,"keys":[...]}}, integer keys as numbers, other
 * keys in their {@link KeyCodec#text} form), with their first and last key, their count and the
 * marker value the batch wrote. Undo restores a recorded key only while its row still carries
 * that marker (the second guard), so a row deleted again by someone else is never restored.
 * A record is {@value #APPLIED} until an undo restored its keys ({@value #UNDONE}, with how many
 * rows were restored; the others had been changed by someone else since).
 */
final class RunBatches {

    static final String KIND = "run-keys";
    static final int VERSION = 1;
    static final String APPLIED = "APPLIED";
    static final String UNDONE = "UNDONE";

    private final Jdbc jdbc;
    private final String table;

    RunBatches(Jdbc jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** The quoted table name. */
    String table() {
        return table;
    }

    /** A recorded batch of one table. */
    record Recorded(String tableName, int keyCount, String rowKeys) {
    }

    /** The start of an INSERT of a record, followed by {@code SELECT} or {@code VALUES} with 10 values. */
    String insertColumns() {
        return "INSERT INTO " + table + " (run_id, batch_no, table_name, first_key, last_key, key_count, row_keys,"
                + " applied_marker, state, changed_at)";
    }

    /**
     * Records the keys batch {@code batchNo} of run {@code runId} changed in {@code tableName}, in
     * the caller's transaction. {@code keys} are key values as {@link KeyCodec#value} reads them,
     * in the order they were changed; nothing is recorded when it is empty.
     */
    void insert(Connection c, long runId, long batchNo, String tableName, KeyCodec codec, List<Object> keys,
            Instant marker, Instant now) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        List<Object> stored = new ArrayList<>(keys.size());
        for (Object key : keys) {
            stored.add(codec == KeyCodec.INTEGER ? key : codec.text(key));
        }
        jdbc.update(c, insertColumns() + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", runId, batchNo, tableName,
                codec.text(keys.get(0)), codec.text(keys.get(keys.size() - 1)), keys.size(),
                Document.write(KIND, VERSION, Json.obj("keys", stored)), marker, APPLIED, now);
    }

    /** The key values a record's {@code row_keys} document holds. */
    static List<Object> keys(String rowKeys, KeyCodec codec) {
        List<?> stored = Document.read(rowKeys, KIND, VERSION).list("keys");
        List<Object> keys = new ArrayList<>(stored.size());
        for (Object key : stored) {
            keys.add(codec.parse(String.valueOf(key)));
        }
        return keys;
    }

    /** The lowest batch number after {@code after} (null: from the start) with a record still APPLIED. */
    Optional<Long> nextApplied(Connection c, long runId, Long after) throws SQLException {
        return jdbc.queryOne(c, "SELECT batch_no FROM " + table + " WHERE run_id = ? AND state = ? AND batch_no > ?"
                + " ORDER BY batch_no LIMIT 1", rs -> rs.getLong(1), runId, APPLIED, after == null ? Long.MIN_VALUE : after);
    }

    /** The APPLIED records of one batch, every table, locked. */
    List<Recorded> appliedRecords(Connection c, long runId, long batchNo) throws SQLException {
        return jdbc.query(c, "SELECT table_name, key_count, row_keys FROM " + table + " WHERE run_id = ? AND batch_no = ?"
                + " AND state = ? ORDER BY table_name FOR UPDATE", rs -> new Recorded(rs.getString(1), rs.getInt(2),
                rs.getString(3)), runId, batchNo, APPLIED);
    }

    /** Marks one record UNDONE with the number of rows its undo restored. */
    void markUndone(Connection c, long runId, long batchNo, String tableName, int restored, Instant now)
            throws SQLException {
        jdbc.update(c, "UPDATE " + table + " SET state = ?, restored_count = ?, changed_at = ? WHERE run_id = ?"
                + " AND batch_no = ? AND table_name = ?", UNDONE, restored, now, runId, batchNo, tableName);
    }

    /** Rows recorded for {@code tableName} in records of run {@code runId} in {@code state} (any state: null). */
    long recordedRows(Connection c, long runId, String tableName, String state) throws SQLException {
        return sum(c, "key_count", runId, tableName, state);
    }

    /** Rows restored by undo for {@code tableName} in records of run {@code runId}. */
    long restoredRows(Connection c, long runId, String tableName) throws SQLException {
        return sum(c, "restored_count", runId, tableName, UNDONE);
    }

    /** Records of run {@code runId} in {@code state}, every table. */
    long records(Connection c, long runId, String state) throws SQLException {
        return jdbc.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE run_id = ? AND state = ?", runId, state);
    }

    /** Tables run {@code runId} recorded changes in, with the rows recorded in each (APPLIED or not). */
    List<Object[]> rowsPerTable(Connection c, long runId) throws SQLException {
        return jdbc.query(c, "SELECT table_name, SUM(key_count) FROM " + table + " WHERE run_id = ? GROUP BY table_name"
                + " ORDER BY table_name", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, runId);
    }

    /** Tables run {@code runId} recorded changes in. */
    List<String> tablesOf(Connection c, long runId) throws SQLException {
        return jdbc.query(c, "SELECT DISTINCT table_name FROM " + table + " WHERE run_id = ? ORDER BY table_name",
                rs -> rs.getString(1), runId);
    }

    private long sum(Connection c, String column, long runId, String tableName, String state) throws SQLException {
        return state == null
                ? jdbc.queryLong(c, "SELECT COALESCE(SUM(" + column + "), 0) FROM " + table + " WHERE run_id = ?"
                        + " AND table_name = ?", runId, tableName)
                : jdbc.queryLong(c, "SELECT COALESCE(SUM(" + column + "), 0) FROM " + table + " WHERE run_id = ?"
                        + " AND table_name = ? AND state = ?", runId, tableName, state);
    }
}
