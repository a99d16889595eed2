package dev.softdelete.hibernate.internal.mapping;

import dev.softdelete.core.SoftDeleteException;
import dev.softdelete.core.dialect.InvalidIdentifierException;
import dev.softdelete.core.table.SoftDeletableTable;
import dev.softdelete.hibernate.SoftDeletable;
import dev.softdelete.hibernate.SoftDeleteSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.NotFoundAction;
import org.hibernate.engine.OptimisticLockStyle;
import org.hibernate.engine.spi.CascadingActions;
import org.hibernate.mapping.JoinedSubclass;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.persister.state.spi.StateManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link SoftDeletable} to Hibernate's boot model: the state management whose delete
 * marks the root row, the default view's restriction and the two scope filters on the root and on
 * every to-many collection of the entity (see {@link ViewMarkers}), and the cascade children.
 */
public final class MappingBinder {

    private static final Logger LOG = LoggerFactory.getLogger(MappingBinder.class);

    private final SoftDeleteMappings mappings;
    private final ViewMarkers markers;
    private final Class<? extends StateManagement> stateManagement;

    /**
     * @param mappings        where the bound hierarchies are recorded
     * @param markers         the SQL of the default view and of the scope filters
     * @param stateManagement Hibernate's state management for the roots: the one whose delete
     *                        coordinator marks the row
     */
    public MappingBinder(SoftDeleteMappings mappings, ViewMarkers markers,
            Class<? extends StateManagement> stateManagement) {
        this.mappings = mappings;
        this.markers = markers;
        this.stateManagement = stateManagement;
    }

    /** Binds one hierarchy whose root class carries the annotation. */
    public void bindHierarchy(RootClass root, SoftDeletable annotation) {
        if (root.getIdentifier().getColumnSpan() != 1) {
            throw new SoftDeleteException("@SoftDeletable entity " + root.getEntityName() + " has a composite key ("
                    + root.getIdentifier().getColumnSpan() + " columns). softdelete-hibernate supports single-column"
                    + " ids only: map a surrogate id, or use Hibernate's @SQLDelete and @Filter for this entity.");
        }
        if (root.getOptimisticLockStyle() == OptimisticLockStyle.ALL
                || root.getOptimisticLockStyle() == OptimisticLockStyle.DIRTY) {
            throw new SoftDeleteException("@SoftDeletable entity " + root.getEntityName() + " uses optimistic-lock="
                    + root.getOptimisticLockStyle() + "; use @Version (or no optimistic locking) instead.");
        }
        SoftDeletableTable names = describe(root, annotation);
        String marker = names.markerColumn();
        // The default view: a restriction in the mapping (no filter enabled, so plans are cached).
        root.setWhere(and(root.getWhere(), markers.activeRestriction(marker)));
        // The scopes: filters whose only job is to mark the statement for the statement inspector.
        root.addFilter(SoftDeleteSettings.INCLUDE_DELETED_FILTER, markers.allCondition(), true, Map.of(), Map.of());
        root.addFilter(SoftDeleteSettings.DELETED_FILTER, markers.deletedCondition(), true, Map.of(), Map.of());
        if (root.getStateManagementType() != null) {
            throw new SoftDeleteException("@SoftDeletable entity " + root.getEntityName() + " already has Hibernate state"
                    + " management " + root.getStateManagementType().getSimpleName() + " (@SoftDelete, @Audited or a"
                    + " temporal mapping); use one of them, not both.");
        }
        // Deleting any class of the hierarchy marks the root row (joined subclass rows stay), with
        // the instant and the actor bound as parameters: see MarkingDeleteCoordinator.
        root.setStateManagementType(stateManagement);
        for (PersistentClass subclass : root.getSubclassClosure()) {
            if (subclass instanceof JoinedSubclass joined) {
                mappings.addJoinedSubclassTable(joined.getTable().getName(), root.getEntityName());
            }
        }
        EntityMapping mapping = new EntityMapping(root.getEntityName(), root.getMappedClass(), names, List.of());
        mappings.add(mapping);
        for (PersistentClass subclass : root.getSubclassClosure()) {
            if (subclass != root && subclass.getMappedClass() != null) {
                mappings.alias(subclass.getEntityName(), subclass.getMappedClass(), mapping);
            }
        }
    }

    /**
     * The core's description of the root table. Names must be plain identifiers, as everywhere in
     * the library; the check happens here so that the message names the entity.
     */
    private static SoftDeletableTable describe(RootClass root, SoftDeletable annotation) {
        try {
            return new SoftDeletableTable(root.getTable().getName(),
                    root.getIdentifier().getColumns().get(0).getName(), annotation.column(),
                    annotation.deletedBy().isBlank() ? null : annotation.deletedBy());
        } catch (InvalidIdentifierException e) {
            throw new SoftDeleteException("@SoftDeletable entity " + root.getEntityName() + ": " + e.getMessage(), e);
        }
    }

