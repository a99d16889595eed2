package dev.softdelete.core.runs;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.internal.KeyCodec;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * PostgreSQL: a batch is one statement. The candidate keys are locked ({@code FOR UPDATE}), the
 * {@code UPDATE} re-checks its guard on the row version it locks, and {@code RETURNING} feeds
 * exactly the changed keys into one {@link RunBatches} record, all server-side: no keys travel to
 * the client.
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
        // c finds where this batch ends (e: its last key, without MAX, which UUID and binary keys
        // lack); the UPDATE then covers the key range up to there with the whole condition
        // repeated, which PostgreSQL re-checks on each row version it locks, so RETURNING yields
        // exactly the rows changed. A range scan instead of a join keeps the plan an index scan at
        // any batch size. The changed keys become one record: an array in key order, written as
        // the run-keys document (integer keys as JSON numbers, others in their text form).
        Sql sql = Sql.of("WITH c AS (SELECT t." + t.key + " AS k FROM " + t.table + " t WHERE ").append(candidates)
                .append(" ORDER BY t." + t.key + " LIMIT ?),", limit)
                .append(" e AS (SELECT k FROM c ORDER BY k DESC LIMIT 1),")
                .append(" u AS (UPDATE " + t.table + " t SET " + t.marker + " = ?", t.markerValue(marker));
        if (t.deletedBy != null) {
            sql = sql.append(", " + t.deletedBy + " = ?", actor);
        }
        sql = sql.append(" WHERE ").append(candidates).append(" AND t." + t.key + " <= (SELECT k FROM e) RETURNING t."
                + t.key + " AS k),")
                .append(record("u", t, runId, batchNo, marker))
                .append(" SELECT (SELECT COUNT(*) FROM c), (SELECT " + t.keyType.textSql(d, "k") + " FROM e),"
                        + " (SELECT COALESCE(CARDINALITY(ks), 0) FROM a_u)");
        return jdbc.queryOne(c, sql.text(), rs -> new BatchResult(rs.getInt(1), rs.getInt(3), rs.getString(2),
                rs.getInt(1) >= limit), sql.args()).orElseThrow();
    }

    /**
     * CTEs {@code a_<from>} (the keys CTE {@code from} returned as column {@code k}, as an array in
     * key order) and {@code i_<from>} (the record of those keys, when there are any).
     */
    private Sql record(String from, Target t, long runId, long batchNo, Instant marker) {
        boolean integer = t.keyType == KeyCodec.INTEGER;
        String element = integer ? "k" : t.keyType.textSql(jdbc.dialect(), "k");
        String first = integer ? "CAST(ks[1] AS TEXT)" : "ks[1]";
        String last = integer ? "CAST(ks[CARDINALITY(ks)] AS TEXT)" : "ks[CARDINALITY(ks)]";
        return Sql.of(" a_" + from + " AS (SELECT ARRAY_AGG(" + element + " ORDER BY k) AS ks FROM " + from + "),"
                + " i_" + from + " AS (" + batches.insertColumns() + " SELECT ?, ?, ?, " + first + ", " + last + ","
                + " CARDINALITY(ks), '{\"doc\":\"" + RunBatches.KIND + "\",\"v\":" + RunBatches.VERSION
                + ",\"keys\":' || CAST(ARRAY_TO_JSON(ks) AS TEXT) || '}', ?, ?, ? FROM a_" + from
                + " WHERE ks IS NOT NULL)", runId, batchNo, t.tableName, marker, RunBatches.APPLIED, clock.instant());
    }

    @Override
    BatchResult restore(Connection c, Target t, long parentRunId, String cursor, int limit, long batchNo,
            Instant marker) throws SQLException {
        Dialect d = jdbc.dialect();
        long after = cursor == null ? Long.MIN_VALUE : Long.parseLong(cursor);
        String clearBy = t.deletedBy == null ? "" : ", " + t.deletedBy + " = NULL";
        // b: the next batch still APPLIED; k: its recorded keys of the table; r: the rows among
        // them still carrying the run's marker (re-checked on the version the UPDATE locks), made
        // active again; p: the record marked UNDONE with the number restored. The lease
        // serializes undo workers. Keys go through = ANY(ARRAY(...)), an index scan.
        Sql sql = Sql.of("WITH b AS (SELECT batch_no FROM " + batches.table() + " WHERE run_id = ? AND state = ?"
                + " AND batch_no > ? ORDER BY batch_no LIMIT 1),", parentRunId, RunBatches.APPLIED, after)
                .append(Sql.of(" k AS (SELECT " + t.keyType.valueSql(d, "j.value") + " AS k FROM " + batches.table()
                        + " s, JSON_ARRAY_ELEMENTS_TEXT(CAST(s.row_keys AS JSON) -> 'keys') j WHERE s.run_id = ?"
                        + " AND s.batch_no = (SELECT batch_no FROM b) AND s.table_name = ? AND s.state = ?),",
                        parentRunId, t.tableName, RunBatches.APPLIED))
                .append(Sql.of(" r AS (UPDATE " + t.table + " t SET " + t.marker + " = NULL" + clearBy + " WHERE t."
                        + t.key + " = ANY(ARRAY(SELECT k FROM k)) AND t." + t.marker + " = ? RETURNING 1),",
                        t.markerValue(marker)))
                .append(Sql.of(" p AS (UPDATE " + batches.table() + " s SET state = ?, restored_count = (SELECT COUNT(*)"
                        + " FROM r), changed_at = ? WHERE s.run_id = ? AND s.batch_no = (SELECT batch_no FROM b)"
                        + " AND s.table_name = ?)", RunBatches.UNDONE, clock.instant(), parentRunId, t.tableName))
                .append(Sql.of(" SELECT (SELECT COUNT(*) FROM k), (SELECT batch_no FROM b), (SELECT COUNT(*) FROM r),"
                        + " EXISTS (SELECT 1 FROM " + batches.table() + " WHERE run_id = ? AND state = ? AND batch_no >"
                        + " (SELECT batch_no FROM b))", parentRunId, RunBatches.APPLIED));
        return jdbc.queryOne(c, sql.text(), rs -> {
            long recorded = rs.getLong(2);
            return new BatchResult(rs.getInt(1), rs.getInt(3), rs.wasNull() ? cursor : String.valueOf(recorded),
                    rs.getBoolean(4));
        }, sql.args()).orElseThrow();
    }

    /**
     * Batches commit without waiting for the WAL flush: a batch's rows, record and cursor commit
     * together, so a server crash can only lose whole batches, which the resumed run redoes.
     */
    @Override
    void begin(Connection c) throws SQLException {
        jdbc.update(c, "SET LOCAL synchronous_commit TO OFF");
    }
}
