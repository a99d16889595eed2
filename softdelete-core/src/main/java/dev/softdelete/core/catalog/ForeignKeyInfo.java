package dev.softdelete.core.catalog;

import java.util.List;

/**
 * A foreign key: {@code childTable(childColumns)} references {@code parentTable(parentColumns)}.
 * {@code deleteRule} is a {@link java.sql.DatabaseMetaData} {@code importedKey*} constant.
 */
public record ForeignKeyInfo(String name, String childTable, List<String> childColumns, String parentTable,
        List<String> parentColumns, int deleteRule) {

    public ForeignKeyInfo {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
    }
}
