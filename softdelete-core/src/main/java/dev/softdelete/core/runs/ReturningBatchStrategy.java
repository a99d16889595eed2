package dev.softdelete.core.runs;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.internal.KeyCodec;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * PostgreSQL: a batch is one statement, over a key range found in the key's index (a wave cap's
 * batches: over the first candidates). The {@code UPDATE} re-checks its guard on the row version
 * it locks, {@code RETURNING} feeds exactly the changed keys into one {@link RunBatches} record
 * and into the {@code UPDATE}s of the child tables the run cascades to (each recorded the same
 * way), all server-side: no keys travel to the client.
 */
final class ReturningBatchStrategy extends BatchStrategy {

    /**
     * A CTE {@code s} that makes this transaction commit without waiting for the WAL flush (set in
     * the batch's own statement, saving a round trip; the setting is read at commit): a batch's
     * rows, records and cursor commit together, so a server crash can only lose whole batches,
     * which the resumed run redoes. Referenced by the final SELECT, so that it runs.
     */
    private static final String ASYNC_COMMIT = "WITH s AS (SELECT SET_CONFIG('synchronous_commit', 'off', true) AS v),";
    private static final String ASYNC_COMMIT_REF = ", (SELECT v FROM s)";
    /** The number of rows the batch changed in its own table: the keys its record holds. */
    private static final String CHANGED = "(SELECT COALESCE(CARDINALITY(ks), 0) FROM a_u)";

    ReturningBatchStrategy(Jdbc jdbc, RunTables tables, Clock clock) {
        super(jdbc, tables, clock);
    }

    @Override
    BatchResult softDelete(Connection c, Target t, String cursor, int limit, boolean exact, long runId, long batchNo,
            Instant marker, String actor, Fence fence) throws SQLException {
        Head head = exact ? firstCandidates(t, cursor, limit, marker, actor) : keyRange(t, cursor, limit, marker, actor);
        Sql sql = head.sql();
        String matched = head.matched();
        String last = head.last();
        // The changed keys become one record: an array in key order, written as the run-keys
        // document (integer keys as JSON numbers, others in their text form). Each child table then
        // gets its active rows referencing a changed row soft-deleted with the same marker (u0, u1,
        // ... in the cascade's order, parents first), recorded the same way.
        sql = sql.append(record("u", t.ref(), runId, batchNo, marker));
        List<Cascade.Child> children = t.cascade.children();
        for (int i = 0; i < children.size(); i++) {
            Cascade.Child child = children.get(i);
            Cascade.TableRef ref = child.ref();
            String alias = "ch" + i;
            sql = sql.append(", u" + i + " AS (UPDATE " + ref.table() + " " + alias).append(set(ref, marker, actor))
                    .append(" WHERE " + alias + "." + ref.marker() + " IS NULL AND (");
            for (int j = 0; j < child.edges().size(); j++) {
                Cascade.Edge edge = child.edges().get(j);
                sql = sql.append((j == 0 ? "" : " OR ") + alias + "." + edge.column() + " = ANY(ARRAY(SELECT k FROM "
                        + (edge.parent() < 0 ? "u" : "u" + edge.parent()) + "))");
            }
            sql = sql.append(") RETURNING " + alias + "." + ref.key() + " AS k),")
                    .append(record("u" + i, ref, runId, batchNo, marker));
        }
        if (fence != null) {
            // the fence in the same statement: lease renewed with the batch's counts and cursor (one
            // round trip fewer per batch); no row when the lease was lost, and the caller rolls back
            sql = sql.append(", h AS (").append(fence.lease().heartbeatWithBatchSql(fence.held(), fence.duration(),
                    matched, CHANGED, last)).append(" RETURNING 1)");
        }
        sql = sql.append(" SELECT " + matched + ", " + last + ", " + CHANGED + ASYNC_COMMIT_REF
                + (fence == null ? "" : ", (SELECT COUNT(*) FROM h)") + ", ").append(head.more());
        int moreColumn = fence == null ? 5 : 6;
        return jdbc.queryOne(c, sql.text(), rs -> {
            String next = rs.getString(2);
            return new BatchResult(rs.getInt(1), rs.getInt(3), next == null ? cursor : next,
                    rs.getBoolean(moreColumn), fence == null ? null : rs.getInt(5) == 1);
        }, sql.args()).orElseThrow();
    }

    /**
     * The start of a batch statement, up to its CTE {@code u} (the {@code UPDATE} of the run's own
     * table returning the changed keys as {@code k}), and the SQL of the rows it matched, of the
     * key it ends at (as text) and of whether another batch may find work.
     */
    private record Head(Sql sql, String matched, String last, Sql more) {
    }

