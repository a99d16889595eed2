package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.Identifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Row counts and checksums of tables and columns, and the (key, value) backup tables of columns.
 * A checksum is the sum over rows of a 60-bit hash of the row's text (every column cast to text,
 * NULL marked), so it does not depend on row order and the database computes it in one pass. It
 * is computed with the session in UTC ({@link Dialect#inUtc}), so timestamps with time zone read
 * the same on every connection.
 */
final class Backups {

    private final Dialect dialect;

    Backups(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Rows and checksum of some columns of a table. */
    record Check(long rows, String checksum) {
    }

    /** Counts and checksums {@code columns} (stored names) of {@code table} (stored name). */
    Check check(Connection c, String table, List<String> columns) throws SQLException {
        String text = "CONCAT(" + columns.stream().map(col -> "COALESCE(CAST(" + q(col) + " AS " + dialect.textType()
                + "), '<null>')").collect(Collectors.joining(", '|', ")) + ", '|')";
        String sql = "SELECT COUNT(*), SUM(" + dialect.hash60(text) + ") FROM " + q(table);
        return dialect.inUtc(c, () -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.math.BigDecimal sum = rs.getBigDecimal(2);
                return new Check(rs.getLong(1), sum == null ? "0" : sum.toBigInteger().toString());
            }
        });
    }

    /**
     * Compares a column's backup with the table now, matching rows by {@code keys} (stored names;
     * the same in both tables): the primary key, or every other column (NULL-safe) when the table
     * has none ({@code primaryKey} false).
     *
     * @param missing rows of the backup whose key is no longer in the table (deleted since)
     * @param changed rows in both whose value differs (written since)
     * @param added   rows of the table not in the backup whose value is not NULL (inserted with a value)
     */
    record Comparison(long missing, long changed, long added) {
    }

    Comparison compare(Connection c, String table, String tableColumn, String backup, String backupColumn,
            List<String> keys, boolean primaryKey) throws SQLException {
        // Primary-key columns are never NULL: plain equality lets the database hash or index the join
        // (a NULL-safe comparison would make it a nested loop over both tables).
        String on = keys.stream().map(k -> primaryKey ? "x." + q(k) + " = b." + q(k)
                : dialect.nullSafeEquals("x." + q(k), "b." + q(k))).collect(Collectors.joining(" AND "));
        // Two passes: the backup left-joined to the table (missing and changed rows), then the table's
        // rows with a value that the backup lacks. The joined side carries a constant column, so a
        // missing row is told apart even when the keys may be NULL.
        String joined = "(SELECT 1 AS sd_present, " + String.join(", ", keys.stream().map(this::q).toList()) + ", "
                + q(tableColumn) + " FROM " + q(table) + ")";
        String sql = "SELECT SUM(CASE WHEN x.sd_present IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN x.sd_present IS NOT"
                + " NULL AND NOT " + dialect.nullSafeEquals("x." + q(tableColumn), "b." + q(backupColumn))
                + " THEN 1 ELSE 0 END) FROM " + q(backup) + " b LEFT JOIN " + joined + " x ON " + on;
        String added = "SELECT COUNT(*) FROM " + q(table) + " x WHERE x." + q(tableColumn) + " IS NOT NULL AND NOT"
                + " EXISTS (SELECT 1 FROM " + q(backup) + " b WHERE " + on + ")";
        long missing;
        long changed;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            missing = rs.getLong(1);
            changed = rs.getLong(2);
        }
        try (PreparedStatement ps = c.prepareStatement(added); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Comparison(missing, changed, rs.getLong(1));
        }
    }

    /** Copies {@code columns} of {@code table} into a new table {@code backup} (stored names). */
    void copy(Connection c, String table, List<String> columns, String backup) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + q(backup) + " AS SELECT " + columns.stream().map(this::q)
                    .collect(Collectors.joining(", ")) + " FROM " + q(table));
        }
    }

    /** Drops a backup table this run created (used only when the run failed before renaming anything). */
    void dropQuietly(Connection c, String backup) {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + q(backup));
        } catch (SQLException ignored) {
            // best effort: the table is named after the run, an operator can drop it
        }
    }

    String q(String stored) {
        return dialect.quote(Identifier.quoted(stored));
    }
}
