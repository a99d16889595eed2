package dev.softdelete.hibernate.internal.mapping;

import dev.softdelete.core.table.SoftDeletableTable;
import java.util.List;

/**
 * One soft-deletable entity hierarchy: its names in Hibernate, the core's description of the table
 * holding the marker (the same {@link SoftDeletableTable} that runs, purge and the JDBC proxy read),
 * and the children that cascade from it.
 *
 * @param entityName Hibernate's entity name of the root (the class name for annotated entities)
 * @param javaType the mapped root class
 * @param table the root table with its single id column, marker and deleted-by columns (plain names)
 * @param children associations that cascade the deletion
 */
public record EntityMapping(String entityName, Class<?> javaType, SoftDeletableTable table,
        List<ChildMapping> children) {

    public EntityMapping {
        children = List.copyOf(children);
    }

    /** Short name for logs, metrics and messages: the simple class name. */
    public String label() {
        return javaType.getSimpleName();
    }

    /** The same hierarchy with {@code children} instead of the current ones. */
    EntityMapping withChildren(List<ChildMapping> children) {
        return new EntityMapping(entityName, javaType, table, children);
    }
}
