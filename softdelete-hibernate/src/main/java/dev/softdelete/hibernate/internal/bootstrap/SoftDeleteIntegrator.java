package dev.softdelete.hibernate.internal.bootstrap;

import dev.softdelete.hibernate.event.SoftDeleteEvent;
import dev.softdelete.hibernate.internal.mapping.EntityMapping;
import dev.softdelete.hibernate.internal.operation.DeleteTally;
import dev.softdelete.hibernate.internal.operation.Operation;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Service-loaded third step: declares the soft-deletable tables to the core (see
 * {@code SoftDelete.tables()}) and listens to entity deletes. Before Hibernate prepares the generated
 * soft-delete statement, makes the session's {@link Operation} current (so the statement carries
 * its instant and actor); after it ran, notifies listeners; the operation is counted and timed when
 * the transaction ends ({@link DeleteTally}).
 */
public final class SoftDeleteIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        SoftDeleteRuntime runtime = SoftDeleteRuntime.from(sessionFactory.getServiceRegistry());
        if (runtime == null || runtime.mappings().all().isEmpty()) {
            return;
        }
        runtime.registerTables();
        runtime.connectionAccess(sessionFactory.getJdbcServices().getBootstrapJdbcConnectionAccess());
        EventListenerRegistry listeners = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
        Listener listener = new Listener(runtime);
        listeners.appendListeners(EventType.PRE_DELETE, listener);
        listeners.appendListeners(EventType.POST_DELETE, listener);
    }

    private static final class Listener implements PreDeleteEventListener, PostDeleteEventListener {

        private final SoftDeleteRuntime runtime;
        private final DeleteTally tally;

        Listener(SoftDeleteRuntime runtime) {
            this.runtime = runtime;
            this.tally = runtime.deletes();
        }

        @Override
        public boolean onPreDelete(PreDeleteEvent event) {
            runtime.mappings().forEntity(event.getPersister().getEntityName()).ifPresent(mapping -> {
                runtime.operations().enter(event.getSession());
                runtime.markerHasZone(mapping);
                tally.started(event.getSession(), event.getEntity());
            });
            return false;
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            var found = runtime.mappings().forEntity(event.getPersister().getEntityName());
            if (found.isEmpty()) {
                return;
            }
            EntityMapping mapping = found.get();
            Operation operation = runtime.operations().enter(event.getSession());
            tally.deleted(event.getSession(), mapping.label(), event.getEntity());
            if (runtime.listeners().any()) {
                runtime.listeners().softDeleted(new SoftDeleteEvent(mapping.label(), event.getId(), operation.at(),
                        operation.actor()));
            }
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }
    }
}
