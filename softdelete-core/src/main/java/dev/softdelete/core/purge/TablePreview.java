package dev.softdelete.core.purge;

import java.util.List;
import java.util.Map;

/**
 * What pretend mode found in one table.
 *
 * @param table     the table, as the catalog names it
 * @param expired   rows whose marker is before the cutoff (and, for children, whose parent expires)
 * @param purgeable of those, rows that would go
 * @param blockedBy rows kept because a row of another table (or an active child) still references
 *                  them, per referencing table
 * @param sampleIds a few keys of purgeable rows, smallest first
 */
public record TablePreview(String table, long expired, long purgeable, Map<String, Long> blockedBy,
        List<String> sampleIds) {

    /** Copies the map and the list. */
    public TablePreview {
        blockedBy = Map.copyOf(blockedBy);
        sampleIds = List.copyOf(sampleIds);
    }
}
