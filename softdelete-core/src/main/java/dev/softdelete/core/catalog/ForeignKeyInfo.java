package dev.softdelete.core.catalog;

import java.util.List;

/**
 * A foreign key: {@code childTable(childColumns)} references {@code parentTable(parentColumns)}.
 * {@code deleteRule} is a {@link java.sql.DatabaseMetaData} {@code importedKey*} constant.
 *
 * @param name          the constraint's name
 * @param childTable    the referencing table
 * @param childColumns  its referencing columns, in key order
 * @param parentTable   the referenced table
 * @param parentColumns its referenced columns, in key order
 * @param deleteRule    what a parent delete does, a {@code DatabaseMetaData.importedKey*} constant
 */
public record ForeignKeyInfo(String name, String childTable, List<String> childColumns, String parentTable,
        List<String> parentColumns, int deleteRule) {

    /** Copies the column lists. */
    public ForeignKeyInfo {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
    }
}
