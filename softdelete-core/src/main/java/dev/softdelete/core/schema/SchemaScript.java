package dev.softdelete.core.schema;

import dev.softdelete.core.dialect.DatabaseKind;
import java.util.List;

/**
 * A versioned schema script shipped in the jar at
 * {@code db/softdelete/{h2|postgresql|mysql}/V{version}__{name}.sql}. Flyway and Liquibase users
 * point at the same files; {@code ${softdelete_prefix}} is the table-prefix placeholder.
 *
 * @param version the script's version, applied in ascending order
 * @param name    the file name's description part, e.g. {@code softdelete_schema}
 */
public record SchemaScript(int version, String name) {

    /** Every script, in order. A new version is appended here and added for each database. */
    public static final List<SchemaScript> ALL = List.of(
            new SchemaScript(1, "softdelete_schema"),
            new SchemaScript(2, "drop_run_items_row_index"),
            new SchemaScript(3, "fencing_tokens"),
            new SchemaScript(4, "row_keys"),
            new SchemaScript(5, "run_batches"),
            new SchemaScript(6, "deprecation_workflow"),
            new SchemaScript(7, "field_migrations"),
            new SchemaScript(8, "schedule_ticks"));

    /** The placeholder for the table prefix inside the scripts. */
    public static final String PREFIX_PLACEHOLDER = "${softdelete_prefix}";

    /** Classpath location of this script for a database. */
    public String resource(DatabaseKind kind) {
        return "db/softdelete/" + kind.scriptFolder() + "/V" + version + "__" + name + ".sql";
    }
}
