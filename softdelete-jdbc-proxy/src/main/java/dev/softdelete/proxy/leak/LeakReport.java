package dev.softdelete.proxy.leak;

import dev.softdelete.proxy.analysis.Confidence;
import java.time.Instant;

/**
 * Reads of a soft-deletable table without a predicate on its deleted marker, from one place in
 * the application: those reads return deleted rows.
 *
 * @param table      the soft-deletable table
 * @param caller     the first application frame
 * @param sampleSql  the latest such statement
 * @param count      how many times
 * @param firstSeen  the first such read
 * @param lastSeen   the latest such read
 * @param confidence {@code EXACT} (parsed) or {@code LEXICAL} (token scan)
 */
public record LeakReport(String table, String caller, String sampleSql, long count, Instant firstSeen,
        Instant lastSeen, Confidence confidence) {
}
