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
     * start), in key order, writing {@code marker}, then the active rows of the cascade's child
     * tables that reference a changed row, and records the keys it changed in each table as batch
     * {@code batchNo}. Which candidates: the first {@code limit} when {@code exact} (a wave cap
     * counts rows exactly); otherwise a strategy may take the candidates among the next
     * {@code limit} keys of the table instead (a key range, GitLab's batches), which it finds
     * without reading the rows. The counts returned are the run's own table's. {@code fence} (may
     * be null) is the run's lease, which a strategy may renew in its own statement.
     */
    abstract BatchResult softDelete(Connection c, Target t, String cursor, int limit, boolean exact, long runId,
            long batchNo, Instant marker, String actor, Fence fence) throws SQLException;

    /**
     * Restores the next batch of run {@code parentRunId} still {@code APPLIED} after batch number
     * {@code cursor} (null: the first), in the run's own table and in {@code children} (the child
     * tables the run recorded changes in): its recorded rows still carrying {@code marker} are
     * restored, others (changed by someone else since) are left alone, and each record becomes
     * UNDONE with the number restored. One apply batch per call, whatever {@code limit}; the
     * counts returned are the run's own table's.
     */
    abstract BatchResult restore(Connection c, Target t, java.util.List<Cascade.TableRef> children, long parentRunId,
            String cursor, int limit, long batchNo, Instant marker) throws SQLException;

    /**
     * @param matched rows the batch looked at (0: nothing left)
     * @param changed rows it changed
     * @param cursor  the last key (apply) or batch number (undo) it looked at, as text
     * @param more    whether another batch may find work
     * @param fenced  whether the strategy renewed the lease and recorded the counts itself and the
     *                lease held; null when it left that to the caller
     */
    record BatchResult(int matched, int changed, String cursor, boolean more, Boolean fenced) {

        BatchResult(int matched, int changed, String cursor, boolean more) {
            this(matched, changed, cursor, more, null);
        }
    }

    /**
     * The run's lease, for a strategy that renews it (with the batch's counts and cursor) inside its
     * own batch statement: {@link BatchResult#fenced()} then says whether it held (null: not done,
     * the caller fences).
     */
    record Fence(RunLease lease, RunLease.Held held, java.time.Duration duration) {
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
