package dev.softdelete.core.runs;

import dev.softdelete.core.SoftDeleteException;
import java.util.Map;

/**
 * Rows of a table without a marker column reference rows the run would soft-delete, and the rule
 * set does not say what to do with them; nothing was applied.
 */
public class BlockingChildrenException extends SoftDeleteException {

    private final Map<String, Long> blocking;

    /** Creates the exception; {@code blocking} maps each blocking table to its referencing rows. */
    public BlockingChildrenException(String table, Map<String, Long> blocking) {
        super("A run on " + table + " would leave rows of tables without a soft-delete marker column referencing"
                + " soft-deleted rows: " + blocking + " (table=rows). Add a marker column to those tables (the run then"
                + " soft-deletes their rows too), skip the parents they reference with"
                + " Exclusion.referencedFrom(table), or leave their rows as they are with"
                + " RuleSet.Builder.keepChildren(table). Nothing was changed.");
        this.blocking = Map.copyOf(blocking);
    }

    /** Returns each blocking table with the number of its rows referencing rows the run would soft-delete. */
    public Map<String, Long> blocking() {
        return blocking;
    }
}
