package dev.softdelete.core.dialect;

/**
 * Kinds of schema objects the library can find, describe and rename (deprecation). Enum types and
 * sequences exist as objects of their own on PostgreSQL only ({@link SchemaObjects#unsupported}).
 */
public enum SchemaObjectType {
    /** A base table. */
    TABLE,
    /** A column of a table. */
    COLUMN,
    /** An index of a table. */
    INDEX,
    /** A named constraint of a table (primary key, unique, check, foreign key). */
    CONSTRAINT,
    /** A user-defined enum type (PostgreSQL {@code CREATE TYPE ... AS ENUM}). */
    ENUM_TYPE,
    /** A sequence. */
    SEQUENCE;

    /** Whether the object lives inside a table (column, index, constraint) rather than on its own. */
    public boolean belongsToTable() {
        return this == COLUMN || this == INDEX || this == CONSTRAINT;
    }
}
