package dev.softdelete.core.runs;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: a batch is one statement. The candidate keys are locked ({@code FOR UPDATE}), the
 * {@code UPDATE} re-checks its guard on the row version it locks, and {@code RETURNING} feeds
 * exactly the changed rows into the run items, all server-side: no keys travel to the client.
 */
final class ReturningBatchStrategy extends BatchStrategy {

    ReturningBatchStrategy(Jdbc jdbc, RunTables tables, Clock clock) {
        super(jdbc, tables, clock);
    }

    @Override
    BatchResult softDelete(Connection c, Target t, String cursor, int limit, long runId, long batchNo,
            Instant marker, String actor) throws SQLException {
        Dialect d = jdbc.dialect();
        Sql candidates = t.candidatesAfter(cursor);
        List<Object> params = new ArrayList<>(candidates.params());
        params.add(limit);
        params.add(t.markerValue(marker));
        String setBy = "";
        if (t.deletedBy != null) {
            setBy = ", " + t.deletedBy + " = ?";
            params.add(actor);
        }
        params.addAll(candidates.params());
        params.addAll(List.of(runId, t.tableName, RunTables.SOFT_DELETE, RunTables.APPLIED, marker, batchNo,
                clock.instant()));
        // c finds where this batch ends (e: its last key, without MAX, which UUID and binary keys
        // lack); the UPDATE then covers the key range up to there with the whole condition
        // repeated, which PostgreSQL re-checks on each row version it locks, so RETURNING yields
        // exactly the rows changed. A range scan instead of a join keeps the plan an index scan at
        // any batch size. Items get the key's exact text form and its hash.
        String sql = "WITH c AS (SELECT t." + t.key + " AS k FROM " + t.table + " t WHERE " + candidates.text()
                + " ORDER BY t." + t.key + " LIMIT ?),"
                + " e AS (SELECT k FROM c ORDER BY k DESC LIMIT 1),"
                + " u AS (UPDATE " + t.table + " t SET " + t.marker + " = ?" + setBy + " WHERE " + candidates.text()
                + " AND t." + t.key + " <= (SELECT k FROM e) RETURNING " + t.keyType.textSql(d, "t." + t.key) + " AS k, "
                + t.keyType.digestSql(d, "t." + t.key) + " AS g),"
                + " i AS (" + tables.insertItemColumns() + " SELECT ?, ?, u.k, u.g, ?, ?, NULL, ?, ?, ? FROM u)"
                + " SELECT (SELECT COUNT(*) FROM c), (SELECT " + t.keyType.textSql(d, "k") + " FROM e),"
                + " (SELECT COUNT(*) FROM u)";
        return run(c, sql, params);
    }

    @Override
    BatchResult restore(Connection c, Target t, long parentRunId, String cursor, int limit, long batchNo,
            Instant marker) throws SQLException {
        Dialect d = jdbc.dialect();
        boolean hasCursor = cursor != null;
        List<Object> params = new ArrayList<>(List.of(parentRunId, t.tableName, RunTables.APPLIED));
        String after = "";
        if (hasCursor) {
            after = " AND row_key_digest > ?";
            params.add(cursor);
        }
        params.add(limit);
        params.add(t.markerValue(marker));
        params.addAll(List.of(RunTables.UNDONE, RunTables.CONFLICT, clock.instant(), parentRunId, t.tableName,
                RunTables.APPLIED));
        if (hasCursor) {
            params.add(cursor);
        }
        String clearBy = t.deletedBy == null ? "" : ", " + t.deletedBy + " = NULL";
        // The lease serializes undo workers, so the items need no row locks; the target rows are
        // locked by the UPDATE, which re-checks the marker on the version it locks. Keys go
        // through = ANY(ARRAY(...)) and the items through their key range, so plans stay index
        // scans at any batch size; "IN (SELECT ... FROM r)" is a hashed subplan (a correlated
        // EXISTS or a join on the CTE would loop n x n or scan the whole run).
        String sql = "WITH i AS (SELECT row_key, row_key_digest FROM " + tables.items() + " WHERE run_id = ?"
                + " AND table_name = ? AND state = ?" + after + " ORDER BY row_key_digest LIMIT ?),"
                + " r AS (UPDATE " + t.table + " t SET " + t.marker + " = NULL" + clearBy + " WHERE t." + t.key
                + " = ANY(ARRAY(SELECT " + t.keyType.valueSql(d, "row_key") + " FROM i)) AND t." + t.marker
                + " = ? RETURNING " + t.keyType.textSql(d, "t." + t.key) + " AS row_key),"
                + " p AS (UPDATE " + tables.items() + " s SET state = CASE WHEN s.row_key IN (SELECT row_key FROM r)"
                + " THEN ? ELSE ? END, changed_at = ? WHERE s.run_id = ? AND s.table_name = ? AND s.state = ?"
                + after.replace("row_key_digest", "s.row_key_digest")
                + " AND s.row_key_digest <= (SELECT MAX(row_key_digest) FROM i))"
                + " SELECT (SELECT COUNT(*) FROM i), (SELECT MAX(row_key_digest) FROM i), (SELECT COUNT(*) FROM r)";
        return run(c, sql, params);
    }

    /**
     * Batches commit without waiting for the WAL flush: a batch's rows, items and cursor commit
     * together, so a server crash can only lose whole batches, which the resumed run redoes.
     */
    @Override
    void begin(Connection c) throws SQLException {
        jdbc.update(c, "SET LOCAL synchronous_commit TO OFF");
    }

    private BatchResult run(Connection c, String sql, List<Object> params) throws SQLException {
        return jdbc.queryOne(c, sql, rs -> new BatchResult(rs.getInt(1), rs.getInt(3), rs.getString(2)),
                params.toArray()).orElseThrow();
    }
}
