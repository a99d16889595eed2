package dev.softdelete.hibernate.internal.mapping;

import java.util.List;
import java.util.Optional;

/**
 * How one soft-deletable entity is stored: its root table, single id column and marker columns,
 * plus the children that cascade from it. Names are as mapped (unquoted plain identifiers).
 *
 * @param entityName Hibernate's entity name (the class name for annotated entities)
 * @param javaType the mapped class
 * @param table the table holding the marker (the root table of the hierarchy)
 * @param idColumn the single primary-key column
 * @param markerColumn the deleted-at column
 * @param deletedByColumn the deleted-by column, or {@code null}
 * @param children associations that cascade the deletion
 */
public record EntityMapping(String entityName, Class<?> javaType, String table, String idColumn,
        String markerColumn, String deletedByColumn, List<ChildMapping> children) {

    public EntityMapping {
        children = List.copyOf(children);
    }

    /** Short name for logs, metrics and messages: the simple class name. */
    public String label() {
        return javaType.getSimpleName();
    }

    public Optional<String> deletedBy() {
        return Optional.ofNullable(deletedByColumn);
    }
}
