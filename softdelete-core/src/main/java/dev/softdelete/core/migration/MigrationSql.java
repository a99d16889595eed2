package dev.softdelete.core.migration;

import dev.softdelete.core.dialect.Dialect;
import dev.softdelete.core.dialect.DualWriteTrigger;
import dev.softdelete.core.dialect.Identifier;

/**
 * The statements of one migration, with every name as the catalog stores it and quoted by the
 * dialect. Keys are a single integer column; values are bound, never spliced.
 */
final class MigrationSql {

    private final Dialect dialect;
    final Identifier table;
    final Identifier key;
    final Identifier oldColumn;
    final Identifier newColumn;
    final DualWriteTrigger.Lookup lookup;
    private final String q;
    private final String k;
    private final String o;
    private final String n;

    MigrationSql(Dialect dialect, String table, String key, String oldColumn, String newColumn,
            DualWriteTrigger.Lookup lookup) {
        this.dialect = dialect;
        this.table = Identifier.quoted(table);
        this.key = Identifier.quoted(key);
        this.oldColumn = Identifier.quoted(oldColumn);
        this.newColumn = Identifier.quoted(newColumn);
        this.lookup = lookup;
        this.q = dialect.quote(this.table);
        this.k = dialect.quote(this.key);
        this.o = dialect.quote(this.oldColumn);
        this.n = dialect.quote(this.newColumn);
    }

    /** The new value as a function of the row of the table (columns qualified by the table's name). */
    String value() {
        if (lookup == null) {
            return q + "." + o;
        }
        return "(SELECT r." + dialect.quote(lookup.valueColumn()) + " FROM " + dialect.quote(lookup.table()) + " r WHERE r."
                + dialect.quote(lookup.keyColumn()) + " = " + q + "." + o + ")";
    }

    /** Rows the backfill still has to fill. */
    String needs() {
        return q + "." + n + " IS NULL AND " + q + "." + o + " IS NOT NULL";
    }

    /** Rows whose new column disagrees with the transform. */
    String mismatch() {
        return dialect.isDistinctFrom(q + "." + n, value());
    }

    /** Smallest and largest key, and the rows needing the backfill. Parameters: none. */
    String bounds() {
        return "SELECT MIN(" + k + "), MAX(" + k + "), COUNT(CASE WHEN " + needs() + " THEN 1 END) FROM " + q;
    }

    /** The key {@code offset} rows after a cursor; parameters: after, upTo, offset. */
    String boundary() {
        return "SELECT " + k + " FROM " + q + " WHERE " + k + " > ? AND " + k + " <= ? ORDER BY " + k
                + " LIMIT 1 OFFSET ?";
    }

    /** Fills the rows of a key range that still need it; parameters: after, upTo. */
    String update() {
        return "UPDATE " + q + " SET " + n + " = " + value() + " WHERE " + k + " > ? AND " + k + " <= ? AND " + needs();
    }

    String countMismatches() {
        return "SELECT COUNT(*) FROM " + q + " WHERE " + mismatch();
    }

    /** Keys of mismatching rows; parameter: limit. */
    String sampleMismatches() {
        return "SELECT " + k + " FROM " + q + " WHERE " + mismatch() + " ORDER BY " + k + " LIMIT ?";
    }

    /** The triggers' description. */
    DualWriteTrigger trigger(Identifier names, DualWriteTrigger.JavaTrigger javaTrigger) {
        return new DualWriteTrigger(table, oldColumn, newColumn, names, lookup, javaTrigger);
    }
}
