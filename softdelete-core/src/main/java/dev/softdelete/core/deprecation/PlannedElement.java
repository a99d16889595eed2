package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.SchemaDependency;
import dev.softdelete.core.dialect.SchemaObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a {@link DeprecationPlan}: what it is, its new name, what depends on it, the
 * evidence of its use, and the verdict.
 *
 * @param step         its place in the batch (1-based): renamed in this order, rolled back in reverse
 * @param type         what it is
 * @param table        its table as the catalog stores it (column, index, constraint), or {@code null}
 * @param name         its name as the catalog stores it
 * @param newName      {@code {name}_deprecated_{YYYYMMDD}_{reason}}, shortened with a hash at the
 *                     identifier limit and given a {@code _2}, {@code _3}... suffix when taken
 * @param dependencies what the catalog says depends on it
 * @param evidence     usage evidence
 * @param verdict      SAFE or BLOCKED
 * @param reasons      every reason it is BLOCKED (empty when SAFE)
 */
public record PlannedElement(int step, SchemaObjectType type, String table, String name, String newName,
        List<SchemaDependency> dependencies, UsageEvidence evidence, Verdict verdict, List<BlockReason> reasons) {

    /** Copies the lists. */
    public PlannedElement {
        dependencies = List.copyOf(dependencies);
        reasons = List.copyOf(reasons);
    }

    /** {@code table.name}, or {@code name} for a table, enum type or sequence. */
    public String qualifiedName() {
        return table == null ? name : table + "." + name;
    }

    /** The element as a map for JSON; {@code withStatistics} false leaves out what changes with every read. */
    Map<String, Object> toMap(boolean withStatistics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("type", type.name());
        m.put("table", table);
        m.put("name", name);
        m.put("new_name", newName);
        m.put("dependencies", dependencies.stream().map(d -> {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("kind", d.kind());
            dm.put("name", d.name());
            dm.put("detail", d.detail());
            dm.put("blocking", d.blocking());
            return dm;
        }).toList());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("statement_visible", evidence.statementVisible());
        e.put("watched_since", evidence.watchedSince());
        e.put("access_count", evidence.accessCount());
        e.put("last_access", evidence.lastAccess());
        e.put("callers", evidence.callers());
        e.put("instances", evidence.instances());
        if (withStatistics) {
            e.put("database_statistics", new java.util.TreeMap<>(evidence.databaseStatistics()));
        }
        m.put("evidence", e);
        m.put("verdict", verdict.name());
        m.put("reasons", reasons.stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("code", r.code());
            rm.put("message", r.message());
            return rm;
        }).toList());
        return m;
    }
}
