package dev.softdelete.core.deprecation;

import dev.softdelete.core.dialect.SchemaObjectType;
import java.util.Objects;

/**
 * One element to deprecate, named as the application writes it (plain identifiers, matched the way
 * the database matches unquoted names).
 *
 * @param type  what it is
 * @param table the table it belongs to (column, index, constraint), or {@code null}
 * @param name  its name (for a table, the table's name)
 */
public record DeprecationTarget(SchemaObjectType type, String table, String name) {

    /** Checks that the parts needed for the type are there (names are validated when planning). */
    public DeprecationTarget {
        Objects.requireNonNull(type, "type");
        if (type.belongsToTable() && table == null) {
            throw new DeprecationInputException("A " + type + " needs its table: use DeprecationTarget."
                    + type.name().toLowerCase(java.util.Locale.ROOT) + "(table, name).");
        }
        if (!type.belongsToTable()) {
            table = null;
        }
    }

    /** A table. */
    public static DeprecationTarget table(String table) {
        return new DeprecationTarget(SchemaObjectType.TABLE, null, table);
    }

    /** A column of a table. */
    public static DeprecationTarget column(String table, String column) {
        return new DeprecationTarget(SchemaObjectType.COLUMN, table, column);
    }

    /** An index of a table. */
    public static DeprecationTarget index(String table, String index) {
        return new DeprecationTarget(SchemaObjectType.INDEX, table, index);
    }

    /** A named constraint of a table (not on MariaDB/MySQL, which cannot rename constraints). */
    public static DeprecationTarget constraint(String table, String constraint) {
        return new DeprecationTarget(SchemaObjectType.CONSTRAINT, table, constraint);
    }

    /** An enum type (PostgreSQL). */
    public static DeprecationTarget enumType(String type) {
        return new DeprecationTarget(SchemaObjectType.ENUM_TYPE, null, type);
    }

    /** A sequence (PostgreSQL). */
    public static DeprecationTarget sequence(String sequence) {
        return new DeprecationTarget(SchemaObjectType.SEQUENCE, null, sequence);
    }

    /** {@code table.name} or {@code name}, as given. */
    @Override
    public String toString() {
        return type + " " + (table == null ? name : table + "." + name);
    }
}
