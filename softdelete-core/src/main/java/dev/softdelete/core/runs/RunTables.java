package dev.softdelete.core.runs;

import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.LibraryTable;

/** Quoted names of the two library tables runs write, and the item states they use. */
record RunTables(String runs, String items) {

    static final String APPLIED = "APPLIED";
    static final String UNDONE = "UNDONE";
    static final String CONFLICT = "CONFLICT";
    static final String SOFT_DELETE = "SOFT_DELETE";

    static RunTables of(LibrarySchema schema) {
        return new RunTables(schema.table(LibraryTable.RUNS), schema.table(LibraryTable.RUN_ITEMS));
    }

    /**
     * The start of an INSERT of run items: {@code row_key} is the key's text form
     * ({@code KeyCodec.text}), {@code row_key_digest} its digest ({@code KeyCodec.digest}), which items
     * are keyed and walked by.
     */
    String insertItemColumns() {
        return "INSERT INTO " + items + " (run_id, table_name, row_key, row_key_digest, action, state, previous_marker,"
                + " applied_marker, batch_no, changed_at)";
    }
}