    /**
     * c: the first {@code limit} candidates, read from the rows; b, e: their first and last key
     * (without MIN/MAX, which UUID and binary keys lack). The UPDATE covers that key range with the
     * whole condition repeated, which PostgreSQL re-checks on each row version it locks, so
     * RETURNING yields exactly the rows changed. Both bounds, also in the first batch: with the
     * upper one alone PostgreSQL estimated a third of the table and scanned all of it (300 ms of a
     * run over 2,000,000 rows). A range scan instead of a join keeps the plan an index scan at any
     * batch size (changing the rows by address instead, a TID scan, measured no faster).
     */
    private Head firstCandidates(Target t, String cursor, int limit, Instant marker, String actor) {
        Sql candidates = t.candidatesAfter(cursor);
        Sql sql = Sql.of(ASYNC_COMMIT + " c AS (SELECT t." + t.key + " AS k FROM " + t.table + " t WHERE ")
                .append(candidates)
                .append(" ORDER BY t." + t.key + " LIMIT ?),", limit)
                .append(" b AS (SELECT k FROM c ORDER BY k LIMIT 1), e AS (SELECT k FROM c ORDER BY k DESC LIMIT 1),")
                .append(" u AS (UPDATE " + t.table + " t").append(set(t.ref(), marker, actor))
                .append(" WHERE ").append(candidates).append(" AND t." + t.key + " >= (SELECT k FROM b) AND t." + t.key
                        + " <= (SELECT k FROM e) RETURNING t." + t.key + " AS k),");
        return new Head(sql, "(SELECT COUNT(*) FROM c)", "(SELECT " + t.keyType.textSql(jdbc.dialect(), "k") + " FROM e)",
                Sql.of("(SELECT COUNT(*) FROM c) >= ?", limit));
    }

    /**
     * A key range, GitLab's batches: b is the first key after the cursor, e the {@code limit}-th,
     * z the last when fewer remain, all found in the key's index alone (an index-only scan: the
     * rows are not read); the UPDATE changes the candidates from b to there, re-checking the
     * condition on each row version it locks. Reading the first {@code limit} candidates from the
     * rows instead, then updating them ({@link #firstCandidates}), read every row twice: 15-25%
     * slower over 1,000,000 of 2,000,000 rows. At most {@code limit} rows change, fewer where
     * candidates are sparse. Both bounds, as there.
     *
     * <p>Integer keys first try p, the key {@code b + limit - 1}, one index probe: where it exists
     * the range ends there, and e is never read (PostgreSQL evaluates a sub-select only when an
     * expression needs its value, and COALESCE stops at the first value). Such a range holds at
     * most {@code limit} keys whatever the keys are, so the bound on a batch holds; where keys have
     * gaps it holds fewer, and sparse keys (p rarely exists) fall back to e. Finding e read
     * {@code limit} index entries and, on pages that earlier batches' new row versions made
     * not-all-visible, their rows.
     */
    private Head keyRange(Target t, String cursor, int limit, Instant marker, String actor) {
        Sql keys = t.keysAfter(cursor);
        String scan = " AS (SELECT t." + t.key + " AS k FROM " + t.table + " t WHERE ";
        Sql sql = Sql.of(ASYNC_COMMIT + " b" + scan).append(keys).append(" ORDER BY t." + t.key + " LIMIT 1),");
        String bound = "COALESCE((SELECT k FROM e), (SELECT k FROM z))";
        String more = "EXISTS (SELECT 1 FROM e)";
        if (t.keyType == KeyCodec.INTEGER) {
            // no sum past Long.MAX_VALUE: there, p is null
            sql = sql.append(" p" + scan).append(keys).append(Sql.of(" AND t." + t.key
                    + " = (SELECT CASE WHEN k <= ? THEN k + ? END FROM b)),", Long.MAX_VALUE - (limit - 1), limit - 1L));
            bound = "COALESCE((SELECT k FROM p), (SELECT k FROM e), (SELECT k FROM z))";
            more = "EXISTS (SELECT 1 FROM p) OR " + more;
        }
        sql = sql.append(" e" + scan).append(keys).append(" ORDER BY t." + t.key + " OFFSET ? LIMIT 1),", limit - 1)
                .append(" z" + scan).append(keys).append(" ORDER BY t." + t.key + " DESC LIMIT 1),")
                .append(" u AS (UPDATE " + t.table + " t").append(set(t.ref(), marker, actor))
                .append(" WHERE ").append(t.candidatesAfter(cursor)).append(" AND t." + t.key + " >= (SELECT k FROM b)"
                        + " AND t." + t.key + " <= " + bound + " RETURNING t." + t.key + " AS k),");
        String text = t.keyType.textSql(jdbc.dialect(), "k");
        String last = "(SELECT " + text + " FROM (SELECT " + bound + " AS k) l)";
        return new Head(sql, CHANGED, last, Sql.of("(" + more + ")"));
    }

