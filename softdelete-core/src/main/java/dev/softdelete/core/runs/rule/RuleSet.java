package dev.softdelete.core.runs.rule;

import dev.softdelete.core.dialect.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a soft-delete run targets: one table, the rules (a row matches when any rule matches),
 * the exclusions (a row is never touched when any exclusion matches) and the child tables whose
 * rows the run leaves as they are. A run soft-deletes, with its marker, the active rows of every
 * child table that has a marker column and references a row it soft-deletes (through single-column
 * foreign keys, down the whole graph); a child table without a marker column blocks the run while
 * any of its rows references such a row, unless it is named in {@link Builder#keepChildren}. The table's key,
 * marker and deleted-by columns come from its one description in {@code softDelete.tables()}
 * (see {@link dev.softdelete.core.table.SoftDeletableTable}; defaults {@code id},
 * {@code deleted_at}, {@code deleted_by}).
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.on("products")
 *         .rule(Rule.olderThan("updated_at", Duration.ofDays(730)))
 *         .exclude(Exclusion.referencedFrom("order_lines"))
 *         .keepChildren("asset_links")
 *         .build();
 * }</pre>
 *
 * @param table      the target table
 * @param rules      the rules; at least one
 * @param exclusions the exclusions; may be empty
 * @param keptChildren child tables (without a marker column) whose rows are left as they are
 *                     instead of blocking the run; may be empty
 */
public record RuleSet(String table, List<Rule> rules, List<Exclusion> exclusions, List<String> keptChildren) {

    /**
     * Copies the lists and checks the table name.
     *
     * @throws InvalidRuleException when {@code rules} is empty
     * @throws dev.softdelete.core.dialect.InvalidIdentifierException when {@code table} is not a plain identifier
     */
    public RuleSet {
        Identifier.of(Objects.requireNonNull(table, "table"));
        rules = List.copyOf(rules);
        exclusions = List.copyOf(exclusions);
        keptChildren = List.copyOf(keptChildren);
        keptChildren.forEach(Identifier::of);
        if (rules.isEmpty()) {
            throw new InvalidRuleException("Rule set on '" + table + "' has no rule; add at least one with rule(...).");
        }
    }

    /** A rule set that keeps no child table. */
    public RuleSet(String table, List<Rule> rules, List<Exclusion> exclusions) {
        this(table, rules, exclusions, List.of());
    }

    /** Whether rows of {@code table} are left as they are instead of blocking the run (names compare without case). */
    public boolean keepsChildrenOf(String table) {
        return keptChildren.stream().anyMatch(k -> k.equalsIgnoreCase(table));
    }

    /** Starts a rule set on a table. */
    public static Builder on(String table) {
        return new Builder(table);
    }

    /** One line for the registry: rules joined by "or", then exclusions. */
    public String description() {
        StringBuilder sb = new StringBuilder(table).append(": ");
        sb.append(String.join(" or ", rules.stream().map(Rule::description).toList()));
        for (Exclusion e : exclusions) {
            sb.append("; ").append(e.description());
        }
        for (String kept : keptChildren) {
            sb.append("; keep children in ").append(kept);
        }
        return sb.toString();
    }

    /** Builds a {@link RuleSet}. */
    public static final class Builder {
        private final String table;
        private final List<Rule> rules = new ArrayList<>();
        private final List<Exclusion> exclusions = new ArrayList<>();
        private final List<String> keptChildren = new ArrayList<>();

        private Builder(String table) {
            this.table = Objects.requireNonNull(table, "table");
        }

        /** Adds a rule; a row matches the set when any of its rules matches. */
        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Adds an exclusion; a row any exclusion matches is never touched. */
        public Builder exclude(Exclusion exclusion) {
            exclusions.add(Objects.requireNonNull(exclusion, "exclusion"));
            return this;
        }

        /**
         * Leaves the rows of child table {@code table} as they are: a child table without a marker
         * column no longer blocks the run (its rows keep referencing soft-deleted rows).
         */
        public Builder keepChildren(String table) {
            keptChildren.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        /**
         * Returns the rule set.
         *
         * @throws InvalidRuleException when no rule was added
         */
        public RuleSet build() {
            return new RuleSet(table, rules, exclusions, keptChildren);
        }
    }
}
