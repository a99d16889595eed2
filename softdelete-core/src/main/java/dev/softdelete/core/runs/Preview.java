package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Json;
import dev.softdelete.core.runs.rule.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule set would change, without changing it. Recorded as a {@code PREVIEW} run; pass it
 * to {@link Runs#apply(Preview, RunOptions)} to apply the same rules, guarded against drift.
 *
 * @param runId           the PREVIEW record in the run registry
 * @param table           target table
 * @param description     the rule set in words
 * @param total           rows the rule set would soft-delete now (rules OR-ed, exclusions applied)
 * @param perRule         rows each rule matches on its own (exclusions applied), by rule description
 * @param sampleIds       the first ids in key order
 * @param batches         number of batches at the configured batch size: the rows divided by it (on
 *                        PostgreSQL, whose batches are key ranges, a lower bound where candidates
 *                        are sparse)
 * @param estimatedDuration time at the configured rate (zero when unlimited)
 * @param asOf            the instant "older than" rules were measured from
 * @param rules           the rule set previewed
 * @param children        rows the run would soft-delete in each child table it cascades to (tables
 *                        with a marker column referencing the run's rows through foreign keys,
 *                        down the whole graph), parents first
 * @param blockingChildren rows of each table without a marker column that reference rows the run
 *                        would soft-delete; apply refuses while any is above zero, unless the rule
 *                        set keeps that table's rows ({@code RuleSet.Builder.keepChildren})
 * @param duplicateGroups groups of active duplicates the rule set's {@code duplicates} rules find
 *                        (each keeps one row); 0 without such a rule
 * @param sampleGroups    the largest of those groups, at most {@code sampleSize} per rule
 */
public record Preview(long runId, String table, String description, long total, Map<String, Long> perRule,
        List<Object> sampleIds, long batches, Duration estimatedDuration, Instant asOf, RuleSet rules,
        Map<String, Long> children, Map<String, Long> blockingChildren, long duplicateGroups,
        List<DuplicateGroup> sampleGroups) {

    /** Copies {@code perRule}, {@code children} and {@code blockingChildren} (keeping their order) and {@code sampleIds}. */
    public Preview {
        perRule = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perRule));
        sampleIds = List.copyOf(sampleIds);
        children = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(children));
        blockingChildren = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blockingChildren));
        sampleGroups = List.copyOf(sampleGroups);
    }

    /** The preview as a JSON object. */
    public String toJson() {
        return Json.write(Json.obj("runId", runId, "table", table, "rules", description, "total", total,
                "perRule", perRule, "sampleIds", sampleIds, "batches", batches,
                "estimatedDuration", estimatedDuration, "asOf", asOf, "children", children,
                "blockingChildren", blockingChildren, "duplicateGroups", duplicateGroups,
                "sampleGroups", sampleGroups.stream().map(g -> Json.obj("values", g.values(), "rows", g.rows())).toList()));
    }
}
