package dev.softdelete.core.purge;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lets the caller of a purge take part in each batch: the cleanup worker fences the batch with its
 * lease and records progress in the same transaction, then rate-limits and checks for shutdown.
 */
public interface BatchHook {

    /** Called first in each batch's transaction; throw to abandon the batch (it is rolled back). */
    default void begin(Connection connection) throws SQLException {
    }

    /** Called after the batch's statements, before commit, with what the batch did. */
    default void record(Connection connection, Batch batch) throws SQLException {
    }

    /** Called after commit; return false to stop after this batch (the result is then incomplete). */
    default boolean proceed(Batch batch) {
        return true;
    }

    /**
     * One committed (or about to commit) batch. {@code cursor} is where the next batch resumes.
     *
     * @param table   the table the batch deleted from
     * @param cursor  where the next batch resumes
     * @param expired expired rows the batch looked at
     * @param removed rows it deleted (or archived, then deleted)
     */
    record Batch(String table, PurgeCursor cursor, long expired, long removed) {
    }

    /** No hook. */
    BatchHook NONE = new BatchHook() { };
}
