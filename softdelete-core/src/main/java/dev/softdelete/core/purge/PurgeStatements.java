package dev.softdelete.core.purge;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The purge statements that differ between databases; one subclass per database, chosen once in
 * {@link #forDialect}. The generic form (H2) moves rows to the archive with an
 * {@code INSERT ... SELECT} followed by a {@code DELETE} under the same guard, in one transaction,
 * and rolls the batch back if the two counts differ (a concurrent restore slipped in between).
 */
class PurgeStatements {

    /** Whether a DELETE may read its own target table in a subquery (MariaDB/MySQL cannot). */
    boolean selfReferenceInDelete() {
        return true;
    }

    /**
     * Moves the rows of {@code from} matching {@code where} into {@code archive}.
     *
     * @return rows moved
     * @throws PurgeConflictException when the copied and deleted counts differ (batch rolled back)
     */
    long moveToArchive(Jdbc jdbc, Connection c, String from, String archive, String columns,
            String sourceColumns, Sql where, Sql archiveValues) throws SQLException {
        Sql insert = new Sql().append("INSERT INTO " + archive + " (" + columns + ", archived_at, archive_run_id) SELECT "
                + sourceColumns + ", ").append(archiveValues).append(" FROM " + from + " WHERE ").append(where);
        long copied = jdbc.update(c, insert.text(), insert.params());
        Sql delete = new Sql().append("DELETE FROM " + from + " WHERE ").append(where);
        long deleted = jdbc.update(c, delete.text(), delete.params());
        if (copied != deleted) {
            throw new PurgeConflictException("Archiving " + from + ": copied " + copied + " rows but deleted " + deleted
                    + " (rows changed concurrently); the batch was rolled back and will be retried.");
        }
        return deleted;
    }

    /** A DELETE of at most {@code limit} rows of {@code table} matching {@code where}. */
    Sql limitedDelete(String table, Sql where, int limit) {
        return new Sql().append("DELETE FROM " + table + " WHERE ").append(where).append(" FETCH FIRST ? ROWS ONLY", limit);
    }

    static PurgeStatements forDialect(Dialect dialect) {
        return switch (dialect.kind()) {
            case POSTGRESQL -> new PostgresPurgeStatements();
            case MARIADB, MYSQL -> new MariaDbPurgeStatements();
            case H2 -> new PurgeStatements();
        };
    }

    /** PostgreSQL: one statement moves rows ({@code DELETE ... RETURNING} feeding the INSERT). */
    static final class PostgresPurgeStatements extends PurgeStatements {

        @Override
        long moveToArchive(Jdbc jdbc, Connection c, String from, String archive, String columns,
                String sourceColumns, Sql where, Sql archiveValues) throws SQLException {
            Sql move = new Sql().append("WITH moved AS (DELETE FROM " + from + " WHERE ").append(where)
                    .append(" RETURNING " + sourceColumns + ") INSERT INTO " + archive + " (" + columns
                            + ", archived_at, archive_run_id) SELECT " + columns + ", ")
                    .append(archiveValues).append(" FROM moved");
            return jdbc.update(c, move.text(), move.params());
        }

        @Override
        Sql limitedDelete(String table, Sql where, int limit) {
            return new Sql().append("DELETE FROM " + table + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + table
                    + " WHERE ").append(where).append(" LIMIT ?))", limit);
        }
    }

    /** MariaDB/MySQL: {@code DELETE ... LIMIT}; no subquery on the DELETE's own table. */
    static final class MariaDbPurgeStatements extends PurgeStatements {

        @Override
        boolean selfReferenceInDelete() {
            return false;
        }

        @Override
        Sql limitedDelete(String table, Sql where, int limit) {
            return new Sql().append("DELETE FROM " + table + " WHERE ").append(where).append(" LIMIT ?", limit);
        }
    }
}
