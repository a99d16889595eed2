package dev.softdelete.core.runs;

import dev.softdelete.core.registry.RunRegistry;
import dev.softdelete.core.registry.RunRecord;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One worker per run across every instance: a lease on the run's registry row
 * ({@code lease_owner}, {@code lease_until}, {@code heartbeat_at}), claimed with a conditional
 * UPDATE, renewed inside every batch's transaction (so a worker that lost its lease cannot commit
 * a batch) and taken over once expired. Time comes from the injected clock.
 */
final class RunLease {

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

    /** Claims the run for {@code owner}, or throws {@link RunLeasedException} naming the holder. */
    void claim(long runId, String owner, Duration duration) {
        Instant now = clock.instant();
        int claimed = jdbc.withConnection(c -> jdbc.update(c, "UPDATE " + tables.runs() + " SET lease_owner = ?,"
                + " lease_until = ?, heartbeat_at = ?, updated_at = ? WHERE id = ? AND (lease_owner IS NULL"
                + " OR lease_until IS NULL OR lease_until < ?)", owner, now.plus(duration), now, now, runId, now));
        if (claimed == 0) {
            RunRecord run = registry.require(runId);
            throw new RunLeasedException(runId, run.leaseOwner(), run.leaseUntil(), "is being worked on");
        }
    }

    /**
     * Renews the lease inside a batch's transaction; the row lock it takes also serializes
     * workers on this run.
     *
     * @return false when another worker has taken the run over
     */
    boolean heartbeat(Connection c, long runId, String owner, Duration duration) throws SQLException {
        Instant now = clock.instant();
        return jdbc.update(c, "UPDATE " + tables.runs() + " SET lease_until = ?, heartbeat_at = ? WHERE id = ?"
                + " AND lease_owner = ?", now.plus(duration), now, runId, owner) == 1;
    }

    /** Gives the lease up (only if still held by {@code owner}). */
    void release(Connection c, long runId, String owner) throws SQLException {
        jdbc.update(c, "UPDATE " + tables.runs() + " SET lease_owner = NULL, lease_until = NULL WHERE id = ?"
                + " AND lease_owner = ?", runId, owner);
    }
}
