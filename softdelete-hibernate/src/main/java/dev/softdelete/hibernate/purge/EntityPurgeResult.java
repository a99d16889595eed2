package dev.softdelete.hibernate.purge;

import java.time.Instant;
import java.util.Map;

/**
 * What a purge removed: rows per entity (the purged entity and its cascade children), in batches.
 *
 * @param entity       the purged entity's label (simple class name)
 * @param cutoff       rows soft-deleted before it were purged
 * @param rowsByEntity rows removed per entity label, the purged entity and its cascade children
 * @param batches      batches committed, over all tables (children first)
 * @param skipped      expired rows of the entity left in place because a row that stays (an active child,
 *                     a row of a table without marker) still references them; their expired children
 *                     stay with them
 * @param runId        the {@code PURGE} run in the core's run registry
 */
public record EntityPurgeResult(String entity, Instant cutoff, Map<String, Long> rowsByEntity, int batches,
        long skipped, long runId) {

    /** Copies {@code rowsByEntity}, so the result cannot change. */
    public EntityPurgeResult {
        rowsByEntity = Map.copyOf(rowsByEntity);
    }

    /** Rows of the purged entity itself. */
    public long rows() {
        return rowsByEntity.getOrDefault(entity, 0L);
    }

    /** Rows removed in all tables. */
    public long totalRows() {
        return rowsByEntity.values().stream().mapToLong(Long::longValue).sum();
    }
}
