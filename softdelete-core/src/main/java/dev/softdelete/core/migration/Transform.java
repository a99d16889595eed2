package dev.softdelete.core.migration;

import dev.softdelete.core.dialect.Identifier;
import java.util.Objects;

/**
 * How the new column's value follows from the row. Supported: {@link Copy} (a rename or a copy of
 * the old column) and {@link Lookup} (a value of the row a foreign key points at, e.g.
 * {@code projects.owner_name} from {@code users.name} through {@code projects.owner_id}). Anything
 * else (a SQL expression, a split into several columns, a lookup through a composite key) is not
 * supported: there is no way to ask for it.
 */
public sealed interface Transform {

    /** In words, for the registry and the audit log. */
    String describe(String table, String oldColumn, String newColumn);

    /** The new column holds the old column's value. */
    record Copy() implements Transform {
        @Override
        public String describe(String table, String oldColumn, String newColumn) {
            return "copy " + table + "." + oldColumn + " to " + newColumn;
        }
    }

    /**
     * The new column holds the value of {@code sql} over the row: the table's columns (plain or as
     * {@code t.column}), literals, operators, {@code CASE} and the database's pure functions, as
     * {@code dev.softdelete.core.runs.rule.PredicateValidator#validateValue} allows; anything else is
     * refused when the migration is expanded.
     *
     * @param sql the expression, e.g. {@code CONCAT(first_name, ' ', last_name)}
     */
    record Expression(String sql) implements Transform {
        public Expression {
            Objects.requireNonNull(sql, "sql");
        }

        @Override
        public String describe(String table, String oldColumn, String newColumn) {
            return "fill " + table + "." + newColumn + " with " + sql + " (replacing " + oldColumn + ")";
        }
    }

    /**
     * The new column holds {@code valueColumn} of the row of {@code table} whose {@code keyColumn}
     * equals the migration's old column (the foreign key).
     *
     * @param table       the referenced table
     * @param keyColumn   its key column (usually its primary key)
     * @param valueColumn the column copied
     */
    record Lookup(String table, String keyColumn, String valueColumn) implements Transform {
        public Lookup {
            Identifier.of(Objects.requireNonNull(table, "table"));
            Identifier.of(Objects.requireNonNull(keyColumn, "keyColumn"));
            Identifier.of(Objects.requireNonNull(valueColumn, "valueColumn"));
        }

        @Override
        public String describe(String t, String oldColumn, String newColumn) {
            return "fill " + t + "." + newColumn + " from " + table + "." + valueColumn + " through " + t + "."
                    + oldColumn + " -> " + table + "." + keyColumn;
        }
    }
}
