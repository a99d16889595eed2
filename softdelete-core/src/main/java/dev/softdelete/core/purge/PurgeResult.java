package dev.softdelete.core.purge;

import java.time.Instant;
import java.util.Map;

/**
 * What a purge did.
 *
 * @param runId    the run in the run registry
 * @param policy   the policy applied
 * @param cutoff   rows whose marker is before it had expired
 * @param removed  rows deleted (or archived, then deleted) per table, in delete order
 * @param skipped  expired rows left in place because something still references them
 * @param batches  batches committed
 * @param complete false when the caller stopped it early (shutdown, lost lease); resume from its cursor
 */
public record PurgeResult(long runId, RetentionPolicy policy, Instant cutoff, Map<String, Long> removed,
        long skipped, long batches, boolean complete) {

    /** Copies {@code removed}, keeping its order. */
    public PurgeResult {
        removed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(removed));
    }

    /** Returns the rows removed over all tables. */
    public long totalRemoved() {
        return removed.values().stream().mapToLong(Long::longValue).sum();
    }
}
