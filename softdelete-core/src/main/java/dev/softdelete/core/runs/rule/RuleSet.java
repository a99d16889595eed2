package dev.softdelete.core.runs.rule;

import dev.softdelete.core.dialect.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a soft-delete run targets: one table, the rules (a row matches when any rule matches)
 * and the exclusions (a row is never touched when any exclusion matches). The table's key,
 * marker and deleted-by columns come from its one description in {@code softDelete.tables()}
 * (see {@link dev.softdelete.core.table.SoftDeletableTable}; defaults {@code id},
 * {@code deleted_at}, {@code deleted_by}).
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.on("products")
 *         .rule(Rule.olderThan("updated_at", Duration.ofDays(730)))
 *         .exclude(Exclusion.referencedFrom("order_lines"))
 *         .build();
 * }</pre>
 *
 * @param table      the target table
 * @param rules      the rules; at least one
 * @param exclusions the exclusions; may be empty
 */
public record RuleSet(String table, List<Rule> rules, List<Exclusion> exclusions) {

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
        if (rules.isEmpty()) {
            throw new InvalidRuleException("Rule set on '" + table + "' has no rule; add at least one with rule(...).");
        }
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
        return sb.toString();
    }

    /** Builds a {@link RuleSet}. */
    public static final class Builder {
        private final String table;
        private final List<Rule> rules = new ArrayList<>();
        private final List<Exclusion> exclusions = new ArrayList<>();

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
         * Returns the rule set.
         *
         * @throws InvalidRuleException when no rule was added
         */
        public RuleSet build() {
            return new RuleSet(table, rules, exclusions);
        }
    }
}