    /** {@code SET marker = ?[, deleted_by = ?]} for table {@code ref}. */
    private static Sql set(Cascade.TableRef ref, Instant marker, String actor) {
        Sql set = Sql.of(" SET " + ref.marker() + " = ?", ref.markerValue(marker));
        return ref.deletedBy() == null ? set : set.append(", " + ref.deletedBy() + " = ?", actor);
    }

    /**
     * CTEs {@code a_<from>} (the keys CTE {@code from} returned as column {@code k}, as an array in
     * key order) and {@code i_<from>} (the record of those keys, when there are any), preceded by
     * a comma.
     */
    private Sql record(String from, Cascade.TableRef t, long runId, long batchNo, Instant marker) {
        boolean integer = t.keyType() == KeyCodec.INTEGER;
        String first = integer ? "CAST(ks[1] AS TEXT)" : "ks[1]";
        String last = integer ? "CAST(ks[CARDINALITY(ks)] AS TEXT)" : "ks[CARDINALITY(ks)]";
        return Sql.of(" a_" + from + " AS (SELECT " + keyArray(t) + " AS ks FROM " + from + "),"
                + " i_" + from + " AS (" + batches.insertColumns() + " SELECT ?, ?, ?, " + first + ", " + last + ","
                + " CARDINALITY(ks), " + keysDocument("ks") + ", ?, ?, ? FROM a_" + from
                + " WHERE ks IS NOT NULL)", runId, batchNo, t.tableName(), marker, RunBatches.APPLIED, clock.instant());
    }

    /**
     * The aggregate of keys {@code k} (of table {@code t}) into the array a record holds: in key
     * order, integer keys as numbers, others in their text form.
     */
    private String keyArray(Cascade.TableRef t) {
        String element = t.keyType() == KeyCodec.INTEGER ? "k" : t.keyType().textSql(jdbc.dialect(), "k");
        return "ARRAY_AGG(" + element + " ORDER BY k)";
    }

    /** The run-keys document text holding the array {@code keys}, as records store it. */
    private static String keysDocument(String keys) {
        return "'{\"doc\":\"" + RunBatches.KIND + "\",\"v\":" + RunBatches.VERSION + ",\"keys\":' || CAST(ARRAY_TO_JSON("
                + keys + ") AS TEXT) || '}'";
    }

    /**
     * First restores by key range and marker alone, and checks in the same statement that the keys
     * it restored are exactly the keys recorded: their document, rebuilt the way apply wrote the
     * record, equals the record's text. Then that was the exact restore, without reading the
     * record's keys one by one or probing the index once per key. Otherwise (a row in the range
     * carrying the run's marker without being recorded, because someone wrote the same instant; a
     * recorded row deleted again or restored since; a record in another layout) the statement rolls
     * back to a savepoint and the batch is restored again with the recorded keys as an index
     * condition.
     */
    @Override
    BatchResult restore(Connection c, Target t, List<Cascade.TableRef> children, long parentRunId, String cursor,
            int limit, long batchNo, Instant marker) throws SQLException {
        Savepoint before = c.setSavepoint();
        RestoreResult fast = restore(c, t, children, parentRunId, cursor, marker, false);
        if (fast.differing() == 0) {
            c.releaseSavepoint(before);
            return fast.batch();
        }
        c.rollback(before);
        return restore(c, t, children, parentRunId, cursor, marker, true).batch();
    }

    /** A restore batch's result and the number of its tables whose restored keys differ from the record. */
    private record RestoreResult(BatchResult batch, long differing) {
    }

