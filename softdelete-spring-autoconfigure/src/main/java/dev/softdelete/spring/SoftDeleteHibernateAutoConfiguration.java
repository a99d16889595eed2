package dev.softdelete.spring;

import dev.softdelete.core.SoftDelete;
import dev.softdelete.hibernate.HibernateSoftDelete;
import dev.softdelete.hibernate.SoftDeleteSettings;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    /**
     * {@code softdelete.enabled=false} also switches the service-loaded Hibernate integration off
     * ({@link SoftDeleteSettings#INTEGRATION_ENABLED}): {@code @SoftDeletable} is then ignored.
     */
    @AutoConfiguration(beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
    @ConditionalOnClass({HibernateSoftDelete.class, HibernatePropertiesCustomizer.class})
    @ConditionalOnProperty(prefix = "softdelete", name = "enabled", havingValue = "false")
    public static class SwitchedOffConfiguration {

        /** Tells the Hibernate integration to do nothing for the application's factory. */
        @Bean
        HibernatePropertiesCustomizer softDeleteSwitchedOff() {
            return properties -> properties.put(SoftDeleteSettings.INTEGRATION_ENABLED, "false");
        }
    }

    /** Registered after Boot has built the EntityManagerFactory. */
    @AutoConfiguration(afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
    @ConditionalOnClass(HibernateSoftDelete.class)
    @ConditionalOnProperty(prefix = "softdelete", name = "enabled", matchIfMissing = true)
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
