package dev.softdelete.core.runs;

import dev.softdelete.core.schema.LibrarySchema;
import dev.softdelete.core.schema.LibraryTable;

/** Quoted names of the two library tables runs write: the registry and the batch records. */
record RunTables(String runs, String batches) {

    static RunTables of(LibrarySchema schema) {
        return new RunTables(schema.table(LibraryTable.RUNS), schema.table(LibraryTable.RUN_BATCHES));
    }
}
