package dev.softdelete.core.runs;

import dev.softdelete.core.registry.RunRegistry;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One worker per run across every instance: a lease on the run's registry row
 * ({@code lease_owner}, {@code lease_until}, {@code heartbeat_at}) with a fencing token
 * ({@code lease_token}, one higher on every claim and takeover). Claimed with a conditional
 * UPDATE after locking the row with {@code NOWAIT} (never queueing behind another transaction),
 * renewed as the last statement of every batch's transaction (together with the batch's counts)
 * only while owner, token and an unexpired lease all still match, else the batch rolls back (so a
 * worker that slept past its lease, or whose run was taken over or undone meanwhile, commits
 * nothing), and taken over once expired. Time comes from
 * the injected clock.
 */
final class RunLease {

    /** A lease this worker holds on one run: who, and the token its claim produced. */
    record Held(long runId, String owner, long token) {
    }

    private final Jdbc jdbc;
    private final RunTables tables;
    private final RunRegistry registry;
    private final Clock clock;

    RunLease(Jdbc jdbc, RunTables tables, RunRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Claims every run of {@code runIds} for {@code owner} in one transaction (all or none), or
     * throws {@link RunLeasedException} naming the holder of the first one held by someone else.
     */
    List<Held> claim(List<Long> runIds, String owner, Duration duration) {
        Instant now = clock.instant();
        Long[] refused = new Long[1];
        List<Held> held;
        try {
            held = jdbc.inTransaction(c -> {
                List<Held> claimed = new ArrayList<>();
                for (long runId : runIds) {
                    // never queue behind another transaction on the registry row: refuse at once
                    jdbc.query(c, "SELECT id FROM " + tables.runs() + " WHERE id = ?" + jdbc.dialect().forUpdateNoWait(),
                            rs -> rs.getLong(1), runId);
                        int n = jdbc.update(c, "UPDATE " + tables.runs() + " SET lease_owner = ?, lease_token = lease_token + 1,"
                            + " lease_until = ?, heartbeat_at = ?, updated_at = ? WHERE id = ? AND (lease_owner IS NULL"
                            + " OR lease_until IS NULL OR lease_until < ?)", owner, now.plus(duration), now, now, runId,
                            now);
                    if (n == 0) {
                        refused[0] = runId;
                        c.rollback();
                        return null;
                    }
                    claimed.add(new Held(runId, owner, jdbc.queryLong(c, "SELECT lease_token FROM " + tables.runs()
                            + " WHERE id = ?", runId)));
                }
                return claimed;
            });
        } catch (RuntimeException e) {
            if (!jdbc.isLockTimeout(e)) {
                throw e;
            }
            RunRecord run = registry.require(runIds.get(0));
            throw new RunLeasedException(run.id(), run.leaseOwner(), run.leaseUntil(),
                    "has its registry row locked by another transaction right now (NOWAIT)");
        }
        if (held == null) {
            RunRecord run = registry.require(refused[0]);
            throw new RunLeasedException(refused[0], run.leaseOwner(), run.leaseUntil(), "is being worked on");
        }
        return held;
    }

    /**
     * The fence: renews the lease inside a batch's transaction, as its first statement, only if
     * owner and token still match and the lease has not expired. The row lock it takes also
     * serializes workers on this run.
     *
     * @return false when the lease expired or another worker (a takeover, an undo) holds the run
     */
    boolean heartbeat(Connection c, Held lease, Duration duration) throws SQLException {
        Instant now = clock.instant();
        return jdbc.update(c, "UPDATE " + tables.runs() + " SET lease_until = ?, heartbeat_at = ? WHERE id = ?"
                + " AND lease_owner = ? AND lease_token = ? AND lease_until >= ?", now.plus(duration), now,
                lease.runId(), lease.owner(), lease.token(), now) == 1;
    }

    /**
     * The fence at the end of a batch's transaction: renews the lease and adds the batch's counts
     * and cursor to the run in one UPDATE, only if owner and token still match and the lease has
     * not expired (then the caller rolls the batch back).
     *
     * @return false when the lease expired or another worker (a takeover, an undo) holds the run
     */
    boolean heartbeatWithBatch(Connection c, Held lease, Duration duration, long matched, long affected, long skipped,
            String cursor) throws SQLException {
        Instant now = clock.instant();
        return jdbc.update(c, "UPDATE " + tables.runs() + " SET lease_until = ?, heartbeat_at = ?,"
                + " matched_count = matched_count + ?, affected_count = affected_count + ?,"
                + " skipped_count = skipped_count + ?, batch_count = batch_count + 1,"
                + " cursor_value = COALESCE(?, cursor_value), updated_at = ?, row_version = row_version + 1"
                + " WHERE id = ? AND lease_owner = ? AND lease_token = ? AND lease_until >= ?", now.plus(duration), now,
                matched, affected, skipped, cursor, now, lease.runId(), lease.owner(), lease.token(), now) == 1;
    }

    /**
     * {@link #heartbeatWithBatch} as an UPDATE to embed in a batch statement, the counts and cursor
     * given as SQL expressions over that statement ({@code matched}, {@code changed}: numbers;
     * {@code cursor}: text, null keeps the cursor). Without {@code RETURNING}: the caller adds it.
     */
    dev.softdelete.core.internal.Sql heartbeatWithBatchSql(Held lease, Duration duration, String matched, String changed,
            String cursor) {
        Instant now = clock.instant();
        return dev.softdelete.core.internal.Sql.of("UPDATE " + tables.runs() + " SET lease_until = ?, heartbeat_at = ?,"
                + " matched_count = matched_count + " + matched + ", affected_count = affected_count + " + changed
                + ", skipped_count = skipped_count + " + matched + " - " + changed + ", batch_count = batch_count + 1,"
                + " cursor_value = COALESCE(" + cursor + ", cursor_value), updated_at = ?, row_version = row_version + 1"
                + " WHERE id = ? AND lease_owner = ? AND lease_token = ? AND lease_until >= ?", now.plus(duration), now,
                now, lease.runId(), lease.owner(), lease.token(), now);
    }

    /** Gives the lease up (only if still held under this token). */
    void release(Connection c, Held lease) throws SQLException {
        jdbc.update(c, "UPDATE " + tables.runs() + " SET lease_owner = NULL, lease_until = NULL WHERE id = ?"
                + " AND lease_owner = ? AND lease_token = ?", lease.runId(), lease.owner(), lease.token());
    }
}
