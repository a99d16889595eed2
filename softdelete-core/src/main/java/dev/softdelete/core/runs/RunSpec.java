package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.runs.rule.Exclusion;
import dev.softdelete.core.runs.rule.Rule;
import dev.softdelete.core.runs.rule.RuleSet;
import dev.softdelete.core.table.SoftDeletableTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the {@code spec} column of a soft-delete run holds, so that any instance can resume it:
 * the table as it was described when the run started, the rule set, the instant "older than"
 * rules are measured from, and the marker value the run writes (truncated to whole seconds so
 * every timestamp column stores it exactly, which is what lets undo recognise the run's own rows).
 * Stored as a versioned {@link Document} of kind {@value #KIND}. Version 2 stores the value of an
 * {@code inactive} rule with its type ({@code "valueType"}), so that a resumed run binds a
 * {@code LocalDate} as a date again rather than as text; version 1 documents are still read (their
 * values as JSON gave them). Version 3 adds {@code "cascade"} (whether the run soft-deletes marker-carrying
 * children through foreign keys; false for runs started by versions that did not cascade, so that such a
 * run resumes as it began), {@code "keepChildren"} (the rule set's kept child tables), and optionally
 * {@code "previewRunId"} (the preview the run executes) and {@code "window"} (a background run's time window).
 */
record RunSpec(SoftDeletableTable table, RuleSet rules, Instant asOf, Instant marker, boolean cascade,
        Long previewRunId, RunWindow window) {

    /** A spec of a run that cascades (every run started by this version), with no preview named and no window. */
    RunSpec(SoftDeletableTable table, RuleSet rules, Instant asOf, Instant marker) {
        this(table, rules, asOf, marker, true, null, null);
    }

    /** The rules, exclusions and kept tables as stored, to compare two rule sets as the spec sees them. */
    static String rulesKey(RuleSet rules) {
        return Json.write(Json.obj("table", rules.table(), "rules", rules.rules().stream().map(RunSpec::rule).toList(),
                "exclusions", rules.exclusions().stream().map(RunSpec::exclusion).toList(),
                "keepChildren", rules.keptChildren()));
    }

    static final String KIND = "run-spec";
    static final int VERSION = 3;

    String toJson() {
        return Document.write(KIND, VERSION, Json.obj("table", table.table(), "key", table.keyColumn(),
                "marker", table.markerColumn(), "deletedBy", table.deletedByColumn(), "asOf", asOf, "runMarker", marker,
                "rules", rules.rules().stream().map(RunSpec::rule).toList(),
                "exclusions", rules.exclusions().stream().map(RunSpec::exclusion).toList(),
                "cascade", cascade, "keepChildren", rules.keptChildren(), "previewRunId", previewRunId,
                "window", window == null ? null : Json.obj("from", window.from().toString(), "to", window.to().toString(),
                        "zone", window.zone().getId())));
    }

    static RunSpec fromJson(String json) {
        Document d = Document.read(json, KIND, VERSION);
        SoftDeletableTable table = new SoftDeletableTable(d.string("table"), d.string("key"), d.string("marker"),
                d.optionalString("deletedBy"));
        RuleSet.Builder b = RuleSet.on(table.table());
        rulesInto(b, d, d.version() >= 3);
        RunWindow window = null;
        if (d.has("window")) {
            Document w = d.object("window");
            window = new RunWindow(java.time.LocalTime.parse(w.string("from")), java.time.LocalTime.parse(w.string("to")),
                    java.time.ZoneId.of(w.string("zone")));
        }
        return new RunSpec(table, b.build(), d.instant("asOf"), d.instant("runMarker"),
                d.version() >= 3 && d.bool("cascade"), d.optionalNumber("previewRunId"), window);
    }

    /** Reads the {@code rules}, {@code exclusions} and (when present) {@code keepChildren} fields of {@code d} into {@code b}. */
    static void rulesInto(RuleSet.Builder b, Document d, boolean keepChildren) {
        for (Object r : d.list("rules")) {
            b.rule(rule(d.nested("rules", r)));
        }
        if (d.has("exclusions")) {
            for (Object e : d.list("exclusions")) {
                Document x = d.nested("exclusions", e);
                b.exclude("ids".equals(x.string("type")) ? Exclusion.ids(x.list("ids"))
                        : Exclusion.referencedFrom(x.string("table"), x.optionalString("column")));
            }
        }
        if (keepChildren && d.has("keepChildren")) {
            for (Object kept : d.list("keepChildren")) {
                b.keepChildren(String.valueOf(kept));
            }
        }
    }

    static Map<String, Object> rule(Rule rule) {
        if (rule instanceof Rule.OlderThan r) {
            return Json.obj("type", "olderThan", "column", r.column(), "age", r.age());
        } else if (rule instanceof Rule.Orphaned r) {
            return Json.obj("type", "orphaned", "foreignKey", r.foreignKey(), "column", r.column(),
                    "parentTable", r.parentTable(), "parentColumn", r.parentColumn());
        } else if (rule instanceof Rule.Inactive r) {
            return Json.obj("type", "inactive", "column", r.column(), "valueType", TypedValue.typeOf(r.value()),
                    "value", TypedValue.text(r.value()));
        } else if (rule instanceof Rule.Predicate r) {
            return Json.obj("type", "predicate", "sql", r.sql());
        } else if (rule instanceof Rule.Duplicates r) {
            return Json.obj("type", "duplicates", "columns", r.columns(), "keepNewestBy", r.keepNewestBy());
        }
        return Json.obj("type", "allOf", "rules", ((Rule.AllOf) rule).rules().stream().map(RunSpec::rule).toList());
    }

    static Rule rule(Document m) {
        return switch (m.string("type")) {
            case "olderThan" -> Rule.olderThan(m.string("column"), m.duration("age"));
            case "orphaned" -> m.has("foreignKey") ? Rule.orphaned(m.string("foreignKey"))
                    : Rule.orphaned(m.string("column"), m.string("parentTable"), m.string("parentColumn"));
            case "inactive" -> Rule.inactive(m.string("column"), m.version() >= 2
                    ? TypedValue.parse(m.string("valueType"), m.string("value")) : m.raw("value"));
            case "predicate" -> Rule.predicate(m.string("sql"));
            case "duplicates" -> Rule.duplicates(m.list("columns").stream().map(String::valueOf).toList(),
                    m.string("keepNewestBy"));
            case "allOf" -> {
                List<Rule> parts = new ArrayList<>();
                for (Object o : m.list("rules")) {
                    parts.add(rule(m.nested("rules", o)));
                }
                yield Rule.allOf(parts.toArray(Rule[]::new));
            }
            default -> throw new IllegalArgumentException("Unknown rule type in run spec: " + m.string("type"));
        };
    }

    static Map<String, Object> exclusion(Exclusion exclusion) {
        if (exclusion instanceof Exclusion.ReferencedFrom e) {
            return Json.obj("type", "referencedFrom", "table", e.table(), "column", e.column());
        }
        return Json.obj("type", "ids", "ids", ((Exclusion.Ids) exclusion).ids());
    }
}
