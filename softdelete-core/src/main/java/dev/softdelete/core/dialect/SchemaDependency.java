package dev.softdelete.core.dialect;

/**
 * Something in the catalog that depends on, or is attached to, a schema object.
 *
 * @param kind     what it is: {@code VIEW}, {@code FOREIGN_KEY_IN}, {@code FOREIGN_KEY_OUT},
 *                 {@code FOREIGN_KEY}, {@code PRIMARY_KEY}, {@code TRIGGER}, {@code GENERATED_COLUMN},
 *                 {@code DEFAULT}, {@code INDEX}, {@code CONSTRAINT}, {@code OWNED_SEQUENCE},
 *                 {@code BACKS_CONSTRAINT}, {@code COLUMN_OF_TYPE}, {@code FUNCTION}, {@code IDENTITY},
 *                 {@code OWNED_BY}, {@code SOFT_DELETABLE} (the library's own use)
 * @param name     its name (a view, constraint, trigger, index or {@code table.column})
 * @param detail   one line for people: why it matters
 * @param blocking whether renaming the object would break it or leave it in use, so that the
 *                 deprecation is BLOCKED; non-blocking ones (an index on a column) move with the rename
 */
public record SchemaDependency(String kind, String name, String detail, boolean blocking) {
}
