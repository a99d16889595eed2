package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * H2 and MariaDB/MySQL: lock the batch's candidate keys with {@code SELECT ... FOR UPDATE} (a
 * locking read sees the latest committed version), change exactly those keys with the guard
 * repeated in the {@code UPDATE}, then record them. While the transaction holds the locks no
 * one else can change those rows, so the recorded keys are exactly the changed ones; a count
 * mismatch fails the batch rather than record a guess.
 */
final class LockingBatchStrategy extends BatchStrategy {

    /** Keys per IN list: well under every driver's parameter limit. */
    private static final int CHUNK = 1_000;

    LockingBatchStrategy(Jdbc jdbc, RunTables tables, Clock clock) {
        super(jdbc, tables, clock);
    }

    @Override
    BatchResult softDelete(Connection c, Target t, String cursor, int limit, long runId, long batchNo,
            Instant marker, String actor) throws SQLException {
        Sql candidates = t.candidatesAfter(cursor);
        List<Object> keys = jdbc.query(c, "SELECT t." + t.key + " FROM " + t.table + " t WHERE " + candidates.text()
                + " ORDER BY t." + t.key + " LIMIT ? FOR UPDATE", rs -> t.keyType.value(rs, 1), candidates.bind(List.of(), limit));
        if (keys.isEmpty()) {
            return new BatchResult(0, 0, cursor);
        }
        String setBy = t.deletedBy == null ? "" : ", " + t.deletedBy + " = ?";
        int changed = 0;
        for (List<Object> chunk : chunks(keys)) {
            List<Object> p = new ArrayList<>();
            p.add(t.markerValue(marker));
            if (t.deletedBy != null) {
                p.add(actor);
            }
            p.addAll(chunk);
            changed += jdbc.update(c, "UPDATE " + t.table + " SET " + t.marker + " = ?" + setBy + " WHERE " + t.key
                    + " IN (" + placeholders(chunk.size()) + ") AND " + t.marker + " IS NULL", p.toArray());
        }
        if (changed != keys.size()) {
            throw new SQLException("Batch " + batchNo + " of run " + runId + " locked " + keys.size() + " rows of "
                    + t.tableName + " but changed " + changed + "; rolled back so no item is recorded for a row not changed");
        }
        Instant now = clock.instant();
        insertItems(c, keys, k -> {
            String text = t.keyType.text(k);
            return new Object[] {runId, t.tableName, text, t.keyType.digest(text), RunTables.SOFT_DELETE,
                    RunTables.APPLIED, null, marker, batchNo, now};
        });
        return new BatchResult(keys.size(), changed, t.keyType.text(keys.get(keys.size() - 1)));
    }

    @Override
    BatchResult restore(Connection c, Target t, long parentRunId, String cursor, int limit, long batchNo,
            Instant marker) throws SQLException {
        // Items are walked by row_key_digest (the primary key's order); cursor is the last digest.
        List<Object> params = new ArrayList<>(List.of(parentRunId, t.tableName, RunTables.APPLIED));
        String after = "";
        if (cursor != null) {
            after = " AND row_key_digest > ?";
            params.add(cursor);
        }
        params.add(limit);
        List<String[]> items = jdbc.query(c, "SELECT row_key, row_key_digest FROM " + tables.items()
                + " WHERE run_id = ? AND table_name = ? AND state = ?" + after + " ORDER BY row_key_digest LIMIT ? FOR UPDATE",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, params.toArray());
        if (items.isEmpty()) {
            return new BatchResult(0, 0, cursor);
        }
        List<Object> keys = items.stream().map(item -> t.keyType.parse(item[0])).toList();
        Set<String> restorable = new HashSet<>();
        for (List<Object> chunk : chunks(keys)) {
            List<Object> p = new ArrayList<>(chunk);
            p.add(t.markerValue(marker));
            jdbc.query(c, "SELECT " + t.key + " FROM " + t.table + " WHERE " + t.key + " IN (" + placeholders(chunk.size())
                    + ") AND " + t.marker + " = ? FOR UPDATE", rs -> restorable.add(t.keyType.text(t.keyType.value(rs, 1))),
                    p.toArray());
        }
        List<Object> toRestore = keys.stream().filter(k -> restorable.contains(t.keyType.text(k))).toList();
        String clearBy = t.deletedBy == null ? "" : ", " + t.deletedBy + " = NULL";
        int changed = 0;
        for (List<Object> chunk : chunks(toRestore)) {
            List<Object> p = new ArrayList<>(chunk);
            p.add(t.markerValue(marker));
            changed += jdbc.update(c, "UPDATE " + t.table + " SET " + t.marker + " = NULL" + clearBy + " WHERE " + t.key
                    + " IN (" + placeholders(chunk.size()) + ") AND " + t.marker + " = ?", p.toArray());
        }
        if (changed != toRestore.size()) {
            throw new SQLException("Undo batch " + batchNo + " of run " + parentRunId + " locked " + toRestore.size()
                    + " rows of " + t.tableName + " but restored " + changed + "; rolled back");
        }
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.items() + " SET state = ?, changed_at = ?"
                + " WHERE run_id = ? AND table_name = ? AND row_key_digest = ?")) {
            for (String[] item : items) {
                jdbc.bind(ps, restorable.contains(item[0]) ? RunTables.UNDONE : RunTables.CONFLICT, now, parentRunId,
                        t.tableName, item[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return new BatchResult(items.size(), changed, items.get(items.size() - 1)[1]);
    }

    private <K> void insertItems(Connection c, List<K> keys, java.util.function.Function<K, Object[]> row)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(tables.insertItemColumns() + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (K key : keys) {
                jdbc.bind(ps, row.apply(key));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += CHUNK) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
