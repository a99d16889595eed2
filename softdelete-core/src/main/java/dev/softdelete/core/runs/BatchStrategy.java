package dev.softdelete.core.runs;

import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How one batch soft-deletes rows and records exactly the rows it changed, inside the caller's
 * transaction: one {@link RunBatches} record per batch and table. Per database: PostgreSQL does a
 * batch in one statement (data-modifying CTEs with {@code RETURNING}); H2 and MariaDB lock the
 * candidate keys with {@code SELECT ... FOR UPDATE}, then change and record those keys, so
 * nothing can slip in between.
 */
abstract class BatchStrategy {

    final Jdbc jdbc;
    final RunBatches batches;
    final java.time.Clock clock;

    BatchStrategy(Jdbc jdbc, RunTables tables, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.batches = new RunBatches(jdbc, tables.batches());
        this.clock = clock;
    }

    /**
     * Soft-deletes up to {@code limit} candidates with keys after {@code cursor} (null: from the
     * start), in key order, writing {@code marker}, and records the keys it changed as batch
     * {@code batchNo}.
     */
    abstract BatchResult softDelete(Connection c, Target t, String cursor, int limit, long runId, long batchNo,
            Instant marker, String actor) throws SQLException;

    /**
     * Restores the next batch of run {@code parentRunId} still {@code APPLIED} after batch number
     * {@code cursor} (null: the first): its recorded rows still carrying {@code marker} are
     * restored, others (changed by someone else since) are left alone, and the record becomes
     * UNDONE with the number restored. One apply batch per call, whatever {@code limit}.
     */
    abstract BatchResult restore(Connection c, Target t, long parentRunId, String cursor, int limit, long batchNo,
            Instant marker) throws SQLException;

    /** Called first in every batch's transaction (per-database session settings). */
    void begin(Connection c) throws SQLException {
    }

    /**
     * @param matched rows the batch looked at (0: nothing left)
     * @param changed rows it changed
     * @param cursor  the last key (apply) or batch number (undo) it looked at, as text
     * @param more    whether another batch may find work
     */
    record BatchResult(int matched, int changed, String cursor, boolean more) {
    }

    /**
     * One statement per batch where the database can chain data-modifying statements, otherwise
     * lock, change and record the locked keys.
     */
    static BatchStrategy of(Jdbc jdbc, RunTables tables, java.time.Clock clock) {
        return jdbc.dialect().supportsDataModifyingCte() ? new ReturningBatchStrategy(jdbc, tables, clock)
                : new LockingBatchStrategy(jdbc, tables, clock);
    }
}
