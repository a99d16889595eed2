package dev.softdelete.core.deprecation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What is known about an element's use.
 *
 * @param statementVisible   whether statements name it, so that the JDBC proxy can see its use
 *                           (tables and columns); indexes, constraints, enum types and sequences
 *                           rely on the catalog and the database's statistics only
 * @param watchedSince       since when it is known to be watched (its registry row from
 *                           {@code watch}, or its first recorded access), or {@code null}
 * @param accessCount        accesses recorded by the proxy, every instance, under either name
 * @param lastAccess         the latest of them, or {@code null}
 * @param callers            the calling frames recorded (latest per instance)
 * @param instances          the instances that recorded accesses
 * @param databaseStatistics the database's own counters (PostgreSQL: scans since the statistics
 *                           reset, and {@code stats_reset}); empty elsewhere. Shown, not part of
 *                           the token or the verdict: they change with every read.
 */
public record UsageEvidence(boolean statementVisible, Instant watchedSince, long accessCount, Instant lastAccess,
        List<String> callers, List<String> instances, Map<String, Object> databaseStatistics) {

    /** Copies the lists. */
    public UsageEvidence {
        callers = List.copyOf(callers);
        instances = List.copyOf(instances);
        databaseStatistics = Map.copyOf(databaseStatistics);
    }
}
