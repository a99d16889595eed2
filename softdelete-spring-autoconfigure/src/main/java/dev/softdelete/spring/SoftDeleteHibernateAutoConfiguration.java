package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.SoftDeleteSettings;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Soft delete for Hibernate entities in a Spring Boot application. The {@code @SoftDeletable}
 * integration itself is service-loaded by Hibernate; this configuration hands it the
 * application's {@link SoftDelete} (clock, actor provider for {@code deleted_by}, metrics) and
 * exposes {@link HibernateSoftDelete} (restore, deleted items, purge, hard delete) as a bean.
 */
@AutoConfiguration(after = SoftDeleteAutoConfiguration.class,
        beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({HibernateSoftDelete.class, HibernatePropertiesCustomizer.class})
@ConditionalOnBean(SoftDelete.class)
public class SoftDeleteHibernateAutoConfiguration {

    @Bean
    HibernatePropertiesCustomizer softDeleteHibernatePropertiesCustomizer(SoftDelete softDelete) {
        return properties -> properties.put(SoftDeleteSettings.CORE, softDelete);
    }

    /** Registered after Boot has built the EntityManagerFactory. */
    @AutoConfiguration(afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
    @ConditionalOnClass(HibernateSoftDelete.class)
    @ConditionalOnSingleCandidate(EntityManagerFactory.class)
    public static class EntityManagerFactoryConfiguration {

        /** The Hibernate integration for the single {@link EntityManagerFactory}. */
        @Bean
        @ConditionalOnMissingBean
        public HibernateSoftDelete hibernateSoftDelete(EntityManagerFactory entityManagerFactory) {
            return HibernateSoftDelete.of(entityManagerFactory);
        }
    }
}