    /** Records, for every soft-deletable parent, the soft-deletable children its removal cascades to. */
    public void bindChildren(Collection<PersistentClass> entities) {
        for (PersistentClass entity : entities) {
            var parent = mappings.forEntity(entity.getEntityName());
            if (parent.isEmpty()) {
                continue;
            }
            List<ChildMapping> children = new ArrayList<>(mappings.forEntity(entity.getEntityName()).get().children());
            for (Property property : entity.getPropertyClosure()) {
                if (!(property.getValue() instanceof org.hibernate.mapping.Collection collection)
                        || !(collection.getElement() instanceof OneToMany element)) {
                    continue;
                }
                boolean cascades = property.getCascadeStyle().doCascade(CascadingActions.REMOVE)
                        || property.getCascadeStyle().hasOrphanDelete() || collection.hasOrphanDelete();
                if (!cascades) {
                    continue;
                }
                String childEntity = element.getReferencedEntityName();
                if (mappings.forEntity(childEntity).isEmpty()) {
                    LOG.warn("{}.{} cascades removal to {}, which is not @SoftDeletable: those children will be"
                            + " deleted for good when the parent is soft-deleted.", entity.getEntityName(),
                            property.getName(), childEntity);
                    continue;
                }
                String fk = collection.getKey().getColumns().get(0).getName();
                ChildMapping child = new ChildMapping(parent.get().entityName(),
                        mappings.forEntity(childEntity).get().entityName(), fk);
                if (!children.contains(child)) {
                    children.add(child);
                }
            }
            mappings.replaceChildren(parent.get(), children);
        }
    }

    /** Adds the default restriction and the scope filters to every to-many collection of a soft-deletable entity. */
    public void bindCollectionFilters(Collection<org.hibernate.mapping.Collection> collections) {
        for (org.hibernate.mapping.Collection collection : collections) {
            if (collection.getElement() instanceof OneToMany element) {
                mappings.forEntity(element.getReferencedEntityName()).map(m -> m.table().markerColumn())
                        .ifPresent(marker -> {
                            collection.setWhere(and(collection.getWhere(), markers.activeRestriction(marker)));
                            collection.addFilter(SoftDeleteSettings.INCLUDE_DELETED_FILTER, markers.allCondition(),
                                    true, Map.of(), Map.of());
                            collection.addFilter(SoftDeleteSettings.DELETED_FILTER, markers.deletedCondition(), true,
                                    Map.of(), Map.of());
                        });
            } else if (collection.getElement() instanceof ManyToOne element) {
                mappings.forEntity(element.getReferencedEntityName()).map(m -> m.table().markerColumn())
                        .ifPresent(marker -> {
                            collection.setManyToManyWhere(and(collection.getManyToManyWhere(),
                                    markers.activeRestriction(marker)));
                            collection.addManyToManyFilter(SoftDeleteSettings.INCLUDE_DELETED_FILTER,
                                    markers.allCondition(), true, Map.of(), Map.of());
                            collection.addManyToManyFilter(SoftDeleteSettings.DELETED_FILTER,
                                    markers.deletedCondition(), true, Map.of(), Map.of());
                        });
            }
        }
    }

    /**
     * Makes an eager many-to-one to a soft-deletable entity fail loudly when its row is deleted
     * (Hibernate's {@code FetchNotFoundException}, a JPA {@code EntityNotFoundException}), as
     * {@code @NotFound(EXCEPTION)} does, instead of reading {@code null}: an entity holding that
     * {@code null} could write it over the foreign key on its next update. Lazy ones are left lazy
     * (initializing their proxy throws {@code ObjectNotFoundException}); an explicit
     * {@code @NotFound} is kept.
     */
    public void bindToOneReferences(Collection<PersistentClass> entities) {
        for (PersistentClass entity : entities) {
            for (Property property : entity.getProperties()) {
                if (property.getValue() instanceof ManyToOne toOne && !toOne.isLazy()
                        && toOne.getNotFoundAction() == null
                        && mappings.forEntity(toOne.getReferencedEntityName()).isPresent()) {
                    toOne.setNotFoundAction(NotFoundAction.EXCEPTION);
                }
            }
        }
    }

    /** Ours and an existing restriction (e.g. {@code @SQLRestriction}). */
    private static String and(String existing, String ours) {
        return existing == null || existing.isBlank() ? ours : ours + " and (" + existing + ")";
    }

}
