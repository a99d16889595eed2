package dev.softdelete.hibernate.internal.bootstrap;

import org.hibernate.mapping.Collection;
import org.hibernate.mapping.RootClass;
import org.hibernate.metamodel.mapping.AuxiliaryMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.MappingModelCreationProcess;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.collection.mutation.DeleteRowsCoordinator;
import org.hibernate.persister.collection.mutation.InsertRowsCoordinator;
import org.hibernate.persister.collection.mutation.RemoveCoordinator;
import org.hibernate.persister.collection.mutation.UpdateRowsCoordinator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.mutation.DeleteCoordinator;
import org.hibernate.persister.entity.mutation.InsertCoordinator;
import org.hibernate.persister.entity.mutation.UpdateCoordinator;
import org.hibernate.persister.state.internal.StandardStateManagement;
import org.hibernate.persister.state.spi.StateManagement;

/**
 * Hibernate 7.4's state-management SPI for a {@code @SoftDeletable} hierarchy (set on the root by the
 * mapping contributor, as Hibernate's own {@code @SoftDelete} sets its own): everything as standard,
 * except that deleting an entity runs the {@link MarkingDeleteCoordinator}, an UPDATE whose instant
 * and actor are bind parameters. Hibernate reads the {@link #INSTANCE} field reflectively.
 */
public final class MarkingStateManagement implements StateManagement {

    /** The instance Hibernate uses (by the SPI's contract, a public static field of this name). */
    public static final MarkingStateManagement INSTANCE = new MarkingStateManagement();

    private static final StateManagement STANDARD = StandardStateManagement.INSTANCE;

    private MarkingStateManagement() {
    }

    @Override
    public DeleteCoordinator createDeleteCoordinator(EntityPersister persister) {
        return new MarkingDeleteCoordinator(persister);
    }

    @Override
    public InsertCoordinator createInsertCoordinator(EntityPersister persister) {
        return STANDARD.createInsertCoordinator(persister);
    }

    @Override
    public UpdateCoordinator createUpdateCoordinator(EntityPersister persister) {
        return STANDARD.createUpdateCoordinator(persister);
    }

    @Override
    public UpdateCoordinator createMergeCoordinator(EntityPersister persister) {
        return STANDARD.createMergeCoordinator(persister);
    }

    @Override
    public InsertRowsCoordinator createInsertRowsCoordinator(CollectionPersister persister) {
        return STANDARD.createInsertRowsCoordinator(persister);
    }

    @Override
    public UpdateRowsCoordinator createUpdateRowsCoordinator(CollectionPersister persister) {
        return STANDARD.createUpdateRowsCoordinator(persister);
    }

    @Override
    public DeleteRowsCoordinator createDeleteRowsCoordinator(CollectionPersister persister) {
        return STANDARD.createDeleteRowsCoordinator(persister);
    }

    @Override
    public RemoveCoordinator createRemoveCoordinator(CollectionPersister persister) {
        return STANDARD.createRemoveCoordinator(persister);
    }

    @Override
    public AuxiliaryMapping createAuxiliaryMapping(EntityPersister persister, RootClass bootDescriptor,
            MappingModelCreationProcess creationProcess) {
        return STANDARD.createAuxiliaryMapping(persister, bootDescriptor, creationProcess);
    }

    @Override
    public AuxiliaryMapping createAuxiliaryMapping(PluralAttributeMapping pluralAttributeMapping,
            Collection bootDescriptor, MappingModelCreationProcess creationProcess) {
        return STANDARD.createAuxiliaryMapping(pluralAttributeMapping, bootDescriptor, creationProcess);
    }
}
