package dev.softdelete.core.runs.rule;

import java.time.Duration;
import java.util.Objects;

/**
 * One condition that makes a row of the target table a candidate for soft delete. A
 * {@link RuleSet} matches a row when <em>any</em> of its rules matches it (and no exclusion
 * does); use {@link #allOf(Rule...)} when every condition must hold.
 */
public sealed interface Rule permits Rule.OlderThan, Rule.Orphaned, Rule.Inactive, Rule.Predicate, Rule.AllOf,
        Rule.Duplicates {

    /** Human-readable, used in previews and the run registry. */
    String description();

    /** Rows whose {@code column} is older than {@code age} when the run (or preview) starts. */
    static Rule olderThan(String column, Duration age) {
        return new OlderThan(column, age);
    }

    /**
     * Rows whose foreign key {@code foreignKey} (a constraint declared on the target table) points
     * at no live parent row: the parent is missing or soft-deleted.
     */
    static Rule orphaned(String foreignKey) {
        return new Orphaned(foreignKey, null, null, null);
    }

    /**
     * Rows whose {@code column} points at no live row of {@code parentTable.parentColumn}; for
     * references the database does not declare as foreign keys.
     */
    static Rule orphaned(String column, String parentTable, String parentColumn) {
        return new Orphaned(null, column, parentTable, parentColumn);
    }

    /** Rows whose {@code column} equals {@code value} (e.g. {@code status = 'INACTIVE'}). */
    static Rule inactive(String column, Object value) {
        return new Inactive(column, value);
    }

    /**
     * A raw SQL boolean expression over the target table (aliased {@code t}), e.g.
     * {@code "price = 0 AND sku LIKE 'TMP%'"}. For operators of the host application, not for end
     * users' input. Checked against an allowlist before any SQL runs (see
     * {@link PredicateValidator}): the target's columns, literals, comparisons, boolean operators,
     * arithmetic, {@code IS NULL}, {@code IN}, {@code BETWEEN}, {@code LIKE}, {@code CASE}, the
     * dialect's pure functions and {@code EXISTS}/{@code IN} subqueries over application tables;
     * anything else throws {@link UnsafePredicateException} when the rule is previewed or applied.
     */
    static Rule predicate(String sql) {
        return new Predicate(sql);
    }

    /**
     * All but one active row of each group of active rows with equal values in {@code columns}
     * (rows with a NULL in them are in no group, as a unique key allows them): the row kept is the
     * one with the newest {@code keepNewestBy} (NULL counts as oldest), ties broken by the highest
     * key. The usual clean-up before adding a unique key; a preview counts the groups and shows some.
     */
    static Rule duplicates(java.util.List<String> columns, String keepNewestBy) {
        return new Duplicates(columns, keepNewestBy);
    }

    /** Matches when every rule matches. */
    static Rule allOf(Rule... rules) {
        return new AllOf(java.util.List.of(rules));
    }

    /**
     * The rule of {@link Rule#olderThan(String, Duration)}.
     *
     * @param column a timestamp column of the target table
     * @param age    how old the value must be; positive
     */
    record OlderThan(String column, Duration age) implements Rule {
        /**
         * Checks the values.
         *
         * @throws InvalidRuleException when {@code age} is null, zero or negative
         */
        public OlderThan {
            Objects.requireNonNull(column, "column");
            if (age == null || age.isNegative() || age.isZero()) {
                throw new InvalidRuleException("olderThan(" + column + ") needs a positive age, got " + age + ".");
            }
        }

        @Override
        public String description() {
            boolean days = age.toSeconds() % 86_400 == 0 && age.getNano() == 0;
            return column + " older than " + (days ? age.toDays() + " days" : age.toString());
        }
    }

    /**
     * The rule of {@link Rule#orphaned(String)} and {@link Rule#orphaned(String, String, String)}: either
     * {@code foreignKey} or the three column names are set, the others are null.
     *
     * @param foreignKey   a foreign-key constraint declared on the target table
     * @param column       the referencing column of the target table
     * @param parentTable  the referenced table
     * @param parentColumn the referenced column of {@code parentTable}
     */
    record Orphaned(String foreignKey, String column, String parentTable, String parentColumn) implements Rule {
        @Override
        public String description() {
            return foreignKey != null ? "orphaned through foreign key " + foreignKey
                    : "orphaned: " + column + " has no live " + parentTable + "." + parentColumn;
        }
    }

    /**
     * The rule of {@link Rule#inactive(String, Object)}.
     *
     * @param column a column of the target table
     * @param value  the value that marks a row inactive; not null
     */
    record Inactive(String column, Object value) implements Rule {
        /**
         * Checks the values.
         *
         * @throws InvalidRuleException when {@code value} is null
         */
        public Inactive {
            Objects.requireNonNull(column, "column");
            if (value == null) {
                throw new InvalidRuleException("inactive(" + column + ") needs a value; use predicate(\""
                        + column + " IS NULL\") to match NULL.");
            }
        }

        @Override
        public String description() {
            return column + " = " + value;
        }
    }

    /**
     * The rule of {@link Rule#predicate(String)}.
     *
     * @param sql a boolean SQL expression over the target table, checked when a preview or run resolves it
     */
    record Predicate(String sql) implements Rule {
        /** Checks that {@code sql} is not null. */
        public Predicate {
            Objects.requireNonNull(sql, "sql");
        }

        @Override
        public String description() {
            return "where " + sql;
        }
    }

    /**
     * The rule of {@link Rule#duplicates(java.util.List, String)}.
     *
     * @param columns      the columns whose equal values make a group; at least one
     * @param keepNewestBy the column whose newest value marks the row kept in each group
     */
    record Duplicates(java.util.List<String> columns, String keepNewestBy) implements Rule {
        /**
         * Copies the list.
         *
         * @throws InvalidRuleException when {@code columns} is empty
         */
        public Duplicates {
            columns = java.util.List.copyOf(columns);
            Objects.requireNonNull(keepNewestBy, "keepNewestBy");
            if (columns.isEmpty()) {
                throw new InvalidRuleException("duplicates() needs at least one column.");
            }
        }

        @Override
        public String description() {
            return "duplicates of (" + String.join(", ", columns) + ") but the newest by " + keepNewestBy;
        }
    }

    /**
     * The rule of {@link Rule#allOf(Rule...)}.
     *
     * @param rules the rules that must all match; at least one
     */
    record AllOf(java.util.List<Rule> rules) implements Rule {
        /**
         * Copies the list.
         *
         * @throws InvalidRuleException when {@code rules} is empty
         */
        public AllOf {
            rules = java.util.List.copyOf(rules);
            if (rules.isEmpty()) {
                throw new InvalidRuleException("allOf() needs at least one rule.");
            }
        }

        @Override
        public String description() {
            return String.join(" and ", rules.stream().map(r -> "(" + r.description() + ")").toList());
        }
    }
}
