package dev.softdelete.core.runs;

import dev.softdelete.core.runs.rule.Exclusion;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the {@code spec} column of a soft-delete run holds, so that any instance can resume it:
 * the rule set, the instant "older than" rules are measured from, and the marker value the run
 * writes (truncated to whole seconds so every timestamp column stores it exactly, which is what
 * lets undo recognise the run's own rows).
 */
record RunSpec(RuleSet rules, Instant asOf, Instant marker) {

    String toJson() {
        return Json.write(Json.obj("table", rules.table(), "key", rules.keyColumn(), "marker", rules.markerColumn(),
                "asOf", asOf, "runMarker", marker, "rules", rules.rules().stream().map(RunSpec::rule).toList(),
                "exclusions", rules.exclusions().stream().map(RunSpec::exclusion).toList()));
    }

    static RunSpec fromJson(String json) {
        Map<?, ?> m = (Map<?, ?>) Json.read(json);
        RuleSet.Builder b = RuleSet.on((String) m.get("table")).key((String) m.get("key")).marker((String) m.get("marker"));
        for (Object r : (List<?>) m.get("rules")) {
            b.rule(rule((Map<?, ?>) r));
        }
        for (Object e : (List<?>) m.get("exclusions")) {
            Map<?, ?> x = (Map<?, ?>) e;
            b.exclude("ids".equals(x.get("type")) ? Exclusion.ids((List<?>) x.get("ids"))
                    : Exclusion.referencedFrom((String) x.get("table"), (String) x.get("column")));
        }
        return new RunSpec(b.build(), Instant.parse((String) m.get("asOf")), Instant.parse((String) m.get("runMarker")));
    }

    private static Map<String, Object> rule(Rule rule) {
        if (rule instanceof Rule.OlderThan r) {
            return Json.obj("type", "olderThan", "column", r.column(), "age", r.age());
        } else if (rule instanceof Rule.Orphaned r) {
            return Json.obj("type", "orphaned", "foreignKey", r.foreignKey(), "column", r.column(),
                    "parentTable", r.parentTable(), "parentColumn", r.parentColumn());
        } else if (rule instanceof Rule.Inactive r) {
            return Json.obj("type", "inactive", "column", r.column(), "value", r.value());
        } else if (rule instanceof Rule.Predicate r) {
            return Json.obj("type", "predicate", "sql", r.sql());
        }
        return Json.obj("type", "allOf", "rules", ((Rule.AllOf) rule).rules().stream().map(RunSpec::rule).toList());
    }

    private static Rule rule(Map<?, ?> m) {
        return switch ((String) m.get("type")) {
            case "olderThan" -> Rule.olderThan((String) m.get("column"), Duration.parse((String) m.get("age")));
            case "orphaned" -> m.get("foreignKey") != null ? Rule.orphaned((String) m.get("foreignKey"))
                    : Rule.orphaned((String) m.get("column"), (String) m.get("parentTable"), (String) m.get("parentColumn"));
            case "inactive" -> Rule.inactive((String) m.get("column"), m.get("value"));
            case "predicate" -> Rule.predicate((String) m.get("sql"));
            case "allOf" -> {
                List<Rule> parts = new ArrayList<>();
                for (Object o : (List<?>) m.get("rules")) {
                    parts.add(rule((Map<?, ?>) o));
                }
                yield Rule.allOf(parts.toArray(Rule[]::new));
            }
            default -> throw new IllegalArgumentException("Unknown rule type in run spec: " + m.get("type"));
        };
    }

    private static Map<String, Object> exclusion(Exclusion exclusion) {
        if (exclusion instanceof Exclusion.ReferencedFrom e) {
            return Json.obj("type", "referencedFrom", "table", e.table(), "column", e.column());
        }
        return Json.obj("type", "ids", "ids", ((Exclusion.Ids) exclusion).ids());
    }
}
