package dev.softdelete.core.purge;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.internal.Sql;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The purge statements whose form depends on the database, built from the dialect's
 * capabilities. Where one statement can chain a {@code DELETE ... RETURNING} into an
 * {@code INSERT} (PostgreSQL), rows move to the archive in that one statement. Elsewhere an
 * {@code INSERT ... SELECT} is followed by a {@code DELETE} under the same guard, in one
 * transaction, and the batch rolls back if the two counts differ (a concurrent restore slipped in
 * between).
 */
final class PurgeStatements {

    private final Dialect dialect;

    PurgeStatements(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Whether a DELETE may read its own target table in a subquery (MariaDB/MySQL cannot). */
    boolean selfReferenceInDelete() {
        return dialect.allowsTargetInDeleteSubquery();
    }

    /**
     * Moves the rows of {@code from} matching {@code where} into {@code archive}.
     *
     * @return rows moved
     * @throws PurgeConflictException when the copied and deleted counts differ (batch rolled back)
     */
    long moveToArchive(Jdbc jdbc, Connection c, String from, String archive, String columns,
            String sourceColumns, Sql where, Sql archiveValues) throws SQLException {
        if (dialect.supportsDataModifyingCte()) {
            Sql move = Sql.of("WITH moved AS (DELETE FROM " + from + " WHERE ").append(where)
                    .append(" RETURNING " + sourceColumns + ") INSERT INTO " + archive + " (" + columns
                            + ", archived_at, archive_run_id) SELECT " + columns + ", ")
                    .append(archiveValues).append(" FROM moved");
            return jdbc.update(c, move.text(), move.args());
        }
        Sql insert = Sql.of("INSERT INTO " + archive + " (" + columns + ", archived_at, archive_run_id) SELECT "
                + sourceColumns + ", ").append(archiveValues).append(" FROM " + from + " WHERE ").append(where);
        long copied = jdbc.update(c, insert.text(), insert.args());
        Sql delete = Sql.of("DELETE FROM " + from + " WHERE ").append(where);
        long deleted = jdbc.update(c, delete.text(), delete.args());
        if (copied != deleted) {
            throw new PurgeConflictException("Archiving " + from + ": copied " + copied + " rows but deleted " + deleted
                    + " (rows changed concurrently); the batch was rolled back and will be retried.");
        }
        return deleted;
    }

    /** A DELETE of at most {@code limit} rows of {@code table} matching {@code where}. */
    Sql limitedDelete(String table, Sql where, int limit) {
        return new Sql(dialect.deleteAtMost(table, where.text()), where.params()).append("", limit);
    }
}