    private RestoreResult restore(Connection c, Target t, List<Cascade.TableRef> children, long parentRunId,
            String cursor, Instant marker, boolean exact) throws SQLException {
        long after = cursor == null ? Long.MIN_VALUE : Long.parseLong(cursor);
        // b: the next batch still APPLIED. Per table (the run's own first, then each child it
        // recorded): r the rows of the record's key range still carrying the run's marker
        // (re-checked on the version the UPDATE locks) made active again, only the recorded keys
        // when exact, p its record marked UNDONE with the number restored, and, when not exact,
        // x whether the keys restored differ from the record. The lease serializes undo workers.
        Sql sql = Sql.of(ASYNC_COMMIT + " b AS (SELECT batch_no FROM " + batches.table() + " WHERE run_id = ? AND state = ?"
                + " AND batch_no > ? ORDER BY batch_no LIMIT 1)", parentRunId, RunBatches.APPLIED, after);
        List<Cascade.TableRef> all = new java.util.ArrayList<>(List.of(t.ref()));
        all.addAll(children);
        StringBuilder differing = new StringBuilder("0");
        for (int i = 0; i < all.size(); i++) {
            String n = String.valueOf(i);
            sql = sql.append(restoreTable(all.get(i), n, parentRunId, marker, exact));
            if (!exact) {
                // One comparison of two texts: parsing the record's keys in SQL and comparing them
                // as sets (EXCEPT) cost a sixth of the undo over 1,000,000 rows
                sql = sql.append(", x" + n + " AS (SELECT CASE WHEN (SELECT row_keys FROM s" + n + ")"
                        + " IS NOT DISTINCT FROM (SELECT " + keysDocument(keyArray(all.get(i))) + " FROM r" + n + ")"
                        + " THEN 0 ELSE 1 END AS n)");
                differing.append(" + (SELECT n FROM x").append(n).append(")");
            }
        }
        // the rows recorded: the record's count (its keys are parsed only when a restore needs them)
        sql = sql.append(Sql.of(" SELECT COALESCE((SELECT key_count FROM s0), (SELECT COUNT(*) FROM k0)),"
                + " (SELECT batch_no FROM b), (SELECT COUNT(*) FROM r0),"
                + " EXISTS (SELECT 1 FROM " + batches.table() + " WHERE run_id = ? AND state = ? AND batch_no >"
                + " (SELECT batch_no FROM b))" + ASYNC_COMMIT_REF + ", " + differing, parentRunId, RunBatches.APPLIED));
        return jdbc.queryOne(c, sql.text(), rs -> {
            long recorded = rs.getLong(2);
            BatchResult batch = new BatchResult(rs.getInt(1), rs.getInt(3), rs.wasNull() ? cursor
                    : String.valueOf(recorded), rs.getBoolean(4));
            return new RestoreResult(batch, rs.getLong(6));
        }, sql.args()).orElseThrow();
    }

    /**
     * CTEs s (the record), k (its keys, parsed only where read), r (the restore, returning the keys
     * restored) and p (the record marked UNDONE), suffixed {@code n}, restoring one table's record
     * of batch b, each preceded by a comma. The UPDATE scans the record's key range ({@code first_key..last_key}, or
     * the keys' own bounds for records copied by V5 without them) for rows carrying the marker;
     * {@code exact} adds the keys as a second index condition (measured faster than probing the
     * keys alone, slower than the range alone).
     */
    private Sql restoreTable(Cascade.TableRef t, String n, long parentRunId, Instant marker, boolean exact) {
        Dialect d = jdbc.dialect();
        String clearBy = t.deletedBy() == null ? "" : ", " + t.deletedBy() + " = NULL";
        String k = "k" + n;
        String lo = "COALESCE((SELECT " + t.keyType().valueSql(d, "first_key") + " FROM s" + n + "), (SELECT k FROM " + k
                + " ORDER BY k LIMIT 1))";
        String hi = "COALESCE((SELECT " + t.keyType().valueSql(d, "last_key") + " FROM s" + n + "), (SELECT k FROM " + k
                + " ORDER BY k DESC LIMIT 1))";
        return Sql.of(", s" + n + " AS (SELECT row_keys, first_key, last_key, key_count FROM " + batches.table()
                        + " WHERE run_id = ? AND batch_no = (SELECT batch_no FROM b) AND table_name = ? AND state = ?)",
                        parentRunId, t.tableName(), RunBatches.APPLIED)
                .append(", " + k + " AS (SELECT " + t.keyType().valueSql(d, "j.value") + " AS k FROM s" + n + ","
                        + " JSON_ARRAY_ELEMENTS_TEXT(CAST(s" + n + ".row_keys AS JSON) -> 'keys') j)")
                .append(Sql.of(", r" + n + " AS (UPDATE " + t.table() + " t SET " + t.marker() + " = NULL" + clearBy
                        + " WHERE t." + t.key() + " >= " + lo + " AND t." + t.key() + " <= " + hi
                        + (exact ? " AND t." + t.key() + " = ANY(ARRAY(SELECT k FROM " + k + "))" : "")
                        + " AND t." + t.marker() + " = ? RETURNING t." + t.key() + " AS k)", t.markerValue(marker)))
                .append(Sql.of(", p" + n + " AS (UPDATE " + batches.table() + " s SET state = ?, restored_count ="
                        + " (SELECT COUNT(*) FROM r" + n + "), changed_at = ? WHERE s.run_id = ? AND s.batch_no ="
                        + " (SELECT batch_no FROM b) AND s.table_name = ?)", RunBatches.UNDONE, clock.instant(),
                        parentRunId, t.tableName()));
    }
}
