package dev.softdelete.core.runs;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on the {@code run_ranges} table (schema V5): the key ranges a background run
 * is split into, claimed by workers on any instance with {@code SKIP LOCKED} (where the database
 * has it; otherwise the conditional UPDATE of the claim decides) under a short lease with a
 * fencing token, renewed at the end of every batch's transaction together with the range's
 * progress, so a worker that lost its range (lease expired and taken over, run cancelled) commits
 * nothing.
 */
final class RunRanges {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    /** One range as stored. {@code after} is exclusive, {@code upTo} inclusive; null: open. */
    record Range(long runId, int rangeNo, String after, String upTo, String status, int attempts, String cursor,
            long batchCount, long matched, long affected, String leaseOwner, Instant leaseUntil) {
    }

    /** A range this worker claimed: the token its claim produced. */
    record Claimed(Range range, String owner, long token) {
    }

    /** Per-status counts and sums of one run's ranges. */
    record Totals(long total, long pending, long running, long done, long failed, long batches, long matched,
            long affected) {
    }

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final String table;
    private final String runs;
    private final Clock clock;

    RunRanges(Jdbc jdbc, String table, String runs, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = jdbc.dialect();
        this.table = table;
        this.runs = runs;
        this.clock = clock;
    }

    /** Inserts the ranges of a run, in the caller's transaction: bounds as (after, upTo] pairs. */
    void insert(Connection c, long runId, List<String[]> bounds) throws SQLException {
        Instant now = clock.instant();
        try (var ps = c.prepareStatement("INSERT INTO " + table + " (run_id, range_no, first_key, last_key, status,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < bounds.size(); i++) {
                jdbc.bind(ps, runId, i, bounds.get(i)[0], bounds.get(i)[1], PENDING, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Claims the first range, of any RUNNING run, that is PENDING or whose lease expired, for
     * {@code owner}: locked with SKIP LOCKED, then marked RUNNING with a new fencing token and
     * one more attempt.
     */
    Optional<Claimed> claim(String owner, Duration lease) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            Optional<long[]> found = jdbc.queryOne(c, "SELECT r.run_id, r.range_no FROM " + table + " r WHERE"
                    + " (r.status = ? OR (r.status = ? AND r.lease_until < ?)) AND r.run_id IN (SELECT id FROM " + runs
                    + " WHERE status = 'RUNNING') ORDER BY r.run_id, r.range_no LIMIT 1" + dialect.forUpdateSkipLocked(),
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, PENDING, RUNNING, now);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            long runId = found.get()[0];
            int rangeNo = (int) found.get()[1];
            int taken = jdbc.update(c, "UPDATE " + table + " SET status = ?, lease_owner = ?, lease_token = lease_token + 1,"
                    + " lease_until = ?, heartbeat_at = ?, attempts = attempts + 1, started_at = COALESCE(started_at, ?),"
                    + " updated_at = ? WHERE run_id = ? AND range_no = ? AND (status = ? OR (status = ? AND lease_until < ?))",
                    RUNNING, owner, now.plus(lease), now, now, now, runId, rangeNo, PENDING, RUNNING, now);
            if (taken != 1) {
                return Optional.empty();
            }
            long token = jdbc.queryLong(c, "SELECT lease_token FROM " + table + " WHERE run_id = ? AND range_no = ?",
                    runId, rangeNo);
            return Optional.of(new Claimed(require(c, runId, rangeNo), owner, token));
        });
    }

    /**
     * The fence at the end of a batch's transaction: renews the lease and adds the batch's
     * progress, only while this claim still holds the range; when {@code done}, the range becomes
     * DONE and the lease is given up.
     *
     * @return false when the lease expired, another worker took the range over or the run was
     *         cancelled (then the caller rolls the batch back)
     */
    boolean heartbeat(Connection c, Claimed claim, Duration lease, String cursor, long matched, long affected,
            boolean done) throws SQLException {
        Instant now = clock.instant();
        return jdbc.update(c, "UPDATE " + table + " SET lease_until = ?, heartbeat_at = ?, cursor_value = COALESCE(?,"
                + " cursor_value), batch_count = batch_count + 1, matched_count = matched_count + ?,"
                + " affected_count = affected_count + ?, status = ?, finished_at = ?, updated_at = ? WHERE run_id = ?"
                + " AND range_no = ? AND lease_owner = ? AND lease_token = ? AND status = ? AND lease_until >= ?",
                done ? null : now.plus(lease), now, cursor, matched, affected, done ? DONE : RUNNING, done ? now : null, now,
                claim.range().runId(), claim.range().rangeNo(), claim.owner(), claim.token(), RUNNING, now) == 1;
    }

    /**
     * Gives a range back (PENDING, lease cleared) while this claim holds it; with {@code error}, the
     * attempt counts and after {@code maxAttempts} the range FAILED.
     *
     * @return the range's new status, or null when this claim no longer held it
     */
    String release(Claimed claim, String error, int maxAttempts) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            String status = error == null ? PENDING : claim.range().attempts() >= maxAttempts ? FAILED : PENDING;
            int n = jdbc.update(c, "UPDATE " + table + " SET status = ?, lease_owner = NULL, lease_until = NULL,"
                    + " attempts = attempts - ?, last_error = COALESCE(?, last_error), updated_at = ? WHERE run_id = ?"
                    + " AND range_no = ? AND lease_owner = ? AND lease_token = ? AND status = ?", status,
                    error == null ? 1 : 0, error == null ? null : truncate(error), now, claim.range().runId(),
                    claim.range().rangeNo(), claim.owner(), claim.token(), RUNNING);
            return n == 1 ? status : null;
        });
    }

    /**
     * Cancels the ranges of a run not finished yet, in the caller's transaction: a new fencing
     * token each, so that no batch of a worker still holding one can commit afterwards (its fence
     * waits for this row lock, then finds the token changed).
     */
    int cancel(Connection c, long runId) throws SQLException {
        Instant now = clock.instant();
        return jdbc.update(c, "UPDATE " + table + " SET status = ?, lease_owner = NULL, lease_until = NULL,"
                + " lease_token = lease_token + 1, finished_at = ?, updated_at = ? WHERE run_id = ? AND status IN (?, ?)",
                CANCELLED, now, now, runId, PENDING, RUNNING);
    }

    /**
     * Fences every range of a run off (a new token, RUNNING ones back to PENDING) in the caller's
     * transaction, so that no batch of a worker holding one commits after this transaction (pause).
     */
    int releaseAll(Connection c, long runId) throws SQLException {
        Instant now = clock.instant();
        return jdbc.update(c, "UPDATE " + table + " SET status = ?, lease_owner = NULL, lease_until = NULL,"
                + " lease_token = lease_token + 1, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END,"
                + " updated_at = ? WHERE run_id = ? AND status = ?", PENDING, now, runId, RUNNING);
    }

    /** FAILED ranges of a run back to PENDING with their attempts reset (resume after the cause was fixed). */
    int retryFailed(Connection c, long runId) throws SQLException {
        return jdbc.update(c, "UPDATE " + table + " SET status = ?, attempts = 0, updated_at = ? WHERE run_id = ?"
                + " AND status = ?", PENDING, clock.instant(), runId, FAILED);
    }

    /** Runs with ranges not finished yet (PENDING or RUNNING). */
    List<Long> runsWithOpenRanges() {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT DISTINCT run_id FROM " + table + " WHERE status IN (?, ?)",
                rs -> rs.getLong(1), PENDING, RUNNING));
    }

    /**
     * RUNNING runs whose ranges are all DONE (the worker that finished the last one stopped before
     * completing the run) or of which a range FAILED (it stopped before pausing the run).
     */
    List<long[]> runningRunsToSettle() {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT r.run_id, SUM(CASE WHEN r.status = ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN r.status = ? THEN 1 ELSE 0 END), COUNT(*) FROM " + table + " r WHERE r.run_id IN"
                + " (SELECT id FROM " + runs + " WHERE status = 'RUNNING') GROUP BY r.run_id",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, DONE, FAILED))
                .stream().filter(r -> r[1] == r[3] || r[2] > 0).toList();
    }

    /** Whether run {@code runId} has ranges (it is a background run). */
    boolean exists(long runId) {
        return jdbc.withConnection(c -> jdbc.queryLong(c, "SELECT COUNT(*) FROM " + table + " WHERE run_id = ?",
                runId)) > 0;
    }

    /** Counts and sums of one run's ranges. */
    Totals totals(Connection c, long runId) throws SQLException {
        return jdbc.queryOne(c, "SELECT COUNT(*), SUM(CASE WHEN status = ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), SUM(CASE WHEN status = ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), COALESCE(SUM(batch_count), 0),"
                + " COALESCE(SUM(matched_count), 0), COALESCE(SUM(affected_count), 0) FROM " + table + " WHERE run_id = ?",
                rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8)), PENDING, RUNNING, DONE, FAILED, runId).orElseThrow();
    }

    /** All ranges of a run, in order. */
    List<Range> list(long runId) {
        return jdbc.withConnection(c -> jdbc.query(c, "SELECT * FROM " + table + " WHERE run_id = ? ORDER BY range_no",
                this::map, runId));
    }

    private Range require(Connection c, long runId, int rangeNo) throws SQLException {
        return jdbc.queryOne(c, "SELECT * FROM " + table + " WHERE run_id = ? AND range_no = ?", this::map, runId, rangeNo)
                .orElseThrow();
    }

    private Range map(ResultSet rs) throws SQLException {
        return new Range(rs.getLong("run_id"), rs.getInt("range_no"), rs.getString("first_key"), rs.getString("last_key"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("cursor_value"), rs.getLong("batch_count"),
                rs.getLong("matched_count"), rs.getLong("affected_count"), rs.getString("lease_owner"),
                dialect.getInstant(rs, "lease_until"));
    }

    private static String truncate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
    }
}
