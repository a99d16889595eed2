package dev.softdelete.core.migration;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.DualWriteTrigger;
import dev.softdelete.core.dialect.Identifier;

/**
 * The statements of one migration, with every name as the catalog stores it and quoted by the
 * dialect. The table is aliased {@code t} in every statement (an expression transform may name its
 * columns {@code t.column}). Keys are a single integer column; values are bound, never spliced.
 */
final class MigrationSql {

    private static final String T = "t";

    private final Dialect dialect;
    final Identifier table;
    final Identifier key;
    final Identifier oldColumn;
    final Identifier newColumn;
    final DualWriteTrigger.Lookup lookup;
    final DualWriteTrigger.Expression expression;
    private final String q;
    private final String k;
    private final String o;
    private final String n;

    MigrationSql(Dialect dialect, String table, String key, String oldColumn, String newColumn,
            DualWriteTrigger.Lookup lookup, DualWriteTrigger.Expression expression) {
        this.dialect = dialect;
        this.table = Identifier.quoted(table);
        this.key = Identifier.quoted(key);
        this.oldColumn = Identifier.quoted(oldColumn);
        this.newColumn = Identifier.quoted(newColumn);
        this.lookup = lookup;
        this.expression = expression;
        this.q = dialect.quote(this.table);
        this.k = T + "." + dialect.quote(this.key);
        this.o = T + "." + dialect.quote(this.oldColumn);
        this.n = T + "." + dialect.quote(this.newColumn);
    }

    /** The new value as a function of the row {@code t}. */
    String value() {
        if (expression != null) {
            return "(" + expression.sql() + ")";
        }
        if (lookup == null) {
            return o;
        }
        return "(SELECT r." + dialect.quote(lookup.valueColumn()) + " FROM " + dialect.quote(lookup.table()) + " r WHERE r."
                + dialect.quote(lookup.keyColumn()) + " = " + o + ")";
    }

    /** Rows the backfill still has to fill. */
    String needs() {
        return n + " IS NULL AND " + (expression != null ? value() : o) + " IS NOT NULL";
    }

    /** Rows whose new column disagrees with the transform. */
    String mismatch() {
        return dialect.isDistinctFrom(n, value());
    }

    /** Smallest and largest key, and the rows needing the backfill. Parameters: none. */
    String bounds() {
        return "SELECT MIN(" + k + "), MAX(" + k + "), COUNT(CASE WHEN " + needs() + " THEN 1 END) FROM " + q + " " + T;
    }

    /** The key {@code offset} rows after a cursor; parameters: after, upTo, offset. */
    String boundary() {
        return "SELECT " + k + " FROM " + q + " " + T + " WHERE " + k + " > ? AND " + k + " <= ? ORDER BY " + k
                + " LIMIT 1 OFFSET ?";
    }

    /** Fills the rows of a key range that still need it; parameters: after, upTo. */
    String update() {
        return "UPDATE " + q + " " + T + " SET " + dialect.quote(newColumn) + " = " + value() + " WHERE " + k + " > ? AND "
                + k + " <= ? AND " + needs();
    }

    String countMismatches() {
        return "SELECT COUNT(*) FROM " + q + " " + T + " WHERE " + mismatch();
    }

    /** Keys of mismatching rows; parameter: limit. */
    String sampleMismatches() {
        return "SELECT " + k + " FROM " + q + " " + T + " WHERE " + mismatch() + " ORDER BY " + k + " LIMIT ?";
    }

    /** The triggers' description. */
    DualWriteTrigger trigger(Identifier names, DualWriteTrigger.JavaTrigger javaTrigger) {
        return new DualWriteTrigger(table, oldColumn, newColumn, names, lookup, expression, javaTrigger);
    }
}
