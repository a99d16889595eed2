package dev.softdelete.core.runs.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a soft-delete run targets: one table, its single-column key (keyset pagination follows
 * it), the marker column the run sets ({@code deleted_at} by default), the rules (a row matches
 * when any rule matches) and the exclusions (a row is never touched when any exclusion matches).
 *
 * <pre>{@code
 * RuleSet rules = RuleSet.on("products").key("id")
 *         .rule(Rule.olderThan("updated_at", Duration.ofDays(730)))
 *         .exclude(Exclusion.referencedFrom("order_lines"))
 *         .build();
 * }</pre>
 */
public record RuleSet(String table, String keyColumn, String markerColumn, List<Rule> rules,
        List<Exclusion> exclusions) {

    public RuleSet {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keyColumn, "keyColumn");
        Objects.requireNonNull(markerColumn, "markerColumn");
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

    /** Builds a {@link RuleSet}; key defaults to {@code id}, marker to {@code deleted_at}. */
    public static final class Builder {
        private final String table;
        private String key = "id";
        private String marker = "deleted_at";
        private final List<Rule> rules = new ArrayList<>();
        private final List<Exclusion> exclusions = new ArrayList<>();

        private Builder(String table) {
            this.table = Objects.requireNonNull(table, "table");
        }

        /** The single-column key runs paginate and record by; default {@code id}. */
        public Builder key(String keyColumn) {
            this.key = keyColumn;
            return this;
        }

        /** The soft-delete timestamp column; default {@code deleted_at}. */
        public Builder marker(String markerColumn) {
            this.marker = markerColumn;
            return this;
        }

        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public Builder exclude(Exclusion exclusion) {
            exclusions.add(Objects.requireNonNull(exclusion, "exclusion"));
            return this;
        }

        public RuleSet build() {
            return new RuleSet(table, key, marker, rules, exclusions);
        }
    }
}
