package dev.softdelete.core.runs;

import dev.softdelete.core.internal.Document;
import dev.softdelete.core.internal.Json;
import dev.softdelete.core.runs.rule.RuleSet;

/**
 * A rule set as a JSON document, for operators and tools that do not write Java (the Actuator
 * endpoint): {@code {"doc":"rule-set","v":1,"table":"products","rules":[...],"exclusions":[...],
 * "keepChildren":[...]}}, with the rules as run specs store them: {@code olderThan} (column, age as
 * an ISO-8601 duration), {@code orphaned} (foreignKey, or column, parentTable, parentColumn),
 * {@code inactive} (column, valueType, value), {@code predicate} (sql, checked by the predicate
 * allowlist like any predicate), {@code duplicates} (columns, keepNewestBy), {@code allOf} (rules);
 * exclusions {@code ids} (ids) and {@code referencedFrom} (table, column). Reading validates
 * everything as the Java builders do: a bad document changes nothing and says what is wrong.
 */
public final class RuleSetDocument {

    /** The document kind. */
    public static final String KIND = "rule-set";
    static final int VERSION = 1;

    private RuleSetDocument() {
    }

    /**
     * The rule set a document describes.
     *
     * @throws dev.softdelete.core.UnsupportedDocumentException for another kind or a newer version
     * @throws IllegalArgumentException (or a rule's own exception) for a malformed or unsafe rule
     */
    public static RuleSet read(String json) {
        Document d = Document.read(json, KIND, VERSION);
        RuleSet.Builder b = RuleSet.on(d.string("table"));
        RunSpec.rulesInto(b, d, true);
        return b.build();
    }

    /** The document of a rule set (round-trips through {@link #read}). */
    public static String write(RuleSet rules) {
        return Document.write(KIND, VERSION, Json.obj("table", rules.table(),
                "rules", rules.rules().stream().map(RunSpec::rule).toList(),
                "exclusions", rules.exclusions().stream().map(RunSpec::exclusion).toList(),
                "keepChildren", rules.keptChildren()));
    }
}
