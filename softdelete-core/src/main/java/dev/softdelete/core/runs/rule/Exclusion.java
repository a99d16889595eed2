package dev.softdelete.core.runs.rule;

import java.util.List;
import java.util.Objects;

/** Rows a {@link RuleSet} never touches, whatever its rules match. */
public sealed interface Exclusion permits Exclusion.ReferencedFrom, Exclusion.Ids {

    /** Human-readable, used in previews and the run registry. */
    String description();

    /**
     * Never rows referenced from {@code table}: through its foreign key to the target table, or
     * through {@code column} when given.
     */
    static Exclusion referencedFrom(String table) {
        return new ReferencedFrom(table, null);
    }

    /** Never rows whose key appears in {@code table.column}. */
    static Exclusion referencedFrom(String table, String column) {
        return new ReferencedFrom(table, column);
    }

    /** Never these keys. */
    static Exclusion ids(Object... ids) {
        return new Ids(List.of(ids));
    }

    /** Never these keys. */
    static Exclusion ids(List<?> ids) {
        return new Ids(List.copyOf(ids));
    }

    /**
     * The exclusion of {@link Exclusion#referencedFrom(String)} and {@link Exclusion#referencedFrom(String, String)}.
     *
     * @param table  the referencing table
     * @param column the column of {@code table} holding target keys; null to follow its foreign key
     */
    record ReferencedFrom(String table, String column) implements Exclusion {
        /** Checks that {@code table} is not null. */
        public ReferencedFrom {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public String description() {
            return "not referenced from " + table + (column == null ? "" : "." + column);
        }
    }

    /**
     * The exclusion of {@link Exclusion#ids(Object...)} and {@link Exclusion#ids(List)}.
     *
     * @param ids the keys never touched; at least one
     */
    record Ids(List<Object> ids) implements Exclusion {
        /**
         * Copies the list.
         *
         * @throws InvalidRuleException when {@code ids} is empty
         */
        public Ids {
            ids = List.copyOf(ids);
            if (ids.isEmpty()) {
                throw new InvalidRuleException("Exclusion.ids() needs at least one id.");
            }
        }

        @Override
        public String description() {
            return "not ids " + (ids.size() <= 10 ? ids.toString() : ids.size() + " ids");
        }
    }
}
