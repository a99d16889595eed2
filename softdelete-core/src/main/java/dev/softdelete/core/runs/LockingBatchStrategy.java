package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * H2 and MariaDB/MySQL: lock the batch's candidate keys (always the next {@code limit} candidates,
 * {@code exact} or not) with {@code SELECT ... FOR UPDATE} (a
 * locking read sees the latest committed version), change exactly those keys with the guard
 * repeated in the {@code UPDATE}, then record them in one {@link RunBatches} record. While the
 * transaction holds the locks no one else can change those rows, so the recorded keys are exactly
 * the changed ones; a count mismatch fails the batch rather than record a guess. Undo restores a
 * record's keys in chunks, each {@code UPDATE} guarded by the run's marker value.
 */
final class LockingBatchStrategy extends BatchStrategy {

    /** Keys per IN list: well under every driver's parameter limit. */
    private static final int CHUNK = 1_000;

    LockingBatchStrategy(Jdbc jdbc, RunTables tables, Clock clock) {
        super(jdbc, tables, clock);
    }

    @Override
    BatchResult softDelete(Connection c, Target t, String cursor, int limit, boolean exact, long runId,
            long batchNo, Instant marker, String actor, Fence fence) throws SQLException {
        Sql candidates = t.candidatesAfter(cursor);
        List<Object> keys = jdbc.query(c, "SELECT t." + t.key + " FROM " + t.table + " t WHERE " + candidates.text()
                + " ORDER BY t." + t.key + " LIMIT ? FOR UPDATE", rs -> t.keyType.value(rs, 1), candidates.bind(List.of(), limit));
        if (keys.isEmpty()) {
            return new BatchResult(0, 0, cursor, false);
        }
        int changed = change(c, t.ref(), keys, marker, actor);
        if (changed != keys.size()) {
            throw new SQLException("Batch " + batchNo + " of run " + runId + " locked " + keys.size() + " rows of "
                    + t.tableName + " but changed " + changed + "; rolled back so that no key is recorded for a row not"
                    + " changed");
        }
        Instant now = clock.instant();
        batches.insert(c, runId, batchNo, t.tableName, t.keyType, keys, marker, now);
        // the cascade, parents first: lock the active children referencing a changed row, change
        // exactly those, record them
        List<Cascade.Child> children = t.cascade.children();
        List<List<Object>> changedKeys = new ArrayList<>();
        for (Cascade.Child child : children) {
            Cascade.TableRef ref = child.ref();
            java.util.Set<Object> locked = new java.util.TreeSet<>(java.util.Comparator.comparing(ref.keyType()::text));
            List<Object> ordered = new ArrayList<>();
            for (Cascade.Edge edge : child.edges()) {
                List<Object> parents = edge.parent() < 0 ? keys : changedKeys.get(edge.parent());
                for (List<Object> chunk : chunks(parents)) {
                    for (Object k : jdbc.query(c, "SELECT " + ref.key() + " FROM " + ref.table() + " WHERE " + edge.column()
                            + " IN (" + placeholders(chunk.size()) + ") AND " + ref.marker() + " IS NULL ORDER BY "
                            + ref.key() + " FOR UPDATE", rs -> ref.keyType().value(rs, 1), chunk.toArray())) {
                        if (locked.add(k)) {
                            ordered.add(k);
                        }
                    }
                }
            }
            int childChanged = change(c, ref, ordered, marker, actor);
            if (childChanged != ordered.size()) {
                throw new SQLException("Batch " + batchNo + " of run " + runId + " locked " + ordered.size() + " rows of "
                        + ref.tableName() + " but changed " + childChanged + "; rolled back");
            }
            batches.insert(c, runId, batchNo, ref.tableName(), ref.keyType(), ordered, marker, now);
            changedKeys.add(ordered);
        }
        return new BatchResult(keys.size(), changed, t.keyType.text(keys.get(keys.size() - 1)), keys.size() >= limit);
    }

    /** Soft-deletes the rows of {@code keys} still active, in chunks; returns how many changed. */
    private int change(Connection c, Cascade.TableRef t, List<Object> keys, Instant marker, String actor)
            throws SQLException {
        String setBy = t.deletedBy() == null ? "" : ", " + t.deletedBy() + " = ?";
        int changed = 0;
        for (List<Object> chunk : chunks(keys)) {
            List<Object> p = new ArrayList<>();
            p.add(t.markerValue(marker));
            if (t.deletedBy() != null) {
                p.add(actor);
            }
            p.addAll(chunk);
            changed += jdbc.update(c, "UPDATE " + t.table() + " SET " + t.marker() + " = ?" + setBy + " WHERE " + t.key()
                    + " IN (" + placeholders(chunk.size()) + ") AND " + t.marker() + " IS NULL", p.toArray());
        }
        return changed;
    }

    @Override
    BatchResult restore(Connection c, Target t, List<Cascade.TableRef> children, long parentRunId, String cursor,
            int limit, long batchNo, Instant marker) throws SQLException {
        Long after = cursor == null ? null : Long.valueOf(cursor);
        java.util.Optional<Long> next = batches.nextApplied(c, parentRunId, after);
        if (next.isEmpty()) {
            return new BatchResult(0, 0, cursor, false);
        }
        long recorded = next.get();
        java.util.Map<String, Cascade.TableRef> refs = new java.util.HashMap<>();
        refs.put(t.tableName, t.ref());
        children.forEach(ref -> refs.put(ref.tableName(), ref));
        int matched = 0;
        int restored = 0;
        Instant now = clock.instant();
        for (RunBatches.Recorded record : batches.appliedRecords(c, parentRunId, recorded)) {
            Cascade.TableRef ref = refs.get(record.tableName());
            if (ref == null) {
                throw new SQLException("Batch " + recorded + " of run " + parentRunId + " recorded rows of "
                        + record.tableName() + ", which this undo does not know; rolled back");
            }
            List<Object> keys = RunBatches.keys(record.rowKeys(), ref.keyType());
            String clearBy = ref.deletedBy() == null ? "" : ", " + ref.deletedBy() + " = NULL";
            int changed = 0;
            for (List<Object> chunk : chunks(keys)) {
                List<Object> p = new ArrayList<>(chunk);
                p.add(ref.markerValue(marker));
                changed += jdbc.update(c, "UPDATE " + ref.table() + " SET " + ref.marker() + " = NULL" + clearBy
                        + " WHERE " + ref.key() + " IN (" + placeholders(chunk.size()) + ") AND " + ref.marker() + " = ?",
                        p.toArray());
            }
            batches.markUndone(c, parentRunId, recorded, record.tableName(), changed, now);
            if (ref.tableName().equals(t.tableName)) {
                matched += keys.size();
                restored += changed;
            }
        }
        return new BatchResult(matched, restored, String.valueOf(recorded),
                batches.nextApplied(c, parentRunId, recorded).isPresent());
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
