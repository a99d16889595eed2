package dev.softdelete.core.dialect;

import java.util.Objects;

/**
 * What the library's dual-write triggers on one table do, for {@link Dialect#createDualWriteTriggers}:
 * keep {@code newColumn} equal to a transform of the row while old and new application versions
 * both write it.
 *
 * <ul>
 *   <li><b>Copy</b> ({@code lookup == null}): a write of only the old column copies it to the new
 *       one, a write of only the new column copies it back to the old one (so older readers stay
 *       right); an insert fills whichever of the two is missing.</li>
 *   <li><b>Lookup through a foreign key</b>: {@code oldColumn} is the foreign key; the new column
 *       is set to {@code lookup.valueColumn} of the referenced row whenever a row is inserted or its
 *       key or new column changes, and an update of the referenced value is copied to every
 *       referring row.</li>
 *   <li><b>Expression</b>: the new column is set to the value of a (validated) SQL expression over
 *       the row on every insert and update.</li>
 * </ul>
 *
 * @param table       the table holding both columns
 * @param oldColumn   the authoritative column (for a lookup: the foreign key)
 * @param newColumn   the column being filled
 * @param names       base name of the triggers and functions (validated identifier; the dialect
 *                    appends short suffixes)
 * @param lookup      the referenced table for a lookup, or {@code null}
 * @param expression  the expression for an expression transform, or {@code null}
 * @param javaTrigger for databases whose triggers are Java classes (H2): the class, and the text
 *                    it reads its configuration from (stored as the trigger's comment); ignored
 *                    elsewhere
 */
public record DualWriteTrigger(Identifier table, Identifier oldColumn, Identifier newColumn, Identifier names,
        Lookup lookup, Expression expression, JavaTrigger javaTrigger) {

    public DualWriteTrigger {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(oldColumn, "oldColumn");
        Objects.requireNonNull(newColumn, "newColumn");
        Objects.requireNonNull(names, "names");
    }

    /**
     * The referenced side of a lookup.
     *
     * @param table       the referenced table
     * @param keyColumn   its column the foreign key points at
     * @param valueColumn its column copied into the new column
     */
    public record Lookup(Identifier table, Identifier keyColumn, Identifier valueColumn) {
    }

    /**
     * A SQL expression over one row of the table, already validated: its columns are written plain
     * or qualified by {@code t}, so it can be evaluated as {@code SELECT sql FROM (row) t}.
     *
     * @param sql     the expression
     * @param columns every column of the table, as the catalog stores them (to build the row)
     */
    public record Expression(String sql, java.util.List<Identifier> columns) {
        public Expression {
            Objects.requireNonNull(sql, "sql");
            columns = java.util.List.copyOf(columns);
        }
    }

    /**
     * A trigger implemented by a Java class (H2).
     *
     * @param className     the class, with a public no-argument constructor
     * @param configuration what the class reads back from the trigger's comment
     */
    public record JavaTrigger(String className, String configuration) {
    }

    /** Whether this is a lookup through a foreign key. */
    public boolean isLookup() {
        return lookup != null;
    }

    /** Whether this is an expression over the row. */
    public boolean isExpression() {
        return expression != null;
    }

    /** {@link #names()} with {@code suffix} appended, as an identifier. */
    public Identifier name(String suffix) {
        return names.isQuoted() ? Identifier.quoted(names.name() + suffix) : Identifier.of(names.name() + suffix);
    }
}
