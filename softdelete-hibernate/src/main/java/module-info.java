/**
 * softdelete for Hibernate ORM 7: {@code @SoftDeletable} entities, restore, listing and purge.
 * Exports the API packages only; the integration is service-loaded by Hibernate.
 */
module dev.softdelete.hibernate {
    requires transitive dev.softdelete.core;
    requires transitive jakarta.persistence;
    requires transitive org.hibernate.orm.core;
    requires org.slf4j;
    // Hibernate's SessionFactory is Referenceable (JNDI); the automatic module cannot say so itself.
    requires java.naming;

    exports dev.softdelete.hibernate;
    exports dev.softdelete.hibernate.ddl;
    exports dev.softdelete.hibernate.delete;
    exports dev.softdelete.hibernate.event;
    exports dev.softdelete.hibernate.listing;
    exports dev.softdelete.hibernate.purge;
    exports dev.softdelete.hibernate.restore;
    exports dev.softdelete.hibernate.scope;
    // Hibernate reads MarkingStateManagement.INSTANCE reflectively (state-management SPI).
    exports dev.softdelete.hibernate.internal.bootstrap to org.hibernate.orm.core;

    provides org.hibernate.boot.spi.AdditionalMappingContributor
            with dev.softdelete.hibernate.internal.bootstrap.SoftDeleteMappingContributor;
    provides org.hibernate.integrator.spi.Integrator
            with dev.softdelete.hibernate.internal.bootstrap.SoftDeleteIntegrator;
    provides org.hibernate.service.spi.ServiceContributor
            with dev.softdelete.hibernate.internal.bootstrap.SoftDeleteServiceContributor;
}
