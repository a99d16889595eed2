package dev.softdelete.hibernate.internal.mapping;

import dev.softdelete.hibernate.NotSoftDeletableException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every soft-deletable hierarchy of one session factory, found by root or subclass entity name,
 * by class, or by the table holding the marker.
 */
public final class SoftDeleteMappings {

    private final Map<String, EntityMapping> byRoot = new ConcurrentHashMap<>();
    private final Map<String, String> rootOfEntity = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> rootOfClass = new ConcurrentHashMap<>();
    private final Map<String, String> rootOfTable = new ConcurrentHashMap<>();
    private final Map<String, String> joinedSubclassTables = new ConcurrentHashMap<>();

    void add(EntityMapping mapping) {
        byRoot.put(mapping.entityName(), mapping);
        alias(mapping.entityName(), mapping.javaType(), mapping);
        rootOfTable.put(key(mapping.table().table()), mapping.entityName());
    }

    void alias(String entityName, Class<?> mappedClass, EntityMapping root) {
        rootOfEntity.put(entityName, root.entityName());
        rootOfClass.put(mappedClass, root.entityName());
    }

    void replaceChildren(EntityMapping mapping, List<ChildMapping> children) {
        byRoot.put(mapping.entityName(), mapping.withChildren(children));
    }

    void addJoinedSubclassTable(String table, String rootEntity) {
        joinedSubclassTables.put(key(table), rootEntity);
    }

    /**
     * The mapping of a class, a subclass, or a class extending a mapped one.
     *
     * @throws NotSoftDeletableException when the class is not part of a {@code @SoftDeletable} hierarchy
     */
    public EntityMapping require(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String root = rootOfClass.get(c);
            if (root != null) {
                return byRoot.get(root);
            }
        }
        throw new NotSoftDeletableException(type.getName());
    }

    /** The mapping of an entity name (root or subclass). */
    public Optional<EntityMapping> forEntity(String entityName) {
        String root = entityName == null ? null : rootOfEntity.get(entityName);
        return Optional.ofNullable(root == null ? null : byRoot.get(root));
    }

    /** The mapping whose marker lives in {@code table}, matched case-insensitively. */
    public Optional<EntityMapping> forTable(String table) {
        String root = rootOfTable.get(key(table));
        return Optional.ofNullable(root == null ? null : byRoot.get(root));
    }

    /** The root entity whose joined subclass owns {@code table}, if any. */
    public Optional<String> joinedSubclassOwner(String table) {
        return Optional.ofNullable(joinedSubclassTables.get(key(table)));
    }

    public Collection<EntityMapping> all() {
        return byRoot.values();
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
