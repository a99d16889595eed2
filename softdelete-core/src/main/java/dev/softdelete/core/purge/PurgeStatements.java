package dev.softdelete.core.purge;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The purge statements whose form depends on the database, built from the dialect's
 * capabilities. Where one statement can chain a {@code DELETE ... RETURNING} into an
 * {@code INSERT} (PostgreSQL), rows move to the archive in that one statement. Elsewhere the batch
 * first locks the keys of the rows it will move ({@code SELECT key ... FOR UPDATE} under the
 * guard), then copies and deletes exactly those keys (each statement repeating the guard), in one
 * transaction, whatever the isolation level: a concurrent user can neither link a child to a
 * locked row (the foreign-key check waits for the lock) nor make an unlocked row part of the
 * batch. The batch rolls back if the locked, copied and deleted counts differ.
 */
final class PurgeStatements {

    /** Keys per IN list: well under every driver's parameter limit. */
    private static final int CHUNK = 1_000;

    /** Runs between the copy and the delete of an archive move; tests use it to act as a concurrent user. */
    @FunctionalInterface
    interface BetweenStatements {
        BetweenStatements NONE = () -> { };

        void run() throws SQLException;
    }

    private final Dialect dialect;
    private final BetweenStatements between;

    PurgeStatements(Dialect dialect) {
        this(dialect, BetweenStatements.NONE);
    }

    PurgeStatements(Dialect dialect, BetweenStatements between) {
        this.dialect = dialect;
        this.between = between;
    }

    /** Whether a DELETE may read its own target table in a subquery (MariaDB/MySQL cannot). */
    boolean selfReferenceInDelete() {
        return dialect.allowsTargetInDeleteSubquery();
    }

    /**
     * Moves the rows of {@code from} matching {@code where} into {@code archive}.
     *
     * @param key the key column, qualified as {@code where} qualifies its columns ({@code from.key})
     * @return rows moved
     * @throws PurgeConflictException when the locked, copied and deleted counts differ (batch rolled back)
     */
    long moveToArchive(Jdbc jdbc, Connection c, String from, String archive, String columns,
            String sourceColumns, String key, Sql where, Sql archiveValues) throws SQLException {
        if (dialect.supportsDataModifyingCte()) {
            Sql move = Sql.of("WITH moved AS (DELETE FROM " + from + " WHERE ").append(where)
                    .append(" RETURNING " + sourceColumns + ") INSERT INTO " + archive + " (" + columns
                            + ", archived_at, archive_run_id) SELECT " + columns + ", ")
                    .append(archiveValues).append(" FROM moved");
            return jdbc.update(c, move.text(), move.args());
        }
        Sql lock = Sql.of("SELECT " + key + " FROM " + from + " WHERE ").append(where).append(" FOR UPDATE");
        List<Object> keys = jdbc.query(c, lock.text(), rs -> rs.getObject(1), lock.args());
        if (keys.isEmpty()) {
            return 0;
        }
        long copied = 0;
        for (List<Object> chunk : chunks(keys)) {
            Sql insert = Sql.of("INSERT INTO " + archive + " (" + columns + ", archived_at, archive_run_id) SELECT "
                    + sourceColumns + ", ").append(archiveValues).append(" FROM " + from + " WHERE ")
                    .append(in(key, chunk)).append(" AND ").append(where);
            copied += jdbc.update(c, insert.text(), insert.args());
        }
        between.run();
        long deleted = 0;
        for (List<Object> chunk : chunks(keys)) {
            Sql delete = Sql.of("DELETE FROM " + from + " WHERE ").append(in(key, chunk)).append(" AND ").append(where);
            deleted += jdbc.update(c, delete.text(), delete.args());
        }
        if (copied != keys.size() || deleted != keys.size()) {
            throw new PurgeConflictException("Archiving " + from + ": locked " + keys.size() + " rows, copied " + copied
                    + ", deleted " + deleted + " (rows changed concurrently); the batch was rolled back and will be"
                    + " retried.");
        }
        return deleted;
    }

    private static Sql in(String key, List<Object> keys) {
        Sql sql = Sql.of(key + " IN (");
        for (int i = 0; i < keys.size(); i++) {
            sql = sql.append(i == 0 ? "?" : ", ?", keys.get(i));
        }
        return sql.append(")");
    }

    private static List<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += CHUNK) {
            chunks.add(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** A DELETE of at most {@code limit} rows of {@code table} matching {@code where}. */
    Sql limitedDelete(String table, Sql where, int limit) {
        return new Sql(dialect.deleteAtMost(table, where.text()), where.params()).append("", limit);
    }
}
