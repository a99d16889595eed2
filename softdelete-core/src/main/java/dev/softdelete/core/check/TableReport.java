package dev.softdelete.core.check;

import java.time.Instant;
import java.util.List;

/**
 * What the setup check found for one soft-deletable table. {@code problems} are what makes the
 * library fail or misbehave on the table (fix them); {@code warnings} are what costs performance or
 * surprises people (consider them). Each is one sentence saying what and what to do.
 *
 * @param table         the declared table name
 * @param exists        whether the table exists in the current schema
 * @param key           the declared key column
 * @param marker        the declared marker column (a nullable timestamp)
 * @param deletedBy     the declared deleted-by column (nullable text), or {@code null} when none is declared
 * @param markerIndexes indexes whose leading column is the marker (deleted-items listings, retention purge)
 * @param uniqueKeys    unique keys other than the primary key, with the rows each covers
 * @param activeRows    rows whose marker is {@code NULL}, or {@code null} when not counted (no table, no marker)
 * @param deletedRows   rows whose marker is set, or {@code null} when not counted
 * @param deletedLastDay rows whose marker is within the 24 hours before the check (still deleted: a
 *                      restored row no longer counts), or {@code null} when the marker is not a timestamp
 * @param sizeBytes     space on disk, indexes included, as the database reports it; {@code null} where it does not tell
 * @param checkedAt     when the check ran (the library's clock)
 * @param problems      what to fix; empty when the setup is right
 * @param warnings      what to consider
 */
public record TableReport(String table, boolean exists, ColumnReport key, ColumnReport marker, ColumnReport deletedBy,
        List<String> markerIndexes, List<UniqueKeyReport> uniqueKeys, Long activeRows, Long deletedRows,
        Long deletedLastDay, Long sizeBytes, Instant checkedAt, List<String> problems, List<String> warnings) {

    /** Copies the lists. */
    public TableReport {
        markerIndexes = List.copyOf(markerIndexes);
        uniqueKeys = List.copyOf(uniqueKeys);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Whether the setup is right: no problem (warnings allowed). */
    public boolean ok() {
        return problems.isEmpty();
    }
}
